/**
 * The page's worker: imports the dropped files and calculates the inventory with the library, exactly as the CLI
 * does (src/cli/baseline.ts), so a large ledger never freezes the page. Everything happens here, in the browser:
 * the files are never sent anywhere.
 */
import { reportingYearStart } from '../../src/activity/record.js';
import { decodeText } from '../../src/import/encoding.js';
import { importCsv } from '../../src/import/csv.js';
// The ledger's modules themselves, not ledger.ts, which also re-exports the reader of files by path.
import { LedgerAggregator } from '../../src/import/ledger-aggregator.js';
import { readSpendMappingBytes } from '../../src/import/ledger-mapping.js';
import { isWorkbookName, readLedgerWorkbook } from '../../src/import/ledger-workbook.js';
import { importLimits } from '../../src/import/limits.js';
import type { LedgerResult } from '../../src/import/ledger-result.js';
import { UnusableInputError, type ImportResult } from '../../src/import/result.js';
import { importWorkbook } from '../../src/import/workbook.js';
import { withLedger } from '../../src/import/with-ledger.js';
import { submissionFromImport } from '../../src/benchmark/from-import.js';
import { inventoryFromImport } from '../../src/inventory/from-import.js';
import { formatProblem, type Problem } from '../../src/problem.js';
import { renderCsv } from '../../src/report/csv.js';
import { formatTonnes } from '../../src/report/format.js';
import { renderHtml } from '../../src/report/html/page.js';
import { renderJson } from '../../src/report/json.js';
import { renderXlsx } from '../../src/report/xlsx.js';
import { readCsvText } from '../../src/tables/read-csv.js';
import { UnknownFactorSetError } from '../../src/factors/library.js';
import { factorLibrary } from './factors.js';
import type { DroppedFile, RunRequest, ShownProblem, WorkerMessage } from './protocol.js';

const scope = self as unknown as {
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<RunRequest>) => void) | null;
};

