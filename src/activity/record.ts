import * as z from 'zod';
import { Decimal, parseDecimal } from '../decimal.js';
import { definedFields } from '../defined.js';
import type { Origin, Problem } from '../problem.js';
import { readUnit } from '../units/unit-text.js';
import { dimensionOf, UNITS, type Unit } from '../units/units.js';
import { CATEGORY_IDS, type Category } from './categories.js';
import { checkPlausible } from './plausibility.js';
import { isSourceError, parseSource } from './sources.js';

/** How good a record's quantity is, best first: metered, invoiced, estimated, spend-based. */
export const DATA_QUALITY_TIERS = ['metered', 'invoiced', 'estimated', 'spend-based'] as const;
/** One of `DATA_QUALITY_TIERS`. */
export type DataQuality = (typeof DATA_QUALITY_TIERS)[number];

/** A reporting year written as councils write it: "2023/24" (April to March). */
export const ReportingYearSchema = z
  .string()
  .regex(/^\d{4}\/\d{2}$/, 'a financial year such as 2023/24')
  .refine((y) => (Number(y.slice(0, 4)) + 1) % 100 === Number(y.slice(5)), 'the second year must follow the first, e.g. 2023/24');
/** A financial year written like `2023/24`. */
export type ReportingYear = z.infer<typeof ReportingYearSchema>;

export function reportingYearStart(year: ReportingYear): number {
  return Number(year.slice(0, 4));
}

const decimalInput = z.union([z.string(), z.number(), z.instanceof(Decimal)]).transform((v, ctx) => {
  const parsed = v instanceof Decimal ? v : typeof v === 'number' ? (Number.isFinite(v) ? new Decimal(v) : undefined) : parseDecimal(v);
  if (parsed === undefined) {
    ctx.addIssue({ code: 'custom', message: `'${String(v)}' is not a number` });
    return z.NEVER;
  }
  return parsed;
});

/** Where a record came from (see src/problem.ts): shared by every schema that carries an origin. */
export const OriginSchema = z.object({
  file: z.string().optional(),
  sheet: z.string().optional(),
  cell: z.string().optional(),
  line: z.number().int().optional(),
  column: z.string().optional(),
  note: z.string().optional(),
});

/** How the market-based scope 2 figure of an electricity record is found (GHG Protocol Scope 2 Guidance). */
export const MarketInstrumentSchema = z.discriminatedUnion('type', [
  /** A tariff backed by REGOs or a PPA: zero emissions at generation. */
  z.object({ type: z.literal('renewable-backed'), evidence: z.string().optional() }),
  /** The supplier's own fuel-mix disclosure, kgCO2e per kWh. */
  z.object({ type: z.literal('supplier-specific'), kgCO2ePerKWh: decimalInput.refine((d) => !d.isNegative(), 'a supplier factor cannot be negative'), supplier: z.string().optional() }),
]);
/** An electricity record's market-based evidence: renewable-backed, a supplier's own factor, or none. */
export type MarketInstrument = z.infer<typeof MarketInstrumentSchema>;

/** A supplier's own figure for the council's contract, replacing a spend line's product-group average. */
export const SupplierFactorSchema = z.object({
  kgCO2ePerGBP: decimalInput.refine((d) => !d.isNegative(), 'a supplier factor cannot be negative'),
  supplier: z.string().min(1),
  /** What the figure rests on: "contract carbon report 2023/24", "CDP response 2024" … */
  evidence: z.string().min(1),
});
export type SupplierFactor = z.infer<typeof SupplierFactorSchema>;

