import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyLedger,
  benchmark,
  DEFAULT_POLICY,
  EMPTY_LEDGER,
  LedgerSchema,
  recordRelease,
  sharedView,
  type HistogramBand,
  type SharedReport,
  type Submission,
} from '../../src/benchmark/index.js';
import { Decimal } from '../../src/decimal.js';
import { baseGroupMembers, submissionsArb, tally } from './arbitraries.js';
import { placedBySum } from './attacker.js';
import { district } from './districts.js';
import { inCohort as inCohortOf } from './membership.js';

/**
 * Red team (issue 12): attacks on the shared view with banded histograms, worked out here from the submissions and the
 * published figures only. Each attack asserts that protection holds; where it does not, the test is `it.fails` and
 * says how the figure is recovered.
 */

const K = DEFAULT_POLICY.minCouncils;
const P = DEFAULT_POLICY.pPercent;
type Group = SharedReport['baseGroups'][number];
type Cohort = Group['cohorts'][number];
type Band = HistogramBand;

const total = (s: Submission) => new Decimal(s.totals.total);
const metricOf = (c: Cohort, metric = 'total/absolute') => c.metrics.find((m) => m.metric === metric)!;
const inCohort = (s: Submission, group: Cohort['group']) => inCohortOf(s, group);
const inBand = (v: Decimal, b: Band) => (b.from === undefined || v.gte(b.from)) && (b.to === undefined || v.lt(b.to));

/** The interval a figure published to 3 significant figures stands for (half a unit of its last significant digit). */
function rounded(text: string): [Decimal, Decimal] {
  const v = new Decimal(text);
  const half = new Decimal(10).pow(v.e - 2).div(2);
  return [v.minus(half), v.plus(half)];
}

describe('red team: a cohort total minus its median window (the p% check on derived sums)', () => {
  /**
   * Ten districts (one type, one region): 3,900 3,950 3,970 | 3,980 3,990 4,005 4,010 4,015 | 69,000 100,000.
   * Were they published (all and district cohorts): count 10, median 4000 (the window of positions 3–7 by the
   * documented rule), cohort total 201000 (exactly 200,820). Every rule on the published sums passes: the largest is
   * 49.8% of the total (< 50%), the two largest 84.2% (< 85%), the p% rule on the total (the rest, 31,820, is more
   * than 10% of 100,000) and on the window.
   * The attacker, the council at 69,000 (second largest), subtracts: total − 5 × median is the sum of the five
   * councils outside the window, 100,000 + 69,000 + the three lowest; the three lowest are each at most the window's
   * smallest, so at most 3 × the median. From the rounded figures (total 200,500–201,500, median 3,995–4,005): the
   * largest would lie in [99,460, 112,525], a range of 13,065, narrower than 2p% of 100,000 (20,000): its midpoint,
   * 105,993, within 6% of the true 100,000.
   * So the derived sum (the window's complement in its cohort's total) is checked as a published one, with what the
   * ranks tell: the window is withheld (the total, decided first, stays), and the attack has no median to use.
   */
  it('the second largest does not read the largest within ±10% from total and median', () => {
    const values = [3900, 3950, 3970, 3980, 3990, 4005, 4010, 4015, 69000, 100000];
    const shared = sharedView(benchmark(values.map((v, i) => district(i + 1, v))));
    for (const cohort of shared.baseGroups[0]!.cohorts) {
      const m = metricOf(cohort);
      expect(m.count).toEqual({ status: 'published', value: '10' });
      // The region cohort holds the same councils: it withholds the same window.
      expect(m.median).toEqual({ status: 'suppressed' });
      if (cohort.group.kind !== 'region') expect(m.total).toEqual({ status: 'published', value: '201000' });
      // The attack, wherever both figures are shown: the victim's range must be at least 2p% of it wide.
      if (m.median.status !== 'published' || m.total?.status !== 'published') continue;
      const [mLo, mHi] = rounded(m.median.value);
      const [tLo, tHi] = rounded(m.total.value);
      const own = new Decimal(69000);
      // Victim = total − window − own − (three lowest), the three lowest in [0, 3 × the window's smallest] ⊆ [0, 3 × mean].
      const top = tHi.minus(mLo.times(K)).minus(own);
      const bottom = Decimal.max(own, tLo.minus(mHi.times(K)).minus(own).minus(mHi.times(3)));
      expect(top.minus(bottom).gte(new Decimal(100000).times(2 * P).div(100))).toBe(true);
    }
  });
});

