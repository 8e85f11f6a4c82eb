import { Decimal, type DecimalValue } from '../decimal.js';
import { dimensionOf, isUnit, unitSize, type CompatibleUnit, type Unit } from './units.js';

/** A decimal amount of some unit. Money also carries the price year its pounds are expressed in. */
export interface Quantity<U extends Unit = Unit> {
  readonly value: Decimal;
  readonly unit: U;
}

/** A conversion between units of different dimensions (kWh to litres). */
export class UnitConversionError extends Error {
  override readonly name = 'UnitConversionError';
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`Cannot convert ${from} to ${to}: ${describe(from)} and ${describe(to)} are different dimensions`);
  }
}

function describe(unit: string): string {
  return isUnit(unit) ? `${unit} (${dimensionOf(unit)})` : `'${unit}' (not a known unit)`;
}

/**
 * An exact quantity of a unit.
 * @example
 * convert(quantity('10', 'mile'), 'km').value.toFixed(); // '16.09344'
 */
export function quantity<U extends Unit>(value: DecimalValue, unit: U): Quantity<U> {
  return { value: new Decimal(value), unit };
}

/**
 * Exact conversion between units of one dimension. The type parameter makes a cross-dimension
 * conversion a compile-time error; `convertUnchecked` is the run-time checked form for untyped input.
 * Exactness: every unit size is a ratio of decimals, so a conversion and its inverse round-trip exactly
 * (within Decimal's configured precision, see src/decimal.ts).
 */
export function convert<U extends Unit>(q: Quantity<U>, to: CompatibleUnit<U>): Quantity<CompatibleUnit<U>> {
  return convertUnchecked(q, to) as Quantity<CompatibleUnit<U>>;
}

/** A quantity converted to a unit named by text, where the caller has checked it (the calculation's own plan). */
export function convertUnchecked(q: Quantity, to: string): Quantity {
  if (!isUnit(to) || dimensionOf(q.unit) !== dimensionOf(to)) throw new UnitConversionError(q.unit, to);
  if (q.unit === to) return q;
  // One division, last, so terminating results (kWh → MJ, mile → km) are exact.
  const from = unitSize(q.unit);
  const target = unitSize(to);
  return { value: q.value.mul(from.numerator).mul(target.denominator).div(from.denominator.mul(target.numerator)), unit: to };
}

/** The multiplier m such that (value in `from`) × m = (value in `to`). */
export function conversionFactor(from: Unit, to: Unit): Decimal {
  return convertUnchecked({ value: new Decimal(1), unit: from }, to).value;
}