/** An activity record as written by a person or an importer (numbers as text or numbers). */
export const ActivityRecordInputSchema = z.object({
  id: z.string().min(1).optional(),
  category: z.enum(CATEGORY_IDS as [Category, ...Category[]]),
  source: z.string().min(1),
  quantity: decimalInput,
  /** A unit as the library writes it ('litre') or as people do ('Litres', 'kwh', 'tonnes'). */
  unit: z.string().transform((text, context): Unit => {
    const unit = readUnit(text);
    if (unit === undefined) context.addIssue({ code: 'custom', message: `'${text}' is not a known unit: use one of ${UNITS.join(', ')}` });
    return unit ?? z.NEVER;
  }),
  /** Price year of a money quantity (£ in 2021 prices): required for spend. */
  priceYear: z.number().int().min(1990).max(2100).optional(),
  reportingYear: ReportingYearSchema.optional(),
  site: z.string().optional(),
  dataQuality: z.enum(DATA_QUALITY_TIERS).default('estimated'),
  /** Spend only: the supplier's own kgCO2e per £, used instead of the product group's average. */
  supplierFactor: SupplierFactorSchema.optional(),
  /**
   * Spend only: the amount includes VAT at this rate in per cent (e.g. 20), removed before costing, because
   * spend-based multipliers are per £ excluding VAT. Absent: the amount is taken as excluding VAT.
   */
  includesVatAt: decimalInput.refine((d) => !d.isNegative() && d.lt(100), 'a VAT rate in per cent, from 0 to under 100').optional(),
  /**
   * Water supply only: the share of the water supplied that returns to sewer, in per cent (water companies
   * commonly assume 95%). Given, the calculation adds a water treatment line for that share; absent, no treatment
   * is assumed (none is added by default).
   */
  returnToSewer: decimalInput.refine((d) => !d.isNegative() && d.lte(100), 'a share in per cent, from 0 to 100').optional(),
  /** Electricity only: the contractual instrument for the market-based figure. */
  market: MarketInstrumentSchema.optional(),
  /** Overrides the scope 3 category the record's category implies (e.g. contractor fleet under category 4). */
  scope3Category: z.number().int().min(1).max(15).optional(),
  notes: z.string().optional(),
  origin: OriginSchema.optional(),
});
/** A record as a caller may give it: numbers as strings or numbers, units as people write them; validated into an `ActivityRecord`. */
export type ActivityRecordInput = z.input<typeof ActivityRecordInputSchema>;

/** A validated activity record: Decimal quantity, known unit, source id checked against the catalogue. */
export type ActivityRecord = Omit<z.output<typeof ActivityRecordInputSchema>, 'id' | 'origin'> & {
  readonly id: string;
  readonly origin: Origin;
};

export type ActivityProblemCode =
  | 'invalid-record'
  | 'unknown-source'
  | 'unit-not-allowed'
  | 'category-not-allowed'
  | 'missing-price-year'
  | 'negative-quantity'
  | 'implausible-quantity';
/** A problem with one input record (invalid field, unknown unit, negative or implausible quantity). */
export type ActivityProblem = Problem<ActivityProblemCode>;

/**
 * Validates raw records. Every input ends up either as a record or as a problem naming it (and its origin);
 * never an exception for bad data.
 */
export function parseActivityRecords(inputs: readonly unknown[], defaultOrigin: Origin = {}): { records: ActivityRecord[]; problems: ActivityProblem[] } {
  const records: ActivityRecord[] = [];
  const problems: ActivityProblem[] = [];
  const seen = new Map<string, number>();
  inputs.forEach((input, index) => {
    const result = parseActivityRecord(input, index, defaultOrigin);
    if ('problem' in result) {
      problems.push(result.problem);
      return;
    }
    // Lines name their record by id, so ids must be unique: a repeated reference becomes "ref#2", "ref#3".
    const { id } = result.record;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    records.push(n === 1 ? result.record : { ...result.record, id: `${id}#${n}` });
  });
  return { records, problems };
}

/** A valid record as parsed, before the id and origin its place in a list gives it. */
type Checked = Omit<ActivityRecord, 'id' | 'origin'> & { readonly id?: string; readonly origin?: Origin };

/**
 * Frozen inputs already found valid, with what parsing gave: an importer checks each record as it reads it (to
 * name the cell at fault), and `calculateInventory` checks its input again, so without this every imported
 * record went through the schema twice. Only a record `freezeRecord` froze whole cannot have changed since.
 */
