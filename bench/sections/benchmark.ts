/**
 * Benchmark aggregation at national scale, under the built package (dist/) as users run it: synthetic councils
 * × 5 reporting years, read from JSON text, validated, aggregated into every cohort and metric with full
 * disclosure control (threshold, dominance, p% rule, secondary suppression, rounding checks) and the shared
 * view built. 2,000 submissions (400 councils, about the UK's number) and 20,000 (ten times as many, to show how
 * it scales), each with its goal.
 *
 * Each round runs ours and the floor in their own child processes (bench/child/benchmark.mjs, plain node over
 * dist/), in alternate order: the floor is the least any tool must do with the same texts (JSON.parse each and add
 * up its total with Decimal). In its process ours runs three times: the first run is what a user meets (one run in
 * a fresh process, as the command line does it, code not yet optimised by the JIT), the last the steady state of
 * a long-lived process (a service). A goal is "met" only when the median of the first runs meets it; the steady
 * state is shown beside it. CPU time is shown too, as on a busy machine the wall clock measures the other
 * processes, with the main thread's own share (on Linux): the rest is V8's compiler and garbage collector
 * threads, which in a fresh process on two cores compete with it. For 2,000 submissions the whole command,
 * `council-ghg benchmark DIR` over a folder of 2,000 files (reading and checking them against the register,
 * printing the report), is timed as well. Heap is measured after a forced collection (--expose-gc), peak RSS is
 * the child's own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { devNull } from 'node:os';
import { join } from 'node:path';
import { COUNCIL_TYPES, type CouncilType } from '../../src/activity/council.js';
import { prng, syntheticCouncils, totalsOnlySubmission } from '../../examples/build-submissions.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DATA = join(ROOT, 'bench', '.data');
/** The built package; BENCH_DIST_DIR points at another build of it (e.g. to compare two). */
const DIST_DIR = process.env['BENCH_DIST_DIR'] ?? join(ROOT, 'dist');
const DIST = join(DIST_DIR, 'benchmark.js');
const CLI = join(DIST_DIR, 'cli.js');
/** The whole command is timed over folders of at most this many files (writing 20,000 files is not worth it). */
const CLI_SUBMISSIONS = 2000;
const YEARS = [2019, 2020, 2021, 2022, 2023];
const ROUNDS = 5;
/** Runs of ours in each child process: the first as a user meets it, the last in the steady state. */
const RUNS = 3;

interface Goal {
  readonly councils: number;
  readonly seconds: number;
}
const GOALS: readonly Goal[] = [
  { councils: 400, seconds: 0.5 },
  { councils: 4000, seconds: 5 },
];

/** Roughly the national mix: mostly districts, then unitaries, metropolitan districts, London boroughs, counties; repeated for larger runs. */
function councilMix(councils: number): CouncilType[] {
  const weights: Partial<Record<CouncilType, number>> = { district: 164, unitary: 62, 'metropolitan-district': 36, 'london-borough': 33, county: 21, 'welsh-unitary': 22, 'scottish-unitary': 32, 'combined-authority': 30 };
  const mix = COUNCIL_TYPES.flatMap((t) => Array<CouncilType>(weights[t] ?? 0).fill(t)).slice(0, 400);
  return Array.from({ length: councils }, (_, i) => mix[i % mix.length]!);
}

/** The submissions as the JSON texts councils send, written to bench/.data once (the same seed always gives the same texts). */
function ensureInputs(councils: number): string {
  const path = join(DATA, `benchmark-submissions-${councils * YEARS.length}.json`);
  if (existsSync(path)) return path;
  const rng = prng(7);
  const texts = syntheticCouncils(councilMix(councils), rng).flatMap((c) => YEARS.map((y, i) => JSON.stringify(totalsOnlySubmission(c, y, i, rng))));
  writeFileSync(path, JSON.stringify(texts));
  return path;
}

type Side = 'ours' | 'floor';

interface Measurement {
  /** Milliseconds of each run in the process: ours runs RUNS times (the first cold, the last steady), the floor once. */
  readonly ms: readonly number[];
  /** CPU milliseconds (user and system, every thread) of each run: on a busy machine, what the run itself cost. */
  readonly cpuMs: readonly number[];
  /** The main thread's share of cpuMs (null where the system does not say, off Linux): the rest is V8's compiler and GC threads. */
  readonly mainMs: readonly (number | null)[];
  readonly baseGroups: number;
  readonly maxRssMb: number;
  readonly heapAfterGcMb: number;
}

