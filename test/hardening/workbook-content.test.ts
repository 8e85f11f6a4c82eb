import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { UnusableInputError } from '../../src/import/result.js';
import { importWorkbook } from '../../src/import/workbook.js';
import { comparable, expectAccounted, nonBlankRows, workbookBytes } from '../import/support.js';

const summary = (problems: readonly { code: string; origin: { sheet?: string; cell?: string }; value?: string }[]) =>
  problems.map((p) => `${p.code} ${p.origin.sheet}!${p.origin.cell ?? ''}${p.value !== undefined ? ` ${p.value}` : ''}`);

/** Rewrites one part of a workbook's zip, as another program (or damage) would have written it. */
async function editPart(bytes: Uint8Array, part: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(part, edit(await zip.file(part)!.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const buildings = () =>
  workbookBytes((wb) => {
    const s = wb.addWorksheet('Buildings');
    s.addRow(['Site', 'Source', 'Quantity', 'Unit']);
    s.addRow(['Hall', 'natural-gas', 100, 'kWh']);
    s.addRow(['Depot', 'electricity', 200, 'kWh']);
  });

/**
 * The start of an encrypted Office file: a compound-file header and a directory sector naming the streams
 * every password-protected .xlsx holds (EncryptionInfo, EncryptedPackage). Enough for the check, which must
 * refuse such a file before any parser sees it.
 */
function encryptedWorkbookHead(): Uint8Array {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  const directory = Buffer.alloc(512);
  ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'].forEach((name, i) => {
    directory.write(name, i * 128, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, i * 128 + 64);
  });
  return Buffer.concat([header, directory]);
}

describe('refused workbooks', () => {
  it('a password-protected workbook is refused with how to remove the password', async () => {
    const refusal = importWorkbook(encryptedWorkbookHead(), { file: 'locked.xlsx' });
    await expect(refusal).rejects.toBeInstanceOf(UnusableInputError);
    await expect(refusal).rejects.toThrow(/locked.xlsx: a password-protected \(encrypted\) workbook: open it in Excel, remove the password/);
  });

  it('a truncated workbook is refused, at every length', async () => {
    const bytes = await buildings();
    for (const length of [0, 3, 100, bytes.length / 2, bytes.length - 10]) {
      await expect(importWorkbook(bytes.subarray(0, Math.floor(length)), { file: 'cut.xlsx' })).rejects.toBeInstanceOf(UnusableInputError);
    }
  });

  it('a workbook whose sheet data is damaged is refused as damaged', async () => {
    const bytes = await editPart(await buildings(), 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<sheetData>', '<sheetData><row r="1"><c r="A1" t="s"><v>'));
    await expect(importWorkbook(bytes, { file: 'bad.xlsx' })).rejects.toThrow(/bad.xlsx: a damaged .xlsx workbook that cannot be read/);
  });
});

describe('odd but valid workbook content', () => {
  it('hidden sheets are imported, with a warning naming each', async () => {
    const bytes = await workbookBytes((wb) => {
      const visible = wb.addWorksheet('Buildings');
      visible.addRow(['Source', 'Quantity', 'Unit']);
      visible.addRow(['natural-gas', 100, 'kWh']);
      const hidden = wb.addWorksheet('Fleet', { state: 'hidden' });
      hidden.addRow(['Source', 'Quantity', 'Unit']);
      hidden.addRow(['diesel', 50, 'litres']);
      const veryHidden = wb.addWorksheet('Old fleet', { state: 'veryHidden' });
      veryHidden.addRow(['Source', 'Quantity', 'Unit', 'Category']);
      veryHidden.addRow(['petrol', 7, 'litres', 'fleet']);
    });
    const result = await importWorkbook(bytes, { file: 'h.xlsx' });
    expect(result.records.map((r) => [r.origin?.sheet, r.source])).toEqual([['Buildings', 'natural-gas'], ['Fleet', 'diesel'], ['Old fleet', 'petrol']]);
    expect(summary(result.problems)).toEqual(['hidden-sheet Fleet!', 'hidden-sheet Old fleet!']);
    expect(result.problems[0]!.severity).toBe('warning');
    expectAccounted(result, await nonBlankRows(bytes));
  });

  it('error cells (#DIV/0!, #REF!, #N/A, #VALUE!) are problems with the error, never numbers', async () => {
    const bytes = await workbookBytes((wb) => {
      const s = wb.addWorksheet('Buildings');
      s.addRow(['Source', 'Quantity', 'Unit']);
      s.addRow(['natural-gas', { error: '#REF!' }, 'kWh']);
      s.addRow(['natural-gas', { formula: 'VLOOKUP(A9,Z:Z,2,0)', result: { error: '#N/A' } }, 'kWh']);
      s.addRow([{ error: '#VALUE!' }, 5, 'kWh']);
      s.addRow(['natural-gas', { formula: '1/0', result: { error: '#DIV/0!' } }, 'kWh']);
      s.addRow(['natural-gas', 9, 'kWh']);
    });
    const result = await importWorkbook(bytes, { file: 'e.xlsx' });
    expect(summary(result.problems)).toEqual(['error-cell Buildings!B2 #REF!', 'error-cell Buildings!B3 #N/A', 'error-cell Buildings!A4 #VALUE!', 'error-cell Buildings!B5 #DIV/0!']);
    expect(result.records.map((r) => r.origin?.cell)).toEqual(['B6']);
    expectAccounted(result, await nonBlankRows(bytes));
  });

  it('shared formulas give their cached results; a shared formula without one is a problem', async () => {
    const bytes = await workbookBytes((wb) => {
      const s = wb.addWorksheet('Buildings');
      s.addRow(['Source', 'Quantity', 'Unit', 'Notes']);
      s.addRow(['natural-gas', { formula: 'D2*10', shareType: 'shared', ref: 'B2:B4', result: 110 } as never, 'kWh', 11]);
      s.addRow(['natural-gas', { sharedFormula: 'B2', result: 120 }, 'kWh', 12]);
      s.addRow(['natural-gas', { sharedFormula: 'B2' } as never, 'kWh', 13]);
    });
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/<f t="shared" ref="B2:B4" si="0">/);
    const result = await importWorkbook(bytes, { file: 's.xlsx' });
    expect(result.records.map((r) => [r.origin?.cell, comparable(r).quantity])).toEqual([['B2', '110'], ['B3', '120']]);
    expect(summary(result.problems)).toEqual(['formula-without-value Buildings!B4']);
    expectAccounted(result, await nonBlankRows(bytes));
  });

  it('rich text cells read as their plain text', async () => {
    const bytes = await workbookBytes((wb) => {
      const s = wb.addWorksheet('Buildings');
      s.addRow([{ richText: [{ text: 'Sou', font: { bold: true } }, { text: 'rce' }] }, 'Quantity', 'Unit']);
      s.addRow([{ richText: [{ text: 'Natural ', font: { italic: true } }, { text: 'gas' }] }, { richText: [{ text: '1,2' }, { text: '00', font: { bold: true } }] }, 'kWh']);
    });
    const result = await importWorkbook(bytes, { file: 'r.xlsx' });
    expect(result.problems).toEqual([]);
    expect(result.records.map(comparable)).toEqual([{ category: 'buildings', source: 'natural-gas', quantity: '1200', unit: 'kWh' }]);
  });

  it('dates stored as serial numbers in a date column are dates, with or without a time of day', async () => {
    const bytes = await workbookBytes((wb) => {
      const about = wb.addWorksheet('About');
      about.addRow(['Reporting year', '2023/24']);
      const s = wb.addWorksheet('Fleet');
      s.addRow(['Source', 'Quantity', 'Unit', 'Date']);
      s.addRow(['diesel', 10, 'litres', 45047]); // 2023-05-01
      s.addRow(['diesel', 11, 'litres', 45047.75]); // 2023-05-01 18:00
      s.addRow(['diesel', 12, 'litres', 45413]); // 2024-05-01, outside 2023/24
    });
    const result = await importWorkbook(bytes, { file: 'd.xlsx' });
    expect(result.records.map((r) => r.origin?.cell)).toEqual(['B2', 'B3']);
    expect(summary(result.problems)).toEqual(['outside-reporting-year Fleet!D4 45413']);
  });

  it('a date cell whose number is beyond any date is an error cell, not a crash', async () => {
    const dated = await workbookBytes((wb) => {
      const s = wb.addWorksheet('Fleet');
      s.addRow(['Source', 'Quantity', 'Unit', 'Date']);
      s.addRow(['diesel', 10, 'litres', new Date(Date.UTC(2023, 5, 1))]);
    });
    const bytes = await editPart(dated, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<v>45078</v>', '<v>1e999</v>'));
    const result = await importWorkbook(bytes, { file: 'd.xlsx' });
    expect(summary(result.problems)).toEqual(['error-cell Fleet!D2 #NUM!']);
    expect(result.records).toEqual([]);
  });

  it('numbers stored as text are read exactly; text that is no number is a problem with the value', async () => {
    const bytes = await workbookBytes((wb) => {
      const s = wb.addWorksheet('Buildings');
      s.addRow(['Source', 'Quantity', 'Unit']);
      for (const q of ['1234.5', ' 1,234.50 ', '£12,000', '0.1', '1.2E3', '(5)', '1 200', 'NaN', 'Infinity', '-Infinity', '0x1F']) s.addRow(['natural-gas', q, 'kWh']);
    });
    const result = await importWorkbook(bytes, { file: 'n.xlsx' });
    expect(result.records.map((r) => comparable(r).quantity)).toEqual(['1234.5', '1234.5', '12000', '0.1', '1200']);
    expect(summary(result.problems)).toEqual([
      'negative-quantity Buildings!B7 (5)',
      'invalid-number Buildings!B8 1 200',
      'invalid-number Buildings!B9 NaN',
      'invalid-number Buildings!B10 Infinity',
      'invalid-number Buildings!B11 -Infinity',
      'invalid-number Buildings!B12 0x1F',
    ]);
    expectAccounted(result, await nonBlankRows(bytes));
  });

  // A hang is caught by the test's own timeout, not by a wall-clock bound that a busy machine could break.
  it('thousands of empty but styled rows are read and need no account', { timeout: 60_000 }, async () => {
    const bytes = await workbookBytes((wb) => {
      const s = wb.addWorksheet('Buildings');
      s.addRow(['Source', 'Quantity', 'Unit']);
      s.addRow(['natural-gas', 5, 'kWh']);
      for (let r = 3; r < 20_003; r++) {
        const c = s.getCell(`B${r}`);
        c.numFmt = '#,##0';
        c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      }
    });
    const result = await importWorkbook(bytes, { file: 'styled.xlsx' });
    expect(result.records).toHaveLength(1);
    expect(result.accounting).toHaveLength(2);
  });

  it('a sheet claiming the whole grid as its dimension, with three cells, is read without expanding it', { timeout: 60_000 }, async () => {
    const bytes = await editPart(await buildings(), 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'));
    expect(await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string')).toMatch('A1:XFD1048576');
    const result = await importWorkbook(bytes, { file: 'dim.xlsx' });
    expect(result.records).toHaveLength(2);
    expectAccounted(result, 3);
  });
});
