import { Decimal } from '../decimal.js';

/** The one rounding rule of every report: half to even, at a stated number of places. */
export function roundHalfEven(value: Decimal, places: number): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN);
}

/** Presentation only: exact kgCO2e to tCO2e, rounded once, half-even, to `decimals` places. */
export function roundTonnes(kgCO2e: Decimal, decimals = 1): Decimal {
  return roundHalfEven(kgCO2e.div(1000), decimals);
}

/**
 * kgCO2e as tCO2e text, rounded once by `ROUNDING_RULE` (to 0.1 t by default).
 * @example
 * formatTonnes(new Decimal('1234567.89')); // '1234.6'
 */
export function formatTonnes(kgCO2e: Decimal, decimals = 1): string {
  return roundTonnes(kgCO2e, decimals).toFixed(decimals);
}

/** A share of a whole in per cent, to 0.1 (undefined when the whole is zero). */
export function sharePercent(part: Decimal, whole: Decimal): Decimal | undefined {
  return whole.isZero() ? undefined : roundHalfEven(part.div(whole).mul(100), 1);
}

/** A share of a whole as a percentage with one decimal place ('–' when the whole is zero). */
export function formatShare(part: Decimal, whole: Decimal): string {
  const percent = sharePercent(part, whole);
  return percent === undefined ? '–' : `${percent.toFixed(1)}%`;
}

/** The one rounding rule of every figure shown, stated in reports. */
export const ROUNDING_RULE =
  'Figures are computed exactly in kgCO2e and rounded once, for display, to 0.1 tCO2e (half to even). ' +
  'Totals are summed before rounding, so rounded parts may not add up to the rounded total.';
