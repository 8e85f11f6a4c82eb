import { describe, expect, it } from 'vitest';
import { applyLedger, benchmark, DEFAULT_POLICY, EMPTY_LEDGER, LedgerSchema, recordRelease, sharedView } from '../../src/benchmark/index.js';
import { RankBounds, windowComplements } from '../../src/benchmark/derived-sums.js';
import { placesWithin } from '../../src/benchmark/histograms.js';
import { Decimal } from '../../src/decimal.js';
import { district } from './districts.js';

/**
 * The derived-sum rule, by hand: a cohort's total minus k × a published window mean is the sum of the councils
 * outside the window, and each of them is known by rank to be at most (below the window) or at least (above it)
 * the window mean. That sum is checked by the p% rule with those ranges, as a published sum is.
 */
const K = DEFAULT_POLICY.minCouncils;

function check(values: readonly number[]) {
  const exact = values.map((v) => new Decimal(v));
  return { exact: (pos: number) => exact[pos]!, approximations: values, policy: DEFAULT_POLICY };
}

describe('derived sums: a total minus its windows', () => {
  it('gives the total minus each union of the published windows', () => {
    const cohort = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
    const w = (from: number) => ({ positions: cohort.slice(from, from + K), mean: new Decimal(1) });
    // Windows 3–7, 8–12, 13–17 (n = 21): the total minus one, two or all three of them, 7 sets.
    const sets = windowComplements(cohort, [w(3), w(8), w(13)]);
    expect(sets.map((s) => s.length).sort((a, b) => a - b)).toEqual([6, 11, 11, 11, 16, 16, 16]);
    expect(sets).toContainEqual([0, 1, 2, 18, 19, 20]);
  });

  /**
   * 3,900 3,950 3,970 | 3,980 3,990 4,005 4,010 4,015 | 69,000 100,000: the median window's mean is 20,000 / 5 = 4,000.
   * Its complement sums to 3,900 + 3,950 + 3,970 + 69,000 + 100,000 = 180,820. The council at 69,000 (its top open,
   * so it is the attacker that removes an open range) takes 180,820 − 69,000 = 111,820 = the largest + the three
   * lowest, each of those in [0, 4,000]: the largest lies in [111,820 − 12,000, 111,820] = [99,820, 111,820], 12,000
   * wide, under 2 × 10% × 100,000 = 20,000: placed. The council at 100,000 likewise places 69,000 in a range
   * 12,000 wide, under 13,800, and that is the first victim found (the set in ascending order). With the window mean at 8,000 (7,800 7,900 7,940 | 7,960 7,980
   * 8,010 8,020 8,030 | 69,000 100,000) the three lowest span [0, 24,000]: 24,000 ≥ 20,000, and the small ones, open
   * from below by the two open tops, are not placed either.
   */
  it('places the largest beside a median of 4,000, not beside one of 8,000 (hand-worked)', () => {
    const low = [3900, 3950, 3970, 3980, 3990, 4005, 4010, 4015, 69000, 100000];
    const high = [7800, 7900, 7940, 7960, 7980, 8010, 8020, 8030, 69000, 100000];
    const cohort = low.map((_, i) => i);
    for (const [values, mean, placed] of [
      [low, 4000, 8],
      [high, 8000, undefined],
    ] as const) {
      const window = { positions: cohort.slice(3, 8), mean: new Decimal(mean) };
      const ranks = new RankBounds(values.length);
      ranks.addWindow(cohort, window);
      expect(ranks.high(0)).toEqual(new Decimal(mean));
      expect(ranks.low(9)).toEqual(new Decimal(mean));
      expect(ranks.high(9)).toBeUndefined();
      const [complement] = windowComplements(cohort, [window]);
      expect(complement).toEqual([0, 1, 2, 8, 9]);
      expect(placesWithin(complement!, check(values), ranks)).toBe(placed);
    }
  });

  it('withholds the median of 4,000 beside the total, and publishes the median of 8,000', () => {
    const at = (values: readonly number[]) => {
      const m = sharedView(benchmark(values.map((v, i) => district(i + 1, v)))).baseGroups[0]!.cohorts[0]!.metrics.find((x) => x.metric === 'total/absolute')!;
      return { median: m.median, total: m.total };
    };
    // Totals 200,820 and 232,640: one council under half of either, the two largest under 85%.
    expect(at([3900, 3950, 3970, 3980, 3990, 4005, 4010, 4015, 69000, 100000])).toEqual({ median: { status: 'suppressed' }, total: { status: 'published', value: '201000' } });
    expect(at([7800, 7900, 7940, 7960, 7980, 8010, 8020, 8030, 69000, 100000])).toEqual({ median: { status: 'published', value: '8000' }, total: { status: 'published', value: '233000' } });
  });

  /**
   * Through the ledger: release 1 is the ten districts (median withheld, total 201,000 published). Release 2 adds a
   * late council at 150,000: the median window is again 3,980 … 4,015 (n = 11, start floor(5 − 2.5 + 1) = 3), and
   * release 2's own total less it passes (three open tops), but the total differs from release 1's by one council, so
   * the ledger withholds it, and release 1's total (201,000) less release 2's median is the leak above again: the
   * median stays withheld.
   */
  it('does not let a window withheld in one release come back against its total in the next (ledger)', () => {
    const ten = [3900, 3950, 3970, 3980, 3990, 4005, 4010, 4015, 69000, 100000].map((v, i) => district(i + 1, v));
    const first = applyLedger(benchmark(ten), EMPTY_LEDGER);
    const ledger = LedgerSchema.parse(recordRelease(first, EMPTY_LEDGER, '2024-10-01T09:00:00Z'));
    const all = (r: typeof first) => sharedView(r).baseGroups[0]!.cohorts[0]!.metrics.find((m) => m.metric === 'total/absolute')!;
    expect(all(first).median).toEqual({ status: 'suppressed' });
    const alone = all(benchmark([...ten, district(11, 150000)]));
    // Without the ledger, release 2 alone would show its median.
    expect(alone.median).toEqual({ status: 'published', value: '4000' });
    const second = all(applyLedger(benchmark([...ten, district(11, 150000)]), ledger));
    expect(second.total).toEqual({ status: 'suppressed' });
    expect(second.median).toEqual({ status: 'suppressed' });
  });
});