/** A council's absolute figure for a measure ('total', 'scope1', 'scope2Location', 'scope3'). */
const absolute = (s: Submission, measure: string) => new Decimal((s.totals as unknown as Record<string, string>)[measure]!);

/** Each council's range from every published histogram of the metric in the group (open where none). */
function bandRanges(g: Group, members: readonly Submission[], metric: string) {
  const range = new Map(members.map((s) => [s, { lo: new Decimal(0), hi: undefined as Decimal | undefined }]));
  for (const c of g.cohorts) {
    const h = metricOf(c, metric).histogram;
    if (h?.status !== 'published') continue;
    for (const s of members.filter((x) => inCohort(x, c.group))) {
      const b = h.bands.find((x) => inBand(absolute(s, metric.split('/')[0]!), x))!;
      const r = range.get(s)!;
      if (b.from !== undefined && r.lo.lt(b.from)) r.lo = new Decimal(b.from);
      if (b.to !== undefined && (r.hi === undefined || r.hi.gt(b.to))) r.hi = new Decimal(b.to);
    }
  }
  return range;
}

/** A council's window of k by the documented rule (start floor((n − 1)p − k/2 + 1), kept inside). */
function window(sorted: readonly Submission[], p: number): Submission[] {
  const start = Math.min(Math.max(Math.floor((sorted.length - 1) * p - K / 2 + 1), 0), sorted.length - K);
  return sorted.slice(start, start + K);
}

/**
 * Sums an attacker can form from one release: every published cohort total and quartile window, each window's
 * complement within its cohort's published total, and the all-councils total minus the published council-type totals
 * (the withheld types together), each as the set of councils with the ranges the order and the bands give them.
 */
function derivedSums(g: Group, members: readonly Submission[]): { name: string; set: Submission[] }[] {
  const out: { name: string; set: Submission[] }[] = [];
  const sortedOf = (c: Cohort) => members.filter((s) => inCohort(s, c.group)).sort((a, b) => total(a).cmp(total(b)));
  for (const c of g.cohorts) {
    const m = metricOf(c);
    const sorted = sortedOf(c);
    if (m.total?.status === 'published') out.push({ name: 'total', set: sorted });
    for (const [stat, p] of [['lowerQuartile', 0.25], ['median', 0.5], ['upperQuartile', 0.75]] as const) {
      if (m[stat].status !== 'published') continue;
      const w = window(sorted, p);
      out.push({ name: stat, set: w });
      if (m.total?.status === 'published') out.push({ name: `total minus ${stat}`, set: sorted.filter((s) => !w.includes(s)) });
    }
  }
  const all = g.cohorts.find((c) => c.group.kind === 'all');
  if (all !== undefined && metricOf(all).total?.status === 'published') {
    const types = g.cohorts.filter((c) => c.group.kind === 'council-type');
    const withheld = types.filter((c) => metricOf(c).total?.status !== 'published');
    const rest = members.filter((s) => withheld.some((c) => inCohort(s, c.group)));
    if (withheld.length > 0 && rest.length < members.length) out.push({ name: 'all minus published types', set: rest });
  }
  return out;
}

/**
 * Whether some member of the set, knowing its own figure, the set's exact sum and every other member's range (band,
 * and for members it knows to be below it in the cohort order, nothing more), places another within ±p%.
 */
function placed(set: readonly Submission[], range: ReturnType<typeof bandRanges>): string | undefined {
  const x = set.map(total);
  const hit = placedBySum(x, set.map((s) => range.get(s)!), P);
  return hit === undefined ? undefined : `${x[hit.victim]} placed in [${hit.bottom}, ${hit.top}] by ${x[hit.attacker]}`;
}

