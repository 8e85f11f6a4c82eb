import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../src/import/csv.js';
import { DEFAULT_LIMITS } from '../../src/import/limits.js';
import { UnusableInputError } from '../../src/import/result.js';
import { importWorkbook } from '../../src/import/workbook.js';
import { expectAccounted, nonBlankRows, workbookBytes } from '../import/support.js';

const HEADER = 'Category,Source,Quantity,Unit,Notes\n';
const row = (notes = '') => `buildings,natural-gas,5,kWh,${notes}\n`;
const limitProblems = (problems: readonly { code: string; message: string; origin: object; value?: string }[]) =>
  problems.filter((p) => p.code === 'limit-exceeded').map((p) => ({ origin: p.origin, limit: /limits\.\w+/.exec(p.message)?.[0], value: p.value }));

describe('limits: defaults', () => {
  it('are the documented safe values', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxFileBytes: 52_428_800, maxUncompressedBytes: 524_288_000, maxZipEntries: 10_000, maxRows: 200_000, maxColumns: 1_000, maxCellChars: 32_767, maxMergedCells: 20_000 });
  });

  it('refuses a misspelt or meaningless limit instead of ignoring it', async () => {
    await expect(importCsv(HEADER, { limits: { maxRow: 5 } as never })).rejects.toThrow(/unknown import limit 'maxRow'/);
    await expect(importCsv(HEADER, { limits: { maxRows: 0 } })).rejects.toThrow(/at least 1/);
    await expect(importCsv(HEADER, { limits: { maxRows: Number.NaN } })).rejects.toThrow(/at least 1/);
  });
});

describe('limits: CSV', () => {
  it('a cell over maxCellChars rejects its row, naming the cell; the other rows are imported', async () => {
    const text = HEADER + row('short') + row('x'.repeat(101)) + row();
    const result = await importCsv(text, { file: 'c.csv', limits: { maxCellChars: 100 } });
    expect(result.records).toHaveLength(2);
    expect(limitProblems(result.problems)).toEqual([{ origin: { file: 'c.csv', line: 3, column: 'E' }, limit: 'limits.maxCellChars', value: `${'x'.repeat(40)}…` }]);
    expect(result.problems[0]!.message).toMatch(/holds 101 characters, over the limit of 100/);
    expectAccounted(result, 4);
  });

  it('a row using more than maxColumns columns is rejected at its first column beyond the limit', async () => {
    const text = HEADER + row() + `buildings,natural-gas,5,kWh,,,,,x\n` + `buildings,natural-gas,5,kWh,,,,,,\n`;
    const result = await importCsv(text, { file: 'c.csv', limits: { maxColumns: 8 } });
    // Trailing empty cells do not count: only the row with a value in column I (the ninth) is over.
    expect(result.records).toHaveLength(2);
    expect(limitProblems(result.problems)).toEqual([{ origin: { file: 'c.csv', line: 3, column: 'I' }, limit: 'limits.maxColumns', value: undefined }]);
    expectAccounted(result, 4);
  });

  it('rows beyond maxRows are counted and reported once with the line they start at, from text and from a stream', async () => {
    const text = HEADER + Array.from({ length: 9 }, () => row()).join('');
    for (const input of [text, Readable.from([Buffer.from(text)])]) {
      const result = await importCsv(input, { file: 'c.csv', limits: { maxRows: 5 } });
      expect(result.records).toHaveLength(4);
      expect(limitProblems(result.problems)).toEqual([{ origin: { file: 'c.csv', line: 6 }, limit: 'limits.maxRows', value: undefined }]);
      expect(result.problems[0]!.message).toBe('10 non-blank rows, over the limit of 5 (limits.maxRows): the last 5, from line 6 on, were not imported');
    }
  });

  it('text or bytes over maxFileBytes are refused before parsing', async () => {
    const text = HEADER + row();
    await expect(importCsv(text, { file: 'c.csv', limits: { maxFileBytes: 10 } })).rejects.toThrow(new UnusableInputError('c.csv', `the file is ${text.length} bytes, over the limit of 10 (limits.maxFileBytes); pass the file as a stream`));
    await expect(importCsv(Buffer.from(text), { file: 'c.csv', limits: { maxFileBytes: 10 } })).rejects.toThrow(/limits\.maxFileBytes/);
  });

  // Hangs are the test timeout's to catch; the result (cut off, with its problems) is what is checked.
  it('an endless line in a stream is cut off at the longest possible row, never held whole', { timeout: 60_000 }, async () => {
    const limits = { maxColumns: 10, maxCellChars: 100 };
    // 10 MB with no line break: far beyond the 1,030 characters a row within these limits can take.
    const endless = (function* () {
      yield Buffer.from(HEADER + row());
      for (let i = 0; i < 160; i++) yield Buffer.alloc(64 * 1024, 'a');
    })();
    const result = await importCsv(Readable.from(endless), { file: 'c.csv', limits });
    expect(result.records).toHaveLength(1);
    const codes = limitProblems(result.problems);
    expect(codes.map((c) => c.limit)).toEqual(['limits.maxCellChars', 'limits.maxColumns']);
    expect(result.problems.at(-1)!.message).toMatch(/without a line break .*: the file was not read after character \d+/);
  });
});

