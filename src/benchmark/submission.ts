import { z } from 'zod';
import { CATEGORY_IDS, type Category } from '../activity/categories.js';
import { COUNCIL_TYPES, COUNCIL_TYPE_INFO, REGIONS, regionsFor } from '../activity/council.js';
import { parseActivityRecords, ReportingYearSchema } from '../activity/record.js';
import { Decimal, sum } from '../decimal.js';
import { FACTOR_SET_ID_PATTERN } from '../factors/set-id.js';
import type { Origin, Problem } from '../problem.js';

export const SUBMISSION_FORMAT = 'council-ghg/benchmark-submission';
export const SUBMISSION_VERSION = 1;

/**
 * Numbers are bounded in digits: 12 before the point is a million times the largest council, and 50 after is
 * the precision every figure is calculated to. Anything longer is no council's figure, and a million-digit
 * "number" would otherwise be carried through every sum of the batch.
 */
const MAX_INTEGER_DIGITS = 12;
const MAX_FRACTION_DIGITS = 50;
/** Activity quantities may use an exponent ("1.2e6"), so they are bounded in length rather than digits. */
const MAX_QUANTITY_CHARS = 64;
const MAX_NAME_CHARS = 200;
/**
 * Nesting deeper than this is refused before the schema looks at it: a submission is 4 levels deep, and
 * an extra field of an activity record nested a hundred thousand levels would overflow the stack of any
 * recursive walk (comparing copies, writing the JSON out).
 */
const MAX_DEPTH = 16;

const TOO_LONG = 'number-too-long';
/** For text of the decimal syntax (at most one point); by position, as splitting every figure of a batch showed in profiles. */
const digitsWithinBounds = (text: string) => {
  const point = text.indexOf('.');
  const whole = point < 0 ? text.length : point;
  const fraction = point < 0 ? 0 : text.length - point - 1;
  return whole <= MAX_INTEGER_DIGITS && fraction <= MAX_FRACTION_DIGITS;
};
const DIGITS_MESSAGE = `too many digits: at most ${MAX_INTEGER_DIGITS} before the decimal point and ${MAX_FRACTION_DIGITS} after`;
/** A decimal string: the syntax first (cheap on any length), then the digit bounds, each with its own reason. */
const boundedDecimal = (pattern: RegExp, syntax: string) =>
  z
    .string()
    .regex(pattern, syntax)
    .refine((text) => !pattern.test(text) || digitsWithinBounds(text), { message: DIGITS_MESSAGE, params: { code: TOO_LONG } });

/**
 * Numbers are decimal strings (no exponent, no sign) so that no tool on the way rounds them through a
 * binary float; the figures are used exactly as written.
 */
const tonnes = boundedDecimal(/^\d+(\.\d+)?$/, 'a non-negative number of tCO2e written as a string, e.g. "1234.5"').describe('tCO2e as a decimal string');
const positive = (what: string) =>
  boundedDecimal(/^(?=.*[1-9])\d+(\.\d+)?$/, `${what} greater than zero, written as a string, e.g. "1234.5"`).describe(`${what}, a decimal string greater than zero`);
const categoryEnum = z.enum(CATEGORY_IDS as [Category, ...Category[]]);

export const SubmissionProfileSchema = z.strictObject({
  onsCode: z.string().regex(/^[EWS]\d{8}$/, 'a GSS code such as E07000111').describe('ONS (GSS) code of the council'),
  name: z.string().min(1).max(MAX_NAME_CHARS),
  councilType: z.enum(COUNCIL_TYPES),
  region: z.enum(REGIONS),
  reportingYear: ReportingYearSchema.describe('financial year, e.g. 2023/24'),
  factorSetId: z.string().regex(FACTOR_SET_ID_PATTERN, 'a factor set id such as desnz-2023').describe('emission factor set used, e.g. desnz-2023'),
  boundary: z
    .strictObject({
      schoolsIncluded: z.boolean().describe('maintained schools are inside the boundary'),
      scope3SpendIncluded: z.boolean().describe('spend-based scope 3 (purchased goods and services, capital goods) is included'),
      leasedAssetsIncluded: z.boolean().describe('upstream and downstream leased assets are included'),
      outsourcedServicesIncluded: z.boolean().describe('outsourced services (e.g. contractor fleet) are included'),
    })
    .describe('what the inventory covers; peers with a different boundary are not like-for-like'),
});
export type SubmissionProfile = z.infer<typeof SubmissionProfileSchema>;