describe('red team: derived sums beside the bands (fast-check)', () => {
  /**
   * The attacker of histograms.test.ts (a member of a sum, every other member's band) on sums it can derive, not
   * only the published ones: a window's complement in its cohort total, and the all-councils total minus the
   * published type totals. Published sums alone hold (histograms.test.ts); this asks whether the derived ones do.
   */
  it('no derived sum, with the bands, places a council within ±p%', () => {
    const seen = tally();
    const failures: string[] = [];
    fc.assert(
      fc.property(submissionsArb, (subs) => {
        for (const g of sharedView(benchmark(subs)).baseGroups) {
          const members = baseGroupMembers(subs, g);
          const range = bandRanges(g, members, 'total/absolute');
          const banded = g.cohorts.some((c) => metricOf(c).histogram?.status === 'published');
          for (const { name, set } of derivedSums(g, members)) {
            if (!name.includes('minus')) continue;
            seen.add(`derived: ${name.split(' ').slice(0, 2).join(' ')}`);
            if (banded) seen.add('derived sum beside a histogram');
            const hit = placed(set, range);
            if (hit !== undefined) failures.push(`${g.reportingYear} ${name}: ${hit}`);
          }
        }
      }),
      { numRuns: 80, seed: 1201 },
    );
    seen.expectAtLeast({ 'derived: total minus': 20, 'derived sum beside a histogram': 10 });
    expect(failures).toEqual([]);
  });
});

const lateCouncil = (s: Submission, value: string, i: number): Submission => ({
  ...s,
  profile: { ...s.profile, onsCode: `${s.profile.onsCode.slice(0, 3)}6${String(i).padStart(5, '0')}`, name: `Late Council ${i}` },
  totals: { total: value, scope1: value, scope2Location: '0', scope2Market: '0', scope3: '0', byCategory: {} },
  denominators: {},
});

/** Every published histogram of a release, by cohort id and metric. */
function histograms(report: SharedReport): Map<string, Band[]> {
  const out = new Map<string, Band[]>();
  for (const g of report.baseGroups) for (const c of g.cohorts) for (const m of c.metrics) if (m.histogram?.status === 'published') out.set(`${c.id}|${m.metric}`, m.histogram.bands);
  return out;
}

/** The counts of a histogram between the cuts both releases share. */
function onCuts(bands: readonly Band[], cuts: readonly string[]): number[] {
  const out = new Array<number>(cuts.length + 1).fill(0);
  for (const b of bands) out[b.from === undefined ? 0 : cuts.filter((e) => new Decimal(e).lte(b.from!)).length]! += b.count;
  return out;
}
const cutsOf = (bands: readonly Band[]) => bands.slice(1).map((b) => b.from!);

