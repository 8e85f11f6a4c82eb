import { Decimal } from '../decimal.js';

/**
 * Every unit the library understands, grouped by physical dimension. Each unit is defined by its exact
 * size in the dimension's base unit (first in each list), written as a decimal string so that conversion
 * never passes through binary floating point.
 */
const UNIT_TABLE = {
  // A kWh on a net CV basis is the same unit of energy, counted without the latent heat of the water formed in
  // burning: how much of a fuel it stands for differs from a gross-CV kWh, so the factor must be on its basis
  // (see netCalorificBasis; src/calculate/resolve-factor.ts never costs one basis with the other's factor).
  energy: { kWh: '1', MWh: '1000', GWh: '1000000', MJ: '1/3.6', GJ: '1000/3.6', therm: '105.505585262/3.6', 'kWh (net CV)': '1', 'MWh (net CV)': '1000' },
  volume: { litre: '1', m3: '1000', 'million litres': '1000000', ft3: '28.316846592' },
  mass: { kg: '1', tonne: '1000' },
  distance: { km: '1', mile: '1.609344' },
  'passenger distance': { 'passenger.km': '1', 'passenger.mile': '1.609344' },
  'vehicle distance': { 'vehicle.km': '1', 'vehicle.mile': '1.609344' },
  'freight distance': { 'tonne.km': '1', 'tonne.mile': '1.609344' },
  'room nights': { 'room night': '1' },
  'working hours': { 'FTE hour': '1' },
  money: { GBP: '1' },
} as const;

type UnitTable = typeof UNIT_TABLE;
/** What a unit measures: energy, volume, mass, distance, money … */
export type Dimension = keyof UnitTable;
/** The units of one dimension. */
export type UnitOf<D extends Dimension> = keyof UnitTable[D] & string;
/** A unit the library knows, as it writes it (`kWh`, `litre`, `tonne`, `passenger.km`). */
export type Unit = { [D in Dimension]: UnitOf<D> }[Dimension];
/** The dimension a unit belongs to, at the type level. */
export type DimensionOf<U extends Unit> = { [D in Dimension]: U extends UnitOf<D> ? D : never }[Dimension];
/** Units a value of unit U may be converted to: the same dimension only. */
export type CompatibleUnit<U extends Unit> = Extract<Unit, UnitOf<DimensionOf<U>>>;

/** Every dimension. */
export const DIMENSIONS = Object.keys(UNIT_TABLE) as Dimension[];
/** Every unit. */
export const UNITS: readonly Unit[] = DIMENSIONS.flatMap((d) => Object.keys(UNIT_TABLE[d]) as Unit[]);

const dimensionByUnit = new Map<string, Dimension>(
  DIMENSIONS.flatMap((d) => Object.keys(UNIT_TABLE[d]).map((u) => [u, d] as const)),
);

/** A unit's size as an exact ratio of two decimals, so no division happens until a conversion needs one. */
export interface Ratio {
  readonly numerator: Decimal;
  readonly denominator: Decimal;
}

const sizeByUnit = new Map<string, Ratio>(
  DIMENSIONS.flatMap((d) => Object.entries(UNIT_TABLE[d]).map(([u, expr]) => [u, parseRatio(expr)] as const)),
);

function parseRatio(expr: string): Ratio {
  const [num, den = '1'] = expr.split('/');
  return { numerator: new Decimal(num!), denominator: new Decimal(den) };
}

/** Whether text is a unit as the library writes it (see `readUnit` for units as people write them). */
export function isUnit(value: string): value is Unit {
  return dimensionByUnit.has(value);
}

/** The dimension of a unit. */
export function dimensionOf<U extends Unit>(unit: U): DimensionOf<U> {
  return dimensionByUnit.get(unit) as DimensionOf<U>;
}

/** Size of one `unit` in its dimension's base unit (kWh, litre, kg, km ...), as an exact ratio. */
export function unitSize(unit: Unit): Ratio {
  return sizeByUnit.get(unit)!;
}

/** Energy stated on a net calorific value basis; every other energy unit is gross (as UK bills are) or plain. */
export function netCalorificBasis(unit: Unit): boolean {
  return unit === 'kWh (net CV)' || unit === 'MWh (net CV)';
}
