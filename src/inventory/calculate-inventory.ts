import type { z } from 'zod';
import { definedFields } from '../defined.js';
import { parseActivityRecords, ReportingYearSchema, reportingYearStart, type ReportingYear } from '../activity/record.js';
import { Decimal, type DecimalValue } from '../decimal.js';
import { factorLibraryFor } from '../factors/default-library.js';
import type { FactorSet } from '../factors/factor-set.js';
import { defaultSetId, NoFactorLibraryError, type FactorLibrary } from '../factors/library.js';
import { parseFactorSetId, type FactorSetId } from '../factors/set-id.js';
import type { Problem } from '../problem.js';
import { CALCULATION_PROBLEM_CODES, calculateRecord, type BoundaryExclusion } from '../calculate/calculate-record.js';
import type { EmissionLine, MemoLine } from '../calculate/line.js';
import { PriceIndexSchema, SpendFactorTableSchema, spendSetFromTable, type PriceIndex, type SpendContext, type SpendFactorTable } from '../calculate/spend.js';
import { SpendCategoryMap } from '../factors/spend/categories.js';
import { CouncilSpendCategorySchema, type CouncilSpendCategory } from '../factors/spend/schema.js';
import { SpendFactorSet } from '../factors/spend/spend-set.js';
import { groupsCoveredByActivity } from '../calculate/spend-overlap.js';
import { totalLines } from './build.js';
import type { CouncilProfile, Inventory } from './types.js';

/** What `calculateInventory` costs: records, and the council and reporting year they belong to. */
export interface CalculationInput {
  /** Activity records: validated `ActivityRecord`s or raw objects (validated here, each bad one a problem). */
  readonly records: readonly unknown[];
  readonly council?: CouncilProfile;
  readonly reportingYear?: ReportingYear;
}

/** How `calculateInventory` costs: the factor set or library, spend factors, residual mix, boundary. */
export interface CalculationOptions {
  /**
   * Factor set id or a loaded set. Default: the set of the calendar year the reporting year starts in
   * (2023/24 → desnz-2023), else the newest bundled set. The inventory always records which was used. An id is
   * text (`'desnz-2023'`, or a `FactorSetId` the library gave), checked here: an `InvalidFactorSetIdError` when it
   * is not an id, an `UnknownFactorSetError` when the library has no such set.
   */
  readonly factorSet?: string | FactorSet;
  /** UK residual-mix factor (kgCO2e/kWh, e.g. from the AIB European Residual Mixes) for market-based scope 2. */
  readonly residualMixKgCO2ePerKWh?: DecimalValue;
  /**
   * The spend-based factor set: a bundled set's id (default: the newest, `defra-leeds-2023`), a loaded set, or
   * `spendFactors` below.
   */
  readonly spendFactorSet?: string | SpendFactorSet;
  /** A user's own spend factor table (kgCO2e per £ by category), used instead of the bundled set. */
  readonly spendFactors?: SpendFactorTable;
  /** Brings spend of a year without a factor column (after the newest) to the column's prices; without it such lines warn. */
  readonly priceIndex?: PriceIndex;
  /** The council's own spend categories → SIC groups, extending and taking precedence over the bundled table. */
  readonly spendCategories?: readonly CouncilSpendCategory[];
  /**
   * The whole spend category table in place of the bundled one, where the bundled files cannot be read (a browser
   * that loads the data itself); with `factorSet` and `spendFactorSet` given as loaded sets, nothing is read from disk.
   */
  readonly spendCategoryTable?: readonly CouncilSpendCategory[];
  /**
   * Where sets named by id (and the default set, and the spend data) come from: a library fetched or built from
   * data (`fetchFactorLibrary`, `factorLibraryFromFiles`). Default in Node: the bundled sets; in the portable
   * core alone there is none, so give loaded sets or a library.
   */
  readonly factors?: FactorLibrary;
  /** Node only: read factor sets from this folder (as `council-ghg factors import` writes it) instead of the bundled ones. */
  readonly factorSetsDir?: string;
  /**
   * Upstream (well-to-tank) and grid-loss (transmission and distribution) lines to leave out, to compare with a
   * peer or an earlier report that did. Default: none, as DESNZ recommends; a choice is stated as a warning.
   */
  readonly exclude?: readonly BoundaryExclusion[];
}

