import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkInflated } from '../../src/import/inflate-check.js';
import { checkZip, importLimits } from '../../src/import/limits.js';
import { loadWorkbook, worksheetTable } from '../../src/tables/read-xlsx.js';
import { WorkbookDamage, XlsxRowReader } from '../../src/tables/read-xlsx-rows.js';
import { isBlankRow, type SourceRow } from '../../src/tables/table.js';
import { workbookBytes } from '../import/support.js';

/** Every sheet's non-blank rows as this project's streaming reader gives them, by sheet name. */
async function streamed(bytes: Uint8Array, maxColumns?: number): Promise<Record<string, SourceRow[]>> {
  const parts = checkZip(bytes, 'w.xlsx', importLimits());
  const merges = await checkInflated(bytes, parts, 'w.xlsx', importLimits());
  const reader = await XlsxRowReader.open(bytes, parts);
  const out: Record<string, SourceRow[]> = {};
  for (const sheet of reader.sheets) {
    const rows: SourceRow[] = (out[sheet.name] = []);
    await reader.readSheet(sheet, (r) => isBlankRow(r) || rows.push(r), { merges: merges.get(sheet.part) ?? [], ...(maxColumns !== undefined ? { maxColumns } : {}) });
  }
  return out;
}

/** The same, as exceljs's whole-workbook reader gives them: an independent implementation of the format. */
async function loaded(bytes: Uint8Array, maxColumns?: number): Promise<Record<string, SourceRow[]>> {
  const workbook = await loadWorkbook(bytes);
  return Object.fromEntries(workbook.worksheets.map((s) => [s.name, worksheetTable(s, 'w.xlsx', maxColumns).rows.filter((r) => !isBlankRow(r))]));
}

/** A trailing run of empty cells means nothing; exceljs keeps those its row model had. */
function trimmed(book: Record<string, SourceRow[]>): Record<string, SourceRow[]> {
  const trim = (r: SourceRow): SourceRow => {
    const cells = [...r.cells];
    while (cells.length > 0 && cells.at(-1)!.text === '' && cells.at(-1)!.merge === undefined && cells.at(-1)!.formulaWithoutValue === undefined && cells.at(-1)!.error === undefined) cells.pop();
    return { ...r, cells };
  };
  return Object.fromEntries(Object.entries(book).map(([name, rows]) => [name, rows.map(trim)]));
}

const text = fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'Z', ' ', '&', '<', '>', '"', "'", '£', 'é', '漢', '\u00a0', '_x000D_', '\n', '1', ',', '.', '%') });
const value: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e6, max: 1e9 }),
  fc.constantFrom<ExcelJS.CellValue>(null, true, false, { error: '#REF!' } as ExcelJS.CellValue, { error: '#N/A' } as ExcelJS.CellValue, { formula: 'A1' } as ExcelJS.CellValue, { formula: 'B2*3', result: -7 }, { formula: 'Z9', result: { error: '#VALUE!' } } as ExcelJS.CellValue, { formula: 'A1', result: 'text result' } as ExcelJS.CellValue),
  fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
  text.filter((t) => t !== '').map((t) => ({ richText: [{ text: t }, { text: 'b', font: { bold: true } }] })),
);

const sheetArbitrary = fc.record({
  rows: fc.array(fc.record({ at: fc.integer({ min: 1, max: 40 }), cells: fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), value), { maxLength: 6 }) }), { minLength: 1, maxLength: 12 }),
  merges: fc.array(fc.record({ top: fc.integer({ min: 1, max: 40 }), left: fc.integer({ min: 1, max: 12 }), height: fc.integer({ min: 1, max: 4 }), width: fc.integer({ min: 1, max: 3 }) }), { maxLength: 3 }),
  state: fc.constantFrom<'visible' | 'hidden'>('visible', 'hidden'),
  dateFormat: fc.constantFrom('dd/mm/yyyy', 'yyyy-mm-dd hh:mm', 'mmm-yy'),
});

describe('the streaming workbook reader', () => {
  it('gives the rows exceljs reads from the same workbook, for any values, merges, sheets and states', async () => {
    let merged = 0;
    let cells = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(sheetArbitrary, { minLength: 1, maxLength: 3 }), async (sheets) => {
        const bytes = await workbookBytes((wb) => {
          sheets.forEach((shape, i) => {
            const s = wb.addWorksheet(`Sheet ${i} & <${i}>`, { state: shape.state });
            for (const row of shape.rows) for (const [column, v] of row.cells) {
              s.getCell(row.at, column).value = v;
              cells++;
            }
            // Dates carry a date format (exceljs would read any number in that cell as a date, a text as #NUM!).
            s.eachRow((r) => r.eachCell((c) => {
              if (c.value instanceof Date) c.numFmt = shape.dateFormat;
            }));
            // Overlapping merges are refused by exceljs; keep those it accepts.
            for (const m of shape.merges) {
              try {
                s.mergeCells(m.top, m.left, m.top + m.height - 1, m.left + m.width - 1);
                merged++;
              } catch {
                /* overlaps an earlier merge */
              }
            }
          });
        });
        expect(trimmed(await streamed(bytes))).toEqual(trimmed(await loaded(bytes)));
      }),
      { numRuns: 120, seed: 11 },
    );
    // The property reached what it claims: many cells and merges compared, not empty sheets.
    expect(cells).toBeGreaterThan(2000);
    expect(merged).toBeGreaterThan(100);
  });

  it('reads the committed example workbook as exceljs does, but a formula that gave "" as the empty cell it shows', async () => {
    const bytes = readFileSync('examples/example-council-baseline.xlsx');
    // exceljs reads <v></v> as no result at all, so it takes the template's previews on rows not yet filled in
    // for formulas never calculated; as it cannot tell the two apart, both are compared as shown: empty.
    const asShown = (book: Record<string, SourceRow[]>) => Object.fromEntries(Object.entries(trimmed(book)).map(([name, rows]) => [name, rows
      .map((r) => ({ ...r, cells: r.cells.map((c) => (c.formulaWithoutValue === true ? { text: '' } : c)) }))
      .filter((r) => !isBlankRow(r))]));
    const ours = await streamed(bytes);
    expect(asShown(ours)).toEqual(asShown(await loaded(bytes)));
    // And the rows not filled in are blank to this reader: only those with data or headings are rows.
    expect(ours.Buildings!.length).toBeLessThan(20);
  });
});