describe('red team: councils withdrawing and arriving between releases (ledger, fast-check)', () => {
  /**
   * The attacker: holds release 1 and release 2 (ledger in use), and is itself one of the late councils (knows its
   * own figure and band) while 1–3 councils of release 1 withdrew (whose absence is public). Swapping a withdrawn
   * council for its own keeps every count the same, so an unchanged band count would tell the withdrawn council's
   * band. For every histogram published in both releases (same cohort and metric), on the cuts both share, each
   * band count moved by 0 or by k or more; and where the cohort lost or gained fewer than k councils in all (any mix
   * of withdrawn and late), the histogram is the one released before or is not shown.
   */
  it('withdrawn and late councils: no band count differenced between releases rests on fewer than k', () => {
    const seen = tally();
    fc.assert(
      fc.property(
        submissionsArb,
        fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 500, max: 60000 }), { minLength: 0, maxLength: 3 }),
        fc.nat(),
        (subs, drops, lates, pick) => {
          const first = applyLedger(benchmark(subs), EMPTY_LEDGER);
          const ledger = LedgerSchema.parse(recordRelease(first, EMPTY_LEDGER, '2024-10-01T09:00:00Z'));
          const withdrawn = new Set(drops.map((d) => subs[d % subs.length]!));
          const template = subs[pick % subs.length]!;
          const late = lates.map((v, i) => lateCouncil(template, String(v), i));
          const kept = subs.filter((s) => !withdrawn.has(s));
          if (kept.length === 0) return;
          const second = applyLedger(benchmark([...kept, ...late]), ledger);
          const before = histograms(sharedView(first));
          const after = histograms(sharedView(second));
          seen.add('histogram in release 1', before.size);
          for (const [key, bands] of after) {
            const then = before.get(key);
            if (then === undefined) continue;
            seen.add('histogram in both releases');
            if (JSON.stringify(then) === JSON.stringify(bands)) {
              seen.add('shown as released');
              continue;
            }
            const cuts = cutsOf(then).filter((e) => cutsOf(bands).includes(e));
            const a = onCuts(then, cuts);
            const b = onCuts(bands, cuts);
            a.forEach((n, i) => {
              const moved = Math.abs(b[i]! - n);
              seen.add(moved === 0 ? 'band count unchanged' : 'band count moved');
              expect(moved === 0 || moved >= K, `${key}: ${n} then ${b[i]}`).toBe(true);
            });
            // A changed histogram: the cohort's councils changed by k or more (withdrawn plus late in it).
            const [id] = key.split('|') as [string];
            const cohort = sharedView(second).baseGroups.flatMap((g) => g.cohorts).find((c) => c.id === id)!;
            const year = id.split(' ')[0]!;
            const changed = [...withdrawn, ...late].filter((s) => s.profile.reportingYear === year && inCohort(s, cohort.group)).length;
            expect(changed, key).toBeGreaterThanOrEqual(K);
          }
        },
      ),
      { numRuns: 80, seed: 4521 },
    );
    seen.expectAtLeast({ 'histogram in release 1': 40, 'histogram in both releases': 20 });
  });

  /**
   * Hand-worked: twelve districts released (bands "under 5,000": 7, "5,000 and over": 5). Then the council at 1,200
   * withdraws and an attacker arrives at 1,300 (its own figure): every count is 12 again, so had the histogram been
   * published anew, "under 5,000: 7" would tell the attacker the withdrawn council was under 5,000.
   */
  it('a swap of one withdrawn council for the attacker shows nothing new', () => {
    const TWELVE = [1200, 1500, 1800, 2500, 3000, 4000, 4500, 6000, 7000, 12000, 15000, 30000];
    const twelve = TWELVE.map((t, i) => district(i + 1, t));
    const first = applyLedger(benchmark(twelve), EMPTY_LEDGER);
    const ledger = LedgerSchema.parse(recordRelease(first, EMPTY_LEDGER, '2024-10-01T09:00:00Z'));
    const released = histograms(sharedView(first));
    expect([...released.values()][0]).toEqual([{ to: '5000', count: 7 }, { from: '5000', count: 5 }]);
    // The withdrawn one was in either band: a swap into each band, and one into the other band.
    for (const [out, attacker] of [[0, 1300], [11, 1300], [0, 40000], [11, 40000]] as const) {
      const second = sharedView(applyLedger(benchmark([...twelve.filter((_, i) => i !== out), district(50, attacker)]), ledger));
      const all = metricOf(second.baseGroups[0]!.cohorts[0]!);
      // The councils changed by two (< k): count and histogram are withheld, so nothing tells where the swap fell.
      expect(all.count).toEqual({ status: 'suppressed' });
      expect(all.histogram?.status === 'published').toBe(false);
    }
  });
});

describe('red team: figures on grid edges, zeros and huge values (fast-check)', () => {
  /**
   * Cohorts built to tempt the grid: figures exactly on an edge (1,000, 2,000, 5,000, …), a hair either side of one,
   * zeros and huge values, in two regions so the region cohorts differ from all councils. The attacker of the sums
   * (published, and derived as above) with every band, and the attacker of counts (all councils minus the published
   * region's bands, for a region whose histogram is withheld): no council within ±p%, no derived band of 1 to k − 1.
   */
  it('edge, zero and huge figures: bands never pin a council nor isolate fewer than k', () => {
    const seen = tally();
    const figure = fc.oneof(
      fc.constantFrom('0', '1000', '2000', '5000', '10000', '20000', '50000'),
      fc.tuple(fc.constantFrom(1000, 2000, 5000, 10000), fc.constantFrom('-0.001', '0.001', '-1', '1')).map(([e, d]) => new Decimal(e).plus(d).toFixed()),
      fc.integer({ min: 1, max: 99999 }).map(String),
      fc.constantFrom('99999999999', '123456789012.5', '0.0000001'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(figure, fc.integer({ min: 0, max: 2 })), { minLength: 15, maxLength: 20, size: 'max' }), (councils) => {
        // A third in the South East: often a region too small for its own histogram beside a larger one.
        const subs = councils.map(([v, r], i) => district(i + 1, v, r === 0 ? 'south-east' : 'south-west'));
        const g = sharedView(benchmark(subs)).baseGroups[0]!;
        const range = bandRanges(g, subs, 'total/absolute');
        for (const c of g.cohorts) seen.figure('histogram', metricOf(c).histogram);
        for (const { set } of derivedSums(g, subs)) {
          seen.add('sum');
          expect(placed(set, range)).toBeUndefined();
        }
        // Counts: a withheld region's histogram as all councils minus the other region, on the cuts both publish.
        const [all, ...regions] = g.cohorts.filter((c) => c.group.kind === 'all' || c.group.kind === 'region').map((c) => metricOf(c).histogram);
        if (all?.status === 'published' && regions.length === 2) {
          const shown = regions.filter((h) => h?.status === 'published');
          // The attack's start: all councils banded, a region not; it works only if the other region is banded too.
          if (shown.length < 2) seen.add('region withheld beside a banded parent');
          if (shown.length === 1 && shown[0]!.status === 'published') {
            const other = shown[0]!.bands;
            const cuts = cutsOf(all.bands).filter((e) => cutsOf(other).includes(e));
            const a = onCuts(all.bands, cuts);
            const b = onCuts(other, cuts);
            a.forEach((n, i) => {
              seen.add('region band worked out');
              expect(n - b[i]! === 0 || n - b[i]! >= K).toBe(true);
            });
          }
        }
      }),
      { numRuns: 300, seed: 77 },
    );
    seen.expectAtLeast({ 'histogram published': 100, 'histogram suppressed': 50, sum: 100, 'region withheld beside a banded parent': 50, 'region band worked out': 2 });
  });
});

