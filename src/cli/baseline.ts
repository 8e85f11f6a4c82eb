import { definedFields } from '../defined.js';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { SpendFactorTableSchema, type PriceIndex, type SpendFactorTable } from '../calculate/spend.js';
import { CouncilSpendCategorySchema, type CouncilSpendCategory } from '../factors/spend/schema.js';
import { readCsvText } from '../tables/read-csv.js';
import { parseDecimal } from '../decimal.js';
import { MANIFEST_FILE } from '../factors/store.js';
import type { CalculationOptions } from '../inventory/calculate-inventory.js';
import { BOUNDARY_EXCLUSIONS, type BoundaryExclusion } from '../calculate/calculate-record.js';
import type { CsvEncoding } from '../import/encoding.js';
import { DEFAULT_LIMITS, importCsv, importWorkbook, withLedger, type ImportLimits, type ImportResult } from '../import/index.js';
import { aggregateSpendLedger, readSpendMappingBytes, type LedgerResult } from '../import/ledger.js';
import { reportingYearStart } from '../activity/record.js';
import { formatPounds } from '../report/format.js';
import { UsageError } from './io.js';

/** What every command that reads a council's baseline shares: the file by its kind, then the inventory. */
export interface BaselineReadOptions {
  readonly encoding?: CsvEncoding;
  readonly limits?: Partial<ImportLimits>;
  /** Bytes of a CSV read so far, for a progress bar. */
  readonly onBytes?: (bytesRead: number) => void;
}

/** A baseline workbook (.xlsx) or long CSV table (.csv, .tsv, .txt; streamed, never held whole). */
export async function importBaseline(path: string, options: BaselineReadOptions = {}): Promise<ImportResult> {
  const full = resolve(path);
  const file = basename(path);
  const extension = extname(path).toLowerCase();
  if (!existsSync(full)) throw new UsageError(`${path}: no such file`);
  if (extension === '.csv' || extension === '.tsv' || extension === '.txt') {
    const stream = createReadStream(full);
    if (options.onBytes !== undefined) stream.on('data', () => options.onBytes!(stream.bytesRead));
    return importCsv(stream, { file, ...definedFields({ encoding: options.encoding, limits: options.limits }) });
  }
  if (extension === '.xlsx' || extension === '.xlsm' || extension === '.xls' || extension === '.ods') return importWorkbook(full, { file, ...definedFields({ limits: options.limits }) });
  throw new UsageError(`${path}: expected a baseline workbook (.xlsx) or a CSV table (.csv)`);
}

/** The options that add a transaction ledger to a baseline, for `parseArgs`. */
export const LEDGER_OPTIONS = { ledger: { type: 'string' }, mapping: { type: 'string' } } as const;

export const LEDGER_OPTION_HELP = `  --ledger FILE          a transaction-level spend ledger (CSV or XLSX) to cost with the baseline as one inventory;
                         payments dated outside the baseline's reporting year are left out (needs --mapping)
  --mapping FILE         the ledger's codes to spend categories or SIC groups (CSV: "Expense code,Spend category")`;

/**
 * A baseline and, when asked, a spend ledger costed with it: the ledger is read for the baseline's reporting year
 * (payments outside it left out with a warning), and its totals join the baseline's records.
 */
export async function importBaselineWithLedger(path: string, ledger: { ledger?: string | undefined; mapping?: string | undefined }, options: BaselineReadOptions = {}): Promise<ImportResult & { ledgerSummary?: string }> {
  if (ledger.ledger === undefined) {
    if (ledger.mapping !== undefined) throw new UsageError('--mapping goes with --ledger FILE (the transaction ledger it maps)');
    return importBaseline(path, options);
  }
  if (ledger.mapping === undefined) throw new UsageError('--ledger needs --mapping FILE: the ledger\'s codes to spend categories');
  if (!existsSync(resolve(ledger.ledger))) throw new UsageError(`${ledger.ledger}: no such file`);
  const baseline = await importBaseline(path, options);
  const { reportingYear } = baseline.profile;
  const { mapping, problems } = readSpendMappingBytes(readFileSync(resolve(ledger.mapping)), basename(ledger.mapping));
  const result = await aggregateSpendLedger(resolve(ledger.ledger), mapping, {
    file: basename(ledger.ledger),
    ...definedFields({ encoding: options.encoding, reportingYear, priceYear: reportingYear === undefined ? undefined : reportingYearStart(reportingYear) }),
  });
  const combined = withLedger(baseline, { ...result, problems: [...problems, ...result.problems] }, basename(ledger.ledger));
  return { ...combined, ledgerSummary: describeLedger(result) };
}

