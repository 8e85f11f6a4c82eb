import { describe, expect, it } from 'vitest';
import { importCsv } from '../../src/import/csv.js';
import { importWorkbook } from '../../src/import/workbook.js';
import { findSplitNumber } from '../../src/tables/split-number.js';
import { expectAccounted, nonBlankRows, workbookBytes } from '../import/support.js';

const where = (problems: readonly { code: string; severity: string; origin: { line?: number; column?: string; cell?: string }; value?: string }[]) =>
  problems.map((p) => [p.code, p.severity, p.origin.cell ?? `${p.origin.line} ${p.origin.column}`, p.value]);

describe('a number with thousands separators not in quotes, cut across cells', () => {
  it('in the last column: refused as a split number, not read as 1 kWh', async () => {
    const text = 'Category,Source,Unit,Site,Quantity\nbuildings,natural-gas,kWh,Civic Centre,1,184,230\nbuildings,electricity,kWh,Depot,"912,400"\n';
    const result = await importCsv(text, { file: 's.csv' });
    expect(result.records.map((r) => [r.site, r.quantity.toString()])).toEqual([['Depot', '912400']]);
    expect(where(result.problems)).toEqual([['extra-cells', 'error', '2 Quantity', '1,184,230']]);
    expect(result.problems[0]!.message).toBe(
      `'1,184,230' is a number with thousands separators but not in quotes, so its commas cut it into 3 cells and every cell after it is under the wrong heading: put it in quotes ("1,184,230") or write it without commas; the row was not imported`,
    );
    expectAccounted(result, 3);
  });

  it('in a middle column, with pounds and pence, and with the last cell blank', async () => {
    const text = [
      'Category,Source,Quantity,Unit,Site',
      'buildings,natural-gas,1,184,230,kWh,Civic Centre',
      'purchased-goods-and-services,spend:legal-services,£12,500.00,GBP,',
      'buildings,natural-gas,2,000,kWh,',
    ].join('\n');
    const result = await importCsv(text, { file: 'm.csv' });
    expect(result.records).toEqual([]);
    expect(where(result.problems)).toEqual([
      ['extra-cells', 'error', '2 Quantity', '1,184,230'],
      ['extra-cells', 'error', '3 Quantity', '£12,500.00'],
      ['extra-cells', 'error', '4 Quantity', '2,000'],
    ]);
    expectAccounted(result, 4);
  });

  it('a value beyond the header that is no split number is refused, naming the cell; blank trailing cells are not', async () => {
    const text = 'Category,Source,Quantity,Unit,Site\nbuildings,natural-gas,100,kWh,Civic,see invoice 7\nbuildings,natural-gas,200,kWh,Depot,,,\n';
    const result = await importCsv(text, { file: 'x.csv' });
    expect(result.records.map((r) => r.site)).toEqual(['Depot']);
    expect(where(result.problems)).toEqual([['extra-cells', 'error', '2 F', 'see invoice 7']]);
    expect(result.problems[0]!.message).toBe('The line has 6 cells but the header has 5: this value is beyond the last heading (Site), so the cells may have shifted (a comma in a cell that is not in quotes?); the row was not imported');
    expectAccounted(result, 3);
  });

  it.each([
    [['a', '1', '184', '230', 'kWh'], 2, { start: 1, cells: 3, text: '1,184,230' }],
    [['£1', '234.56'], 1, { start: 0, cells: 2, text: '£1,234.56' }],
    [['(1', '234.56)'], 1, { start: 0, cells: 2, text: '(1,234.56)' }],
    [['-12', '500'], 1, { start: 0, cells: 2, text: '-12,500' }],
    [['1', '184', '230'], 1, { start: 0, cells: 2, text: '1,184' }],
    [['1234', '567'], 1, undefined],
    [['1', '23'], 1, undefined],
    [['1', '234.5', '678'], 2, undefined],
    [['1', '184'], 0, undefined],
  ])('findSplitNumber(%j, %i)', (cells, extra, want) => {
    expect(findSplitNumber(cells, extra)).toEqual(want);
  });
});

describe('workbook values outside the headings', () => {
  it('a value right of the last heading refuses its row; a column with values but no heading is reported once', async () => {
    const bytes = await workbookBytes((wb) => {
      const s = wb.addWorksheet('Buildings');
      s.addRow(['Site', 'Source', 'Quantity', 'Unit', null, 'Notes']);
      s.addRow(['Civic Centre', 'natural-gas', 1000, 'kWh', 'meter 1', 'read in March']);
      s.addRow(['Depot', 'natural-gas', 2000, 'kWh', 'meter 2', null, null, 184230]);
      s.addRow(['Library', 'natural-gas', 3000, 'kWh']);
    });
    const result = await importWorkbook(bytes, { file: 'w.xlsx' });
    expect(result.records.map((r) => [r.site, r.quantity.toString()])).toEqual([['Civic Centre', '1000'], ['Library', '3000']]);
    expect(where(result.problems)).toEqual([
      ['ignored-column', 'warning', 'E2', 'meter 1'],
      ['extra-cells', 'error', 'H3', '184230'],
    ]);
    expect(result.problems[1]!.message).toBe('A value right of the last heading (Notes, column F) belongs to no column: give the column a heading, or move or delete the value; the row was not imported');
    expectAccounted(result, await nonBlankRows(bytes));
  });
});
