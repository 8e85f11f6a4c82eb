import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditView, benchmark } from '../../src/benchmark/index.js';
import { quantileWindow, QUARTILES } from '../../src/benchmark/quantiles.js';
import { failsPPercent } from '../../src/benchmark/suppression.js';
import { Decimal } from '../../src/decimal.js';
import { baseGroupMembers, submissionsArb } from './arbitraries.js';
import { district } from './districts.js';
import { inCohort as inCohortOf } from './membership.js';

const allTotal = (values: readonly number[], policy = {}) => auditView(benchmark(values.map((v, i) => district(i + 1, v)), policy)).baseGroups[0]!.cohorts[0]!.metrics[0]!;

describe('the p% rule', () => {
  it('is the rest besides the two largest under p% of the largest (hand-worked)', () => {
    const d = (xs: number[]) => xs.map((x) => new Decimal(x));
    // 10 + 10 + 10 = 30 besides 1000 and 1000: 30 < 10% of 1000 = 100.
    expect(failsPPercent(new Decimal(2030), d([1000, 1000]), 10)).toBe(true);
    // 150 besides: 150 ≥ 100.
    expect(failsPPercent(new Decimal(2150), d([1000, 1000]), 10)).toBe(false);
    expect(failsPPercent(new Decimal(2030), d([1000, 1000]), 0)).toBe(false);
  });

  /**
   * The attacker: the second-largest council in a quartile window, which knows its own figure and subtracts it
   * from k × the published mean. Here the median window (positions 3..7 of 10) is 4, 5, 6, 7 and 400: the mean
   * 84.4 minus what the council at 7 knows of itself leaves 400 + 15, so the largest would be known to within 15
   * (4%). The rest, 4 + 5 + 6 = 15, is under 10% of 400 = 40: the window is withheld.
   */
  it('withholds a quartile window one council dominates, which the (n, k) rules on totals never looked at', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 400, 500, 600];
    expect(allTotal(values).median).toEqual({ status: 'suppressed', reason: 'dominance' });
    expect(allTotal(values, { pPercent: 0 }).median).toEqual({ status: 'published', value: '84.4' }); // (4+5+6+7+400)/5
  });

  it('withholds a cohort total where the two largest leave under p% of the largest, even with the (n, k) rules off', () => {
    // 10 + 10 + 10 besides 1000 and 1000: the second largest knows the largest to within 30.
    expect(allTotal([10, 10, 10, 1000, 1000], { dominance: [] }).total).toEqual({ status: 'suppressed', reason: 'dominance' });
    expect(allTotal([10, 10, 10, 1000, 1000], { dominance: [], pPercent: 0 }).total).toEqual({ status: 'published', value: '2030' });
  });

  it('no published quartile window or cohort total fails the p% rule (fast-check, random cohorts with giants)', () => {
    fc.assert(
      fc.property(submissionsArb, (subs) => {
        const audit = auditView(benchmark(subs));
        for (const g of audit.baseGroups) {
          const members = baseGroupMembers(subs, g);
          for (const c of g.cohorts) {
            const values = members
              .filter((s) => inCohortOf(s, c.group))
              .map((s) => new Decimal(s.totals.total))
              .sort((a, b) => a.cmp(b));
            const m = c.metrics.find((x) => x.metric === 'total/absolute')!;
            const check = (window: readonly Decimal[]) => {
              const sum = window.reduce((a, b) => a.plus(b), new Decimal(0));
              const top = [...window].sort((a, b) => b.cmp(a)).slice(0, 2);
              expect(failsPPercent(sum, top, 10)).toBe(false);
            };
            if (m.total?.status === 'published') check(values);
            for (const name of ['lowerQuartile', 'median', 'upperQuartile'] as const) {
              if (m[name].status !== 'published') continue;
              const start = quantileWindow(values.length, QUARTILES[name], 5);
              check(values.slice(start, start + 5));
            }
          }
        }
      }),
      { numRuns: 150, seed: 77 },
    );
  });
});
