import type { WorkbookDamage } from '../tables/read-xlsx-rows.js';
import { UnusableInputError } from './result.js';

/** A workbook the reader found damaged, with what it found and what to do. */
export function damagedWorkbook(file: string, damage: WorkbookDamage): UnusableInputError {
  return new UnusableInputError(file, `a damaged .xlsx workbook that cannot be read (${damage.message}); open it in Excel or LibreOffice, repair it and save it again`);
}
