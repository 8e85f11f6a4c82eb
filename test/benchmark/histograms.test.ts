import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyLedger,
  auditView,
  benchmark,
  DEFAULT_POLICY,
  EMPTY_LEDGER,
  gridBand,
  gridEdge,
  HEADLINE_METRICS,
  HISTOGRAM_METRICS,
  LedgerSchema,
  recordRelease,
  sharedView,
  type Histogram,
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
 * The banded histograms, checked from the outside: grid bands, windows and attacks are worked out here from the
 * submissions and the published views, never read from the benchmark's own bookkeeping.
 */

const K = DEFAULT_POLICY.minCouncils;
const P = DEFAULT_POLICY.pPercent;
type Band = HistogramBand;
type Cohort = SharedReport['baseGroups'][number]['cohorts'][number];

/** The 1–2–5 grid band [lo, hi) holding a positive value, worked out from its decimal exponent. */
function gridRange(v: Decimal): [Decimal, Decimal] {
  const decade = Number(v.toExponential().split('e')[1]);
  const unit = new Decimal(10).pow(decade);
  const steps = [1, 2, 5, 10].map((m) => unit.times(m));
  const i = v.lt(steps[1]!) ? 0 : v.lt(steps[2]!) ? 1 : 2;
  return [steps[i]!, steps[i + 1]!];
}

/** An edge of the fixed grid: 1, 2 or 5 times a power of ten. */
function isGridEdge(text: string): boolean {
  const v = new Decimal(text);
  const decade = Number(v.toExponential().split('e')[1]);
  return ['1', '2', '5'].some((m) => v.eq(new Decimal(m).times(new Decimal(10).pow(decade))));
}

const DENOMINATOR = { absolute: undefined, 'per-resident': 'population' } as const;
/** A council's value for a headline metric (the arbitraries supply only the population as denominator). */
function valueOf(s: Submission, metric: string): Decimal | undefined {
  const [measure, basis] = metric.split('/') as [string, string];
  const text = (s.totals as unknown as Record<string, string>)[measure];
  if (text === undefined) return undefined;
  if (basis === 'absolute') return new Decimal(text);
  const field = DENOMINATOR[basis as keyof typeof DENOMINATOR];
  const d = field === undefined ? undefined : s.denominators[field];
  return d === undefined ? undefined : new Decimal(text).div(d);
}

function inCohort(s: Submission, group: Cohort['group']): boolean {
  return inCohortOf(s, group);
}

const inBand = (v: Decimal, b: Band) => (b.from === undefined || v.gte(b.from)) && (b.to === undefined || v.lt(b.to));
const bandsOf = (h: Histogram | undefined): Band[] | undefined => (h?.status === 'published' ? h.bands : undefined);
const histogramOf = (report: SharedReport, cohortId: string, metric: string) =>
  report.baseGroups.flatMap((g) => g.cohorts).find((c) => c.id === cohortId)?.metrics.find((m) => m.metric === metric)?.histogram;

describe('the band grid', () => {
  it('puts each figure in the 1–2–5 band holding it, an edge in the band it starts', () => {
    const lower = (v: string) => gridEdge(gridBand(new Decimal(v))).toString();
    expect(lower('2000')).toBe('2000');
    expect(lower('1999.999')).toBe('1000');
    expect(lower('4999')).toBe('2000');
    expect(lower('5000')).toBe('5000');
    expect(lower('9999.5')).toBe('5000');
    expect(lower('0.05')).toBe('0.05');
    expect(lower('0.0499')).toBe('0.02');
    expect(lower('123456')).toBe('100000');
    // Zero is below every band: it always joins the lowest.
    expect(gridBand(new Decimal(0))).toBeLessThan(gridBand(new Decimal('1e-40')));
  });
});

