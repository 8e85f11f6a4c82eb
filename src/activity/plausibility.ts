import { Decimal } from '../decimal.js';
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

const MAXIMUM_VALUE = new Map(Object.entries(PLAUSIBLE_MAXIMUM).map(([dimension, maximum]) => [dimension, new Decimal(maximum)]));
/** Whether a unit is its dimension's base unit (size 1/1), worked out once per unit. */
const isBase = new Map<Unit, boolean>();

export type Implausibility = { readonly code: 'negative-quantity' | 'implausible-quantity'; readonly message: string };

export function checkPlausible(quantity: Decimal, unit: Unit): Implausibility | undefined {
  if (quantity.isNegative() && !quantity.isZero()) {
    return { code: 'negative-quantity', message: `A negative quantity (${quantity.toString()} ${unit}) cannot be costed; enter corrections as a reduced positive figure` };
  }
  const size = unitSize(unit);
  const dimension = dimensionOf(unit);
  const maximum = PLAUSIBLE_MAXIMUM[dimension];
  let base = isBase.get(unit);
  if (base === undefined) isBase.set(unit, (base = size.numerator.eq(1) && size.denominator.eq(1)));
  // A quantity in the base unit of at most 49 digits (7 digit words) is its own size: the product and quotient
  // would round nothing, so they are skipped (two Decimals a record, most records being in kWh or litres).
  const inBase = base && quantity.isFinite() && quantity.d.length <= 7 ? quantity : quantity.mul(size.numerator).div(size.denominator);
  if (inBase.greaterThan(MAXIMUM_VALUE.get(dimension)!)) {
    return { code: 'implausible-quantity', message: `${quantity.toString()} ${unit} is beyond any council's year (more than ${maximum} in the base unit of ${dimension}); check the unit and the figure` };
  }
  return undefined;
}
