import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../src/tables/read-csv.js';
import { streamCsvRows } from '../../src/tables/read-csv-stream.js';
import { loadWorkbook, worksheetTable } from '../../src/tables/read-xlsx.js';
import { XlsxRowReader } from '../../src/tables/read-xlsx-rows.js';
import { checkInflated } from '../../src/import/inflate-check.js';
import { checkZip, importLimits } from '../../src/import/limits.js';
import type { SourceRow } from '../../src/tables/table.js';

const CSV = 'a;b;c\r\n1;"multi\r\nline";3\r\n\r\n4;5;"x""y"\r\n"a\nb\nc";;\r\n7;8;9';

describe('streamCsvRows', () => {
  it('gives the rows and line numbers readCsvText gives, however the text is chunked', async () => {
    const whole = readCsvText(CSV, 'f.csv').rows;
    expect(whole.map((r) => r.line)).toEqual([1, 2, 5, 6, 9]);
    for (const size of [1, 3, 7, 1000]) {
      const rows: SourceRow[] = [];
      const chunks = Array.from({ length: Math.ceil(CSV.length / size) }, (_, i) => CSV.slice(i * size, (i + 1) * size));
      await streamCsvRows(Readable.from(chunks), { onRows: (r) => rows.push(...r) });
      expect(rows, `chunks of ${size}`).toEqual(whole);
    }
  });
});

/** Every row of the sheet as the streaming workbook reader gives it, merged ranges filled. */
async function readRows(bytes: Uint8Array, sheetName: string): Promise<SourceRow[]> {
  const parts = checkZip(bytes, 'w.xlsx', importLimits());
  const merges = await checkInflated(bytes, parts, 'w.xlsx', importLimits());
  const reader = await XlsxRowReader.open(bytes, parts);
  const sheet = reader.sheets.find((s) => s.name === sheetName)!;
  const rows: SourceRow[] = [];
  await reader.readSheet(sheet, (r) => rows.push(r), { merges: merges.get(sheet.part) ?? [] });
  return rows;
}

describe('the streaming workbook reader against exceljs', () => {
  it('gives the rows loadWorkbook gives: numbers, dates, formulas with and without results, error cells', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Data');
    s.addRow(['Site', 'Quantity', 'Date']);
    s.addRow(['A', 0.1 + 0.2, new Date(Date.UTC(2023, 3, 1))]);
    s.addRow(['B', { formula: '1/0', result: { error: '#DIV/0!' } }, { formula: 'TODAY()' }]);
    s.addRow([]);
    s.addRow(['C', { formula: 'B2*2', result: 1234.5 }, 'text']);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const loaded = worksheetTable((await loadWorkbook(bytes)).getWorksheet('Data')!, 'w.xlsx').rows;
    const streamed = await readRows(bytes, 'Data');
    expect(streamed[1]!.cells[1]).toEqual({ text: '0.3' });
    // A formula's cached error is kept (exceljs's own streaming reader dropped it), and one never calculated says so.
    expect(streamed[2]!.cells.slice(1)).toEqual([{ text: '#DIV/0!', error: true }, { text: '', formulaWithoutValue: true }]);
    expect(streamed).toEqual(loaded);
  });

  it('marks merged cells as both readers do', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('M');
    s.addRow(['Title across', null, null]);
    s.mergeCells('A1:C1');
    s.addRow(['Site', 'x', 'y']);
    s.addRow([null, 'z', 'w']);
    s.mergeCells('A2:A3');
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const rows = worksheetTable((await loadWorkbook(bytes)).getWorksheet('M')!, 'm.xlsx').rows;
    expect(rows.map((r) => r.cells.map((c) => c.merge ?? '-'))).toEqual([
      ['-', 'across', 'across'],
      ['-', '-', '-'],
      ['down', '-', '-'],
    ]);
    expect(rows[2]!.cells[0]!.text).toBe('Site');
    expect(await readRows(bytes, 'M')).toEqual(rows);
  });
});
