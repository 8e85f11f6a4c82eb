import type { ActivityRecord, DataQuality } from '../activity/record.js';
import type { Category, Scope, Scope3Category } from '../activity/categories.js';
import type { Decimal } from '../decimal.js';
import type { FactorKey } from '../factors/key.js';
import type { FactorScope } from '../factors/schema.js';
import type { Unit } from '../units/units.js';

/** Why a line exists for its record: the emission itself, or an upstream or loss emission it implies. */
export const LINE_ROLES = ['direct', 'well-to-tank', 'transmission-and-distribution'] as const;
export type LineRole = (typeof LINE_ROLES)[number];

/** The factor a line used, traceable to the published table. */
export interface FactorUsed {
  readonly key: FactorKey;
  readonly setId: string;
  /** "Fuels › Gaseous fuels › Natural gas" */
  readonly path: string;
  readonly uom: string;
  readonly desnzScope: FactorScope;
  /** kgCO2e per `uom`. */
  readonly kgCO2ePerUnit: Decimal;
  readonly sourceFile: string;
  readonly sourceRow: number;
  readonly sourceId?: string;
}

/** The activity quantity in the factor's unit, and how it got there. */
export interface QuantityUsed {
  readonly value: Decimal;
  readonly uom: string;
  /** Present when the record's unit differed: value = entered × multiplier. */
  readonly conversion?: { readonly from: Unit; readonly multiplier: Decimal };
}

/**
 * What a market-based scope 2 figure rests on, by the Scope 2 Guidance hierarchy: for grid electricity in kWh a
 * contractual instrument, else the residual mix, else (none supplied) the grid average; for heat and for EV
 * charging known only by distance, the location-based figure.
 */
export const MARKET_BASES = ['renewable-backed', 'supplier-specific', 'residual-mix', 'grid-average', 'location-based'] as const;
export type MarketBasis = (typeof MARKET_BASES)[number];

/** One emission: a record × a factor, with scope, category and per-gas split. */
export interface EmissionLine {
  readonly recordId: string;
  readonly record: ActivityRecord;
  readonly role: LineRole;
  readonly category: Category;
  readonly scope: Scope;
  readonly scope3Category?: Scope3Category;
  readonly site?: string;
  readonly dataQuality: DataQuality;
  readonly factor: FactorUsed;
  readonly quantity: QuantityUsed;
  /** Location-based kgCO2e (the figure totals use). */
  readonly kgCO2e: Decimal;
  /** kgCO2e per gas where DESNZ publishes the split (CO2, CH4, N2O). */
  readonly byGas: { readonly CO2?: Decimal; readonly CH4?: Decimal; readonly N2O?: Decimal };
  /** Scope 2 only: the market-based figure and the basis it rests on. */
  readonly market?: { readonly kgCO2e: Decimal; readonly basis: MarketBasis };
}

export const MEMO_KINDS = ['biogenic-co2', 'renewable-generation', 'removal', 'flight-without-radiative-forcing'] as const;
export type MemoKind = (typeof MEMO_KINDS)[number];

/** Reported beside the inventory, never added into its totals. */
export interface MemoLine {
  readonly recordId: string;
  readonly kind: MemoKind;
  readonly category: Category;
  readonly site?: string;
  /** kgCO2e for biogenic CO2, removals and flights; kWh for generation. */
  readonly value: Decimal;
  readonly unit: 'kgCO2e' | 'kWh';
  readonly factor?: FactorUsed;
  readonly note: string;
}