describe('banded histograms, hand-worked', () => {
  // Grid bands: 1,200 1,500 1,800 in [1,000, 2,000); 2,500 3,000 4,000 4,500 in [2,000, 5,000); 6,000 7,000 in
  // [5,000, 10,000); 12,000 15,000 in [10,000, 20,000); 30,000 in [20,000, 50,000). Merging from the bottom to 5:
  // 1,200 … 3,000 are five, but 4,000 and 4,500 share 3,000's grid band, so the first band is "under 5,000" with 7;
  // 6,000 … 30,000 are five: "5,000 and over". 12 councils: median (n >= 10) published, quartiles (n >= 21) not.
  const TWELVE = [1200, 1500, 1800, 2500, 3000, 4000, 4500, 6000, 7000, 12000, 15000, 30000];
  const twelve = TWELVE.map((t, i) => district(i + 1, t));

  it('bands a cohort whose quartiles are withheld, a grid band never split', () => {
    const shared = sharedView(benchmark(twelve));
    const cohorts = shared.baseGroups[0]!.cohorts;
    expect(cohorts.map((c) => c.id)).toEqual(['2023/24 desnz-2023 all', '2023/24 desnz-2023 council-type:district', '2023/24 desnz-2023 region:south-west']);
    for (const c of cohorts) {
      const total = c.metrics.find((m) => m.metric === 'total/absolute')!;
      // Median window (start floor((11 x 0.5) - 2.5 + 1) = 4): 3,000 4,000 4,500 6,000 7,000, mean 4,900.
      expect(total.median).toEqual({ status: 'published', value: '4900' });
      expect(total.lowerQuartile).toEqual({ status: 'suppressed' });
      expect(total.histogram).toEqual({ status: 'published', bands: [{ to: '5000', count: 7 }, { from: '5000', count: 5 }] });
      // Only total emissions are banded: scope 1 (the total here) shows none.
      expect(c.metrics.find((m) => m.metric === 'scope1/absolute')!.histogram).toBeUndefined();
    }
  });

  it('joins a top remainder of fewer than k to the band below, and withholds a histogram of one band', () => {
    // [100, 200): 100 150 180 190 199 (five: "under 200"); [200, 500): 300 400; [500, 1,000): 600 700 800 (with
    // 300 and 400, five: 200 to 1,000); [1,000, 2,000): 1,500; [2,000, 5,000): 2,500 3,000. The last three are fewer
    // than five, so they join the band below: "200 and over" with 8.
    const subs = [100, 150, 180, 190, 199, 300, 400, 600, 700, 800, 1500, 2500, 3000].map((t, i) => district(i + 1, t));
    const result = benchmark(subs);
    const all = sharedView(result).baseGroups[0]!.cohorts[0]!;
    expect(all.metrics.find((m) => m.metric === 'total/absolute')!.histogram).toEqual({ status: 'published', bands: [{ to: '200', count: 5 }, { from: '200', count: 8 }] });
    // Every council at 10 tonnes: one band of 13, withheld (a single band says nothing the count does not).
    const flat = benchmark(subs.map((_, i) => district(i + 1, 10)));
    expect(sharedView(flat).baseGroups[0]!.cohorts[0]!.metrics.find((m) => m.metric === 'total/absolute')!.histogram).toEqual({ status: 'suppressed' });
    const audited = auditView(flat).baseGroups[0]!.cohorts[0]!.metrics.find((m) => m.metric === 'total/absolute')!;
    expect(audited.histogram).toEqual({ status: 'suppressed', reason: 'small-cohort' });
  });

  it('withholds bands that, with a published median, would place a council within ±p%', () => {
    // 15 councils. Grid bands: 100 | 200 300 400 | 500 | 1,001 1,002 1,003 1,004 1,006 | 2,500 3,000 3,500 4,000 | 6,000.
    // Merging to 5: "under 1,000" (100 … 500), "1,000 to 2,000" (1,001 … 1,006), "2,000 and over" (2,500 … 6,000).
    // Median window (start floor(14 x 0.5 - 2.5 + 1) = 5): 1,001 … 1,006, mean 1,003.2, published as 1000 (no council's).
    // The council at 1,004 knows the window's sum (5,016) and its own figure; with the bands it knows 1,001, 1,002 and
    // 1,003 are each at least 1,000, so 1,006 is at most 5,016 − 1,004 − 3 x 1,000 = 1,012, and at least 1,000 (its
    // band): a range of 12, within ±0.6%, where 2p% of 1,006 is 201. Merging the middle band with the top one changes
    // neither bound, and one band is no histogram: withheld.
    const subs = [100, 200, 300, 400, 500, 1001, 1002, 1003, 1004, 1006, 2500, 3000, 3500, 4000, 6000].map((t, i) => district(i + 1, t));
    const result = benchmark(subs);
    const all = auditView(result).baseGroups[0]!.cohorts[0]!.metrics.find((m) => m.metric === 'total/absolute')!;
    expect(all.median).toEqual({ status: 'published', value: '1000' });
    expect(all.histogram).toEqual({ status: 'suppressed', reason: 'dominance' });
    // The same councils with the middle five spread over their band: the bands give a range of hundreds, and are published.
    const spread = benchmark([100, 200, 300, 400, 500, 1100, 1300, 1500, 1700, 1900, 2500, 3000, 3500, 4000, 6000].map((t, i) => district(i + 1, t)));
    const bands = auditView(spread).baseGroups[0]!.cohorts[0]!.metrics.find((m) => m.metric === 'total/absolute')!.histogram;
    expect(bands).toEqual({ status: 'published', bands: [{ to: '1000', count: 5 }, { from: '1000', to: '2000', count: 5 }, { from: '2000', count: 5 }] });
  });

  it('a late council between two releases: its band is withheld until k late councils share it', () => {
    const first = benchmark(twelve);
    const ledger = LedgerSchema.parse(recordRelease(first, EMPTY_LEDGER, '2024-10-01T09:00:00Z'));
    // One late district at 2,600: the count moves by one council, so the ledger withholds it, and with it the
    // histogram (its bands add up to the count, and "under 5,000" would be 8, one more than release 1's 7).
    const one = applyLedger(benchmark([...twelve, district(20, 2600)]), ledger);
    const figures = (r: typeof one) => auditView(r).baseGroups[0]!.cohorts[0]!.metrics.find((m) => m.metric === 'total/absolute')!;
    const all = (r: typeof one) => figures(r).histogram;
    expect(figures(one).count).toEqual({ status: 'suppressed', reason: 'earlier-release' });
    expect(all(one)).toBeUndefined();
    expect(histogramOf(sharedView(one), '2023/24 desnz-2023 all', 'total/absolute')).toBeUndefined();
    // Five late districts at 2,100 … 2,600, all in [2,000, 5,000): "under 5,000" grows from 7 to 12, five councils.
    const five = applyLedger(benchmark([...twelve, ...[2100, 2200, 2300, 2400, 2600].map((t, i) => district(20 + i, t))]), ledger);
    expect(all(five)).toEqual({ status: 'published', bands: [{ to: '5000', count: 12 }, { from: '5000', count: 5 }] });
    // A re-run of release 1's councils, one of them changing its own figure: the histogram shown before, unchanged.
    const probe = applyLedger(benchmark(twelve.map((s, i) => (i === 0 ? district(1, 9000) : s))), ledger);
    expect(all(probe)).toEqual({ status: 'published', bands: [{ to: '5000', count: 7 }, { from: '5000', count: 5 }] });
  });
});

