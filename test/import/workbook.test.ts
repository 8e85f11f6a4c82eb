import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../src/import/workbook.js';
import { UnusableInputError } from '../../src/import/result.js';
import { comparable, expectAccounted, nonBlankRows, workbookBytes } from './support.js';

const summary = (problems: readonly { code: string; origin: { sheet?: string; cell?: string }; value?: string }[]) =>
  problems.map((p) => `${p.code} ${p.origin.sheet}!${p.origin.cell}${p.value !== undefined ? ` ${p.value}` : ''}`);

describe('importWorkbook: a council’s own energy sheet', () => {
  const build = () =>
    workbookBytes((wb) => {
      const s = wb.addWorksheet('Energy');
      s.getCell('A1').value = 'Energy consumption 2023/24';
      s.getRow(3).values = ['Site', 'Gas (kWh)', 'Electricity (kWh)', 'Notes'];
      s.getRow(4).values = ['Civic Centre', '1,234.5', 1000];
      s.getRow(5).values = ['Depot', { formula: 'B4*2', result: 2469 }, { formula: 'C4/0', result: { error: '#DIV/0!' } }];
      s.getRow(6).values = ['Library', { formula: 'SUM(B1:B2)' }, ' 500 '];
      s.getRow(7).values = ['Total', { formula: 'SUM(B4:B6)', result: 3703.5 }, { formula: 'SUM(C4:C6)', result: 1500 }];
      s.getCell('A8').value = 'Notes: figures are from supplier invoices';
      s.mergeCells('A8:D8');
    });

  it('gives one record per filled quantity cell, with units and sources from the headers', async () => {
    const result = await importWorkbook(await build(), { file: 'energy.xlsx' });
    expect(result.records.map((r) => [r.origin?.cell, r.site, r.source, comparable(r).quantity, r.unit, r.category])).toEqual([
      ['B4', 'Civic Centre', 'natural-gas', '1234.5', 'kWh', 'buildings'],
      ['C4', 'Civic Centre', 'electricity', '1000', 'kWh', 'buildings'],
      ['B5', 'Depot', 'natural-gas', '2469', 'kWh', 'buildings'],
      ['C6', 'Library', 'electricity', '500', 'kWh', 'buildings'],
    ]);
    expect(summary(result.problems)).toEqual(['error-cell Energy!C5 #DIV/0!', 'formula-without-value Energy!B6', 'totals-row Energy!A7 Total']);
    expect(result.problems[1]!.message).toMatch(/formula with no saved result/);
  });

  it('accounts for every row: title, header, records, the totals row and the notes row', async () => {
    const bytes = await build();
    const result = await importWorkbook(bytes, { file: 'energy.xlsx' });
    expect(result.accounting.map((a) => [a.origin.line, a.outcome, a.reason ?? a.records])).toEqual([
      [1, 'skipped', 'title or instructions above the header'],
      [3, 'skipped', 'column headers'],
      [4, 'record', 2],
      [5, 'record', 1],
      [6, 'record', 1],
      [7, 'skipped', 'totals row'],
      [8, 'skipped', 'notes row'],
    ]);
    expectAccounted(result, await nonBlankRows(bytes));
  });
});

