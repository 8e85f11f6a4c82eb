import { Decimal } from '../decimal.js';

/** Presentation only: exact kgCO2e to tCO2e, rounded once, half-even, to `decimals` places. */
export function formatTonnes(kgCO2e: Decimal, decimals = 1): string {
  return kgCO2e.div(1000).toDecimalPlaces(decimals, Decimal.ROUND_HALF_EVEN).toFixed(decimals);
}

/** A share of a whole as a percentage with one decimal place ('–' when the whole is zero). */
export function formatShare(part: Decimal, whole: Decimal): string {
  return whole.isZero() ? '–' : `${part.div(whole).mul(100).toDecimalPlaces(1, Decimal.ROUND_HALF_EVEN).toFixed(1)}%`;
}

export const ROUNDING_RULE =
  'Figures are computed exactly in kgCO2e and rounded once, for display, to 0.1 tCO2e (half to even). ' +
  'Totals are summed before rounding, so rounded parts may not add up to the rounded total.';