export const SubmissionTotalsSchema = z
  .strictObject({
    total: tonnes.describe('scope 1 + location-based scope 2 + scope 3, tCO2e'),
    scope1: tonnes,
    scope2Location: tonnes.describe('location-based scope 2, tCO2e'),
    scope2Market: tonnes.describe('market-based scope 2, tCO2e'),
    scope3: tonnes,
    byCategory: z
      .partialRecord(categoryEnum, tonnes)
      .describe('tCO2e per reporting category (location-based scope 2); omit a category the council did not break down'),
  })
  .describe('inventory totals in tCO2e; the total uses location-based scope 2');
export type SubmissionTotals = z.infer<typeof SubmissionTotalsSchema>;

export const DenominatorsSchema = z
  .strictObject({
    population: boundedDecimal(/^[1-9]\d*$/, 'a whole number of residents written as a string, e.g. "118000"')
      .describe('residents (ONS mid-year estimate), a whole number as a string')
      .optional(),
    staffFte: positive('staff full-time equivalents').optional(),
    grossRevenueExpenditureGbpMillions: positive('gross revenue expenditure in £ million').optional(),
    floorAreaM2: positive('floor area of the estate in m2').optional(),
  })
  .describe('what emissions are normalised by; supply those you have');
export type Denominators = z.infer<typeof DenominatorsSchema>;

/**
 * An activity record as JSON (the fields of ActivityRecordInput, quantity as a decimal string). Only the
 * shape is checked here; parseSubmission validates each record against the source catalogue.
 */
export const SubmittedActivitySchema = z
  .looseObject({
    id: z.string().min(1).optional(),
    category: categoryEnum,
    source: z.string().min(1),
    quantity: z
      .string()
      .refine((text) => text.length <= MAX_QUANTITY_CHARS, { message: `too long: a quantity is at most ${MAX_QUANTITY_CHARS} characters`, params: { code: TOO_LONG } })
      .regex(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/, 'a decimal number written as a string'),
    unit: z.string().min(1),
  })
  .describe('an activity record (see council-ghg activity data); other fields as in ActivityRecordInput');

export const SubmissionSchema = z
  .strictObject({
    format: z.literal(SUBMISSION_FORMAT),
    version: z.literal(SUBMISSION_VERSION),
    synthetic: z.boolean().optional().describe('true for made-up data (examples, tests); reports say so'),
    profile: SubmissionProfileSchema,
    totals: SubmissionTotalsSchema,
    denominators: DenominatorsSchema,
    excludedRecords: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('how many error problems excluded data from the inventory (each a record, a spreadsheet row, or an unmapped ledger code with all its lines), so the totals understate the council; absent means none'),
    activity: z
      .array(SubmittedActivitySchema)
      .optional()
      .describe('the activity records behind the totals, so the benchmark can recalculate them on a common factor set'),
  })
  .describe('A council greenhouse-gas baseline submitted for benchmarking');
export type Submission = z.infer<typeof SubmissionSchema>;

export type SubmissionProblemCode =
  | 'unreadable-file'
  | 'not-json-file'
  | 'invalid-json'
  | 'not-a-submission'
  | 'unsupported-version'
  | 'invalid-field'
  | 'number-too-long'
  | 'too-deeply-nested'
  | 'unparseable'
  | 'not-on-register'
  | 'register-mismatch'
  | 'synthetic-among-real'
  | 'not-on-intake'
  | 'intake-mismatch'
  | 'invalid-activity'
  | 'code-does-not-match-type'
  | 'region-does-not-match-type'
  | 'total-mismatch'
  | 'total-rounded'
  | 'categories-exceed-total'
  | 'duplicate-submission'
  | 'duplicate-copy'
  | 'incomplete-inventory'
  | 'file-too-large'
  | 'incomplete-profile'
  | 'boundary-assumed'
  | 'boundary-contradicted';