/** "1,204 ledger lines: 1,180 mapped into 31 totals, …" */
export function describeLedger(ledger: LedgerResult): string {
  const a = ledger.account;
  const skipped = [...a.skipped].map(([r, n]) => `${n} ${r}`).join(', ');
  const largest = ledger.largestSuppliers.slice(0, 5).map((s) => `${s.supplier} ${formatPounds(s.total)}`).join(', ');
  return `${a.lines} ledger lines: ${a.mapped} mapped into ${ledger.totals.length} totals, ${a.unmapped} unmapped (${ledger.unmapped.length} codes, listed below), ${a.rejected} rejected, ${a.credits} credits netted${skipped === '' ? '' : `, skipped ${skipped}`}` +
    (largest === '' ? '' : `; largest suppliers: ${largest}`);
}

export const LIMIT_OPTION_HELP = `  --limit NAME=N         raise or lower an import limit of a baseline (repeatable; a spend ledger read with\n                         --mapping is streamed and not limited): ${Object.keys(DEFAULT_LIMITS).join(', ')}`;

/** `--limit maxRows=500000` options as import limits; a bad one is a usage error. */
export function limitOptions(values: readonly string[] | undefined): Partial<ImportLimits> {
  const limits: Record<string, number> = {};
  for (const text of values ?? []) {
    const match = /^(\w+)=(\d+)$/.exec(text.replace(/_/g, ''));
    if (match === null || !(match[1]! in DEFAULT_LIMITS) || Number(match[2]) < 1) {
      throw new UsageError(`--limit must be NAME=N with NAME one of ${Object.keys(DEFAULT_LIMITS).join(', ')} and N a whole number of at least 1, not '${text}'`);
    }
    limits[match[1]!] = Number(match[2]);
  }
  return limits as Partial<ImportLimits>;
}

/** The options every command that calculates an inventory shares, for `parseArgs`. */
export const CALCULATION_OPTIONS = {
  set: { type: 'string' },
  'factors-dir': { type: 'string' },
  'spend-factors': { type: 'string' },
  'spend-set': { type: 'string' },
  'spend-categories': { type: 'string' },
  'price-index': { type: 'string' },
  'residual-mix': { type: 'string' },
  exclude: { type: 'string' },
} as const;

export const CALCULATION_OPTION_HELP = `  --set ID               factor set (default: the About sheet's, else the reporting year's, e.g. desnz-2023)
  --factors-dir DIR      read factor sets from DIR (written by 'council-ghg factors import') instead of the bundled ones
  --spend-set ID         spend-based factor set (default: the newest bundled, defra-leeds-2023)
  --spend-factors FILE   your own spend factor table (JSON, see docs/spend.md) instead of the bundled set
  --spend-categories F   your own spend categories → SIC groups (CSV, as emission-factors/spend/council-categories.csv)
  --price-index FILE     a price index (CSV: Year,<index name>) to bring spend after the newest column to its prices
  --residual-mix X       UK residual-mix factor, kgCO2e/kWh, for market-based scope 2
  --exclude LIST         leave out well-to-tank and/or transmission-and-distribution lines (comma-separated), to compare
                         with a report that did; included by default, and a choice is stated in the report`;

type CalculationValues = { readonly [K in keyof typeof CALCULATION_OPTIONS]?: string | undefined };