describe('red team: the complement of a window, searched (fast-check)', () => {
  /**
   * The class of the hand-worked case above (found by this search before derived sums were checked). Cohorts of 10–20 districts: a few small councils, a middle and
   * one or two large ones. The attacker is a member of the window's complement in the published cohort total (total −
   * k × published window, both taken as exact, as the documented sum check does), knowing its own figure, with the
   * others' ranges from the bands (open where no histogram is published). Fails as soon as one published release lets
   * a council be placed within ±p% this way; the counterexample fast-check prints is such a release.
   */
  it('no window complement places a council within ±p%', () => {
    const seen = tally();
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9000 }), { minLength: 3, maxLength: 6 }),
        fc.uniqueArray(fc.integer({ min: 3000, max: 9000 }), { minLength: 5, maxLength: 10 }),
        fc.integer({ min: 30000, max: 120000 }),
        fc.integer({ min: 30000, max: 120000 }),
        (small, middle, a, b) => {
          const values = [...small, ...middle, a, b];
          if (values.length < 10 || values.length > 20) return;
          const subs = values.map((v, i) => district(i + 1, v));
          const g = sharedView(benchmark(subs)).baseGroups[0]!;
          const range = bandRanges(g, subs, 'total/absolute');
          for (const { name, set } of derivedSums(g, subs)) {
            if (!name.startsWith('total minus')) continue;
            seen.add('complement');
            expect(placed(set, range)).toBeUndefined();
          }
        },
      ),
      { numRuns: 400, seed: 99, endOnFailure: true },
    );
    seen.expectAtLeast({ complement: 50 });
  });
});

