import ExcelJS from 'exceljs';
import { cellText } from './cell-text.js';
import type { XlsxInput } from './read-xlsx-rows.js';
import type { CellText, SourceRow, SourceTable } from './table.js';

export type { XlsxInput } from './read-xlsx-rows.js';

export async function loadWorkbook(input: XlsxInput): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  if (typeof input === 'string') await workbook.xlsx.readFile(input);
  else await workbook.xlsx.load(toArrayBuffer(input));
  return workbook;
}

function toArrayBuffer(input: Buffer | ArrayBuffer | Uint8Array): ArrayBuffer {
  if (input instanceof ArrayBuffer) return input;
  return input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength) as ArrayBuffer;
}

/**
 * A worksheet's non-empty rows as cell text, keeping sheet row numbers. At most `maxColumns` cells of a row are
 * read: a stray value in column XFD must not make every row 16,384 cells wide.
 */
export function worksheetTable(sheet: ExcelJS.Worksheet, file: string, maxColumns = Number.POSITIVE_INFINITY): SourceTable {
  const rows: SourceRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = [];
    const width = Math.min(row.cellCount, maxColumns);
    for (let c = 1; c <= width; c++) cells.push(readCell(row.getCell(c), rowNumber));
    let overflow: number | undefined;
    if (row.cellCount > width) {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const text = c > width && overflow === undefined ? cellText(cell.value) : undefined;
        if (text !== undefined && (text.text.trim() !== '' || text.formulaWithoutValue === true)) overflow = c - 1;
      });
    }
    rows.push({ line: rowNumber, cells, ...(overflow !== undefined ? { overflowColumn: overflow } : {}) });
  });
  return { file, sheet: sheet.name, rows };
}

function readCell(cell: ExcelJS.Cell, rowNumber: number): CellText {
  const text = cellText(cell.value);
  if (!cell.isMerged || cell.master === cell || cell.master.address === cell.address) return text;
  return { ...text, merge: Number(cell.master.row) === rowNumber ? 'across' : 'down' };
}
