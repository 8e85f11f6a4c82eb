import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellText } from './cell-text.js';
import type { CellText, SourceRow } from './table.js';

export interface WorksheetStreamOptions {
  /** Called once per worksheet before its rows. */
  readonly onSheet?: (name: string) => void;
  readonly onRow: (sheet: string, row: SourceRow) => void;
}

/**
 * Reads a workbook row by row with exceljs's streaming reader, so a ledger of hundreds of thousands of rows is
 * never held whole. Merged ranges are not known to the streaming reader: use `loadWorkbook` for small, shaped
 * workbooks such as the council baseline template. The streaming reader also drops a formula's cached error
 * (#DIV/0!): such a cell reads as a formula without a value, so it is still refused, never taken as a number.
 */
export async function streamWorksheetRows(input: string | Readable, options: WorksheetStreamOptions): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles are needed to tell a date from a number (the number format says which).
    styles: 'cache',
    entries: 'emit',
  });
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name: string }).name;
    options.onSheet?.(name);
    for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
      const cells: CellText[] = [];
      const values = row.values as ExcelJS.CellValue[];
      // row.values is 1-based (index 0 unused).
      for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
      options.onRow(name, { line: row.number, cells });
    }
  }
}