export type SubmissionProblem = Problem<SubmissionProblemCode>;

export type SubmissionResult =
  | { readonly ok: true; readonly submission: Submission; readonly warnings: readonly SubmissionProblem[] }
  | {
      readonly ok: false;
      readonly problems: readonly SubmissionProblem[];
      /** A submission valid in itself but refused for its council (not on the register), kept so the intake check can see whose it is. */
      readonly submission?: Submission;
    };

/**
 * Councils round each line to whole tonnes, so a stated total may differ from the sum of its scopes by
 * rounding: up to 1 tCO2e is accepted with a warning (the stated total is used), more is an error.
 */
const ROUNDING_TOLERANCE = new Decimal(1);
const ROUNDING_TOLERANCE_TEXT = ROUNDING_TOLERANCE.toFixed();

type MakeProblem = (code: SubmissionProblemCode, message: string, value?: string, severity?: 'error' | 'warning') => SubmissionProblem;

/**
 * Validates one submission (already parsed from JSON); every reason it is unusable is returned. It never
 * throws: whatever a file holds, the batch goes on and the file is listed with its reason.
 */
export function parseSubmission(json: unknown, origin: Origin): SubmissionResult {
  const problem: MakeProblem = (code, message, value, severity = 'error') => ({ severity, code, message, origin, ...(value !== undefined ? { value } : {}) });
  try {
    return checkSubmission(json, problem);
  } catch (error) {
    // Reached only by input no check above foresaw; refusing it keeps the rest of the batch.
    return { ok: false, problems: [problem('unparseable', `could not be read as a submission (${error instanceof Error ? error.message : String(error)})`)] };
  }
}

/**
 * Submissions parseSubmission has accepted. Each is frozen, so it is still what was checked: the benchmark
 * takes it without running the schema over it again (checking every field of thousands of submissions twice
 * was a tenth of a benchmark run).
 */
const accepted = new WeakSet<object>();

/**
 * parseSubmission for a submission given in code: one parseSubmission accepted is taken as it is (its warnings
 * were given then), anything else is checked in full.
 */
export function revalidate(submission: unknown, origin: Origin): SubmissionResult {
  if (typeof submission === 'object' && submission !== null && accepted.has(submission)) return { ok: true, submission: submission as Submission, warnings: [] };
  return parseSubmission(submission, origin);
}

/**
 * Freezes the objects the schema built, which is all the benchmark reads. Values an activity record carries
 * beyond its own fields are the caller's objects, passed through as they were: they are left alone, and the
 * calculator checks the records again when it restates them.
 */
function freezeChecked(s: Submission): Submission {
  Object.freeze(s.profile.boundary);
  Object.freeze(s.profile);
  Object.freeze(s.totals.byCategory);
  Object.freeze(s.totals);
  Object.freeze(s.denominators);
  if (s.activity !== undefined) {
    for (const record of s.activity) Object.freeze(record);
    Object.freeze(s.activity);
  }
  return Object.freeze(s);
}

