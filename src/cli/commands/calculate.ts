import { escapeControls } from '../../problem.js';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ActivityRecordInput } from '../../activity/record.js';
import { UnknownFactorSetError } from '../../factors/bundled.js';
import { CSV_ENCODINGS, type CsvEncoding } from '../../import/encoding.js';
import { aggregateSpendLedger, readSpendMappingBytes, type LedgerOptions } from '../../import/ledger.js';
import { readFinancialYear } from '../../import/years.js';
import type { BaselineProfile } from '../../import/profile.js';
import { describeAccounting, UnusableInputError, type ImportProblem } from '../../import/result.js';
import { formatProblem, type Problem } from '../../problem.js';
import { renderCsv } from '../../report/csv.js';
import { renderJson } from '../../report/json.js';
import { renderText } from '../../report/text.js';
import { CALCULATION_OPTION_HELP, CALCULATION_OPTIONS, calculationOptions, describeLedger, importBaselineWithLedger, LEDGER_OPTION_HELP, LEDGER_OPTIONS, limitOptions, LIMIT_OPTION_HELP, type BaselineReadOptions } from '../baseline.js';
import { inventoryFromImport } from '../../inventory/from-import.js';
import { serialisedInventoryParts } from '../../inventory/serialise.js';
import { definedFields } from '../../defined.js';
import { EXIT, outputFormat, UsageError, writeParts, type Command } from '../io.js';

const HELP = `council-ghg calculate FILE [options]

Reads a council baseline (the workbook from 'council-ghg template', or the long CSV table) and prints the
inventory and every problem, each naming its file, sheet and cell or line and column.

  --format F             table, json or csv (default: from the --out extension, else table)
  --table T              with --format csv: summary (default) or lines
  --out FILE             write the report to FILE instead of the terminal (for html or xlsx, use council-ghg report)
${CALCULATION_OPTION_HELP}
  --encoding E           CSV encoding: ${CSV_ENCODINGS.join(', ')} (default: detected)
${LEDGER_OPTION_HELP}
                         Without --ledger, --mapping makes FILE itself the ledger (a spend-only inventory):
  --price-year YYYY      with --mapping, for a ledger without a date column
  --reporting-year Y     with --mapping: the financial year (e.g. 2023/24); payments dated outside it are left
                         out and totalled in a warning, and the inventory is for that year and its factor set
${LIMIT_OPTION_HELP}

Exit codes: 0 clean; 1 done, but problems excluded data; 2 unusable input or options.`;

const FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

interface Loaded {
  readonly profile: BaselineProfile;
  readonly records: ActivityRecordInput[];
  readonly problems: ImportProblem[];
  readonly summary: string;
}

