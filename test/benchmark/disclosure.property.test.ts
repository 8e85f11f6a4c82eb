import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  AuditReportSchema,
  auditView,
  benchmark,
  councilView,
  CouncilReportSchema,
  DEFAULT_POLICY,
  sharedView,
  SharedReportSchema,
  type Published,
  type SharedReport,
  type Submission,
} from '../../src/benchmark/index.js';
import { Decimal } from '../../src/decimal.js';
import { submissionsArb, tally } from './arbitraries.js';
import { inCohort as inCohortOf } from './membership.js';

/**
 * The disclosure guarantees, checked from the outside: every expectation is recomputed here from the
 * submissions (membership, values, attacks), not read back from the benchmark's own bookkeeping.
 */

const K = DEFAULT_POLICY.minCouncils;
const QUARTILE_NAMES = ['lowerQuartile', 'median', 'upperQuartile'] as const;
const RUNS = { numRuns: 150, seed: 20240501 };

const DENOMINATOR = { absolute: undefined, 'per-resident': 'population', 'per-fte': 'staffFte', 'per-gbp-m': 'grossRevenueExpenditureGbpMillions', 'per-m2': 'floorAreaM2' } as const;

/** A council's value for a metric, computed independently of src/benchmark/metrics.ts. */
function valueOf(s: Submission, metricId: string): Decimal | undefined {
  const [measure, basis] = metricId.split('/') as [string, keyof typeof DENOMINATOR];
  const text = measure.startsWith('category:') ? s.totals.byCategory[measure.slice(9) as 'buildings'] : (s.totals as unknown as Record<string, string>)[measure];
  if (text === undefined) return undefined;
  const field = DENOMINATOR[basis];
  if (field === undefined) return new Decimal(text);
  const d = s.denominators[field];
  return d === undefined ? undefined : new Decimal(text).div(d);
}

function inCohort(s: Submission, group: SharedReport['baseGroups'][number]['cohorts'][number]['group']): boolean {
  return inCohortOf(s, group);
}

function baseMembers(subs: readonly Submission[], year: string, set: string): Submission[] {
  return subs.filter((s) => s.profile.reportingYear === year && s.profile.factorSetId === set);
}

/** The figures of a metric that are single values (a histogram's band edges are the fixed grid's, no council's; histograms.test.ts checks them). */
function figures(m: SharedReport['baseGroups'][number]['cohorts'][number]['metrics'][number]): [string, Published][] {
  return Object.entries(m).filter(([k]) => k !== 'metric' && k !== 'histogram') as [string, Published][];
}

/** Passes the default threshold and dominance rules, computed from the raw values. */
function safeSet(values: readonly Decimal[]): boolean {
  if (values.length < K) return false;
  const sorted = [...values].sort((a, b) => b.cmp(a));
  const total = values.reduce((t, v) => t.plus(v), new Decimal(0));
  if (total.isZero()) return false;
  return sorted[0]!.times(2).lte(total) && sorted[0]!.plus(sorted[1] ?? 0).times(100).lte(total.times(85));
}

/** The set of exact values that round (3 significant figures, half-even) to `published`: a closed interval that contains it. */
function roundingInterval(published: string): [Decimal, Decimal] {
  const v = new Decimal(published);
  if (v.isZero()) return [v, v];
  const unit = new Decimal(10).pow(v.abs().log(10).floor().minus(DEFAULT_POLICY.significantFigures - 1));
  // 10^n can come from rounding 9.995…×10^(n-1) up, where the unit is ten times smaller.
  const below = v.abs().log(10).isInteger() ? unit.div(10) : unit;
  return [v.minus(below.div(2)), v.plus(unit.div(2))];
}

