import type { Decimal } from '../decimal.js';
import type { Factor, FactorSet } from '../factors/factor-set.js';
import { conversionFactor, dimensionOf, netCalorificBasis, UNITS, type Unit } from '../units/index.js';
import type { QuantityUsed } from './line.js';

/** DESNZ unit-of-measure slugs (as in factor keys) for each of our units, in order of preference. */
const DESNZ_UOMS: Partial<Record<Unit, readonly string[]>> = {
  // UK energy bills are on gross calorific value; electricity and heat factors are plain "kWh".
  kWh: ['kwh-gross-cv', 'kwh'],
  'kWh (net CV)': ['kwh-net-cv'],
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
 * Energy on a net CV basis is costed only with DESNZ's net CV factors, and other energy never with them: the
 * two differ by the fuel's own ratio (some 5–11%), which no unit conversion knows.
 */
export function resolveFactor(set: FactorSet, stems: readonly string[], value: Decimal, unit: Unit): ResolvedFactor | undefined {
  const targets = targetUnits(unit);
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

/** The unit itself, then the units it converts to exactly: computed once per unit, not once per line. */
const TARGETS = new Map<Unit, readonly Unit[]>();
function targetUnits(unit: Unit): readonly Unit[] {
  let targets = TARGETS.get(unit);
  if (targets === undefined) {
    targets = [unit, ...UNITS.filter((u) => u !== unit && dimensionOf(u) === dimensionOf(unit) && netCalorificBasis(u) === netCalorificBasis(unit))];
    TARGETS.set(unit, targets);
  }
  return targets;
}

/**
 * DESNZ's "outside of scopes" biogenic CO2 row beside a direct factor. Fuels are published per kWh on a gross or
 * net CV basis but their outside-of-scopes rows per plain "kWh", so a kWh line falls back to the plain row; an
 * outside-of-scopes row on the line's own basis is preferred, and one on the other basis is never used.
 * (For diesel and petrol the plain rows match the net CV, to three figures in 2020–2022, so on a gross-CV line
 * the memo is some 6% high; from 2023 DESNZ rounds them to 0.01, a larger error. It is a memo item, not a total.)
 */
export function outsideOfScopesFor(set: FactorSet, factor: Factor): Factor | undefined {
  const sameUnit = set.outsideOfScopesFor(factor);
  if (sameUnit !== undefined || factor.scope === 'Outside of Scopes') return sameUnit;
  const [path = '', uom] = factor.key.split('@');
  if (uom !== 'kwh-gross-cv' && uom !== 'kwh-net-cv') return undefined;
  // Matched as FactorSet.outsideOfScopesFor matches: the same path below Level 2, under Outside of scopes.
  const belowLevel2 = path.split('/').slice(2).join('/');
  const plain = set.find(`outside-of-scopes/*/${belowLevel2}@kwh`);
  return plain?.scope === 'Outside of Scopes' ? plain : undefined;
}