describe('red team: bands of different metrics combined (total = scope 1 + scope 2 + scope 3)', () => {
  /**
   * The documented limit, tried: the sum check is per metric. The attacker of the sums, given (as the sum check
   * conservatively assumes for one metric) every council's band in every headline absolute metric, narrows each
   * council's total to its total band intersected with the sum of its scope bands, then uses the published cohort
   * totals and quartile windows of total emissions. Does any council get placed within ±p%?
   *
   * It did (seed 314, run 34), when every headline metric was banded: the
   * all-councils cohort of 2022/23 (20 councils) publishes total bands "under 5000: 6 · 5000 and over: 14" and scope
   * bands scope 1 "1000 to 5000", scope 2 (location) "under 1000", scope 3 "under 1". A council at 5,805.2 (scope 1
   * 4,846.6, scope 2 958.6, scope 3 0) is in "5000 and over" for total, but its scope bands add up to under
   * 1,000 + 5,000 + 1 = 6,001: its total lies in [5,000, 6,001), within ±9%, where its grid band is [5,000, 10,000).
   * In practice the attacker must link one council's band across metrics (the counts are anonymous); the windows'
   * positions, extremes, or a council's known profile can give that link, which the per-metric sum check already
   * assumes for one metric. So only total emissions are banded (HISTOGRAM_METRICS): no scope band is published, the
   * attacker's scope ranges stay open, and the published total sums with the total bands alone place nobody.
   */
  it('scope bands added up never place a council total within ±p% with the published total sums', () => {
    const seen = tally();
    fc.assert(
      fc.property(submissionsArb, (subs) => {
        for (const g of sharedView(benchmark(subs)).baseGroups) {
          const members = baseGroupMembers(subs, g);
          const own = bandRanges(g, members, 'total/absolute');
          const scopes = ['scope1/absolute', 'scope2Location/absolute', 'scope3/absolute'].map((m) => bandRanges(g, members, m));
          let narrowed = 0;
          const range = new Map(
            members.map((s) => {
              const r = own.get(s)!;
              const lo = scopes.reduce((a, x) => a.plus(x.get(s)!.lo), new Decimal(0));
              const his = scopes.map((x) => x.get(s)!.hi);
              const hi = his.every((h): h is Decimal => h !== undefined) ? his.reduce((a, b) => a.plus(b), new Decimal(0)) : undefined;
              const out = { lo: Decimal.max(r.lo, lo), hi: hi === undefined ? r.hi : r.hi === undefined ? hi : Decimal.min(r.hi, hi) };
              if (out.lo.gt(r.lo) || (out.hi !== undefined && (r.hi === undefined || out.hi.lt(r.hi)))) narrowed++;
              return [s, out];
            }),
          );
          seen.add('council narrowed by its scope bands', narrowed);
          if (g.cohorts.some((c) => metricOf(c).histogram?.status === 'published')) seen.add('total banded');
          for (const { name, set } of derivedSums(g, members)) {
            if (name.includes('minus')) continue;
            seen.add('published sum');
            expect(placed(set, range)).toBeUndefined();
          }
        }
      }),
      { numRuns: 80, seed: 314, endOnFailure: true },
    );
    seen.expectAtLeast({ 'total banded': 30, 'published sum': 100 });
    // Before, 30 or more councils were narrowed by their scope bands in these runs; none is now.
    expect(seen.count('council narrowed by its scope bands')).toBe(0);
  });
});

describe('red team: a small type inside a banded parent (type × region, all councils)', () => {
  /**
   * 10–20 districts and 1–4 unitaries, all in one region: the unitaries' cohort is below the threshold, but all
   * councils (= the region) minus the districts would be their histogram, and their count. On the cuts both
   * publish, every segment of the difference holds 0 or k or more councils, and the unitaries' count is never
   * all councils' minus the districts' (one of the two is withheld).
   */
  it('all councils minus the districts never gives the few unitaries' + "'" + ' bands or count (fast-check)', () => {
    const seen = tally();
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 100, max: 90000 }), { minLength: 10, maxLength: 20 }),
        fc.array(fc.integer({ min: 100, max: 90000 }), { minLength: 1, maxLength: 4 }),
        (districts, unitaries) => {
          const subs = [
            ...districts.map((v, i) => district(i + 1, v)),
            ...unitaries.map((v, i): Submission => {
              const s = district(100 + i, v);
              return { ...s, profile: { ...s.profile, onsCode: `E0690${String(i).padStart(4, '0')}`, name: `Test Unitary ${i}`, councilType: 'unitary' } };
            }),
          ];
          const g = sharedView(benchmark(subs)).baseGroups[0]!;
          const all = metricOf(g.cohorts.find((c) => c.group.kind === 'all')!);
          const dist = metricOf(g.cohorts.find((c) => c.group.kind === 'council-type' && c.group.councilType === 'district')!);
          seen.figure('all-councils histogram', all.histogram);
          seen.figure('district histogram', dist.histogram);
          expect(all.count.status === 'published' && dist.count.status === 'published').toBe(false);
          if (all.histogram?.status === 'published') seen.add(`district count ${dist.count.status} beside a banded parent`);
          if (all.histogram?.status === 'published' && dist.histogram?.status === 'published') {
            seen.add('both banded');
            const cuts = cutsOf(all.histogram.bands).filter((e) => cutsOf((dist.histogram as { bands: Band[] }).bands).includes(e));
            const a = onCuts(all.histogram.bands, cuts);
            const b = onCuts(dist.histogram.bands, cuts);
            a.forEach((n, i) => expect(n - b[i]! === 0 || n - b[i]! >= K).toBe(true));
          }
        },
      ),
      { numRuns: 200, seed: 2112 },
    );
    // The districts' count is withheld (secondary) wherever all councils are banded, so their histogram never shows.
    seen.expectAtLeast({ 'all-councils histogram published': 20, 'district count suppressed beside a banded parent': 20 });
  });
});