export const calculateCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...CALCULATION_OPTIONS,
      format: { type: 'string' },
      table: { type: 'string' },
      'csv-table': { type: 'string' },
      out: { type: 'string' },
      encoding: { type: 'string' },
      ...LEDGER_OPTIONS,
      'price-year': { type: 'string' },
      'reporting-year': { type: 'string' },
      limit: { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true) {
    io.out(HELP);
    return EXIT.ok;
  }
  const file = positionals[0];
  if (file === undefined) throw new UsageError('calculate needs the FILE of a council baseline (.xlsx or .csv); see council-ghg calculate --help');
  const format = chooseFormat(values.format, values.out);
  // --csv-table is the option's former name, still accepted.
  const csvTable = values.table ?? values['csv-table'] ?? 'summary';
  if (csvTable !== 'summary' && csvTable !== 'lines') throw new UsageError('--table must be summary or lines');
  const encoding = values.encoding?.toLowerCase() as CsvEncoding | undefined;
  if (encoding !== undefined && !CSV_ENCODINGS.includes(encoding)) throw new UsageError(`--encoding must be one of ${CSV_ENCODINGS.join(', ')}`);
  const priceYear = values['price-year'] === undefined ? undefined : Number(values['price-year']);
  if (priceYear !== undefined && !(Number.isInteger(priceYear) && priceYear >= 1990 && priceYear <= 2100)) throw new UsageError(`--price-year must be a year such as 2023`);
  const reportingYear = values['reporting-year'] === undefined ? undefined : readFinancialYear(values['reporting-year']);
  if (values['reporting-year'] !== undefined && reportingYear === undefined) throw new UsageError(`--reporting-year must be a financial year such as 2023/24, not '${values['reporting-year']}'`);
  if (reportingYear !== undefined && (values.mapping === undefined || values.ledger !== undefined)) throw new UsageError('--reporting-year is for a spend ledger on its own (--mapping); a baseline states its year on its About sheet');
  const calculation = calculationOptions(values);
  const limits = limitOptions(values.limit);

  let loaded: Loaded;
  let inventory;
  try {
    const path = resolve(file);
    const progress = new Progress(statSync(path).size);
    try {
      loaded = values.mapping !== undefined && values.ledger === undefined
        ? await loadLedger(path, values.mapping, progress, { ...definedFields({ encoding, priceYear, reportingYear }) })
        : await loadBaseline(path, values, progress, { ...definedFields({ encoding }), limits });
    } finally {
      progress.done();
    }
    inventory = inventoryFromImport(loaded, calculation);
  } catch (error) {
    if (error instanceof UnusableInputError || error instanceof UnknownFactorSetError) {
      io.err(`${error.name}: ${error.message}`);
      return EXIT.unusable;
    }
    throw error;
  }

  // The inventory's JSON goes to a file in parts: for a large baseline it is hundreds of megabytes as one string.
  if (format === 'json' && values.out !== undefined) writeParts(resolve(values.out), serialisedInventoryParts(inventory));
  else {
    const report = format === 'json' ? renderJson(inventory) : format === 'csv' ? renderCsv(inventory, csvTable) : renderText(inventory);
    if (values.out !== undefined) writeFileSync(resolve(values.out), report);
    else io.out(report);
  }

  const problems: readonly Problem[] = inventory.problems;
  io.err(`${basename(file)}: ${loaded.summary}.`);
  for (const p of problems) io.err(formatProblem(p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (problems.length > 0) io.err(`${errors} error(s) excluded data; ${problems.length - errors} warning(s).`);
  if (values.out !== undefined) io.err(`Wrote ${resolve(values.out)}.`);
  return errors > 0 ? EXIT.problems : EXIT.ok;
};

/** The format asked for, else the --out file's extension (.json, .csv; .txt is the table), else the table. */
function chooseFormat(format: string | undefined, out: string | undefined): Format {
  const chosen = outputFormat(FORMATS, format, out, { txt: 'table', json: 'json', csv: 'csv' }, 'table');
  if (chosen !== undefined) return chosen;
  throw new UsageError(
    `calculate writes a table, json or csv, not ${extname(out!) || out}: for html or xlsx, write the inventory with --out inventory.json, then run council-ghg report inventory.json --out ${out}`,
  );
}

async function loadBaseline(path: string, ledger: { ledger?: string | undefined; mapping?: string | undefined }, progress: Progress, options: BaselineReadOptions): Promise<Loaded> {
  if (!/\.(csv|tsv|txt)$/i.test(path)) progress.indeterminate('Reading workbook');
  const result = await importBaselineWithLedger(path, ledger, { ...options, onBytes: (bytes) => progress.update(bytes) });
  return { ...result, summary: describeAccounting(result.accounting) + (result.ledgerSummary === undefined ? '' : `; ${ledger.ledger}: ${result.ledgerSummary}`) };
}

async function loadLedger(path: string, mappingPath: string, progress: Progress, options: Pick<LedgerOptions, 'encoding' | 'priceYear' | 'reportingYear'>): Promise<Loaded> {
  const { mapping, problems: mappingProblems } = readSpendMappingBytes(readFileSync(resolve(mappingPath)), basename(mappingPath));
  const ledger = await aggregateSpendLedger(path, mapping, { ...options, onProgress: (bytes) => progress.update(bytes) });
  return { profile: ledger.profile, records: ledger.records, problems: [...mappingProblems, ...ledger.problems], summary: describeLedger(ledger) };
}

/**
 * A progress bar on stderr, drawn only when stderr is a terminal and only once a file has taken more than a
 * moment, so quick runs and redirected output stay clean.
 */
class Progress {
  private static readonly DELAY_MS = 700;
  private readonly started = Date.now();
  private readonly enabled = process.stderr.isTTY === true;
  private drawn = false;
  private lastDraw = 0;
  private label: string | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly total: number) {}

  update(bytes: number): void {
    const now = Date.now();
    if (!this.enabled || now - this.started < Progress.DELAY_MS || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const fraction = this.total === 0 ? 1 : Math.min(1, bytes / this.total);
    const width = 30;
    const filled = Math.floor(fraction * width);
    this.draw(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(fraction * 100)}%  ${(bytes / 1e6).toFixed(1)} of ${(this.total / 1e6).toFixed(1)} MB`);
  }

  /** For a workbook read whole: a label and elapsed seconds. */
  indeterminate(label: string): void {
    if (!this.enabled) return;
    this.label = label;
    this.timer = setInterval(() => this.draw(`${this.label}… ${Math.floor((Date.now() - this.started) / 1000)} s`), 500);
    this.timer.unref();
  }

  private draw(text: string): void {
    this.drawn = true;
    // The label holds a file name, which may hold terminal controls: only the bar's own are written raw.
    process.stderr.write(`\r${escapeControls(text, '')}\x1b[K`);
  }

  done(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    if (this.drawn) process.stderr.write('\r\x1b[K');
  }
}
