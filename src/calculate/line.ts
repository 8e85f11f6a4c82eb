import * as z from 'zod';
import { CATEGORY_IDS, SCOPES, type Category, type Scope3Category } from '../activity/categories.js';
import { DATA_QUALITY_TIERS, type ActivityRecord } from '../activity/record.js';
import { parseDecimal } from '../decimal.js';
import { isFactorKey, type FactorKey } from '../factors/key.js';
import { FactorScopeSchema } from '../factors/schema.js';
import { isUnit, type Unit } from '../units/units.js';

/**
 * Emission and memo lines. Each is defined once, as the zod schema of its written form (decimals as exact
 * strings, read back to Decimal), and its type is inferred from that schema, so what the calculator produces
 * and what the inventory file reads cannot drift apart.
 */

/** Exact decimal text to a Decimal. */
export const DecimalTextSchema = z.string().transform((text, ctx) => {
  const value = parseDecimal(text);
  if (value === undefined) {
    ctx.addIssue({ code: 'custom', message: `'${text}' is not a decimal number` });
    return z.NEVER;
  }
  return value;
});

/** Why a line exists for its record: the emission itself, or an upstream or loss emission it implies. */
export const LINE_ROLES = ['direct', 'well-to-tank', 'transmission-and-distribution'] as const;
/** One of `LINE_ROLES`: why an emission line exists for its record. */
export type LineRole = (typeof LINE_ROLES)[number];

/**
 * What a market-based scope 2 figure rests on, by the Scope 2 Guidance hierarchy: for grid electricity in kWh a
 * contractual instrument, else the residual mix, else (none supplied) the grid average; for heat and for EV
 * charging known only by distance, the location-based figure.
 */
export const MARKET_BASES = ['renewable-backed', 'supplier-specific', 'residual-mix', 'grid-average', 'location-based'] as const;
/** One of `MARKET_BASES`: what a line's market-based scope 2 figure rests on. */
export type MarketBasis = (typeof MARKET_BASES)[number];

/** The kinds of memo item: figures reported beside the inventory, never in its totals. */
export const MEMO_KINDS = ['biogenic-co2', 'renewable-generation', 'removal', 'flight-without-radiative-forcing', 'non-kyoto-gas', 'spend-counted-as-activity', 'financed-emissions'] as const;
/** One of `MEMO_KINDS`. */
export type MemoKind = (typeof MEMO_KINDS)[number];

const CategorySchema = z.enum(CATEGORY_IDS as [Category, ...Category[]]);
const Scope3CategorySchema = z.number().int().min(1).max(15).transform((n) => n as Scope3Category);

/** The factor a line used, traceable to the published table. */
export const FactorUsedSchema = z.strictObject({
  key: z.string().refine(isFactorKey, 'not a factor key').transform((k) => k as FactorKey),
  setId: z.string(),
  /** "Fuels › Gaseous fuels › Natural gas" */
  path: z.string(),
  uom: z.string(),
  desnzScope: FactorScopeSchema,
  /** kgCO2e per `uom`. */
  kgCO2ePerUnit: DecimalTextSchema,
  sourceFile: z.string(),
  sourceRow: z.number().int(),
  sourceId: z.string().optional(),
});
/** The published factor a line used: its set, key, path, unit, value and source row. */
export type FactorUsed = z.output<typeof FactorUsedSchema>;

/** The activity quantity in the factor's unit, and how it got there. */
export const QuantityUsedSchema = z.strictObject({
  value: DecimalTextSchema,
  uom: z.string(),
  /**
   * Present when the line costs a stated share of the record's quantity (the water returned to sewer of the water
   * supplied): the entered quantity × percent / 100 is what is costed (then converted, if `conversion` says so).
   */
  share: z.strictObject({ percent: DecimalTextSchema, of: z.string() }).optional(),
  /** Present when the record's unit differed: value = entered (or its `share`) × multiplier. */
  conversion: z.strictObject({ from: z.string().refine(isUnit, 'not a known unit').transform((u) => u as Unit), multiplier: DecimalTextSchema }).optional(),
});
/** The quantity a line costed, in the factor's unit, with the conversion from the record's unit where there was one. */
export type QuantityUsed = z.output<typeof QuantityUsedSchema>;

