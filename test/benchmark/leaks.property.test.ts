import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleSubmissions } from '../../examples/build-submissions.js';
import type { CouncilType, Region } from '../../src/activity/council.js';
import { COUNCIL_TYPE_INFO } from '../../src/activity/council.js';
import { auditView, benchmark, councilView, DEFAULT_POLICY, sharedView, SUBMISSION_FORMAT, SUBMISSION_VERSION, type Submission } from '../../src/benchmark/index.js';
import { quantileWindow, roundSignificant } from '../../src/benchmark/quantiles.js';
import { Decimal } from '../../src/decimal.js';
import { baseGroupMembers, submissionsArb, tally } from './arbitraries.js';
import { incidence, nullVectorMoving } from './exact-rank.js';
import { inCohort as inCohortOf } from './membership.js';

/** The leaks a review found (quartiles giving a neighbour away, exact counts beside noisy ones, percentiles giving n away), proved closed. */

const K = DEFAULT_POLICY.minCouncils;
const TYPES: readonly CouncilType[] = ['district', 'county', 'unitary'];
const REGIONS: readonly Region[] = ['north-east', 'south-west'];

function submission(i: number, councilType: CouncilType, region: Region, value: Decimal): Submission {
  return {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    profile: {
      onsCode: `${COUNCIL_TYPE_INFO[councilType].gssPrefix}8${String(i).padStart(5, '0')}`,
      name: `Qzx Council ${i}`,
      councilType,
      region,
      reportingYear: '2023/24',
      factorSetId: 'desnz-2023',
      boundary: { schoolsIncluded: false, scope3SpendIncluded: false, leasedAssetsIncluded: false, outsourcedServicesIncluded: false },
    },
    // One varying measure (total = scope 1), so moving an amount between two councils moves it in every metric alike.
    totals: { total: value.toFixed(), scope1: value.toFixed(), scope2Location: '0', scope2Market: '0', scope3: '0', byCategory: {} },
    denominators: {},
  };
}

/**
 * One base group of councils with distinct values (tenths, so 0.1 apart at least), two to four cohorts deep.
 * `size: 'max'`: at fast-check's default size the lists stay near their minimum, too small for a quartile.
 */
const cohortArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 500000 }), { minLength: 10, maxLength: 36, size: 'max' })
  .chain((values) =>
    fc.tuple(
      fc.constant(values),
      fc.array(fc.tuple(fc.constantFrom(...TYPES), fc.constantFrom(...REGIONS)), { minLength: values.length, maxLength: values.length }),
      fc.nat(),
      fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
    ),
  )
  .map(([values, places, viewer, picks]) => ({
    subs: values.map((v, i) => submission(i, places[i]![0], places[i]![1], new Decimal(v).div(10))),
    viewer: viewer % values.length,
    picks,
  }));

const withValue = (s: Submission, delta: Decimal): Submission => {
  const v = new Decimal(s.totals.total).plus(delta).toFixed();
  return { ...s, totals: { ...s.totals, total: v, scope1: v } };
};