describe('limits: workbooks', () => {
  it('a long cell, a stray value far to the right and rows beyond maxRows are problems naming the cell', async () => {
    const bytes = await workbookBytes((wb) => {
      const s = wb.addWorksheet('Buildings');
      s.addRow(['Source', 'Quantity', 'Unit', 'Notes']);
      s.addRow(['natural-gas', 1, 'kWh', 'y'.repeat(51)]);
      s.addRow(['natural-gas', 2, 'kWh']);
      s.getCell('XFD3').value = 'stray';
      for (let i = 0; i < 5; i++) s.addRow(['natural-gas', 3, 'kWh']);
    });
    const result = await importWorkbook(bytes, { file: 'w.xlsx', limits: { maxCellChars: 50, maxRows: 5 } });
    expect(limitProblems(result.problems)).toEqual([
      { origin: { file: 'w.xlsx', sheet: 'Buildings', line: 2, cell: 'D2' }, limit: 'limits.maxCellChars', value: `${'y'.repeat(40)}…` },
      { origin: { file: 'w.xlsx', sheet: 'Buildings', line: 3, cell: 'XFD3' }, limit: 'limits.maxColumns', value: undefined },
      { origin: { file: 'w.xlsx', sheet: 'Buildings', line: 6 }, limit: 'limits.maxRows', value: undefined },
    ]);
    expect(result.records.map((r) => r.origin?.cell)).toEqual(['B4', 'B5']);
    // Rows 6 to 8, beyond maxRows, are reported by the one limit problem rather than row by row.
    expectAccounted(result, (await nonBlankRows(bytes)) - 3);
  });

  it('workbook bytes over maxFileBytes are refused', async () => {
    const bytes = await workbookBytes((wb) => wb.addWorksheet('Buildings').addRow(['Source', 'Quantity', 'Unit']));
    await expect(importWorkbook(bytes, { file: 'w.xlsx', limits: { maxFileBytes: 100 } })).rejects.toThrow(/bytes, over the limit of 100 \(limits\.maxFileBytes\)/);
  });
});

describe('numbers too large to write out', () => {
  it('a quantity of 1e99999999 is an invalid number, not a hundred-million-digit string', async () => {
    const result = await importCsv(`${HEADER}buildings,natural-gas,1e99999999,kWh,\nbuildings,natural-gas,1e-99999999,kWh,\n`, { file: 'c.csv' });
    expect(result.problems.map((p) => [p.code, p.origin.line, p.value, p.message])).toEqual([
      ['invalid-number', 2, '1e99999999', "Quantity: '1e99999999' is too large to be a real figure (beyond 10^±100)"],
      ['invalid-number', 3, '1e-99999999', "Quantity: '1e-99999999' is too small to be a real figure (beyond 10^±100)"],
    ]);
  });
});