function chooseFactorSet(reportingYear: ReportingYear | undefined, factorSet: FactorSetId | FactorSet | undefined, library: FactorLibrary | undefined): FactorSet {
  if (factorSet !== undefined && typeof factorSet !== 'string') return factorSet;
  if (library === undefined) throw new NoFactorLibraryError(factorSet === undefined ? 'the default factor set' : `factor set '${factorSet}'`);
  return library.factorSet(factorSet ?? defaultSetId(library.sets, reportingYear === undefined ? undefined : reportingYearStart(reportingYear)));
}

/**
 * Activity records → inventory. Pure apart from the factor library's reading a set it has not read before.
 * @example
 * const inventory = calculateInventory(
 *   { reportingYear: '2023/24', records: [{ category: 'buildings', source: 'natural-gas', quantity: '1184230', unit: 'kWh' }] },
 *   { factorSet: 'desnz-2023' },
 * );
 * console.log(`${formatTonnes(inventory.totals.total)} tCO2e on ${inventory.factorSet.id}`);
 */
export function calculateInventory(input: CalculationInput, options: CalculationOptions = {}): Inventory {
  checkConfiguration(input, options);
  const library = factorLibraryFor(options);
  // The one place an id given as text is checked: from here on it is a FactorSetId.
  const set = chooseFactorSet(input.reportingYear, typeof options.factorSet === 'string' ? parseFactorSetId(options.factorSet) : options.factorSet, library);
  const start = input.reportingYear === undefined ? undefined : reportingYearStart(input.reportingYear);
  const { records, problems: activityProblems } = parseActivityRecords(start === undefined ? input.records : input.records.map((r) => withDefaultPriceYear(r, start)));
  const recordProblems: Problem[] = [...activityProblems];
  if (options.factorSet === undefined && start === undefined) {
    recordProblems.push({
      severity: 'warning',
      code: 'factor-set-year-differs',
      message: `No reporting year was given, so the newest set (${set.id}) was used; give the reporting year (e.g. 2023/24) or choose a set`,
      origin: { note: 'factor set' },
    });
  } else if (options.factorSet === undefined && start !== undefined && set.info.year !== start) {
    recordProblems.push({
      severity: 'warning',
      code: 'factor-set-year-differs',
      message: `No ${start} factor set is available ${library?.where ?? 'in the factor library'}: the ${input.reportingYear} figures use ${set.id}, the ${set.info.year < start ? 'newest' : 'oldest'} available; choose a set explicitly to silence this`,
      origin: { note: 'factor set' },
    });
  }
  if (options.exclude !== undefined && options.exclude.length > 0) recordProblems.push(boundaryStatement(options.exclude));
  const context = {
    set,
    ...(options.exclude !== undefined ? { excluded: new Set(options.exclude) } : {}),
    ...(options.residualMixKgCO2ePerKWh !== undefined ? { residualMixKgCO2ePerKWh: residualMix(options.residualMixKgCO2ePerKWh) } : {}),
    ...definedFields({ spend: spendContext(options, library), library }),
    coveredByActivity: groupsCoveredByActivity(records),
  };
  const lines: EmissionLine[] = [];
  const memo: MemoLine[] = [];
  const problems: Problem[] = [...recordProblems];
  for (const record of records) {
    const result = calculateRecord(record, context);
    for (const line of result.lines) lines.push(line);
    for (const item of result.memo) memo.push(item);
    for (const problem of result.problems) problems.push(problem);
  }
  return {
    council: knownFields(input.council ?? {}),
    ...(input.reportingYear !== undefined ? { reportingYear: input.reportingYear } : {}),
    factorSet: {
      id: set.id,
      title: set.info.title,
      year: set.info.year,
      sourceFile: set.info.derivedFrom?.file ?? set.info.source.file,
      ...(set.info.provenanceNote !== undefined ? { provenanceNote: set.info.provenanceNote } : {}),
    },
    records,
    lines,
    memo,
    problems: collapsePriceWarnings(problems),
    recordCount: input.records.length,
    totals: totalLines(lines, memo),
  };
}

const EXCLUSION_TEXT: Record<BoundaryExclusion, string> = {
  'well-to-tank': 'well-to-tank emissions (extracting, refining and transporting fuel and generating fuel for power)',
  'transmission-and-distribution': 'transmission and distribution losses (electricity and heat lost in the grid)',
};