function checkSubmission(json: unknown, problem: MakeProblem): SubmissionResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (json as { format?: unknown }).format !== SUBMISSION_FORMAT) {
    return { ok: false, problems: [problem('not-a-submission', `not a benchmark submission: expected "format": "${SUBMISSION_FORMAT}"`)] };
  }
  const version = (json as { version?: unknown }).version;
  if (version !== SUBMISSION_VERSION) {
    return { ok: false, problems: [problem('unsupported-version', `submission format version ${JSON.stringify(version)} is not supported; this release reads version ${SUBMISSION_VERSION}`)] };
  }
  // What plainSubmission accepts is three levels deep, and it walks no deeper: the depth is checked only for the rest.
  const plain = plainSubmission(json as Record<string, unknown>);
  if (plain === undefined && deeperThan(json, MAX_DEPTH)) {
    return { ok: false, problems: [problem('too-deeply-nested', `nested more than ${MAX_DEPTH} levels deep; a submission is a few levels of objects and lists`)] };
  }
  const parsed = plain !== undefined ? ({ success: true, data: plain } as const) : SubmissionSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const code = issue.code === 'custom' && issue.params?.['code'] === TOO_LONG ? TOO_LONG : 'invalid-field';
        return problem(code, `${issue.path.map(String).join('.') || '(submission)'}: ${issue.message}`);
      }),
    };
  }
  const issues = consistencyProblems(parsed.data, problem);
  if (issues.some((p) => p.severity === 'error')) return { ok: false, problems: issues };
  accepted.add(freezeChecked(parsed.data));
  return { ok: true, submission: parsed.data, warnings: issues };
}

const TONNES = /^\d+(\.\d+)?$/;
const POSITIVE = /^(?=.*[1-9])\d+(\.\d+)?$/;
const WHOLE = /^[1-9]\d*$/;
const ONS_CODE = /^[EWS]\d{8}$/;
const YEAR = /^\d{4}\/\d{2}$/;
const TOP_KEYS = new Set(['format', 'version', 'synthetic', 'profile', 'totals', 'denominators', 'excludedRecords']);
const PROFILE_KEYS = ['onsCode', 'name', 'councilType', 'region', 'reportingYear', 'factorSetId', 'boundary'] as const;
const BOUNDARY_KEYS = ['schoolsIncluded', 'scope3SpendIncluded', 'leasedAssetsIncluded', 'outsourcedServicesIncluded'] as const;
const TOTALS_KEYS = ['total', 'scope1', 'scope2Location', 'scope2Market', 'scope3', 'byCategory'] as const;
const DENOMINATOR_PATTERNS = { population: WHOLE, staffFte: POSITIVE, grossRevenueExpenditureGbpMillions: POSITIVE, floorAreaM2: POSITIVE } as const;
const COUNCIL_TYPE_SET = new Set<string>(COUNCIL_TYPES);
const REGION_SET = new Set<string>(REGIONS);
const CATEGORY_SET = new Set<string>(CATEGORY_IDS);

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
const isDecimal = (v: unknown, pattern: RegExp) => typeof v === 'string' && pattern.test(v) && digitsWithinBounds(v);
/** Whether `o` has only keys of `keys` (each with a value: a key holding undefined is left to the schema). */
const onlyKeys = (o: Record<string, unknown>, keys: ReadonlySet<string> | readonly string[]) => {
  for (const key in o) if (!(Array.isArray(keys) ? keys.includes(key) : (keys as ReadonlySet<string>).has(key)) || o[key] === undefined) return false;
  return true;
};

/**
 * What SubmissionSchema gives for the usual submission (plain JSON with totals and no activity records, every
 * field valid), checked field by field without zod, built as zod builds its copy (keys in the schema's order, a
 * record's in the input's); undefined for anything else, which the schema then checks, so every message is still
 * the schema's own. Why: in a fresh process the schema's checks were more than half of reading 2,000
 * submissions (zod compiles its checks on first use). test/benchmark/plain-submission.test.ts holds it to the
 * schema's output.
 */
