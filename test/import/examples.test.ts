import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { council, ledgerRecords, records, reportingYear, workbookRecords } from '../../examples/example-council.js';
import { aggregateSpendLedger, readSpendMapping } from '../../src/import/ledger.js';
import { withLedger } from '../../src/import/with-ledger.js';
import { importCsv } from '../../src/import/csv.js';
import { importWorkbook } from '../../src/import/workbook.js';
import { Decimal } from '../../src/decimal.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';
import { renderJson } from '../../src/report/json.js';
import { comparable, expectAccounted, nonBlankRows } from './support.js';

const dir = join(import.meta.dirname, '..', '..', 'examples');

describe('the example council’s committed workbook and CSV', async () => {
  const xlsxBytes = readFileSync(join(dir, 'example-council-baseline.xlsx'));
  const xlsx = await importWorkbook(xlsxBytes, { file: 'example-council-baseline.xlsx' });
  const csv = await importCsv(readFileSync(join(dir, 'example-council-baseline.csv')), { file: 'example-council-baseline.csv' });

  it('import to the records of examples/example-council.ts, with no problems', () => {
    expect(xlsx.problems).toEqual([]);
    expect(csv.problems).toEqual([]);
    const byId = (rs: readonly { id?: string }[]) => [...rs].sort((a, b) => (a.id! < b.id! ? -1 : 1));
    expect(byId(xlsx.records.map(comparable))).toEqual(byId(workbookRecords.map(comparable)));
    expect(csv.records.map(comparable)).toEqual(workbookRecords.map(comparable));
  });

  it('with the spend ledger, give exactly the inventory total of every record in code', async () => {
    const { mapping, problems } = readSpendMapping(readFileSync(join(dir, 'example-council-spend-mapping.csv'), 'utf8'), 'mapping.csv');
    expect(problems).toEqual([]);
    const ledger = await aggregateSpendLedger(join(dir, 'example-council-spend-2023-24.csv'), mapping, { reportingYear });
    expect(ledger.account).toMatchObject({ lines: 518, mapped: 518, unmapped: 0, rejected: 0 });
    // Each category's payments sum exactly to the total it was generated from.
    const pounds = (rs: readonly { source: string; quantity: unknown }[]) => rs.reduce((a, r) => a.add(String(r.quantity)), new Decimal(0)).toFixed();
    expect(pounds(ledger.records)).toBe(pounds(ledgerRecords));
    const combined = calculateInventory({ records: withLedger(xlsx, ledger).records, reportingYear });
    expect(combined.totals.total.toFixed()).toBe(calculateInventory({ records, reportingYear }).totals.total.toFixed());
  });

  it('carry the council’s profile', () => {
    for (const { profile } of [xlsx, csv]) {
      expect(profile).toMatchObject({ councilName: council.name, onsCode: council.onsCode, councilType: council.councilType, reportingYear, boundaryNotes: council.boundaryNotes });
      expect(profile.denominators.population?.toFixed()).toBe('100000');
    }
  });

  it('give identical inventories, equal to the one calculated from the records in code', async () => {
    const inventoryOf = (rs: typeof records) =>
      JSON.parse(renderJson(calculateInventory({ records: [...rs].sort((a, b) => (a.id! < b.id! ? -1 : 1)), reportingYear })), (k, v: unknown) => (k === 'origin' ? undefined : v)) as unknown;
    const fromCode = inventoryOf(workbookRecords);
    expect(inventoryOf(xlsx.records)).toEqual(fromCode);
    expect(inventoryOf(csv.records)).toEqual(fromCode);
  });

  it('account for every row', async () => {
    expectAccounted(xlsx, await nonBlankRows(xlsxBytes, { formulasGivingNothing: 'blank' }));
    expect(csv.accounting.filter((a) => a.outcome === 'record')).toHaveLength(workbookRecords.length);
  });
});
