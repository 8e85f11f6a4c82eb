import ExcelJS from 'exceljs';
import { cellText } from './cell-text.js';
import type { CellText, SourceRow, SourceTable } from './table.js';

export type XlsxInput = string | Buffer | ArrayBuffer | Uint8Array;

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

/** A worksheet's non-empty rows as cell text, keeping sheet row numbers. */
export function worksheetTable(sheet: ExcelJS.Worksheet, file: string): SourceTable {
  const rows: SourceRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(readCell(row.getCell(c), rowNumber));
    rows.push({ line: rowNumber, cells });
  });
  return { file, sheet: sheet.name, rows };
}

function readCell(cell: ExcelJS.Cell, rowNumber: number): CellText {
  const text = cellText(cell.value);
  if (!cell.isMerged || cell.master === cell || cell.master.address === cell.address) return text;
  return { ...text, merge: Number(cell.master.row) === rowNumber ? 'across' : 'down' };
}