export function plainSubmission(json: Record<string, unknown>): Submission | undefined {
  const { format, version, synthetic, profile, totals, denominators, excludedRecords } = json;
  if (!isPlain(json) || !onlyKeys(json, TOP_KEYS) || format !== SUBMISSION_FORMAT || version !== SUBMISSION_VERSION) return undefined;
  if (!(synthetic === undefined || typeof synthetic === 'boolean')) return undefined;
  if (!(excludedRecords === undefined || (Number.isSafeInteger(excludedRecords) && (excludedRecords as number) >= 0))) return undefined;
  if (!isPlain(profile) || !onlyKeys(profile, PROFILE_KEYS) || !isPlain(totals) || !onlyKeys(totals, TOTALS_KEYS) || !isPlain(denominators) || !onlyKeys(denominators, Object.keys(DENOMINATOR_PATTERNS))) return undefined;
  const { onsCode, name, councilType, region, reportingYear, factorSetId, boundary } = profile;
  if (!(typeof onsCode === 'string' && ONS_CODE.test(onsCode) && typeof name === 'string' && name.length >= 1 && name.length <= MAX_NAME_CHARS)) return undefined;
  if (!(typeof councilType === 'string' && COUNCIL_TYPE_SET.has(councilType) && typeof region === 'string' && REGION_SET.has(region))) return undefined;
  if (!(typeof reportingYear === 'string' && YEAR.test(reportingYear) && (Number(reportingYear.slice(0, 4)) + 1) % 100 === Number(reportingYear.slice(5)))) return undefined;
  if (!(typeof factorSetId === 'string' && FACTOR_SET_ID_PATTERN.test(factorSetId))) return undefined;
  if (!isPlain(boundary) || !onlyKeys(boundary, BOUNDARY_KEYS) || !BOUNDARY_KEYS.every((k) => typeof boundary[k] === 'boolean')) return undefined;
  const { byCategory } = totals;
  if (!TOTALS_KEYS.every((k) => k === 'byCategory' || isDecimal(totals[k], TONNES)) || !isPlain(byCategory)) return undefined;
  const categories: Record<string, string> = {};
  for (const key of Reflect.ownKeys(byCategory)) {
    if (typeof key !== 'string' || !CATEGORY_SET.has(key) || !Object.prototype.propertyIsEnumerable.call(byCategory, key) || !isDecimal(byCategory[key], TONNES)) return undefined;
    categories[key] = byCategory[key] as string;
  }
  const ratios: Record<string, string> = {};
  for (const [key, pattern] of Object.entries(DENOMINATOR_PATTERNS)) {
    const value = denominators[key];
    if (value === undefined) continue;
    if (!isDecimal(value, pattern)) return undefined;
    ratios[key] = value as string;
  }
  const flag = (k: (typeof BOUNDARY_KEYS)[number]) => boundary[k] as boolean;
  const text = (o: Record<string, unknown>, k: string) => o[k] as string;
  return {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    ...(synthetic !== undefined ? { synthetic } : {}),
    profile: {
      onsCode,
      name,
      councilType: councilType as Submission['profile']['councilType'],
      region: region as Submission['profile']['region'],
      reportingYear,
      factorSetId,
      boundary: { schoolsIncluded: flag('schoolsIncluded'), scope3SpendIncluded: flag('scope3SpendIncluded'), leasedAssetsIncluded: flag('leasedAssetsIncluded'), outsourcedServicesIncluded: flag('outsourcedServicesIncluded') },
    },
    totals: { total: text(totals, 'total'), scope1: text(totals, 'scope1'), scope2Location: text(totals, 'scope2Location'), scope2Market: text(totals, 'scope2Market'), scope3: text(totals, 'scope3'), byCategory: categories },
    denominators: ratios,
    ...(excludedRecords !== undefined ? { excludedRecords: excludedRecords as number } : {}),
  };
}