const checkedInputs = new WeakMap<object, Checked>();
/** Records `freezeRecord` froze whole: a record a caller froze only at the top could still change below it. */
const deeplyFrozen = new WeakSet<object>();

/** Freezes a record built by an importer, nested objects too, so that its validation is remembered. */
export function freezeRecord<T extends object>(record: T): T {
  deeplyFrozen.add(freezeDeeply(record));
  return record;
}

function freezeDeeply<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (typeof v === 'object' && v !== null && !(v instanceof Decimal)) freezeDeeply(v);
  return Object.freeze(value);
}

export function parseActivityRecord(input: unknown, index: number, defaultOrigin: Origin = {}): { record: ActivityRecord } | { problem: ActivityProblem } {
  const known = typeof input === 'object' && input !== null ? checkedInputs.get(input) : undefined;
  if (known !== undefined) return { record: { ...known, id: known.id ?? `r${index + 1}`, origin: known.origin ?? defaultRecordOrigin(defaultOrigin, index) } };
  const rawOrigin = OriginSchema.safeParse((input as { origin?: unknown } | null)?.origin);
  const stated = rawOrigin.success && rawOrigin.data !== undefined ? stripUndefined(rawOrigin.data) : undefined;
  const origin: Origin = stated ?? defaultRecordOrigin(defaultOrigin, index);
  const fail = (code: ActivityProblemCode, message: string, value?: string): { problem: ActivityProblem } => ({
    problem: { severity: 'error', code, message, origin, ...(value !== undefined ? { value } : {}) },
  });
  const parsed = ActivityRecordInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail('invalid-record', `${issue.path.join('.') || 'record'}: ${issue.message}`);
  }
  const data = parsed.data;
  const source = parseSource(data.source);
  if (isSourceError(source)) {
    return fail('unknown-source', source.reason + (source.suggestions.length > 0 ? `. Did you mean: ${source.suggestions.join(', ')}?` : ''), data.source);
  }
  if (!source.family.categories.includes(data.category)) {
    return fail('category-not-allowed', `${source.family.label} cannot be reported under ${data.category}; allowed: ${source.family.categories.join(', ')}`, data.category);
  }
  if (!source.family.dimensions.includes(dimensionOf(data.unit))) {
    return fail('unit-not-allowed', `${source.family.label} is measured in ${source.family.dimensions.join(' or ')}, not ${dimensionOf(data.unit)}`, data.unit);
  }
  if (source.family.refusedUnits?.units.includes(data.unit) === true) {
    return fail('unit-not-allowed', `${source.family.label} cannot be costed in ${data.unit}: ${source.family.refusedUnits.reason}`, data.unit);
  }
  const implausible = checkPlausible(data.quantity, data.unit);
  // toString, not toFixed: a huge value prints with an exponent rather than as a million digits.
  if (implausible !== undefined) return fail(implausible.code, implausible.message, data.quantity.toString());
  if (source.family.kind === 'spend' && data.priceYear === undefined) {
    return fail('missing-price-year', 'Spend needs the price year of its pounds (priceYear)');
  }
  // The parsed origin is replaced as before (keys stay where parsing put them: serialised output is unchanged).
  const checked = { ...data, source: data.source.trim().toLowerCase(), ...(stated !== undefined ? { origin: stated } : {}) } as Checked;
  if (typeof input === 'object' && input !== null && deeplyFrozen.has(input)) checkedInputs.set(input, checked);
  return { record: { ...checked, id: data.id ?? `r${index + 1}`, origin } };
}

function defaultRecordOrigin(defaultOrigin: Origin, index: number): Origin {
  return { ...defaultOrigin, note: defaultOrigin.note ?? `record ${index + 1}` };
}

function stripUndefined(o: z.infer<typeof OriginSchema>): Origin {
  return definedFields(o);
}
