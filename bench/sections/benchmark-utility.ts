/**
 * Utility of the benchmark: the share of cells the disclosure rules let it publish for realistic participation,
 * 150 of the 317 English councils of 2019/20 from the bundled register (their real codes, names, types and
 * regions, so the register check runs), with synthetic totals of each type's size. Protection is what the tests
 * prove; this is what it costs. A cell is one statistic (count, lower quartile, median, upper quartile, cohort
 * total where there is one) of one headline metric in one cohort. A distribution is published for a cohort and
 * metric when its lower and upper quartiles are, or else its banded histogram.
 */
import { benchmark, HEADLINE_METRICS, loadRegister, sharedView, type Histogram, type Published, type Submission } from '../../src/benchmark/index.js';
import { prng, syntheticCouncils, totalsOnlySubmission } from '../../examples/build-submissions.js';

const YEAR = '2019/20';
const PARTICIPANTS = 150;
const ENGLISH = new Set(['district', 'unitary', 'metropolitan-district', 'london-borough']);

function submissions(): Submission[] {
  const rng = prng(150);
  const english = [...loadRegister().get(YEAR)!.values()].filter((e) => ENGLISH.has(e.councilType));
  if (english.length !== 317) throw new Error(`expected 317 English councils in ${YEAR}, found ${english.length}`);
  // A seeded draw of 150 without replacement (a partial Fisher-Yates shuffle).
  const pool = [...english];
  for (let i = 0; i < PARTICIPANTS; i++) {
    const j = rng(i, pool.length - 1);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const chosen = pool.slice(0, PARTICIPANTS);
  const sizes = syntheticCouncils(chosen.map((e) => e.councilType), rng);
  return chosen.map((e, i) => {
    const { synthetic: _made_up, ...s } = totalsOnlySubmission({ ...sizes[i]!, onsCode: e.onsCode, name: e.name, region: e.regions[0]! }, 2019, 0, rng);
    // Left unmarked, so the register check runs as it would on a real intake (a synthetic-only batch skips it).
    return s;
  });
}

export default async function (print: (line: string) => void): Promise<void> {
  const subs = submissions();
  const t0 = performance.now();
  const result = benchmark(subs, {}, { register: loadRegister() });
  const ms = performance.now() - t0;
  if (result.excluded.length > 0) throw new Error(`${result.excluded.length} submissions refused: ${result.excluded[0]!.problems[0]!.message}`);
  const tally = new Map<string, { published: number; all: number }>();
  const count = (name: string, p: Published | Histogram | undefined) => {
    if (p === undefined) return;
    const t = tally.get(name) ?? { published: 0, all: 0 };
    t.all++;
    if (p.status === 'published') t.published++;
    tally.set(name, t);
  };
  let cohorts = 0;
  const distribution = { quartiles: 0, histogram: 0, all: 0, bands: 0 };
  // The pooled cohorts (single-tier, upper-tier) on their own: what pooling adds.
  const pooled = { cells: { published: 0, all: 0 }, distribution: { published: 0, all: 0 } };
  for (const g of sharedView(result).baseGroups) {
    for (const c of g.cohorts) {
      cohorts++;
      for (const m of c.metrics.filter((x) => (HEADLINE_METRICS as readonly string[]).includes(x.metric))) {
        for (const name of ['count', 'lowerQuartile', 'median', 'upperQuartile', 'total', 'histogram'] as const) count(name, m[name]);
        distribution.all++;
        if (c.group.kind === 'pool') {
          for (const name of ['count', 'lowerQuartile', 'median', 'upperQuartile', 'total'] as const) {
            if (m[name] === undefined) continue;
            pooled.cells.all++;
            if (m[name].status === 'published') pooled.cells.published++;
          }
          pooled.distribution.all++;
          if (m.lowerQuartile.status === 'published' && m.upperQuartile.status === 'published') pooled.distribution.published++;
        }
        if (m.lowerQuartile.status === 'published' && m.upperQuartile.status === 'published') distribution.quartiles++;
        else if (m.histogram?.status === 'published') {
          distribution.histogram++;
          distribution.bands += m.histogram.bands.length;
        }
      }
    }
  }
  const all = [...tally].filter(([name]) => name !== 'histogram').map(([, t]) => t).reduce((a, t) => ({ published: a.published + t.published, all: a.all + t.all }), { published: 0, all: 0 });
  const pct = (t: { published: number; all: number }) => `${((100 * t.published) / t.all).toFixed(1)}% (${t.published} of ${t.all})`;
  print(`utility: ${PARTICIPANTS} of the 317 English councils of ${YEAR} (register mix, synthetic totals), ${cohorts} cohorts, ${HEADLINE_METRICS.length} headline metrics`);
  print(`  cells published (besides histograms): ${pct(all)}; aggregated in ${ms.toFixed(0)} ms`);
  for (const [name, t] of tally) print(`    ${name.padEnd(14)} ${pct(t)}${name === 'histogram' ? ' (tried where a quartile is withheld)' : ''}`);
  const shown = distribution.quartiles + distribution.histogram;
  print(
    `  distribution published (quartiles, else histogram): ${pct({ published: shown, all: distribution.all })} of cohort x metric: ` +
      `${distribution.quartiles} by quartiles, ${distribution.histogram} by histogram (${distribution.bands} bands)`,
  );
  print(`  pooled cohorts alone: cells published ${pct(pooled.cells)}; distribution (quartiles) ${pct(pooled.distribution)} of cohort x metric`);
}