describe('importWorkbook: header synonyms, dates, years and bad values', () => {
  const build = () =>
    workbookBytes((wb) => {
      const about = wb.addWorksheet('About');
      about.addRow(['Council name', 'Testshire County Council']);
      about.addRow(['Reporting year', '2023-24']);
      about.addRow(['Council type', 'County council']);
      about.addRow(['ONS code', 'E07000001']);
      about.addRow(['Population', '1,234,567']);
      about.addRow(['Staff FTE', 'lots']);
      const s = wb.addWorksheet('Fleet');
      s.addRow(['Fuel', 'Qty (litres)', 'Invoice date', 'Depot', 'Data source']);
      s.addRow(['Diesel', '12,000', new Date(Date.UTC(2023, 4, 1)), 'Riverside', 'Fuel card']);
      s.addRow(['Petrol', '1.2e3', '15/06/2023', '', 'estimate']);
      s.addRow(['Diesel', '(200)', '15/06/2023']);
      s.addRow(['Gas oil', 100, new Date(Date.UTC(2024, 4, 1))]);
      s.addRow(['HVO', 'about 40', '01/07/2023']);
      s.addRow([]);
      s.addRow(['diesel', 50, 45047]);
      s.addRow(['Sub-total', 13350]);
      s.addRow(['Unobtainium', 5, '01/07/2023']);
      s.addRow(['Diesel', 5, 'last Tuesday']);
      s.addRow(['Diesel', 5, '01/07/2023', '', 'guesswork']);
    });

  it('reads the profile, records and problems exactly', async () => {
    const bytes = await build();
    const result = await importWorkbook(bytes, { file: 'fleet.xlsx' });
    expect(result.profile).toMatchObject({ councilName: 'Testshire County Council', reportingYear: '2023/24', councilType: 'county', onsCode: 'E07000001' });
    expect(result.profile.denominators.population?.toFixed()).toBe('1234567');
    expect(result.records.map((r) => [r.origin?.cell, r.source, comparable(r).quantity, r.unit, r.category, r.dataQuality])).toEqual([
      ['B2', 'diesel', '12000', 'litre', 'fleet', 'invoiced'],
      ['B3', 'petrol', '1200', 'litre', 'fleet', 'estimated'],
      ['B8', 'diesel', '50', 'litre', 'fleet', undefined],
    ]);
    expect(summary(result.problems)).toEqual([
      'invalid-profile-value About!B6 lots',
      'ignored-column Fleet!D1 Depot',
      'negative-quantity Fleet!B4 (200)',
      'outside-reporting-year Fleet!C5 2024-05-01T00:00:00.000Z',
      'invalid-number Fleet!B6 about 40',
      'totals-row Fleet!A9 Sub-total',
      'unknown-source Fleet!A10 unobtainium',
      'invalid-date Fleet!C11 last Tuesday',
      'unknown-quality Fleet!E12 guesswork',
      'ons-code-type-mismatch About!B4 E07000001',
    ]);
    expect(result.problems.find((p) => p.code === 'ons-code-type-mismatch')).toMatchObject({
      severity: 'error',
      message: 'ONS code E07000001 does not fit the council type (About!B3): County councils have GSS codes starting E10; correct whichever is wrong',
    });
    expect(result.problems.find((p) => p.code === 'outside-reporting-year')!.message).toBe('Falls in 2024/25, outside the reporting year 2023/24 on the About sheet');
    expectAccounted(result, await nonBlankRows(bytes));
  });
});

describe('importWorkbook: merged cells', () => {
  it('fills a site merged down its meters, and refuses to repeat a merged quantity', async () => {
    const bytes = await workbookBytes((wb) => {
      const s = wb.addWorksheet('Buildings');
      s.addRow(['Site', 'Source', 'Quantity', 'Unit']);
      s.addRow(['Civic Centre', 'Mains gas', 100, 'KWH']);
      s.addRow([null, 'Electricity', 200, 'kWh']);
      s.mergeCells('A2:A3');
      s.addRow(['Depot', 'Electricity', 300, 'kWh']);
      s.addRow(['Depot', 'Electricity', null, 'kWh']);
      s.mergeCells('C4:C5');
    });
    const result = await importWorkbook(bytes, { file: 'merged.xlsx' });
    expect(result.records.map((r) => [r.origin?.cell, r.site, r.source, comparable(r).quantity, r.unit])).toEqual([
      ['C2', 'Civic Centre', 'natural-gas', '100', 'kWh'],
      ['C3', 'Civic Centre', 'electricity', '200', 'kWh'],
      ['C4', 'Depot', 'electricity', '300', 'kWh'],
    ]);
    expect(summary(result.problems)).toEqual(['merged-quantity Buildings!C5']);
    expectAccounted(result, await nonBlankRows(bytes));
  });
});