describe('closed leaks (properties)', () => {
  it('every published quartile is the rounded mean of k consecutive councils of its cohort, and none is published below 2k (median) or 4k + 1 (quartiles)', () => {
    const seen = tally();
    fc.assert(
      fc.property(submissionsArb, (subs) => {
        const shared = sharedView(benchmark(subs));
        for (const g of shared.baseGroups) {
          const members = baseGroupMembers(subs, g);
          for (const c of g.cohorts) {
            for (const m of c.metrics) {
              if (!m.metric.endsWith('/absolute') || m.metric.startsWith('category')) continue;
              const field = m.metric.split('/')[0] as 'total';
              const values = members
                .filter((s) => inCohortOf(s, c.group))
                .map((s) => new Decimal(s.totals[field]))
                .sort((a, b) => a.cmp(b));
              const means = values.slice(0, Math.max(0, values.length - K + 1)).map((_, i) => roundSignificant(values.slice(i, i + K).reduce((t, v) => t.plus(v), new Decimal(0)).div(K), 3).toString());
              for (const [name, f] of [['median', m.median], ['lowerQuartile', m.lowerQuartile], ['upperQuartile', m.upperQuartile]] as const) {
                seen.figure(name, f);
                if (f.status !== 'published') continue;
                expect(values.length, `${c.id} ${m.metric} ${name}`).toBeGreaterThanOrEqual(name === 'median' ? 2 * K : 4 * K + 1);
                expect(means, `${c.id} ${m.metric} ${name} = ${f.value}`).toContain(f.value);
              }
            }
          }
        }
      }),
      { numRuns: 120, seed: 1187 },
    );
    seen.expectAtLeast({ 'median published': 250, 'lowerQuartile published': 120, 'upperQuartile published': 120, 'median suppressed': 2000, 'lowerQuartile suppressed': 2000 });
  });

  it('non-identifiability: for every other council j, some change of j\'s figure with other councils\' (never the viewer\'s) changes nothing the viewer sees', () => {
    // Every published sum (a quartile window, a cohort total) must stay put, and so must the viewer's own figure: the
    // changes that do that are the null space of those sums. If j's figure could be worked out from what the viewer
    // sees, every such change would leave it alone; so one that moves it, run through the benchmark and invisible in
    // the shared view and the viewer's own, proves it cannot. Windows sharing a council or two with windows of other
    // cohorts leave that council no partner to trade a little with, so the change may take several councils.
    const policy = { significantFigures: 15 }; // no rounding to hide behind: only the disclosure rules protect
    const shown = tally();
    let movedSeveral = 0;
    fc.assert(
      fc.property(cohortArb, ({ subs, viewer, picks }) => {
        const code = subs[viewer]!.profile.onsCode;
        const seen = (list: readonly Submission[]) => {
          const result = benchmark(list, policy);
          return JSON.stringify([sharedView(result), councilView(result, code)]);
        };
        const before = seen(subs);
        const values = subs.map((s) => new Decimal(s.totals.total));
        const { sums, histograms } = publishedSums(subs, values, policy);
        // A council exactly at a grid edge (its band's bottom) leaves its band if it moves down: held, where bands are published.
        const onEdge = histograms ? values.flatMap((v, i) => (ON_GRID.some((edge) => edge.eq(v)) ? [i] : [])) : [];
        for (const name of ['median', 'lowerQuartile', 'upperQuartile', 'total'] as const) {
          for (const c of sharedView(benchmark(subs, policy)).baseGroups[0]!.cohorts) shown.figure(name, c.metrics.find((x) => x.metric === 'total/absolute')![name]);
        }
        const others = subs.map((_, i) => i).filter((i) => i !== viewer);
        const changes = others.map((j) => {
          // j moves up: at a grid edge, up keeps it in its band.
          const change = nullVectorMoving(incidence([...sums, [viewer], ...onEdge.filter((i) => i !== j).map((i) => [i])], subs.length), subs.length, j);
          expect(change, `council ${j} (${values[j]!.toString()}) can be worked out by viewer ${viewer}`).toBeDefined();
          if (change!.filter((x) => x !== 0n).length > 2) movedSeveral++;
          return change!;
        });
        // Every change leaves the published sums put; run a few through the benchmark to see that nothing else moves.
        for (const pick of picks) {
          const change = changes[pick % others.length]!;
          // Scaled so no council moves by more than 0.001: values are 0.1 apart, so the order holds.
          const largest = change!.reduce((a, x) => (x < 0n ? (-x > a ? -x : a) : x > a ? x : a), 0n);
          const step = new Decimal('0.001').div(largest.toString());
          expect(seen(subs.map((s, i) => (change![i] === 0n ? s : withValue(s, step.times(change![i]!.toString())))))).toBe(before);
        }
      }),
      // Shrinking reruns the benchmark thousands of times: a failure is reported as found, naming the council and viewer.
      { numRuns: 30, seed: 4242, endOnFailure: true },
    );
    shown.expectAtLeast({ 'median published': 10, 'lowerQuartile published': 5, 'upperQuartile published': 5, 'total published': 10, 'median suppressed': 40 });
    // Changes of three or more councils were needed: the exact rule's windows, which no pair of councils can hide.
    expect(movedSeveral).toBeGreaterThan(0);
  }, 120_000);
});