/** Whether JSON nests more than `max` levels of objects and lists; iterative, so no input can overflow the stack. */
function deeperThan(json: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[json, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The most digits after the point for which the sums below are exact in Decimal: 12 before it, 2 more for carries, within the precision of 50. */
const EXACT_FRACTION_DIGITS = 36;

/**
 * How the total agrees with its scopes (within ROUNDING_TOLERANCE) and whether the categories exceed it by more.
 * Worked out in BigInt, each figure a whole number of its smallest unit, where the figures have so few digits
 * that the Decimal sums would be exact (every real submission), so the answer is the same: BigInt is native,
 * whereas decimal.js's code is slow until optimised: a quarter of reading a fresh process's first 2,000.
 */
function totalsAgreement(totals: SubmissionTotals): { gap: 'none' | 'rounding' | 'beyond-rounding'; categoriesExceed: boolean } {
  const categories = Object.values(totals.byCategory);
  const figures = [totals.total, totals.scope1, totals.scope2Location, totals.scope3, ...categories];
  const digits = Math.max(fractionDigits(ROUNDING_TOLERANCE_TEXT), ...figures.map(fractionDigits));
  if (digits <= EXACT_FRACTION_DIGITS && categories.length < 100) {
    const total = units(totals.total, digits);
    const tolerance = units(ROUNDING_TOLERANCE_TEXT, digits);
    const gap = total - (units(totals.scope1, digits) + units(totals.scope2Location, digits) + units(totals.scope3, digits));
    const size = gap < 0n ? -gap : gap;
    let categorySum = 0n;
    for (const text of categories) categorySum += units(text, digits);
    return { gap: size > tolerance ? 'beyond-rounding' : size !== 0n ? 'rounding' : 'none', categoriesExceed: categorySum > total + tolerance };
  }
  const d = (text: string) => new Decimal(text);
  const total = d(totals.total);
  const gap = total.minus(sum([d(totals.scope1), d(totals.scope2Location), d(totals.scope3)])).abs();
  return { gap: gap.gt(ROUNDING_TOLERANCE) ? 'beyond-rounding' : !gap.isZero() ? 'rounding' : 'none', categoriesExceed: sum(categories.map(d)).gt(total.plus(ROUNDING_TOLERANCE)) };
}

/** Digits after the point of a decimal text. */
const fractionDigits = (text: string) => {
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
};

/** A decimal text (digits, perhaps a point and more digits) as a whole number of units of 10^-digits. */
const units = (text: string, digits: number) => {
  const point = text.indexOf('.');
  return point < 0 ? BigInt(text + '0'.repeat(digits)) : BigInt(text.slice(0, point) + text.slice(point + 1).padEnd(digits, '0'));
};

function consistencyProblems(s: Submission, problem: MakeProblem): SubmissionProblem[] {
  const { profile, totals } = s;
  const out: SubmissionProblem[] = [];
  const prefix = COUNCIL_TYPE_INFO[profile.councilType].gssPrefix;
  if (!profile.onsCode.startsWith(prefix)) {
    out.push(problem('code-does-not-match-type', `a ${profile.councilType} council has a GSS code starting ${prefix}`, profile.onsCode));
  }
  if (!regionsFor(profile.councilType).includes(profile.region)) {
    out.push(problem('region-does-not-match-type', `a ${profile.councilType} council cannot be in region ${profile.region}`, profile.region));
  }
  const d = (text: string) => new Decimal(text); // the schema has already checked the syntax and the digits
  const scopes = () => sum([d(totals.scope1), d(totals.scope2Location), d(totals.scope3)]).toFixed();
  const { gap, categoriesExceed } = totalsAgreement(totals);
  if (gap === 'beyond-rounding') {
    out.push(problem('total-mismatch', `total must equal scope 1 + location-based scope 2 + scope 3 (${scopes()} tCO2e)`, totals.total));
  } else if (gap === 'rounding') {
    out.push(problem('total-rounded', `total differs from scope 1 + location-based scope 2 + scope 3 (${scopes()} tCO2e) by rounding; the stated total is used`, totals.total, 'warning'));
  }
  if (categoriesExceed) {
    out.push(problem('categories-exceed-total', `the categories add up to ${sum(Object.values(totals.byCategory).map(d)).toFixed()} tCO2e, more than the total`, totals.total));
  }
  if (s.activity !== undefined) {
    const { problems } = parseActivityRecords(s.activity);
    for (const p of problems) out.push(problem('invalid-activity', `activity ${p.origin.note ?? 'record'}: ${p.message}`, p.value));
  }
  return out;
}