/** Those options as calculation options; a bad one is a usage error naming it. */
export function calculationOptions(values: CalculationValues): CalculationOptions {
  const dir = values['factors-dir'] === undefined ? undefined : resolve(values['factors-dir']);
  if (dir !== undefined && !existsSync(join(dir, MANIFEST_FILE))) throw new UsageError(`--factors-dir ${values['factors-dir']}: no ${MANIFEST_FILE} there (write one with council-ghg factors import FILE --out-dir DIR)`);
  const residualText = values['residual-mix'];
  const residualMix = residualText === undefined ? undefined : parseDecimal(residualText);
  if (residualText !== undefined && (residualMix === undefined || residualMix.isNegative())) {
    throw new UsageError(`--residual-mix must be a non-negative number of kgCO2e per kWh, such as 0.38, not '${residualText}'`);
  }
  const exclude = values.exclude?.split(',').map((e) => e.trim()).filter((e) => e !== '');
  const unknown = exclude?.find((e) => !(BOUNDARY_EXCLUSIONS as readonly string[]).includes(e));
  if (unknown !== undefined) throw new UsageError(`--exclude: '${unknown}' is not one of ${BOUNDARY_EXCLUSIONS.join(', ')}`);
  return definedFields({
    factorSet: values.set,
    exclude: exclude as BoundaryExclusion[] | undefined,
    factorSetsDir: dir,
    spendFactors: values['spend-factors'] === undefined ? undefined : readSpendFactors(values['spend-factors']),
    spendFactorSet: values['spend-set'],
    spendCategories: values['spend-categories'] === undefined ? undefined : readSpendCategories(values['spend-categories']),
    priceIndex: values['price-index'] === undefined ? undefined : readPriceIndex(values['price-index']),
    residualMixKgCO2ePerKWh: residualMix,
  });
}

function readSpendFactors(path: string): SpendFactorTable {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(resolve(path), 'utf8'));
  } catch (error) {
    throw new UsageError(`--spend-factors ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = SpendFactorTableSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`${path} is not a spend factor table: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

function readText(option: string, path: string): string {
  try {
    return readFileSync(resolve(path), 'utf8');
  } catch (error) {
    throw new UsageError(`--${option} ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A council's own category rows, in the bundled table's columns; any bad row is a usage error naming its line. */
function readSpendCategories(path: string): CouncilSpendCategory[] {
  const rows = readCsvText(readText('spend-categories', path), basename(path)).rows;
  const header = rows[0]?.cells.map((c) => c.text.trim().toLowerCase()) ?? [];
  const missing = Object.keys(CouncilSpendCategorySchema.shape).filter((c) => !header.includes(c));
  if (missing.length > 0) throw new UsageError(`--spend-categories ${path}: the header needs ${Object.keys(CouncilSpendCategorySchema.shape).join(', ')} (missing ${missing.join(', ')})`);
  return rows.slice(1).filter((r) => r.cells.some((c) => c.text.trim() !== '')).map((row) => {
    const parsed = CouncilSpendCategorySchema.safeParse(Object.fromEntries(header.map((h, i) => [h, row.cells[i]?.text.trim() ?? ''])));
    if (!parsed.success) throw new UsageError(`--spend-categories ${path} line ${row.line}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return parsed.data;
  });
}

/** "Year,CPIH" then a row per year; the second heading names the index. */
function readPriceIndex(path: string): PriceIndex {
  const rows = readCsvText(readText('price-index', path), basename(path)).rows.filter((r) => r.cells.some((c) => c.text.trim() !== ''));
  const name = rows[0]?.cells[1]?.text.trim() ?? '';
  if (rows.length < 2 || name === '' || !/^year$/i.test(rows[0]?.cells[0]?.text.trim() ?? '')) {
    throw new UsageError(`--price-index ${path}: expected a header "Year,<index name>" and a row per year, e.g. 2023,131.5`);
  }
  const values: Record<string, string> = {};
  for (const row of rows.slice(1)) {
    const year = row.cells[0]?.text.trim() ?? '';
    const value = parseDecimal(row.cells[1]?.text ?? '');
    if (!/^\d{4}$/.test(year) || value === undefined || !value.isPositive() || value.isZero()) {
      throw new UsageError(`--price-index ${path} line ${row.line}: expected a year and a positive index value, not '${row.cells.map((c) => c.text).join(',')}'`);
    }
    values[year] = value.toFixed();
  }
  return { name, values };
}
