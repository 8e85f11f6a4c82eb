import { Decimal } from '../decimal.js';

export const QUARTILES = { lowerQuartile: new Decimal('0.25'), median: new Decimal('0.5'), upperQuartile: new Decimal('0.75') } as const;
export type QuartileName = keyof typeof QUARTILES;

/** How the published quartiles are worked out, in words for a report's method: window means, the cohort sizes they need, and when one is withheld. */
export const QUANTILE_METHOD =
  'each quartile is the mean of a window of k councils (k = the threshold) centred on its position (n - 1) x p in the ordered cohort ' +
  '(window start = floor((n - 1)p - k/2 + 1), kept inside the cohort), so no quartile is one or two councils\' figures; ' +
  'the median is published only when the cohort has at least 2k councils and the lower and upper quartiles only when it has at least 4k + 1, ' +
  'so the windows do not overlap and the councils outside them are at least k; a window is withheld when the p% rule fails for it ' +
  '(its councils besides the two largest add up to less than p% of the largest), or when the cohort total less the published windows ' +
  '(the councils below a window each at most its mean, those above at least) would let one council place another within p%; ' +
  'within a base group, a quartile is also withheld when, together with the other published quartile windows and cohort totals ' +
  'of the same measure, it would let any combination of fewer than k councils\' figures be worked out by adding and subtracting';

/** The smallest cohort for which a quantile is published: the median needs 2k councils, the quartiles 4k + 1. */
export function minCohortFor(name: QuartileName, k: number): number {
  return name === 'median' ? 2 * k : 4 * k + 1;
}

/**
 * The window of k councils (0-based start index into the ascending values) whose mean is published as the
 * p-quantile: centred on the position h = (n − 1)p, start = floor(h − k/2 + 1), clamped to [0, n − k].
 * For n ≥ 4k + 1 the quartile positions are at least k apart, so (floor being monotone with floor(x + k) =
 * floor(x) + k) the lower, median and upper windows never overlap; for n ≥ 2k the median window leaves at
 * least k councils outside it.
 *
 * Worked example (checked by hand in test/benchmark/quantiles.test.ts), k = 5, n = 21, values 10, 20, …, 210:
 *   lower: h = 5,  start = floor(5 − 2.5 + 1) = 3   → councils 3..7   = 40..80   → mean 60
 *   median: h = 10, start = floor(10 − 2.5 + 1) = 8 → councils 8..12  = 90..130  → mean 110
 *   upper: h = 15, start = floor(15 − 2.5 + 1) = 13 → councils 13..17 = 140..180 → mean 160
 */
export function quantileWindow(n: number, p: Decimal, k: number): number {
  if (n < k) throw new RangeError(`a quantile window needs at least ${k} values, got ${n}`);
  const start = p.times(n - 1).minus(new Decimal(k).div(2)).plus(1).floor().toNumber();
  return Math.min(Math.max(start, 0), n - k);
}

/** The quartiles in quarters (p = quarters / 4), for the window arithmetic in whole numbers on the hot path. */
const QUARTERS: Record<QuartileName, number> = { lowerQuartile: 1, median: 2, upperQuartile: 3 };

/**
 * quantileWindow for a quartile, in whole numbers: with p = q/4, floor((n − 1)q/4 − k/2 + 1) is
 * floor(((n − 1)q − 2k + 4) / 4). The same start as quantileWindow(n, QUARTILES[name], k) (a test checks every
 * n and k), without a Decimal per call.
 */
export function quartileWindow(n: number, name: QuartileName, k: number): number {
  if (n < k) throw new RangeError(`a quantile window needs at least ${k} values, got ${n}`);
  const start = Math.floor(((n - 1) * QUARTERS[name] - 2 * k + 4) / 4);
  return Math.min(Math.max(start, 0), n - k);
}

/** The mean of the window of k councils around the p-quantile (see quantileWindow). */
export function windowMean(sorted: readonly Decimal[], p: Decimal, k: number): Decimal {
  const start = quantileWindow(sorted.length, p, k);
  let sum = new Decimal(0);
  for (let i = start; i < start + k; i++) sum = sum.plus(sorted[i]!);
  return sum.div(k);
}

/** Rounds to significant figures, half-even; the only place report figures are rounded. */
export function roundSignificant(value: Decimal, significantFigures: number): Decimal {
  return value.isZero() ? value : value.toSignificantDigits(significantFigures, Decimal.ROUND_HALF_EVEN);
}

/** A relative margin round an approximation, far wider than its error (a few units in the last place per term). */
const ROUNDING_MARGIN = 1e-9;

/**
 * What roundSignificant gives for a positive value known by an approximation, where the approximation settles it:
 * scaled so the figures kept are its whole part, a value clear of the half-way points by more than the margin (and
 * the scaling's few units in the last place) rounds to the nearest whole number, whatever its exact digits. Undefined
 * where the value may lie near a rounding boundary and only the exact value can say. Only for deciding why a figure
 * is withheld, never for a figure published.
 */
export function roundedFromApproximation(approximation: number, significantFigures: number): Decimal | undefined {
  if (!(approximation > 0 && approximation < Number.MAX_VALUE)) return undefined;
  // The power of ten of the last figure kept; log10 can be one off beside a power of ten, so the scaled value is checked.
  let exponent = Math.floor(Math.log10(approximation)) - significantFigures + 1;
  let scaled = approximation / 10 ** exponent;
  if (scaled >= 10 ** significantFigures) scaled = approximation / 10 ** ++exponent;
  else if (scaled < 10 ** (significantFigures - 1)) scaled = approximation / 10 ** --exponent;
  const whole = Math.round(scaled);
  if (Math.abs(scaled - whole) >= 0.5 - 2 * ROUNDING_MARGIN * scaled) return undefined;
  return new Decimal(`${whole}e${exponent}`);
}