/** A boundary narrower than DESNZ recommends is said in the report, never left for the reader to infer. */
function boundaryStatement(exclude: readonly BoundaryExclusion[]): Problem {
  const left = [...new Set(exclude)].map((e) => EXCLUSION_TEXT[e]).join(' and ');
  return {
    severity: 'warning', code: 'boundary-excludes', value: [...new Set(exclude)].join(','), origin: { note: 'calculation options' },
    message: `By choice, this inventory leaves out ${left}, so its totals are lower than a full inventory and comparable only with one that left out the same. Factors named directly (desnz:…) are kept, and DESNZ's Business travel- land rows for plug-in cars include their charging losses.`,
  };
}

/**
 * A ledger gives a spend record per category and calendar year, so a year without a price index warns once per
 * category; said once, with the count and the years, it reads as the single gap it is. The lines keep the detail.
 */
function collapsePriceWarnings(problems: readonly Problem[]): Problem[] {
  const unadjusted = problems.filter((p) => p.code === 'spend-price-year-unadjusted');
  if (unadjusted.length <= 1) return [...problems];
  const years = [...new Set(unadjusted.map((p) => p.value ?? ''))].sort().join(', ');
  const first = problems.indexOf(unadjusted[0]!);
  const merged: Problem = {
    severity: 'warning', code: 'spend-price-year-unadjusted', value: years, origin: { note: `${unadjusted.length} spend records` },
    message: `${unadjusted.length} spend records of ${years} are costed with the newest multipliers' year column without bringing their £ to that year's prices (${/\(([^)]*)\); give/.exec(unadjusted[0]!.message)?.[1] ?? 'no price index was given'}); give a price index (priceIndex, --price-index) to adjust. The first: ${unadjusted[0]!.message}`,
  };
  return [...problems.slice(0, first).filter((p) => p.code !== 'spend-price-year-unadjusted'), merged, ...problems.slice(first).filter((p) => p.code !== 'spend-price-year-unadjusted')];
}

/** Problems a calculation makes, which a recalculation makes afresh; every other problem is about the input. */
const RECALCULATED_CODES: ReadonlySet<string> = new Set([...CALCULATION_PROBLEM_CODES, 'factor-set-year-differs', 'residual-mix-not-given', 'spend-factors-changed']);

/**
 * The same activity under another factor set (year-on-year restatement, or comparing on a common set). Problems
 * with the input (rows the import refused, invalid records) are kept, as are the records counted, so the
 * recalculated inventory is as incomplete as the original and says so.
 */
export function recalculate(inventory: Inventory, factorSet: string | FactorSet, options: Omit<CalculationOptions, 'factorSet'> = {}): Inventory {
  const fresh = calculateInventory(
    { records: inventory.records, council: inventory.council, ...(inventory.reportingYear !== undefined ? { reportingYear: inventory.reportingYear } : {}) },
    { ...options, factorSet },
  );
  const inputProblems = inventory.problems.filter((p) => !RECALCULATED_CODES.has(p.code));
  // The residual mix is an option, not part of the inventory: without it again, market-based scope 2 falls back
  // to the grid average, which the lines state but a reader comparing totals would miss.
  const lostResidualMix =
    options.residualMixKgCO2ePerKWh === undefined && inventory.lines.some((l) => l.market?.basis === 'residual-mix')
      ? [{ severity: 'warning' as const, code: 'residual-mix-not-given', message: 'The original used a residual-mix factor for market-based scope 2; without it again (residualMixKgCO2ePerKWh, --residual-mix) the recalculation uses the grid average', origin: { note: 'recalculation' } }]
      : [];
  // Likewise a user's own spend table: without it again, spend falls back to the bundled multipliers.
  const spendSets = (i: Inventory) => new Set(i.lines.filter((l) => l.method === 'spend-based').map((l) => l.factor.setId));
  const [before, after] = [spendSets(inventory), spendSets(fresh)];
  const changedSpendSet =
    [...before].some((id) => !after.has(id)) && after.size > 0
      ? [{ severity: 'warning' as const, code: 'spend-factors-changed', message: `The original costed spend with ${[...before].join(', ')}; the recalculation uses ${[...after].join(', ')} (give the same spendFactors / --spend-factors to keep them)`, origin: { note: 'recalculation' } }]
      : [];
  return { ...fresh, problems: [...inputProblems, ...lostResidualMix, ...changedSpendSet, ...fresh.problems], recordCount: inventory.recordCount };
}