const post = (message: WorkerMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
const progress = (text: string, fraction?: number) => post({ type: 'progress', text, ...(fraction === undefined ? {} : { fraction }) });
const shown = (p: Problem): ShownProblem => ({ severity: p.severity, text: formatProblem(p) });
const extension = (name: string) => (/\.[^.]*$/.exec(name.toLowerCase())?.[0] ?? '');

/** A baseline by its kind, as the CLI chooses: .csv, .tsv, .txt a long CSV table; .xlsx and the like a workbook. */
async function importBaseline(file: DroppedFile): Promise<ImportResult> {
  const kind = extension(file.name);
  if (['.csv', '.tsv', '.txt'].includes(kind)) return importCsv(file.bytes, { file: file.name });
  if (['.xlsx', '.xlsm', '.xls', '.ods'].includes(kind)) return importWorkbook(file.bytes, { file: file.name });
  throw new UnusableInputError(file.name, 'expected a baseline workbook (.xlsx) or a CSV table (.csv)');
}

/**
 * The ledger through the library's LedgerAggregator, line by line, as aggregateSpendLedger does with a file (that
 * function takes a path or a Node stream, which a browser lacks): CSV decoded with the same encoding detection and
 * split with the same CSV reader; a workbook's one sheet row by row.
 */
async function aggregateLedger(file: DroppedFile, mapping: ReturnType<typeof readSpendMappingBytes>['mapping'], reportingYear: ImportResult['profile']['reportingYear']): Promise<LedgerResult> {
  const options = { file: file.name, ...(reportingYear === undefined ? {} : { reportingYear, priceYear: reportingYearStart(reportingYear) }) };
  const aggregator = new LedgerAggregator(mapping, file.name, options);
  if (isWorkbookName(file.name)) {
    // The same checks and reader as the command line's, so a merged amount is one amount here too.
    let rows = 0;
    await readLedgerWorkbook(file.bytes, file.name, importLimits(), (row) => {
      aggregator.row(row);
      if (++rows % 5000 === 0) progress(`Reading the spend ledger: row ${rows.toLocaleString('en-GB')}`);
    });
    return aggregator.result();
  }
  const decoded = decodeText(file.bytes, file.name);
  const rows = readCsvText(decoded.text, file.name).rows;
  feed(rows, (row) => aggregator.row(row));
  const result = aggregator.result();
  return { ...result, problems: [...decoded.problems, ...result.problems] };
}

function feed<T>(rows: readonly T[], take: (row: T) => void): void {
  const step = Math.max(1, Math.floor(rows.length / 20));
  rows.forEach((row, i) => {
    take(row);
    if (i % step === 0) progress(`Reading the spend ledger: line ${(i + 1).toLocaleString('en-GB')} of ${rows.length.toLocaleString('en-GB')}`, (i + 1) / rows.length);
  });
}

async function run(request: RunRequest): Promise<void> {
  progress('Reading the baseline');
  let imported = await importBaseline(request.baseline);
  const { reportingYear } = imported.profile;
  let ledgerSummary: string | undefined;
  // The set chosen, else the one the About sheet names, else the reporting year's (as inventoryFromImport chooses);
  // fetched (with the spend-based data) while the ledger is read.
  const start = reportingYear === undefined ? undefined : reportingYearStart(reportingYear);
  const chosen = request.factorSetId ?? imported.profile.factorSetId;
  // An About sheet naming a set the data lacks is a problem in the report (inventoryFromImport), not a stop.
  const factors = factorLibrary(chosen, start).catch((error: unknown) => {
    if (request.factorSetId === undefined && error instanceof UnknownFactorSetError) return factorLibrary(undefined, start);
    throw error;
  });
  if (request.ledger !== undefined) {
    if (request.mapping === undefined) throw new UnusableInputError(request.ledger.name, 'a spend ledger needs its mapping file (your codes to spend categories, e.g. "Expense code,Spend category")');
    progress('Reading the spend mapping');
    const { mapping, problems } = readSpendMappingBytes(request.mapping.bytes, request.mapping.name, (await factors).spendCategories());
    const ledger = await aggregateLedger(request.ledger, mapping, reportingYear);
    imported = withLedger(imported, { ...ledger, problems: [...problems, ...ledger.problems] }, request.ledger.name);
    const a = ledger.account;
    ledgerSummary = `${request.ledger.name}: ${a.lines.toLocaleString('en-GB')} ledger lines: ${a.mapped.toLocaleString('en-GB')} mapped into ${ledger.totals.length} totals, ${a.unmapped} unmapped (${ledger.unmapped.length} codes), ${a.rejected} rejected, ${a.credits} credits netted.`;
  } else if (request.mapping !== undefined) {
    throw new UnusableInputError(request.mapping.name, 'a mapping goes with a spend ledger: add the ledger it maps, or remove the mapping');
  }

  progress(`Loading the emission factors (${chosen ?? `the ${reportingYear ?? 'newest'} set`})`);
  const library = await factors;
  progress('Calculating the inventory');
  // As the command line: the library chooses the reporting year's set, and says when it is not the year's own.
  const reported = inventoryFromImport(imported, { factors: library, ...(request.factorSetId === undefined ? {} : { factorSet: request.factorSetId }) });
  progress('Writing the reports');
  const xlsx = await renderXlsx(reported);
  // The benchmark submission, when the About details say who the council is; else why not, for the officer.
  const submitted = submissionFromImport(imported, reported, { origin: { file: request.baseline.name } });
  post(
    {
      type: 'result',
      council: reported.council?.name ?? '',
      reportingYear: reported.reportingYear ?? '',
      headline: `${formatTonnes(reported.totals.total)} tCO2e`,
      factorSet: { id: reported.factorSet.id, title: reported.factorSet.title },
      ...(ledgerSummary === undefined ? {} : { ledgerSummary }),
      problems: reported.problems.map(shown),
      html: renderHtml(reported),
      csv: renderCsv(reported),
      json: renderJson(reported),
      xlsx,
      ...(submitted.ok
        ? { submission: `${JSON.stringify(submitted.submission, null, 2)}\n` }
        : { submissionNote: submitted.problems.map((p) => p.message).join('; ') }),
    },
    [xlsx.buffer],
  );
}

/** What went wrong, for the officer: a file that cannot be read, or a calculation that stopped. */
function failure(error: unknown): WorkerMessage {
  if (error instanceof UnusableInputError) {
    const problem: Problem = { severity: 'error', code: 'unusable-file', message: error.message.replace(`${error.file}: `, ''), origin: { file: error.file } };
    return { type: 'failed', message: `This file cannot be used: ${error.message}`, problems: [shown(problem)] };
  }
  return { type: 'failed', message: `The calculation stopped: ${error instanceof Error ? error.message : String(error)}`, problems: [] };
}

scope.onmessage = (event) => {
  run(event.data).catch((error: unknown) => post(failure(error)));
};