describe('importWorkbook: unusable input is a typed error', () => {
  it('refuses text, old .xls, .ods and a workbook with nothing recognisable', async () => {
    const refuse = (bytes: Uint8Array) => importWorkbook(bytes, { file: 'f' });
    await expect(refuse(new TextEncoder().encode('Site,Quantity\nA,1\n'))).rejects.toThrow(/not an .xlsx workbook \(it is not a zip file\)/);
    await expect(refuse(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).rejects.toThrow(/old binary .xls workbook/);
    const JSZip = (await import('jszip')).default;
    const ods = new JSZip();
    ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    ods.file('content.xml', '<office:document-content/>');
    await expect(refuse(await ods.generateAsync({ type: 'uint8array' }))).rejects.toThrow(/OpenDocument spreadsheet/);
    const nothing = await workbookBytes((wb) => wb.addWorksheet('Sheet1').addRow(['hello', 'world']));
    await expect(refuse(nothing)).rejects.toBeInstanceOf(UnusableInputError);
  });

  it('refuses a workbook that expands past the limit (zip bomb) before parsing it', async () => {
    const bytes = await workbookBytes((wb) => wb.addWorksheet('Buildings').addRow(['Source', 'Quantity', 'Unit']));
    await expect(importWorkbook(bytes, { file: 'bomb.xlsx', limits: { maxUncompressedBytes: 1000 } })).rejects.toThrow(/expands to \d+ bytes, over the limit of 1000/);
  });

  it('reports a sheet without a header as skipped, row by row, and imports the rest', async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet('Readme').addRow(['This workbook holds our 2023/24 data']);
      const s = wb.addWorksheet('Water');
      s.addRow(['Source', 'Quantity', 'Unit', 'Category']);
      s.addRow(['water-supply', 18420, 'm3', 'water']);
    });
    const result = await importWorkbook(bytes, { file: 'w.xlsx' });
    expect(result.records).toHaveLength(1);
    expect(summary(result.problems)).toEqual(['no-header Readme!undefined']);
    expect(result.accounting[0]).toMatchObject({ outcome: 'skipped', reason: 'sheet without a recognisable header' });
    expectAccounted(result, await nonBlankRows(bytes));
  });
});

describe('a row labelled like a total', () => {
  it('is skipped when its figures are the sums above (a sub-total, then a grand total), and imported as data when not', async () => {
    const bytes = await workbookBytes((wb) => {
      const s = wb.addWorksheet('Buildings');
      s.addRow(['Site', 'Gas (kWh)', 'Electricity (kWh)']);
      s.addRow(['Civic Centre', 1000, 200]);
      s.addRow(['Depot', 500.25, null]);
      // 1000 + 500.25 = 1500.25 and 200: a sub-total, shown rounded.
      s.addRow(['Sub-total: offices', 1500, 200]);
      s.addRow(['Total Fitness Gym', 300, 50]);
      // A site, not a total: 300 is no sum of the rows above (1500.25 in all, 300 since the sub-total).
      s.addRow(['Totally Local Library', 40, null]);
      // 1000 + 500.25 + 300 + 40 = 1840.25 over the table; 200 + 50 = 250.
      s.addRow(['Total', 1840.25, 250]);
    });
    const result = await importWorkbook(bytes, { file: 't.xlsx' });
    expect(result.records.map((r) => [r.origin?.cell, r.site, comparable(r).quantity])).toEqual([
      ['B2', 'Civic Centre', '1000'], ['C2', 'Civic Centre', '200'], ['B3', 'Depot', '500.25'],
      ['B5', 'Total Fitness Gym', '300'], ['C5', 'Total Fitness Gym', '50'], ['B6', 'Totally Local Library', '40'],
    ]);
    expect(summary(result.problems)).toEqual(['totals-row Buildings!A4 Sub-total: offices', 'totals-label Buildings!A5 Total Fitness Gym', 'totals-row Buildings!A7 Total']);
    expect(result.accounting.map((a) => [a.origin.line, a.outcome, a.reason ?? a.records])).toEqual([
      [1, 'skipped', 'column headers'], [2, 'record', 2], [3, 'record', 1], [4, 'skipped', 'totals row'], [5, 'record', 2], [6, 'record', 1], [7, 'skipped', 'totals row'],
    ]);
  });
});

describe('sheets the template generates, and sheets that only share their names', () => {
  it('imports a council’s own sheet named Summary that holds a table, and a first row labelled "Total…" as data', async () => {
    const bytes = await workbookBytes((wb) => {
      const s = wb.addWorksheet('Summary');
      s.addRow(['Site', 'Category', 'Source', 'Quantity', 'Unit']);
      // Nothing above it to be the total of: a site.
      s.addRow(['Total Fitness Gym', 'buildings', 'electricity', 0.4, 'kWh']);
      s.addRow(['Depot', 'buildings', 'natural-gas', 1000, 'kWh']);
    });
    const result = await importWorkbook(bytes, { file: 's.xlsx' });
    expect(result.records.map((r) => [r.origin?.cell, r.site, comparable(r).quantity])).toEqual([['D2', 'Total Fitness Gym', '0.4'], ['D3', 'Depot', '1000']]);
    expect(summary(result.problems)).toEqual(['totals-label Summary!A2 Total Fitness Gym']);
  });
});
