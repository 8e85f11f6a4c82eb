/**
 * Benchmark aggregation at national scale: 400 synthetic councils × 5 reporting years (2,000 submissions),
 * read from JSON text, validated, aggregated into every cohort and metric with full disclosure control
 * (threshold, dominance, secondary suppression, rounding checks), and the shared view built.
 * The baseline, measured in the same run on the same texts, is the least any tool must do: JSON.parse each
 * submission and add up its total with Decimal. Times are the median of several runs; peak memory is the
 * growth of the heap over one run (collected
 * before it, not during it), the largest of the runs.
 */
import { COUNCIL_TYPES, type CouncilType } from '../../src/activity/council.js';
import { benchmark, parseSubmission, sharedView, type Submission } from '../../src/benchmark/index.js';
import { Decimal, ZERO } from '../../src/decimal.js';
import { prng, syntheticCouncils, totalsOnlySubmission } from '../../examples/build-submissions.js';

const COUNCILS = 400;
const YEARS = [2019, 2020, 2021, 2022, 2023];
const RUNS = 5;

/** Roughly the national mix: mostly districts, then unitaries, metropolitan districts, London boroughs, counties. */
function councilMix(): CouncilType[] {
  const weights: Partial<Record<CouncilType, number>> = { district: 164, unitary: 62, 'metropolitan-district': 36, 'london-borough': 33, county: 21, 'welsh-unitary': 22, 'scottish-unitary': 32, 'combined-authority': 30 };
  const mix = COUNCIL_TYPES.flatMap((t) => Array<CouncilType>(weights[t] ?? 0).fill(t));
  return mix.slice(0, COUNCILS);
}

function texts(): string[] {
  const rng = prng(7);
  const councils = syntheticCouncils(councilMix(), rng);
  return councils.flatMap((c) => YEARS.map((y, i) => JSON.stringify(totalsOnlySubmission(c, y, i, rng))));
}

function baseline(inputs: readonly string[]): Decimal {
  let total = ZERO;
  for (const text of inputs) total = total.add(new Decimal((JSON.parse(text) as { totals: { total: string } }).totals.total));
  return total;
}

function full(inputs: readonly string[]): number {
  const submissions: Submission[] = [];
  for (const text of inputs) {
    const r = parseSubmission(JSON.parse(text), { note: 'bench' });
    if (r.ok) submissions.push(r.submission);
  }
  const report = sharedView(benchmark(submissions));
  return report.baseGroups.length;
}

function measure(run: () => unknown): { ms: number; peakMb: number } {
  const times: number[] = [];
  let peak = 0;
  for (let i = 0; i < RUNS; i++) {
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
    // Run synchronously, so the heap just after it (garbage not yet collected) approximates its peak.
    peak = Math.max(peak, process.memoryUsage().heapUsed - before);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)]!, peakMb: peak / 1024 / 1024 };
}

export default async function (print: (line: string) => void): Promise<void> {
  const inputs = texts();
  const base = measure(() => baseline(inputs));
  const bench = measure(() => full(inputs));
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(1) : '–');
  print(`benchmark: ${COUNCILS} councils × ${YEARS.length} years = ${inputs.length} submissions, default disclosure policy`);
  print(`  baseline (JSON.parse + Decimal sum): ${base.ms.toFixed(1)} ms, heap +${base.peakMb.toFixed(1)} MB`);
  print(`  validate + aggregate + shared view:  ${bench.ms.toFixed(1)} ms (${ratio(bench.ms, base.ms)}× baseline), heap +${bench.peakMb.toFixed(1)} MB (${ratio(bench.peakMb, base.peakMb)}× baseline)`);
  print(`  target < 1000 ms: ${bench.ms < 1000 ? 'met' : 'NOT met'}`);
}