describe('banded histograms against an attacker (fast-check)', () => {
  it('every band holds at least k councils, on the fixed grid, open at both ends, and counts exactly the councils in it', () => {
    const seen = tally();
    fc.assert(
      fc.property(submissionsArb, (subs) => {
        const shared = sharedView(benchmark(subs));
        // Across cohorts: a withheld child's bands as the parent's minus its siblings', or a withheld parent's as its
        // children's sum, never count 1 to k − 1 councils.
        for (const metric of HEADLINE_METRICS) {
          for (const [id, bands] of derivedHistograms(shared, metric)) {
            if (bandsOf(histogramOf(shared, id, metric)) !== undefined) continue;
            seen.add('histogram worked out from other cohorts');
            for (const b of bands) expect(b.count === 0 || b.count >= K, `${id} ${metric}`).toBe(true);
          }
        }
        for (const g of shared.baseGroups) {
          const members = baseGroupMembers(subs, g);
          for (const c of g.cohorts) {
            for (const m of c.metrics) {
              if (m.histogram !== undefined) expect(HISTOGRAM_METRICS).toContain(m.metric);
              seen.figure('histogram', m.histogram);
              const bands = bandsOf(m.histogram);
              if (bands === undefined) continue;
              const values = members.filter((s) => inCohort(s, c.group)).flatMap((s) => valueOf(s, m.metric) ?? []);
              expect(m.count).toEqual({ status: 'published', value: String(values.length) });
              expect(bands.length).toBeGreaterThanOrEqual(2);
              expect(bands[0]!.from).toBeUndefined();
              expect(bands.at(-1)!.to).toBeUndefined();
              bands.forEach((b, i) => {
                seen.add('band');
                expect(b.count).toBeGreaterThanOrEqual(K);
                expect(b.count).toBe(values.filter((v) => inBand(v, b)).length);
                if (i > 0) expect(b.from).toBe(bands[i - 1]!.to);
                for (const edge of [b.from, b.to]) if (edge !== undefined) expect(isGridEdge(edge), edge).toBe(true);
              });
              // No band is narrower than the grid band of any council in it: a band pins nobody more tightly.
              for (const v of values.filter((x) => x.gt(0))) {
                const [lo, hi] = gridRange(v);
                const b = bands.find((x) => inBand(v, x))!;
                expect((b.from === undefined || lo.gte(b.from)) && (b.to === undefined || hi.lte(b.to))).toBe(true);
              }
            }
          }
        }
      }),
      { numRuns: 220, seed: 20261201 },
    );
    // One banded metric (total emissions), mostly of two bands: 150 histograms hold some 300 bands. Since only total
    // emissions are banded, these cohorts no longer give a withheld histogram worked out from others (none in 320
    // runs): red-team-histograms.test.ts builds such cohorts on purpose ("region band worked out", a small type).
    seen.expectAtLeast({ 'histogram published': 150, band: 300, 'histogram suppressed': 50 });
  });

  /**
   * The attacker: a member of a published sum (a cohort total, or a quartile window worked out here by the documented
   * rule), knowing its own figure, the sum exactly (stronger than the rounded figure) and every other member's band
   * (the tightest range any published histogram of the base group gives it). Every other member of the sum as the
   * attacker, every member as the victim: the victim's range is never narrower than 2 x p% of its figure (never
   * within ±p%), and never one value.
   */
  it('bands with published totals and quartile windows never place a council within ±p% (every attacker and victim)', () => {
    const seen = tally();
    fc.assert(
      fc.property(submissionsArb, (subs) => {
        const shared = sharedView(benchmark(subs));
        for (const g of shared.baseGroups) {
          const members = baseGroupMembers(subs, g);
          for (const metric of HEADLINE_METRICS) {
            const range = bandRanges([g], members, metric);
            if (range === undefined) continue;
            for (const set of sumSets(g, members, metric)) {
              seen.add('sum beside a histogram');
              expect(placedWithin(set, metric, range)).toBeUndefined();
            }
          }
        }
      }),
      { numRuns: 80, seed: 7 },
    );
    seen.expectAtLeast({ 'sum beside a histogram': 150 });
  });

  /**
   * The same attacker on cohorts built to tempt it: a median window of five councils just above a grid edge (offsets of
   * a few tonnes, or spread over the band), the bands below and above holding five each, so the bands would pin the
   * window's councils unless the check merges or withholds them.
   */
  it('windows just above a grid edge: bands never place a window member within ±p% (fast-check)', () => {
    const seen = tally();
    fc.assert(
      fc.property(
        fc.constantFrom(1000, 2000, 5000, 10000),
        fc.uniqueArray(fc.integer({ min: 1, max: 900 }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 1, max: 1000 }),
        (edge, offsets, scale) => {
          const middle = offsets.map((o) => edge + Math.ceil((o * scale) / 1000));
          if (new Set(middle).size < 5) return;
          const below = [10, 20, 30, 40, 50].map((f) => (edge * f) / 100);
          const above = [3, 4, 5, 6, 7].map((f) => edge * f);
          const subs = [...below, ...middle, ...above].map((t, i) => district(i + 1, t));
          const members = subs;
          const g = sharedView(benchmark(subs)).baseGroups[0]!;
          const range = bandRanges([g], members, 'total/absolute');
          seen.figure('histogram', g.cohorts[0]!.metrics.find((m) => m.metric === 'total/absolute')!.histogram);
          if (range === undefined) return;
          for (const set of sumSets(g, members, 'total/absolute')) {
            seen.add('sum beside a histogram');
            expect(placedWithin(set, 'total/absolute', range)).toBeUndefined();
          }
        },
      ),
      { numRuns: 200, seed: 5 },
    );
    seen.expectAtLeast({ 'histogram published': 40, 'histogram suppressed': 40, 'sum beside a histogram': 40 });
  });

  /**
   * The attacker: a holder of two releases, the second with 1–9 late councils of one type, region and year (the rest
   * unchanged), their figures in one grid band or spread. For every cohort,
   * the histogram of each release as published, or as worked out from the same release (a parent as the sum of a
   * split's children, a child as the parent minus its siblings); on the edges both releases share, every band's
   * count moved by 0 or by at least k: a difference never rests on fewer than k late councils.
   */
  it('two releases with late councils: no band difference rests on fewer than k councils', () => {
    const seen = tally();
    fc.assert(
      fc.property(submissionsArb, fc.nat(), fc.boolean(), fc.array(fc.integer({ min: 20000, max: 49999 }), { minLength: 1, maxLength: 9 }), (subs, pick, spread, lates) => {
        const first = applyLedger(benchmark(subs), EMPTY_LEDGER);
        const ledger = LedgerSchema.parse(recordRelease(first, EMPTY_LEDGER, '2024-10-01T09:00:00Z'));
        const s = subs[pick % subs.length]!;
        const late = lates.map((tenths, i): Submission => {
          const total = new Decimal(tenths)
            .times(spread ? 10 ** (i % 4) : 1)
            .div(10)
            .toFixed();
          return {
            ...s,
            profile: { ...s.profile, onsCode: `${s.profile.onsCode.slice(0, 3)}7${String(i).padStart(5, '0')}`, name: `Late Council ${i}` },
            totals: { total, scope1: total, scope2Location: '0', scope2Market: '0', scope3: '0', byCategory: {} },
            denominators: {},
          };
        });
        const second = applyLedger(benchmark([...subs, ...late]), ledger);
        const views = [sharedView(first), sharedView(second)];
        // Release 1's bands with release 2's totals and windows (every council kept its figure).
        for (const g of views[1]!.baseGroups) {
          const members = [...subs, ...late].filter((x) => x.profile.reportingYear === g.reportingYear && x.profile.factorSetId === g.factorSetId);
          const before = views[0]!.baseGroups.filter((x) => x.reportingYear === g.reportingYear && x.factorSetId === g.factorSetId);
          for (const metric of HEADLINE_METRICS) {
            const range = bandRanges([...before, g], members, metric);
            if (range === undefined) continue;
            for (const set of sumSets(g, members, metric)) {
              seen.add('sum beside an earlier histogram');
              expect(placedWithin(set, metric, range)).toBeUndefined();
            }
          }
        }
        for (const metric of HEADLINE_METRICS) {
          const derived = views.map((v) => derivedHistograms(v, metric));
          for (const [id, after] of derived[1]!) {
            if (id.startsWith(late[0]!.profile.reportingYear) && bandsOf(histogramOf(views[1]!, id, metric)) !== undefined) seen.add('published in the second release');
            const before = derived[0]!.get(id);
            if (before === undefined) continue;
            const cuts = commonCuts(before, after);
            const a = countsOn(before, cuts);
            const b = countsOn(after, cuts);
            a.forEach((n, i) => {
              const moved = Math.abs(b[i]! - n);
              seen.add(moved === 0 ? 'band unchanged' : 'band moved');
              expect(moved === 0 || moved >= K, `${id} ${metric} segment ${i}: ${n} then ${b[i]}`).toBe(true);
            });
          }
        }
      }),
      { numRuns: 150, seed: 11 },
    );
    seen.expectAtLeast({ 'published in the second release': 40, 'band unchanged': 100, 'band moved': 5, 'sum beside an earlier histogram': 100 });
  });

  /**
   * The attacker: a council re-running the benchmark with its own figure changed, 40 times. Through the ledger every
   * cohort shows the histogram it showed in the release, whatever the figure; without the ledger (which the docs say
   * never to do) every band still starts and ends on the grid, so a council's range is never narrower than its grid band.
   */
  it('a council probing with its own figure over re-runs sees the released histograms every time (ledger)', () => {
    const seen = tally();
    fc.assert(
      fc.property(submissionsArb, fc.array(fc.integer({ min: 0, max: 2000000 }), { minLength: 40, maxLength: 40 }), (subs, probes) => {
        const release = applyLedger(benchmark(subs), EMPTY_LEDGER);
        const ledger = LedgerSchema.parse(recordRelease(release, EMPTY_LEDGER, '2024-10-01T09:00:00Z'));
        const histograms = (r: SharedReport) => r.baseGroups.flatMap((g) => g.cohorts.flatMap((c) => c.metrics.map((m) => m.histogram)));
        const released = histograms(sharedView(release));
        seen.add('histogram published', released.filter((h) => h?.status === 'published').length);
        const prober = subs[0]!;
        for (const tenths of probes) {
          const total = new Decimal(tenths).div(10).toFixed();
          const probe: Submission = { ...prober, totals: { ...prober.totals, total, scope1: total, scope2Location: '0', scope2Market: '0', scope3: '0', byCategory: {} } };
          const rerun = [probe, ...subs.slice(1)];
          expect(histograms(sharedView(applyLedger(benchmark(rerun), ledger)))).toEqual(released);
          for (const h of histograms(sharedView(benchmark(rerun)))) for (const b of bandsOf(h) ?? []) for (const e of [b.from, b.to]) if (e !== undefined) expect(isGridEdge(e)).toBe(true);
          seen.add('re-run');
        }
      }),
      { numRuns: 26, seed: 3 },
    );
    // Total emissions is the one banded metric: about one histogram in every two probes.
    seen.expectAtLeast({ 'histogram published': 12, 're-run': 1000 });
  });
});

