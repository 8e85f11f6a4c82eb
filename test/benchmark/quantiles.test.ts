import { describe, expect, it } from 'vitest';
import { auditView, benchmark, type Submission } from '../../src/benchmark/index.js';
import { minCohortFor, QUARTILES, quantileWindow, roundSignificant, windowMean } from '../../src/benchmark/quantiles.js';
import { Decimal } from '../../src/decimal.js';

const d = (xs: number[]) => xs.map((x) => new Decimal(x));

describe('quartiles: means of windows of k councils (hand-checked)', () => {
  it('k = 5, n = 21 (values 10, 20, …, 210): three disjoint windows, six councils outside them', () => {
    const values = d(Array.from({ length: 21 }, (_, i) => 10 * (i + 1)));
    // lower: h = 0.25 × 20 = 5, start = floor(5 − 2.5 + 1) = 3 → 40, 50, 60, 70, 80 → 60
    expect(quantileWindow(21, QUARTILES.lowerQuartile, 5)).toBe(3);
    expect(windowMean(values, QUARTILES.lowerQuartile, 5).toString()).toBe('60');
    // median: h = 10, start = floor(8.5) = 8 → 90 … 130 → 110
    expect(quantileWindow(21, QUARTILES.median, 5)).toBe(8);
    expect(windowMean(values, QUARTILES.median, 5).toString()).toBe('110');
    // upper: h = 15, start = floor(13.5) = 13 → 140 … 180 → 160
    expect(quantileWindow(21, QUARTILES.upperQuartile, 5)).toBe(13);
    expect(windowMean(values, QUARTILES.upperQuartile, 5).toString()).toBe('160');
  });

  it('k = 5, n = 10: the median window is councils 3..7 (h = 4.5, start = floor(3)), five councils outside', () => {
    expect(quantileWindow(10, QUARTILES.median, 5)).toBe(3);
    expect(windowMean(d([1, 2, 3, 10, 20, 30, 40, 50, 100, 200]), QUARTILES.median, 5).toString()).toBe('30'); // (10+20+30+40+50)/5
  });

  it('the cohort sizes needed: median 2k, lower and upper quartiles 4k + 1', () => {
    expect(minCohortFor('median', 5)).toBe(10);
    expect(minCohortFor('lowerQuartile', 5)).toBe(21);
    expect(minCohortFor('upperQuartile', 5)).toBe(21);
  });

  it('the windows are disjoint and inside the cohort for every n >= 4k + 1, and the median window for every n >= 2k', () => {
    for (const k of [3, 4, 5, 6, 7, 10]) {
      for (let n = 2 * k; n <= 12 * k; n++) {
        const m = quantileWindow(n, QUARTILES.median, k);
        expect(m >= 0 && m + k <= n).toBe(true);
        if (n < 4 * k + 1) continue;
        const lo = quantileWindow(n, QUARTILES.lowerQuartile, k);
        const up = quantileWindow(n, QUARTILES.upperQuartile, k);
        expect(lo >= 0 && lo + k <= m && m + k <= up && up + k <= n, `k ${k} n ${n}`).toBe(true);
        expect(n - 3 * k).toBeGreaterThanOrEqual(k);
      }
    }
  });

  it('the review example: 6 councils publish no median, so 2 × median − own value cannot give a neighbour', () => {
    const values = ['1000', '2000', '3456.78', '4567.89', '5000', '6000'];
    const subs: Submission[] = values.map((v, i) => ({
      format: 'council-ghg/benchmark-submission',
      version: 1,
      profile: {
        onsCode: `E0790010${i}`,
        name: `Council ${i}`,
        councilType: 'district',
        region: 'south-east',
        reportingYear: '2023/24',
        factorSetId: 'desnz-2023',
        boundary: { schoolsIncluded: false, scope3SpendIncluded: false, leasedAssetsIncluded: false, outsourcedServicesIncluded: false },
      },
      totals: { total: v, scope1: v, scope2Location: '0', scope2Market: '0', scope3: '0', byCategory: {} },
      denominators: {},
    }));
    const all = auditView(benchmark(subs)).baseGroups[0]!.cohorts[0]!.metrics[0]!;
    expect(all.median).toEqual({ status: 'suppressed', reason: 'small-cohort' });
    expect(all.count).toEqual({ status: 'published', value: '6' });
  });

  it('rounds to significant figures, half to even', () => {
    expect(roundSignificant(new Decimal('12345'), 3).toString()).toBe('12300');
    expect(roundSignificant(new Decimal('12350'), 3).toString()).toBe('12400');
    expect(roundSignificant(new Decimal('12250'), 3).toString()).toBe('12200');
    expect(roundSignificant(new Decimal('0.0012345'), 3).toString()).toBe('0.00123');
  });
});

