import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { WorkbookDamage, XlsxRowReader, type WorkbookSheet, type XlsxInput } from '../tables/read-xlsx-rows.js';
import { columnLetters, isBlankRow, type SourceRow } from '../tables/table.js';
import { ImportCollector } from './collect.js';
import { groupOfSheet } from './groups.js';
import { checkInflated } from './inflate-check.js';
import { checkFileSize, checkZip, importLimits, RowLimiter, type ImportLimits } from './limits.js';
import { UnusableInputError, type ImportResult } from './result.js';
import { TableImporter } from './table-importer.js';
import { damagedWorkbook } from './workbook-damage.js';
import { isTemplateSummary, LISTS_REASON, LISTS_SHEET, readDisplayedTotal, SUMMARY_REASON } from './displayed-totals.js';

/** Options of `importWorkbook`: the name problems give the file, and any limits other than `DEFAULT_LIMITS`. */
export interface WorkbookImportOptions {
  /** The name problems give the file (default: the basename of a path, else "workbook.xlsx"). */
  readonly file?: string;
  readonly limits?: Partial<ImportLimits>;
}

/** Sheet names read as the About (scope) sheet. */
const ABOUT_SHEETS = ['about', 'profile', 'scope', 'council', 'about the council'];

/**
 * Imports a council baseline workbook: the About sheet gives the profile, every other sheet with a recognisable
 * header gives activity records (its name choosing the default category: "Buildings", "Fleet", ...).
 * A sheet without a header is reported and its rows accounted as skipped; a file that is no workbook, or has no
 * sheet with a header, is an `UnusableInputError`. Hidden sheets are imported like visible ones, with a warning
 * naming them: data someone hid is still the council's data, and dropping it would be silent.
 * @example
 * const imported = await importWorkbook('baseline.xlsx'); // or its bytes: importWorkbook(bytes, { file: 'baseline.xlsx' })
 * console.log(describeAccounting(imported.accounting));
 * const inventory = inventoryFromImport(imported);
 * for (const problem of inventory.problems) console.log(formatProblem(problem));
 */
export async function importWorkbook(input: XlsxInput, options: WorkbookImportOptions = {}): Promise<ImportResult> {
  const file = options.file ?? (typeof input === 'string' ? basename(input) : 'workbook.xlsx');
  const limits = importLimits(options.limits);
  const tooBig = 'large ledgers are read as a stream with the spend-ledger importer';
  if (typeof input === 'string') checkFileSize(statSync(input).size, file, limits, tooBig);
  const bytes = typeof input === 'string' ? readFileSync(input) : input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  checkFileSize(bytes.byteLength, file, limits, tooBig);
  const parts = checkZip(bytes, file, limits);
  const merges = await checkInflated(bytes, parts, file, limits);
  const unreadable = (error: unknown) => (error instanceof WorkbookDamage ? damagedWorkbook(file, error) : error);
  const reader = await XlsxRowReader.open(bytes, parts).catch((error: unknown) => Promise.reject(unreadable(error)));
  const collector = new ImportCollector();
  const sheets = [...reader.sheets].sort((a, b) => Number(isAbout(b)) - Number(isAbout(a)));
  let tables = 0;
  for (const sheet of sheets) {
    const rowOrigin = (line: number) => ({ file, sheet: sheet.name, line });
    const cellOrigin = (line: number) => (i: number) => ({ file, sheet: sheet.name, cell: `${columnLetters(i)}${line}`, line });
    const limiter = new RowLimiter(limits, { row: rowOrigin, cell: (line, i) => cellOrigin(line)(i) }, collector);
    const skip = (reason: string) => (r: SourceRow) => collector.account({ origin: rowOrigin(r.line), outcome: 'skipped', records: 0, problems: 0, reason });
    const read = (handle: (r: SourceRow) => void) => reader.readSheet(sheet, (r) => {
      if (!isBlankRow(r) && limiter.admit(r)) handle(r);
    }, { maxColumns: limits.maxColumns, merges: merges.get(sheet.part) ?? [] }).catch((error: unknown) => Promise.reject(unreadable(error))).then(() => limiter.finish({ file, sheet: sheet.name }));
    if (isAbout(sheet)) {
      await read((r) => collector.account(collector.aboutRow(r, rowOrigin(r.line), cellOrigin(r.line), 'title, heading or instructions')));
      tables++;
      continue;
    }
    // The template's hidden Lists sheet is skipped; a visible sheet of that name may be someone's data.
    if (sheet.name === LISTS_SHEET && sheet.state !== 'visible') {
      await read(skip(LISTS_REASON));
      continue;
    }
    const group = groupOfSheet(sheet.name);
    const importer = new TableImporter({ file, sheet: sheet.name, ...(group !== undefined ? { group } : {}), reportingYear: () => collector.profile.reportingYear }, collector, (r) => ({
      origin: rowOrigin(r.line), outcome: 'skipped', records: 0, problems: 0, reason: 'title or instructions above the header',
    }));
    await read((r) => importer.row(r));
    const unread = importer.end();
    if (importer.headerFound) {
      tables++;
      if (sheet.state !== 'visible') {
        collector.problem({ severity: 'warning', code: 'hidden-sheet', message: `The sheet is hidden in Excel; its rows were imported like any other sheet's: delete the sheet if they are not part of the baseline`, origin: { file, sheet: sheet.name } });
      }
      continue;
    }
    // A sheet without a header that has the template's preview total row is the template's Summary: its rows are
    // skipped and the total kept, to compare with the exact one. A council's own table of that name is imported.
    if (isTemplateSummary(unread)) {
      const displayed = readDisplayedTotal(unread, sheet.name);
      if (displayed !== undefined) collector.displayedTotal = { ...displayed, file };
      unread.forEach(skip(SUMMARY_REASON));
      continue;
    }
    if (unread.length > 0) {
      // A sheet named for a category holds activity data: dropping it would lose part of the inventory, so it is
      // an error. Any other sheet (a read-me, a chart's data) is listed as skipped with a warning.
      collector.problem(group !== undefined
        ? { severity: 'error', code: 'no-header', message: `No recognisable header (columns such as Source, Quantity, Unit) on a sheet named for ${group.sheet}: none of its ${unread.length} rows were imported; give its table a header row`, origin: { file, sheet: sheet.name } }
        : { severity: 'warning', code: 'no-header', message: 'No recognisable header (columns such as Source, Quantity, Unit): the sheet was not imported', origin: { file, sheet: sheet.name } });
    }
    unread.forEach(skip('sheet without a recognisable header'));
  }
  if (tables === 0) throw new UnusableInputError(file, 'no About sheet and no sheet with a recognisable header (columns such as Source, Quantity, Unit)');
  return collector.result(file);
}

function isAbout(sheet: WorkbookSheet): boolean {
  return ABOUT_SHEETS.includes(sheet.name.trim().toLowerCase());
}