/** The 1-2-5 grid edges the figures of these cohorts can sit on (tenths up to 50,000). */
const ON_GRID = [-1, 0, 1, 2, 3, 4].flatMap((e) => [1, 2, 5].map((m) => new Decimal(m).times(new Decimal(10).pow(e))));

/**
 * The sets of councils (indices into `subs`) whose sums the audit shows published, for the two metrics these councils
 * vary in: each published quartile's window (k consecutive councils of its cohort, ascending) and each published
 * total; and whether any banded histogram is published.
 */
function publishedSums(subs: readonly Submission[], values: readonly Decimal[], policy: { significantFigures: number }): { sums: number[][]; histograms: boolean } {
  const sets: number[][] = [];
  let histograms = false;
  for (const c of auditView(benchmark(subs, policy)).baseGroups[0]!.cohorts) {
    const members = subs.map((_, i) => i).filter((i) => inCohortOf(subs[i]!, c.group)).sort((a, b) => values[a]!.cmp(values[b]!) || a - b);
    for (const m of c.metrics.filter((x) => x.metric === 'total/absolute' || x.metric === 'scope1/absolute')) {
      for (const [name, p] of [['lowerQuartile', '0.25'], ['median', '0.5'], ['upperQuartile', '0.75']] as const) {
        if (m[name].status !== 'published') continue;
        const start = quantileWindow(members.length, new Decimal(p), K);
        sets.push(members.slice(start, start + K));
      }
      if (m.total?.status === 'published') sets.push(members);
      if (m.histogram?.status === 'published') histograms = true;
    }
  }
  return { sums: sets, histograms };
}

describe('base-group counts', () => {
  it('the number of councils and of councils restated go through the threshold, and the first equals the all-councils count', () => {
    const examples = exampleSubmissions();
    const shared = sharedView(benchmark(examples));
    // The examples: 48 fictional councils each year; 2023/24 splits by factor set (every fifth on desnz-2022).
    expect(shared.baseGroups.map((g) => g.councils)).toEqual(shared.baseGroups.map((g) => g.cohorts[0]!.metrics[0]!.count));
    const sizes = new Map<string, number>();
    for (const s of examples) sizes.set(`${s.profile.reportingYear} ${s.profile.factorSetId}`, (sizes.get(`${s.profile.reportingYear} ${s.profile.factorSetId}`) ?? 0) + 1);
    for (const g of shared.baseGroups) {
      expect(g.councils).toEqual({ status: 'published', value: String(sizes.get(`${g.reportingYear} ${g.factorSetId}`)) });
      expect(g.restated).toEqual({ status: 'suppressed' }); // no common factor set: 0 restated, below the threshold
    }
    // A base group below the threshold is withheld, not published exactly.
    const small = auditView(benchmark(examples, { minCouncils: 10 })).baseGroups.find((g) => g.reportingYear === '2023/24' && g.factorSetId === 'desnz-2022')!;
    expect(sizes.get('2023/24 desnz-2022')).toBeLessThan(10);
    expect(small.councils).toEqual({ status: 'suppressed', reason: 'below-threshold' });
  });
});