/**
 * How a line's figure was found: from a physical quantity and a published factor (activity-based), from the
 * supplier's own figure for the council's contract (supplier-specific), or from £ and an average multiplier
 * for the product group (spend-based: an estimate with wide uncertainty).
 */
export const METHODS = ['activity-based', 'supplier-specific', 'spend-based'] as const;
/** One of `METHODS`: how a line was found (activity data, supplier-specific, spend-based). */
export type Method = (typeof METHODS)[number];

/** A spend line's costing, step by step: what was bought, the group and column used, and any price adjustment. */
export const SpendDetailSchema = z.strictObject({
  /** The council spend category the record named (absent when it named a SIC group directly). */
  category: z.string().optional(),
  categoryLabel: z.string().optional(),
  /** Why the category is costed as this group (the mapping table's reason). */
  mappingReason: z.string().optional(),
  /** Our id of the group ("sic-62"), the code and title as published. */
  group: z.string(),
  code: z.string(),
  title: z.string(),
  /** The £ as entered (excluding VAT), and the year of their prices. */
  amount: DecimalTextSchema,
  priceYear: z.number().int(),
  /** The year column of the multiplier used, and how the £ were brought to its prices. */
  column: z.number().int(),
  adjustment: z.enum(['same-year', 'price-index', 'unadjusted']),
  priceIndex: z.string().optional(),
  /** Where a supplier's own kgCO2e per £ replaced the average: the supplier and the evidence given. */
  supplier: z.string().optional(),
  evidence: z.string().optional(),
});
/** How a spend-based line was costed: the SIC group, the year column, the price basis and any price adjustment. */
export type SpendDetail = z.output<typeof SpendDetailSchema>;

/** One emission as written: a record (named by id) × a factor, with scope, category and per-gas split. */
export const EmissionLineSchema = z.strictObject({
  recordId: z.string(),
  role: z.enum(LINE_ROLES),
  category: CategorySchema,
  scope: z.enum(SCOPES),
  scope3Category: Scope3CategorySchema.optional(),
  site: z.string().optional(),
  dataQuality: z.enum(DATA_QUALITY_TIERS),
  /** Absent in inventories written before methods were recorded: read from the data quality. */
  method: z.enum(METHODS).optional(),
  factor: FactorUsedSchema,
  quantity: QuantityUsedSchema,
  spend: SpendDetailSchema.optional(),
  /** Location-based kgCO2e (the figure totals use). */
  kgCO2e: DecimalTextSchema,
  /** kgCO2e per gas where DESNZ publishes the split (CO2, CH4, N2O). */
  byGas: z.strictObject({ CO2: DecimalTextSchema.optional(), CH4: DecimalTextSchema.optional(), N2O: DecimalTextSchema.optional() }),
  /** Scope 2 only: the market-based figure and the basis it rests on. */
  market: z.strictObject({ kgCO2e: DecimalTextSchema, basis: z.enum(MARKET_BASES) }).optional(),
}).transform((line) => ({ ...line, method: line.method ?? (line.dataQuality === 'spend-based' ? 'spend-based' as const : 'activity-based' as const) }));

/** One emission, with the record it came from. */
export type EmissionLine = Readonly<z.output<typeof EmissionLineSchema>> & { readonly record: ActivityRecord };

/** Reported beside the inventory, never added into its totals. */
export const MemoLineSchema = z.strictObject({
  recordId: z.string(),
  kind: z.enum(MEMO_KINDS),
  category: CategorySchema,
  site: z.string().optional(),
  /** kgCO2e for biogenic CO2, removals, flights and non-Kyoto gases; kWh for generation. */
  value: DecimalTextSchema,
  unit: z.enum(['kgCO2e', 'kWh']),
  factor: FactorUsedSchema.optional(),
  note: z.string(),
});
/** A memo item: a figure reported beside the inventory (biogenic CO2, financed emissions …), never in its totals. */
export type MemoLine = Readonly<z.output<typeof MemoLineSchema>>;