/** A minimal workbook written by hand, as other programs write them: prefixes, inline strings, odd part names. */
async function handWritten(parts: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  const base: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/>
      <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet9.xml"/>
      <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
      <x:workbookPr date1904="1"/><x:sheets><x:sheet name="About" sheetId="2" r:id="rId2"/><x:sheet name="Gas &amp; power" sheetId="1" state="hidden" r:id="rId1"/></x:sheets></x:workbook>`,
    'xl/styles.xml': `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-809]dd\\ mmmm\\ yyyy"/></numFmts>
      <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="4"><alignment wrapText="1"/></xf></cellXfs></styleSheet>`,
    'xl/worksheets/sheet9.xml': `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Council name</t></is></c><c r="B1" t="inlineStr"><is><r><t xml:space="preserve">Fuzz </t></r><r><rPr><b/></rPr><t>shire</t></r><rPh><t>ふ</t></rPh></is></c></row></sheetData></worksheet>`,
    'xl/worksheets/data.xml': `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row r="2" spans="1:4"><x:c r="A2" t="str"><x:v>Site&#10;name</x:v></x:c><x:c r="C2" s="1"><x:v>0</x:v></x:c><x:c r="D2" s="2"><x:v>1234.5</x:v></x:c></x:row>
      <x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>Line_x000D_break</x:t></x:is></x:c><x:c r="B3" t="b"><x:v>1</x:v></x:c><x:c r="C3" t="str"><x:f>IF(B3,"","x")</x:f><x:v></x:v></x:c><x:c r="D3" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c></x:row>
      <x:row r="5"/></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A3:A4"/></x:mergeCells></x:worksheet>`,
  };
  for (const [name, content] of Object.entries({ ...base, ...parts })) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('workbooks other programs write', () => {
  it('reads namespace prefixes, inline and rich strings, Excel escapes, dates on the 1904 system, sheets in the workbook’s order', async () => {
    const rows = await streamed(await handWritten({}));
    expect(Object.keys(rows)).toEqual(['About', 'Gas & power']);
    expect(rows.About).toEqual([{ line: 1, cells: [{ text: 'Council name' }, { text: 'Fuzz shire' }] }]);
    expect(rows['Gas & power']).toEqual([
      // Day 0 of the 1904 system is 1 January 1904.
      { line: 2, cells: [{ text: 'Site\nname' }, { text: '' }, { text: '1904-01-01T00:00:00.000Z' }, { text: '1234.5' }] },
      // A formula that gave "" shows an empty cell: it is blank, not a formula without a value.
      { line: 3, cells: [{ text: 'Line\rbreak' }, { text: 'TRUE' }, { text: '' }, { text: '#DIV/0!', error: true }] },
      { line: 4, cells: [{ text: 'Line\rbreak', merge: 'down' }] },
    ]);
    // At a column limit, the first value beyond it is named (a formula that gave "" is no value).
    const narrow = await streamed(await handWritten({}), 2);
    expect(narrow['Gas & power']!.map((r) => [r.cells.length, r.overflowColumn])).toEqual([[1, 2], [2, 3], [1, undefined]]);
    const parts = checkZip(await handWritten({}), 'w.xlsx', importLimits());
    expect((await XlsxRowReader.open(await handWritten({}), parts)).sheets.map((s) => s.state)).toEqual(['visible', 'hidden']);
  });

  it('refuses as damage a shared string the workbook lacks, and a listed sheet whose part is missing', async () => {
    const badIndex = await handWritten({ 'xl/worksheets/sheet9.xml': '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData></worksheet>' });
    await expect(streamed(badIndex)).rejects.toThrow(new WorkbookDamage('a cell refers to shared string 7, which the workbook does not have'));
    const zip = await JSZip.loadAsync(await handWritten({}));
    zip.remove('xl/worksheets/data.xml');
    const missing = await zip.generateAsync({ type: 'uint8array' });
    await expect(XlsxRowReader.open(missing, checkZip(missing, 'w.xlsx', importLimits()))).rejects.toThrow(new WorkbookDamage("the sheet 'Gas & power' is listed but its part xl/worksheets/data.xml is missing"));
  });
});