type Group = SharedReport['baseGroups'][number];
type Ranges = Map<Submission, { lo: Decimal; hi: Decimal | undefined }>;

/** Each council's range from every published histogram of the metric in these base groups; undefined if none is published. */
function bandRanges(groups: readonly Group[], members: readonly Submission[], metric: string): Ranges | undefined {
  const range: Ranges = new Map(members.map((s) => [s, { lo: new Decimal(0), hi: undefined }]));
  let banded = false;
  for (const c of groups.flatMap((g) => g.cohorts)) {
    const bands = bandsOf(c.metrics.find((m) => m.metric === metric)?.histogram);
    if (bands === undefined) continue;
    banded = true;
    for (const s of members.filter((x) => inCohort(x, c.group))) {
      const v = valueOf(s, metric);
      const b = v === undefined ? undefined : bands.find((x) => inBand(v, x));
      if (b === undefined) continue;
      const r = range.get(s)!;
      if (b.from !== undefined && r.lo.lt(b.from)) r.lo = new Decimal(b.from);
      if (b.to !== undefined && (r.hi === undefined || r.hi.gt(b.to))) r.hi = new Decimal(b.to);
    }
  }
  return banded ? range : undefined;
}

/** The published sums of a metric in a base group, as councils: cohort totals, and quartile windows by the documented rule. */
function sumSets(g: Group, members: readonly Submission[], metric: string): Submission[][] {
  return g.cohorts.flatMap((c) => {
    const m = c.metrics.find((x) => x.metric === metric)!;
    const inside = members.filter((s) => inCohort(s, c.group) && valueOf(s, metric) !== undefined).sort((a, b) => valueOf(a, metric)!.cmp(valueOf(b, metric)!));
    const sets: Submission[][] = [];
    if (m.total?.status === 'published') sets.push(inside);
    for (const [name, p] of [['lowerQuartile', 0.25], ['median', 0.5], ['upperQuartile', 0.75]] as const) {
      if (m[name].status !== 'published') continue;
      const start = Math.min(Math.max(Math.floor((inside.length - 1) * p - K / 2 + 1), 0), inside.length - K);
      sets.push(inside.slice(start, start + K));
    }
    return sets;
  });
}

