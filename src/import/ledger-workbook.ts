import { WorkbookDamage, XlsxRowReader } from '../tables/read-xlsx-rows.js';
import type { SourceRow } from '../tables/table.js';
import { checkInflated } from './inflate-check.js';
import { checkFileSize, checkZip, type ImportLimits } from './limits.js';
import { UnusableInputError } from './result.js';
import { damagedWorkbook } from './workbook-damage.js';

/** Why a ledger workbook over the size limit is refused, and what to do instead. */
export const LEDGER_WORKBOOK_TOO_BIG = 'save the ledger as CSV, which is read as a stream whatever its size';

/** A ledger given as a workbook rather than CSV. */
export const isWorkbookName = (name: string) => /\.xls[xm]$/i.test(name);

/**
 * Reads a one-sheet ledger workbook's bytes row by row into `onRow`, once the checks every workbook gets have
 * passed (file size, zip directory, inflated size and merged cells), so a zip bomb or a file that is no workbook
 * is refused before any row is read: in Node from a path (ledger-stream.ts) and in the browser page from a
 * dropped file alike. Damage becomes an `UnusableInputError` naming it; what `onRow` throws passes through as it
 * is. Merged cells are not filled in: an amount merged over several lines is one amount.
 */
export async function readLedgerWorkbook(bytes: Uint8Array, file: string, limits: ImportLimits, onRow: (row: SourceRow) => void): Promise<void> {
  checkFileSize(bytes.byteLength, file, limits, LEDGER_WORKBOOK_TOO_BIG);
  const parts = checkZip(bytes, file, limits);
  await checkInflated(bytes, parts, file, limits);
  const damaged = (error: unknown) => Promise.reject(error instanceof WorkbookDamage ? damagedWorkbook(file, error) : error);
  const reader = await XlsxRowReader.open(bytes, parts).catch(damaged);
  const [sheet, ...more] = reader.sheets;
  if (sheet === undefined || more.length > 0) throw new UnusableInputError(file, 'a ledger workbook must have one sheet');
  await reader.readSheet(sheet, onRow).catch(damaged);
}