function child(side: Side, path: string): Measurement {
  const script = join(ROOT, 'bench', 'child', 'benchmark.mjs');
  const run = spawnSync(process.execPath, ['--expose-gc', script, side, path, String(RUNS)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`bench child ${side} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Measurement;
}

/** The submissions of `path` as a folder of files, one per submission, as the command line reads them (written once). */
function ensureFolder(path: string): string {
  const dir = path.replace(/\.json$/, '');
  if (existsSync(dir)) return dir;
  mkdirSync(`${dir}.part`, { recursive: true });
  (JSON.parse(readFileSync(path, 'utf8')) as string[]).forEach((text, i) => writeFileSync(join(`${dir}.part`, `submission-${String(i).padStart(5, '0')}.json`), text));
  renameSync(`${dir}.part`, dir);
  return dir;
}

/** Seconds of a whole `council-ghg benchmark DIR` process, its report thrown away. */
function cliSeconds(dir: string): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, 'benchmark', dir, '--out', devNull], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`council-ghg benchmark failed: ${run.stderr}`);
  return (performance.now() - started) / 1000;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: readonly number[], digits: number, unit = '') => `${Math.min(...xs).toFixed(digits)}${unit} / ${median(xs).toFixed(digits)}${unit} / ${Math.max(...xs).toFixed(digits)}${unit}`;

function run(goal: Goal, print: (line: string) => void): void {
  const path = ensureInputs(goal.councils);
  const n = goal.councils * YEARS.length;
  const folder = n <= CLI_SUBMISSIONS ? ensureFolder(path) : undefined;
  const rounds = Array.from({ length: ROUNDS }, (_, i) => {
    // Alternate which goes first, so a slow spell of the machine falls on both.
    const first: Side = i % 2 === 0 ? 'floor' : 'ours';
    const a = child(first, path);
    const b = child(first === 'floor' ? 'ours' : 'floor', path);
    const cli = folder === undefined ? undefined : cliSeconds(folder);
    return { ...(first === 'floor' ? { floor: a, ours: b } : { floor: b, ours: a }), cli };
  });
  const firstRuns = rounds.map((r) => r.ours.ms[0]! / 1000);
  const steady = rounds.map((r) => r.ours.ms[RUNS - 1]! / 1000);
  print(`${n.toLocaleString('en-GB')} submissions (${goal.councils.toLocaleString('en-GB')} councils × ${YEARS.length} years, ${rounds[0]!.ours.baseGroups} base groups), default disclosure policy, ${ROUNDS} rounds, min / median / max`);
  const cpu = (run: number) => {
    const main = rounds.map((r) => r.ours.mainMs[run]);
    const known = main.every((ms): ms is number => typeof ms === 'number');
    return `${spread(rounds.map((r) => r.ours.cpuMs[run]! / 1000), 3, ' s')}${known ? `, of which the main thread ${spread(main.map((ms) => ms / 1000), 3, ' s')}` : ''}`;
  };
  print(`  floor (JSON.parse + Decimal sum):                   ${spread(rounds.map((r) => r.floor.ms[0]! / 1000), 3, ' s')}`);
  print(`  validate + aggregate + shared view, first run in a fresh process: ${spread(firstRuns, 3, ' s')}; CPU (all threads) ${cpu(0)}`);
  print(`  the same, steady state (run ${RUNS} in the process):  ${spread(steady, 3, ' s')}; CPU (all threads) ${cpu(RUNS - 1)}`);
  print(`  ratio to the floor (first run):                     ${spread(rounds.map((r) => r.ours.ms[0]! / r.floor.ms[0]!), 1, '×')}`);
  if (folder !== undefined) print(`  the whole command, council-ghg benchmark over ${n.toLocaleString('en-GB')} files: ${spread(rounds.map((r) => r.cli!), 3, ' s')}`);
  print(`  peak RSS ${Math.max(...rounds.map((r) => r.ours.maxRssMb)).toFixed(0)} MB, heap after GC ${median(rounds.map((r) => r.ours.heapAfterGcMb)).toFixed(0)} MB (floor: ${Math.max(...rounds.map((r) => r.floor.maxRssMb)).toFixed(0)} MB, ${median(rounds.map((r) => r.floor.heapAfterGcMb)).toFixed(0)} MB)`);
  print(`  goal < ${goal.seconds} s (median of first runs): ${median(firstRuns) < goal.seconds ? 'met' : 'NOT met'}; steady state: ${median(steady) < goal.seconds ? 'within' : 'NOT within'} it`);
}

export default async function benchmarkBench(print: (line: string) => void): Promise<void> {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: npm run bench builds it first (npm run build)`);
  mkdirSync(DATA, { recursive: true });
  for (const goal of GOALS) run(goal, print);
}