/**
 * Spend without a price year is in the prices of the reporting year's first calendar year (2023/24 → 2023), as a
 * workbook's blank Price year cell is; the line states the year used.
 */
function withDefaultPriceYear(record: unknown, year: number): unknown {
  if (record === null || typeof record !== 'object') return record;
  const { source, priceYear } = record as { source?: unknown; priceYear?: unknown };
  return typeof source === 'string' && /^\s*spend:/i.test(source) && priceYear === undefined ? { ...record, priceYear: year } : record;
}

/** Only the profile's own fields, so an object carrying more (a form's state, say) is not stored with the inventory. */
function knownFields(council: CouncilProfile): CouncilProfile {
  const { name, onsCode, councilType, region, boundaryNotes } = council;
  return definedFields({ name, onsCode, councilType, region, boundaryNotes });
}

/**
 * The reporting year and a spend factor table are configuration, not records: a bad one is a RangeError saying
 * what is wrong (records, by contrast, become problems), before any of it is used.
 */
function checkConfiguration(input: CalculationInput, options: CalculationOptions): void {
  if (input.reportingYear !== undefined && !ReportingYearSchema.safeParse(input.reportingYear).success) {
    throw new RangeError(`reportingYear must be a financial year written like 2023/24, not '${String(input.reportingYear)}'`);
  }
  if (options.spendFactors !== undefined) {
    const parsed = SpendFactorTableSchema.safeParse(options.spendFactors);
    if (!parsed.success) throw new RangeError(`spendFactors is not a spend factor table: ${issues(parsed.error)}`);
  }
  if (options.priceIndex !== undefined) {
    const parsed = PriceIndexSchema.safeParse(options.priceIndex);
    if (!parsed.success) throw new RangeError(`priceIndex is not a price index: ${issues(parsed.error)}`);
  }
  for (const [i, row] of (options.spendCategories ?? []).entries()) {
    const parsed = CouncilSpendCategorySchema.safeParse(row);
    if (!parsed.success) throw new RangeError(`spendCategories[${i}] is not a spend category: ${issues(parsed.error)}`);
  }
}

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ');
}

const libraryCategoryMaps = new WeakMap<FactorLibrary, SpendCategoryMap>();

/** The council's own categories over the given table or the library's; a library's table alone is built once. */
function categoryMap(options: CalculationOptions, library: FactorLibrary | undefined): SpendCategoryMap {
  if (options.spendCategoryTable !== undefined || options.spendCategories !== undefined) {
    return new SpendCategoryMap(options.spendCategoryTable ?? library?.spendCategories() ?? [], options.spendCategories ?? []);
  }
  if (library === undefined) return new SpendCategoryMap([]);
  // A benchmark restates many inventories with the same library.
  let map = libraryCategoryMaps.get(library);
  if (map === undefined) libraryCategoryMaps.set(library, (map = new SpendCategoryMap(library.spendCategories())));
  return map;
}

/**
 * A user's table (with its own price index) or a given or library's set, with the category map; none (each spend
 * record then a problem) when no spend set is given and the library holds none.
 */
function spendContext(options: CalculationOptions, library: FactorLibrary | undefined): SpendContext | undefined {
  const categories = categoryMap(options, library);
  if (options.spendFactors !== undefined) {
    return { set: spendSetFromTable(options.spendFactors), categories, priceIndex: options.priceIndex ?? options.spendFactors.priceIndex };
  }
  if (typeof options.spendFactorSet === 'string' && library === undefined) throw new NoFactorLibraryError(`spend factor set '${options.spendFactorSet}'`);
  const set = options.spendFactorSet instanceof SpendFactorSet ? options.spendFactorSet : library?.spendFactorSet(options.spendFactorSet);
  if (set === undefined) return undefined;
  return { set, categories, ...(options.priceIndex !== undefined ? { priceIndex: options.priceIndex } : {}) };
}

/** A residual-mix factor is configuration, so a bad one is a programming error, not a data problem. */
function residualMix(value: DecimalValue): Decimal {
  const factor = new Decimal(value);
  if (!factor.isFinite() || factor.isNegative()) throw new RangeError(`residualMixKgCO2ePerKWh must be a non-negative number of kgCO2e per kWh, not ${String(value)}`);
  return factor;
}
