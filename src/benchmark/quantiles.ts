import { Decimal } from '../decimal.js';

export const QUARTILES = { lowerQuartile: new Decimal('0.25'), median: new Decimal('0.5'), upperQuartile: new Decimal('0.75') } as const;
export type QuartileName = keyof typeof QUARTILES;

export const QUANTILE_METHOD =
  'linear interpolation between the two councils either side of the position (n - 1) x p, as Excel PERCENTILE.INC; ' +
  'where the position falls exactly on one council, the mean of that council and its two neighbours';

/**
 * The p-quantile of ascending values, never a single council's figure when n >= 3.
 * Position h = (n - 1)p, counting from 0 (Hyndman and Fan type 7, Excel PERCENTILE.INC). A fractional h
 * interpolates between two councils. A whole h would be exactly one council's figure, so the mean of the
 * councils at h - 1, h and h + 1 is used instead.
 *
 * Worked examples (checked by hand in test/benchmark/quantiles.test.ts):
 *   [10, 20, 30, 40, 50, 60], p = 0.25: h = 1.25 → 20 + 0.25 × (30 − 20) = 22.5
 *   [10, 20, 30, 40, 50, 60], p = 0.5:  h = 2.5  → 30 + 0.5 × (40 − 30) = 35
 *   [3, 5, 11, 12, 40], p = 0.5: h = 2 (exactly council 3) → (5 + 11 + 12) / 3 = 9.333…
 */
export function quantile(sorted: readonly Decimal[], p: Decimal): Decimal {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of no values');
  const h = p.times(n - 1);
  const i = h.floor().toNumber();
  const fraction = h.minus(i);
  if (fraction.isZero()) {
    if (i === 0 || i === n - 1) return sorted[i]!;
    return sorted[i - 1]!.plus(sorted[i]!).plus(sorted[i + 1]!).div(3);
  }
  const below = sorted[i]!;
  return below.plus(fraction.times(sorted[i + 1]!.minus(below)));
}

/**
 * Percentile position of `value` among ascending values (mid-rank): the share of councils below it, counting
 * ties as half, in per cent. 0 would mean lowest emissions, 100 highest.
 */
export function percentileRank(sorted: readonly Decimal[], value: Decimal): Decimal {
  let below = 0;
  let equal = 0;
  for (const v of sorted) {
    const c = v.cmp(value);
    if (c < 0) below++;
    else if (c === 0) equal++;
  }
  return new Decimal(2 * below + equal).times(50).div(sorted.length);
}

/** Rounds to significant figures, half-even; the only place report figures are rounded. */
export function roundSignificant(value: Decimal, significantFigures: number): Decimal {
  return value.isZero() ? value : value.toSignificantDigits(significantFigures, Decimal.ROUND_HALF_EVEN);
}