describe('disclosure control (properties over random cohorts)', () => {
  it('reports are valid against their schemas; a withheld figure is one marker in the views, and its reason is in the audit only', () => {
    const seen = tally();
    fc.assert(
      fc.property(submissionsArb, (subs) => {
        const result = benchmark(subs);
        const shared = SharedReportSchema.parse(sharedView(result));
        const audit = AuditReportSchema.parse(auditView(result));
        // Thousands of figures a run: the mismatches are collected and checked once (an expect each is too slow).
        const wrong: string[] = [];
        shared.baseGroups.forEach((g, gi) =>
          g.cohorts.forEach((c, ci) =>
            c.metrics.forEach((m, mi) => {
              const audited = audit.baseGroups[gi]!.cohorts[ci]!.metrics[mi]!;
              for (const [name, f] of figures(m)) {
                seen.figure(name, f);
                const a = audited[name as keyof typeof audited] as { status: string; value?: string; reason?: string };
                const right = f.status === 'published' ? isDeepStrictEqual(a, f) : isDeepStrictEqual(f, { status: 'suppressed' }) && a.status === 'suppressed' && a.reason !== undefined && a.reason !== '';
                if (!right) wrong.push(`${c.id} ${m.metric} ${name}: shared ${JSON.stringify(f)}, audit ${JSON.stringify(a)}`);
              }
            }),
          ),
        );
        expect(wrong).toEqual([]);
        expect(JSON.stringify(shared)).not.toMatch(/"reason"/);
        // Councils spread through the list (about eight a run): every one of them would make large runs slow.
        for (const s of subs.filter((_, i) => i % Math.ceil(subs.length / 8) === 0)) {
          const view = councilView(result, s.profile.onsCode);
          CouncilReportSchema.parse(view);
          expect(JSON.stringify(view)).not.toMatch(/"reason"/);
        }
      }),
      RUNS,
    );
    seen.expectAtLeast({
      'count published': 4000, 'count suppressed': 4000, 'total published': 60, 'total suppressed': 300,
      'median published': 700, 'median suppressed': 4000, 'lowerQuartile published': 300, 'upperQuartile published': 300, 'lowerQuartile suppressed': 4000,
    });
  });

  it('no published statistic rests on fewer than k councils', () => {
    const seen = tally();
    fc.assert(
      fc.property(submissionsArb, (subs) => {
        const shared = sharedView(benchmark(subs));
        for (const g of shared.baseGroups) {
          const members = baseMembers(subs, g.reportingYear, g.factorSetId);
          for (const c of g.cohorts) {
            for (const m of c.metrics) {
              const contributors = members.filter((s) => inCohort(s, c.group) && valueOf(s, m.metric) !== undefined).length;
              for (const [name, f] of figures(m)) {
                seen.figure(name, f);
                if (f.status === 'published') expect(contributors, `${c.id} ${m.metric} ${name}`).toBeGreaterThanOrEqual(K);
              }
            }
          }
        }
      }),
      RUNS,
    );
    seen.expectAtLeast({ 'count published': 4000, 'total published': 60, 'median published': 700, 'lowerQuartile published': 300, 'upperQuartile published': 300 });
  });

  it("no published number equals any council's value (shared view), nor another council's (private view)", () => {
    const seen = tally();
    fc.assert(
      fc.property(submissionsArb, (subs) => {
        const result = benchmark(subs);
        const shared = sharedView(result);
        for (const g of shared.baseGroups) {
          const members = baseMembers(subs, g.reportingYear, g.factorSetId);
          for (const c of g.cohorts) {
            for (const m of c.metrics) {
              const values = members.flatMap((s) => valueOf(s, m.metric) ?? []);
              for (const [name, f] of figures(m)) {
                if (name === 'count' || f.status !== 'published') continue;
                seen.add(`shared ${name}`);
                expect(values.some((v) => v.eq(f.value)), `${c.id} ${m.metric} ${name} = ${f.value}`).toBe(false);
              }
            }
          }
        }
        const viewer = subs[0]!;
        const view = councilView(result, viewer.profile.onsCode)!;
        for (const y of view.years) {
          const others = baseMembers(subs, y.reportingYear, y.factorSetId).filter((s) => s.profile.onsCode !== viewer.profile.onsCode);
          for (const c of y.cohorts) {
            for (const m of c.metrics) {
              const values = others.flatMap((s) => valueOf(s, m.metric) ?? []);
              for (const name of QUARTILE_NAMES) {
                const f = m[name];
                if (f.status !== 'published') continue;
                seen.add(`private ${name}`);
                expect(values.some((v) => v.eq(f.value))).toBe(false);
              }
            }
          }
        }
      }),
      RUNS,
    );
    seen.expectAtLeast({ 'shared total': 60, 'shared median': 700, 'shared lowerQuartile': 300, 'shared upperQuartile': 300, 'private median': 300, 'private lowerQuartile': 150, 'private upperQuartile': 150 });
  });

  it('differencing published totals and counts (all councils and a partition) never isolates a small or dominated group', () => {
    const seen = tally();
    fc.assert(
      fc.property(submissionsArb, (subs) => {
        const shared = sharedView(benchmark(subs));
        for (const g of shared.baseGroups) {
          const members = baseMembers(subs, g.reportingYear, g.factorSetId);
          const attack = (kind: 'council-type' | 'region', figure: 'total' | 'count', metric: string) => {
            const cells = g.cohorts
              .filter((c) => c.group.kind === 'all' || c.group.kind === kind)
              .map((c) => ({ group: c.group, f: c.metrics.find((m) => m.metric === metric)![figure] }))
              .filter((c) => c.f?.status === 'published');
            const vectors = cells.map((c) => members.map((s) => (valueOf(s, metric) !== undefined && inCohort(s, c.group) ? 1 : 0)));
            // Every combination of adding, subtracting or ignoring each published figure.
            for (let code = 1; code < 3 ** cells.length; code++) {
              const coef = cells.map((_, i) => (Math.floor(code / 3 ** i) % 3) - 1);
              const derived = members.map((_, j) => vectors.reduce((acc, v, i) => acc + coef[i]! * v[j]!, 0));
              if (!derived.every((x) => x === 0 || x === 1) || derived.every((x) => x === 0)) continue;
              const set = members.filter((_, j) => derived[j] === 1).map((s) => valueOf(s, metric)!);
              seen.add(`derived ${figure}`);
              if (cells.length > 1) seen.add(`derived ${figure} from two or more figures`);
              if (figure === 'count') expect(set.length, `derived count of ${set.length} from ${coef}`).toBeGreaterThanOrEqual(K);
              else expect(safeSet(set), `derived total of ${set.map(String)} from ${coef}`).toBe(true);
            }
          };
          attack('council-type', 'total', 'total/absolute');
          attack('council-type', 'count', 'total/absolute');
          attack('region', 'count', 'total/absolute');
          attack('council-type', 'count', 'total/per-resident');
          attack('region', 'count', 'category:buildings/absolute');
        }
      }),
      RUNS,
    );
    // Cohort totals are published for few cohorts (random giants dominate them), so few totals combine.
    seen.expectAtLeast({ 'derived total': 60, 'derived count': 2000, 'derived total from two or more figures': 3, 'derived count from two or more figures': 2000 });
  });

  it('an attacker who knows every other council exactly still cannot pin down the last one from the published totals', () => {
    let attacked = 0;
    fc.assert(
      fc.property(submissionsArb, (subs) => {
        const shared = sharedView(benchmark(subs));
        for (const g of shared.baseGroups) {
          const members = baseMembers(subs, g.reportingYear, g.factorSetId);
          const totals = g.cohorts.flatMap((c) => {
            const f = c.metrics.find((m) => m.metric === 'total/absolute')!.total;
            return f?.status === 'published' ? [{ group: c.group, value: f.value }] : [];
          });
          for (const target of members) {
            let lo: Decimal | undefined;
            let hi: Decimal | undefined;
            for (const t of totals.filter((t) => inCohort(target, t.group))) {
              const others = members.filter((s) => s !== target && inCohort(s, t.group)).reduce((acc, s) => acc.plus(s.totals.total), new Decimal(0));
              const [a, b] = roundingInterval(t.value);
              lo = lo === undefined ? a.minus(others) : Decimal.max(lo, a.minus(others));
              hi = hi === undefined ? b.minus(others) : Decimal.min(hi, b.minus(others));
            }
            if (lo === undefined || hi === undefined) continue;
            attacked++;
            const truth = new Decimal(target.totals.total);
            expect(truth.gte(lo) && truth.lte(hi), 'the interval is sound').toBe(true);
            expect(hi.gt(lo), `${target.profile.name} pinned to ${lo.toString()}`).toBe(true);
          }
        }
      }),
      RUNS,
    );
    expect(attacked, 'councils in a cohort with a published total').toBeGreaterThan(1000);
  });

  it('names and codes never appear in the shared view; the private view names only its own council', () => {
    let viewsWithQuartiles = 0;
    fc.assert(
      fc.property(submissionsArb, fc.nat(), (subs, pick) => {
        const result = benchmark(subs);
        const shared = JSON.stringify(sharedView(result));
        if (shared.includes('"median":{"status":"published"')) viewsWithQuartiles++;
        expect(shared).not.toMatch(/Qzx Council|[EWS]\d{8}/);
        const viewer = subs[pick % subs.length]!;
        const text = JSON.stringify(councilView(result, viewer.profile.onsCode));
        const names = [...text.matchAll(/Qzx Council \d+/g)].map((m) => m[0]);
        const codes = [...text.matchAll(/[EWS]\d{8}/g)].map((m) => m[0]);
        expect(new Set(names)).toEqual(new Set([viewer.profile.name]));
        expect(new Set(codes)).toEqual(new Set([viewer.profile.onsCode]));
      }),
      RUNS,
    );
    expect(viewsWithQuartiles, 'shared views with a published median').toBeGreaterThan(40);
  });

  it("the private view's position is its figure's band among the shared view's published quartiles (nothing more), and its quartiles are the shared ones", () => {
    const seen = tally();
    fc.assert(
      fc.property(submissionsArb, fc.nat(), (subs, pick) => {
        const result = benchmark(subs);
        const shared = sharedView(result);
        const viewer = subs[pick % subs.length]!;
        const view = councilView(result, viewer.profile.onsCode)!;
        for (const y of view.years) {
          const sharedGroup = shared.baseGroups.find((g) => g.reportingYear === y.reportingYear && g.factorSetId === y.factorSetId)!;
          for (const c of y.cohorts) {
            expect(inCohort(viewer, c.group)).toBe(true);
            const sharedCohort = sharedGroup.cohorts.find((s) => s.id === c.id)!;
            c.metrics.forEach((m, i) => {
              const { total: _t, ...published } = sharedCohort.metrics[i]!;
              const { ours: _o, position: _p, ...mine } = m;
              expect(mine).toEqual(published);
              const ours = valueOf(viewer, m.metric);
              if (ours === undefined) return expect(m.position).toBeUndefined();
              // The council's own figure, rounded as every published figure is: 3 significant figures, half to even.
              expect(m.ours).toBe(ours.isZero() ? '0' : ours.toSignificantDigits(3, Decimal.ROUND_HALF_EVEN).toString());
              seen.add(`position ${m.position?.status === 'published' ? m.position.value : 'suppressed'}`);
              // Worked from the shared cohort's figures and the council's own alone: no other council's value enters.
              if (published.count.status === 'suppressed' || published.median.status === 'suppressed') return expect(m.position).toEqual({ status: 'suppressed' });
              const q = (p: Published) => (p.status === 'published' ? new Decimal(p.value) : undefined);
              const [lower, median, upper] = [q(published.lowerQuartile), q(published.median)!, q(published.upperQuartile)];
              const expected =
                lower !== undefined && upper !== undefined
                  ? ours.lt(lower) ? 'lowest-quarter' : ours.lt(median) ? 'second-quarter' : ours.lt(upper) ? 'third-quarter' : 'highest-quarter'
                  : ours.lt(median) ? 'lower-half' : 'upper-half';
              expect(m.position).toEqual({ status: 'published', value: expected });
            });
          }
        }
      }),
      { ...RUNS, numRuns: 60 },
    );
    seen.expectAtLeast({
      'position suppressed': 300, 'position lower-half': 30, 'position upper-half': 30,
      'position lowest-quarter': 15, 'position second-quarter': 15, 'position third-quarter': 15, 'position highest-quarter': 15,
    });
  });

  it('does not depend on the order of the submissions', () => {
    let withQuartiles = 0;
    fc.assert(
      fc.property(submissionsArb.chain((subs) => fc.tuple(fc.constant(subs), fc.shuffledSubarray(subs, { minLength: subs.length, maxLength: subs.length }))), ([subs, shuffled]) => {
        const view = sharedView(benchmark(subs));
        expect(sharedView(benchmark(shuffled))).toEqual(view);
        if (view.baseGroups.some((g) => g.cohorts.some((c) => c.metrics.some((m) => m.lowerQuartile.status === 'published')))) withQuartiles++;
      }),
      { ...RUNS, numRuns: 60 },
    );
    expect(withQuartiles, 'runs publishing quartiles').toBeGreaterThan(15);
  });
});
