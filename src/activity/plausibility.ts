import type { Decimal } from '../decimal.js';
import { dimensionOf, unitSize, type Dimension, type Unit } from '../units/units.js';

/**
 * The most one record could plausibly hold for a council's year, in the dimension's base unit (kWh, litre,
 * kg, km, …). Set about a hundred times above the largest English county's own use, so only slips are
 * caught: Wh typed as kWh, pence as pounds, a meter serial number pasted into the quantity column.
 */
const PLAUSIBLE_MAXIMUM: Record<Dimension, string> = {
  energy: '1e10', // 10 TWh
  volume: '1e10', // 10 million m3
  mass: '1e9', // 1 million tonnes
  distance: '1e10',
  'passenger distance': '1e10',
  'vehicle distance': '1e10',
  'freight distance': '1e11',
  'room nights': '1e7',
  'working hours': '1e9',
  money: '1e11', // £100 billion
};

export type Implausibility = { readonly code: 'negative-quantity' | 'implausible-quantity'; readonly message: string };

export function checkPlausible(quantity: Decimal, unit: Unit): Implausibility | undefined {
  if (quantity.isNegative() && !quantity.isZero()) {
    return { code: 'negative-quantity', message: `A negative quantity (${quantity.toString()} ${unit}) cannot be costed; enter corrections as a reduced positive figure` };
  }
  const size = unitSize(unit);
  const dimension = dimensionOf(unit);
  const maximum = PLAUSIBLE_MAXIMUM[dimension];
  if (quantity.mul(size.numerator).div(size.denominator).greaterThan(maximum)) {
    return { code: 'implausible-quantity', message: `${quantity.toString()} ${unit} is beyond any council's year (more than ${maximum} in the base unit of ${dimension}); check the unit and the figure` };
  }
  return undefined;
}
