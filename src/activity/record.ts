import * as z from 'zod';
import { Decimal, parseDecimal } from '../decimal.js';
import { definedFields } from '../defined.js';
import type { Origin, Problem } from '../problem.js';
import { readUnit } from '../units/unit-text.js';
import { dimensionOf, isUnit, UNITS, type Unit } from '../units/units.js';
import { CATEGORY_IDS, type Category } from './categories.js';
import { checkPlausible } from './plausibility.js';
import { isSourceError, parseSource } from './sources.js';

/** How good a record's quantity is, best first: metered, invoiced, estimated, spend-based. */
export const DATA_QUALITY_TIERS = ['metered', 'invoiced', 'estimated', 'spend-based'] as const;
/** One of `DATA_QUALITY_TIERS`. */
export type DataQuality = (typeof DATA_QUALITY_TIERS)[number];
/** A record that does not say how good its quantity is is taken as estimated. */
const DEFAULT_DATA_QUALITY: DataQuality = 'estimated';

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
  dataQuality: z.enum(DATA_QUALITY_TIERS).default(DEFAULT_DATA_QUALITY),
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

/**
 * Records known valid: built by `recordFromFields` and frozen, nested objects too, so they cannot have changed
 * since. `parseActivityRecord` takes such a record as it is, neither checking nor copying it again: an imported
 * baseline of 100,000 rows otherwise went through the schema twice and was held three times over.
 */
const vouched = new WeakSet<object>();

/**
 * A record whose fields an importer has read into typed values, each from its own cell (so a bad value has
 * already been refused naming that cell): only its id and data quality may still be missing.
 */
export type RecordFields = Omit<ActivityRecord, 'id' | 'dataQuality'> & { readonly id?: string; readonly dataQuality?: DataQuality };

/**
 * An importer's typed fields as a record, checked as `parseActivityRecord` checks any record, but without building
 * every field again through the schema: the fields' types are checked directly (`typedFieldsValid`), and only
 * when one cannot be vouched for does the record go through the schema, whose verdict and messages then stand.
 * The record returned is frozen and remembered as valid, so the calculation takes it as it is.
 */
export function recordFromFields(fields: RecordFields): { record: RecordFields } | { problem: ActivityProblem } {
  if (!typedFieldsValid(fields)) {
    const parsed = parseActivityRecord(fields, 0);
    if ('problem' in parsed) return parsed;
    // Without an id of its own, the record is named by its place in the list it ends up in, as any record is.
    const { id: _default, ...withoutId } = parsed.record;
    return { record: vouch(fields.id === undefined ? withoutId : parsed.record) };
  }
  const fail = (code: ActivityProblemCode, message: string, value?: string): { problem: ActivityProblem } => ({
    problem: { severity: 'error', code, message, origin: fields.origin, ...(value !== undefined ? { value } : {}) },
  });
  const problem = meaningProblem(fields, fail);
  if (problem !== undefined) return problem;
  const source = fields.source.trim().toLowerCase();
  return { record: vouch(source === fields.source ? fields : Object.assign({}, fields, { source })) };
}

function vouch<T extends object>(record: T): T {
  for (const key in record) {
    const value: unknown = record[key];
    if (typeof value === 'object' && value !== null && !(value instanceof Decimal)) Object.freeze(value);
  }
  vouched.add(Object.freeze(record));
  return record;
}

const CATEGORY_SET: ReadonlySet<unknown> = new Set(CATEGORY_IDS);
const QUALITY_SET: ReadonlySet<unknown> = new Set(DATA_QUALITY_TIERS);
const FIELD_SCHEMAS: Readonly<Record<string, z.ZodType | undefined>> = ActivityRecordInputSchema.shape;

/**
 * True only when the schema would accept the typed fields and give them back unchanged. The fields every row
 * has are checked inline (a category of the catalogue, a Decimal quantity, a unit as the library writes it …);
 * any other field by its own schema, its output compared with the value given; an unknown field, never.
 */
function typedFieldsValid(fields: RecordFields): boolean {
  for (const key in fields) {
    const value: unknown = (fields as Record<string, unknown>)[key];
    switch (key) {
      case 'id':
      case 'source':
        if (typeof value !== 'string' || value === '') return false;
        break;
      case 'site':
      case 'notes':
        if (typeof value !== 'string') return false;
        break;
      case 'category':
        if (!CATEGORY_SET.has(value)) return false;
        break;
      case 'dataQuality':
        if (!QUALITY_SET.has(value)) return false;
        break;
      case 'quantity':
        if (!(value instanceof Decimal)) return false;
        break;
      case 'unit':
        if (typeof value !== 'string' || !isUnit(value)) return false;
        break;
      case 'origin':
        if (!originValid(value)) return false;
        break;
      default: {
        const schema = FIELD_SCHEMAS[key];
        const parsed = schema?.safeParse(value);
        if (parsed?.success !== true || !sameValue(parsed.data, value)) return false;
      }
    }
  }
  return true;
}

function originValid(origin: unknown): boolean {
  if (typeof origin !== 'object' || origin === null) return false;
  for (const key in origin) {
    const value: unknown = (origin as Record<string, unknown>)[key];
    if (key === 'line' ? !Number.isInteger(value) : !ORIGIN_TEXT_FIELDS.has(key) || typeof value !== 'string') return false;
  }
  return true;
}
const ORIGIN_TEXT_FIELDS: ReadonlySet<string> = new Set(['file', 'sheet', 'cell', 'column', 'note']);

/** The same value, or (a schema's copy of an object) the same fields with the same values. */
function sameValue(parsed: unknown, given: unknown): boolean {
  if (Object.is(parsed, given)) return true;
  if (typeof parsed !== 'object' || typeof given !== 'object' || parsed === null || given === null || parsed instanceof Decimal) return false;
  const a = parsed as Record<string, unknown>;
  const b = given as Record<string, unknown>;
  for (const key in b) if (!Object.is(a[key], b[key])) return false;
  for (const key in a) if (!(key in b)) return false;
  return true;
}

export function parseActivityRecord(input: unknown, index: number, defaultOrigin: Origin = {}): { record: ActivityRecord } | { problem: ActivityProblem } {
  if (typeof input === 'object' && input !== null && vouched.has(input)) {
    const known = input as RecordFields;
    return { record: known.id !== undefined && known.dataQuality !== undefined ? (known as ActivityRecord) : Object.assign({}, known, { id: known.id ?? `r${index + 1}`, dataQuality: known.dataQuality ?? DEFAULT_DATA_QUALITY }) };
  }
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
  const problem = meaningProblem(data, fail);
  if (problem !== undefined) return problem;
  // The parsed origin is replaced as before (keys stay where parsing put them: serialised output is unchanged).
  const checked = { ...data, source: data.source.trim().toLowerCase(), ...(stated !== undefined ? { origin: stated } : {}) };
  return { record: { ...checked, id: data.id ?? `r${index + 1}`, origin } };
}

/** What a well-formed record can still get wrong: its source, the category and unit it allows, a plausible quantity. */
function meaningProblem(
  data: Pick<ActivityRecord, 'source' | 'category' | 'unit' | 'quantity' | 'priceYear'>,
  fail: (code: ActivityProblemCode, message: string, value?: string) => { problem: ActivityProblem },
): { problem: ActivityProblem } | undefined {
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
  return undefined;
}

function defaultRecordOrigin(defaultOrigin: Origin, index: number): Origin {
  return { ...defaultOrigin, note: defaultOrigin.note ?? `record ${index + 1}` };
}

function stripUndefined(o: z.infer<typeof OriginSchema>): Origin {
  return definedFields(o);
}