/**
 * Whether some attacker in the set, knowing its own figure, the set's exact sum and every other member's range,
 * places some victim within ±p% (a range narrower than 2p% of its figure, or a single value). Returns that victim.
 */
function placedWithin(set: readonly Submission[], metric: string, range: Ranges): string | undefined {
  const hit = placedBySum(set.map((s) => valueOf(s, metric)!), set.map((s) => range.get(s)!), P);
  if (hit === undefined) return undefined;
  const [victim, attacker] = [set[hit.victim]!, set[hit.attacker]!];
  return `${victim.profile.onsCode} (${valueOf(victim, metric)}) placed in [${hit.bottom}, ${hit.top}] by ${attacker.profile.onsCode}`;
}

type Derived = Map<string, Band[]>;
/**
 * Every cohort's histogram as an attacker has it from one release: published, or worked out within a split of
 * "all councils" (the parent as the sum of the children, or one child as the parent minus the others), on the
 * edges all of them share.
 */
function derivedHistograms(report: SharedReport, metric: string): Derived {
  const out: Derived = new Map();
  for (const g of report.baseGroups) {
    const cohorts = g.cohorts.map((c) => ({ c, bands: bandsOf(c.metrics.find((m) => m.metric === metric)?.histogram) }));
    for (const { c, bands } of cohorts) if (bands !== undefined) out.set(c.id, bands);
    const parent = cohorts[0]!;
    for (const kind of ['council-type', 'region'] as const) {
      const children = cohorts.filter((x) => x.c.group.kind === kind);
      const missing = children.filter((x) => x.bands === undefined);
      if (parent.bands === undefined && missing.length === 0 && children.length > 0) {
        const cuts = children.reduce((acc, x) => acc.filter((e) => cutsOf(x.bands!).includes(e)), cutsOf(children[0]!.bands!));
        const sums = children.map((x) => countsOn(x.bands!, cuts)).reduce((p, q) => p.map((n, i) => n + q[i]!));
        if (!out.has(parent.c.id)) out.set(parent.c.id, bandsOn(cuts, sums));
      }
      if (parent.bands !== undefined && missing.length === 1) {
        const others = children.filter((x) => x.bands !== undefined);
        const cuts = others.reduce((acc, x) => acc.filter((e) => cutsOf(x.bands!).includes(e)), cutsOf(parent.bands));
        const rest = others.map((x) => countsOn(x.bands!, cuts)).reduce((p, q) => p.map((n, i) => n + q[i]!), countsOn(parent.bands, cuts).map(() => 0));
        out.set(missing[0]!.c.id, bandsOn(cuts, countsOn(parent.bands, cuts).map((n, i) => n - rest[i]!)));
      }
    }
  }
  return out;
}

const cutsOf = (bands: readonly Band[]): string[] => bands.slice(1).map((b) => b.from!);
const commonCuts = (a: readonly Band[], b: readonly Band[]): string[] => cutsOf(a).filter((e) => cutsOf(b).includes(e));
/** The counts between consecutive cuts (each cut one of the histogram's own edges). */
function countsOn(bands: readonly Band[], cuts: readonly string[]): number[] {
  const out = new Array<number>(cuts.length + 1).fill(0);
  for (const b of bands) {
    const segment = b.from === undefined ? 0 : cuts.filter((e) => new Decimal(e).lte(b.from!)).length;
    out[segment]! += b.count;
  }
  return out;
}
function bandsOn(cuts: readonly string[], counts: readonly number[]): Band[] {
  return counts.map((count, i) => ({ ...(i > 0 ? { from: cuts[i - 1]! } : {}), ...(i < cuts.length ? { to: cuts[i]! } : {}), count }));
}
