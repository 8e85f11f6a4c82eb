import type { Decimal } from '../decimal.js';
import type { Factor, FactorSet } from '../factors/factor-set.js';
import { conversionFactor, dimensionOf, UNITS, type Unit } from '../units/index.js';
import type { QuantityUsed } from './line.js';

/** DESNZ unit-of-measure slugs (as in factor keys) for each of our units, in order of preference. */
const DESNZ_UOMS: Partial<Record<Unit, readonly string[]>> = {
  // UK energy bills are on gross calorific value; electricity and heat factors are plain "kWh".
  kWh: ['kwh-gross-cv', 'kwh'],
  GJ: ['gj'],
  litre: ['litres'],
  m3: ['cubic-metres'],
  'million litres': ['million-litres'],
  kg: ['kg'],
  tonne: ['tonnes'],
  km: ['km'],
  mile: ['miles'],
  'vehicle.km': ['km'],
  'vehicle.mile': ['miles'],
  'passenger.km': ['passenger-km'],
  'tonne.km': ['tonne-km'],
  'room night': ['room-per-night'],
  'FTE hour': ['per-fte-working-hour'],
};

export interface ResolvedFactor {
  readonly factor: Factor;
  readonly kgCO2ePerUnit: Decimal;
  readonly quantity: QuantityUsed;
}

/**
 * The first stem (in order) that has a kgCO2e factor for the quantity's unit, or for another unit of the same
 * dimension, in which case the quantity is converted exactly (MWh → kWh, miles → km …) and the conversion
 * recorded. The record's own unit is preferred so that no conversion happens when DESNZ publishes that unit.
 */
export function resolveFactor(set: FactorSet, stems: readonly string[], value: Decimal, unit: Unit): ResolvedFactor | undefined {
  const targets: Unit[] = [unit, ...UNITS.filter((u) => u !== unit && dimensionOf(u) === dimensionOf(unit))];
  for (const stem of stems) {
    for (const target of targets) {
      for (const uom of DESNZ_UOMS[target] ?? []) {
        const factor = set.find(`${stem}@${uom}`);
        const perUnit = factor?.values.get('kgCO2e');
        if (factor === undefined || perUnit === undefined) continue;
        if (target === unit) return { factor, kgCO2ePerUnit: perUnit, quantity: { value, uom: factor.uom } };
        const multiplier = conversionFactor(unit, target);
        return { factor, kgCO2ePerUnit: perUnit, quantity: { value: value.mul(multiplier), uom: factor.uom, conversion: { from: unit, multiplier } } };
      }
    }
  }
  return undefined;
}