describe('position and withheld counts', () => {
  it('a council in a cohort whose count is withheld gets no position there', () => {
    const examples = exampleSubmissions();
    const result = benchmark(examples);
    let checked = 0;
    for (const s of examples) {
      const view = councilView(result, s.profile.onsCode)!;
      for (const y of view.years) for (const c of y.cohorts) for (const m of c.metrics) {
        if (m.count.status === 'suppressed' && m.ours !== undefined) {
          expect(m.position).toEqual({ status: 'suppressed' });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('councils sharing a figure', () => {
  const tiedSubs = (values: readonly number[], types: readonly CouncilType[] = values.map(() => 'district')) => values.map((v, i) => submission(i, types[i]!, 'south-west', new Decimal(v)));

  it('an audit’s attack is closed: seven councils at zero cannot read the eighth council’s figure from the median window', () => {
    // 10 districts, 7 of them at zero: the median window (positions 3–7) is four zeros and one council, so the
    // median × 5 would be that council's figure, and any zero council could know (from an exact rank) that 7 are zero.
    const subs = tiedSubs([0, 0, 0, 0, 0, 0, 0, 812.37, 2400, 3100]);
    const all = auditView(benchmark(subs)).baseGroups[0]!.cohorts[0]!.metrics.find((m) => m.metric === 'total/absolute')!;
    expect(all.median).toEqual({ status: 'suppressed', reason: 'tied-values' });
  });

  it('every published quartile window holds at least 3 figures no other council shares (property)', () => {
    let published = 0;
    let withheld = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, 0, 0, 10, 10, 25, 40, 55, 70, 85, 100, 120, 150, 200, 260, 300, 410), { minLength: 10, maxLength: 30 }),
        fc.array(fc.constantFrom(...TYPES), { minLength: 30, maxLength: 30 }),
        (values, types) => {
          const subs = tiedSubs(values, types);
          const shared = auditView(benchmark(subs)); // the reasons are in the audit only
          const count = (v: Decimal) => subs.filter((s) => new Decimal(s.totals.total).eq(v)).length;
          for (const c of shared.baseGroups[0]!.cohorts) {
            const m = c.metrics.find((x) => x.metric === 'total/absolute')!;
            const cohortValues = subs
              .filter((s) => inCohortOf(s, c.group))
              .map((s) => new Decimal(s.totals.total))
              .sort((a, b) => a.cmp(b));
            for (const [name, p] of [['lowerQuartile', '0.25'], ['median', '0.5'], ['upperQuartile', '0.75']] as const) {
              const figure = m[name];
              if (figure.status === 'suppressed' && figure.reason === 'tied-values') withheld++;
              if (figure.status !== 'published') continue;
              published++;
              const start = quantileWindow(cohortValues.length, new Decimal(p), K);
              const untied = cohortValues.slice(start, start + K).filter((v) => count(v) === 1).length;
              expect(untied, `${c.id} ${name}`).toBeGreaterThanOrEqual(3);
            }
          }
        },
      ),
      { numRuns: 150, seed: 2611 },
    );
    expect(published, 'some quartiles are published').toBeGreaterThan(20);
    expect(withheld, 'some are withheld for ties').toBeGreaterThan(5);
  });
});

describe('cohorts holding the same councils', () => {
  it('publish or withhold the same figures: a count withheld as a council type is not published as a region (property)', () => {
    let sameSets = 0;
    fc.assert(
      fc.property(submissionsArb, (subs) => {
        const result = benchmark(subs);
        const shared = sharedView(result);
        shared.baseGroups.forEach((g, b) => {
          const cohorts = result.baseGroups[b]!.cohorts;
          for (let i = 0; i < cohorts.length; i++) {
            for (let j = i + 1; j < cohorts.length; j++) {
              if (cohorts[i]!.members.join() !== cohorts[j]!.members.join()) continue;
              sameSets++;
              g.cohorts[i]!.metrics.forEach((m, x) => {
                const other = g.cohorts[j]!.metrics[x]!;
                expect(other.count.status, `${g.cohorts[i]!.id} / ${g.cohorts[j]!.id} ${m.metric}`).toBe(m.count.status);
              });
            }
          }
        });
      }),
      { numRuns: 60, seed: 777 },
    );
    expect(sameSets).toBeGreaterThan(0);
  });

  it('the bundled examples: London boroughs and London are the same councils, and neither count is published', () => {
    const shared = sharedView(benchmark(exampleSubmissions()));
    let compared = 0;
    for (const g of shared.baseGroups) {
      const boroughs = g.cohorts.find((c) => c.group.kind === 'council-type' && c.group.councilType === 'london-borough');
      const london = g.cohorts.find((c) => c.group.kind === 'region' && c.group.region === 'london');
      if (boroughs === undefined || london === undefined) continue;
      expect(london.metrics[0]!.count).toEqual(boroughs.metrics[0]!.count);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});
