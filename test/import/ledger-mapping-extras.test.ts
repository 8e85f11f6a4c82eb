import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { aggregateSpendLedger, readSpendMapping } from '../../src/import/ledger.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';

describe('a mapping line may say more than the category', () => {
  const ledger = ['Payment date,Supplier name,Amount', '01/05/2023,Greenway Recycling Ltd,1200.00', '02/05/2023,Acme Legal LLP,600.00', '03/05/2023,Greenway Recycling Ltd,2400.00'].join('\n');

  it('a VAT rate (removed before costing) and a supplier’s own kgCO2e per £, keyed by supplier', async () => {
    const { mapping, problems } = readSpendMapping(
      ['Supplier name,Spend category,Reporting category,VAT included (%),Supplier factor (kgCO2e/GBP),Supplier,Supplier evidence',
        'Greenway Recycling Ltd,recycling-and-materials-recovery,outsourced-services,20,0.4,Greenway Recycling Ltd,contract carbon report 2023/24',
        'Acme Legal LLP,legal-services,,,,,'].join('\n'),
      'mapping.csv',
    );
    expect(problems).toEqual([]);
    const result = await aggregateSpendLedger(Readable.from([ledger]), mapping, { reportingYear: '2023/24', file: 'ledger.csv' });
    const inventory = calculateInventory({ records: result.records, reportingYear: '2023/24' });
    const recycling = inventory.lines.find((l) => l.category === 'outsourced-services')!;
    // £3,600 including VAT at 20% is £3,000 net; at the supplier's 0.4 kgCO2e per £: 1,200 kgCO2e.
    expect([recycling.method, recycling.spend?.amount.toFixed(), recycling.kgCO2e.toFixed()]).toEqual(['supplier-specific', '3000', '1200']);
    expect(recycling.spend?.supplier).toBe('Greenway Recycling Ltd');
    const legal = inventory.lines.find((l) => l.spend?.group === 'sic-69.1')!;
    expect([legal.method, legal.spend?.amount.toFixed(), legal.kgCO2e.toFixed()]).toEqual(['spend-based', '600', '27.55416']); // × 0.0459236
  });

  it('a bad VAT rate or a supplier factor without its evidence refuses the line, so its code is listed as refused', async () => {
    const { mapping, problems } = readSpendMapping(
      ['Supplier name,Spend category,VAT included (%),Supplier factor (kgCO2e/GBP),Supplier,Supplier evidence', 'Greenway Recycling Ltd,SIC 38,120,,,', 'Acme Legal LLP,legal-services,,0.05,Acme,'].join('\n'),
      'mapping.csv',
    );
    expect(problems.map((p) => [p.origin.line, p.origin.column, p.message])).toEqual([
      [2, 'VAT included (%)', "'120' is not a VAT rate in per cent, e.g. 20"],
      [3, 'Supplier factor', 'A supplier factor needs the Supplier and the Supplier evidence beside it'],
    ]);
    const result = await aggregateSpendLedger(Readable.from([ledger]), mapping, { reportingYear: '2023/24', file: 'ledger.csv' });
    expect(result.problems.filter((p) => p.code === 'unmapped-spend').map((p) => p.message)).toEqual([
      expect.stringContaining("totalling £3600 have Supplier name 'Greenway Recycling Ltd', whose mapping line was refused"),
      expect.stringContaining("totalling £600 have Supplier name 'Acme Legal LLP', whose mapping line was refused"),
    ]);
  });
});

describe('a ledger line with more cells than the header', () => {
  const mapping = readSpendMapping('Expense code,Spend category\nE1,legal-services\n', 'mapping.csv').mapping;
  it('is refused, naming an unquoted 1,234.56 that its commas cut in two, never costed as £1', async () => {
    const ledger = ['Payment date,Expense code,Amount', '01/05/2023,E1,1,234.56', '02/05/2023,E1,"12,500.00"', '03/05/2023,E1,100.00,,'].join('\n');
    const result = await aggregateSpendLedger(Readable.from([ledger]), mapping, { reportingYear: '2023/24', file: 'ledger.csv' });
    // The quoted £12,500.00 and £100.00 (its trailing blank cells harmless) are summed; the split line is not.
    expect(result.totals.map((t) => t.total.toFixed())).toEqual(['12600']);
    expect(result.account).toMatchObject({ lines: 3, mapped: 2, rejected: 1 });
    expect(result.problems.map((p) => [p.code, p.origin.line, p.origin.column, p.value])).toEqual([['extra-cells', 2, 'Amount', '1,234.56']]);
    expect(result.problems[0]!.message).toContain("'1,234.56' is a number with thousands separators but not in quotes");
  });

  it('is refused when a value lies beyond the last heading', async () => {
    const ledger = ['Payment date,Expense code,Amount', '01/05/2023,E1,100.00,stray'].join('\n');
    const result = await aggregateSpendLedger(Readable.from([ledger]), mapping, { reportingYear: '2023/24', file: 'ledger.csv' });
    expect(result.problems.map((p) => [p.code, p.origin.column, p.value])).toEqual([['extra-cells', 'D', 'stray']]);
    expect(result.records).toEqual([]);
  });
});

describe('the largest suppliers of a ledger', () => {
  it('are summed exactly, credits netted, the same name in another case or spacing merged, mapped or not', async () => {
    const mapping = readSpendMapping('Expense code,Spend category\nE1,legal-services\n', 'mapping.csv').mapping;
    const ledger = [
      'Payment date,Supplier name,Expense code,Amount',
      '01/05/2023,Acme Legal LLP,E1,1000.00',
      '02/05/2023,ACME  legal llp,E1,250.50',
      '03/05/2023,Acme Legal LLP,E1,-100.00',
      '04/05/2023,Bravo Ltd,E9,2000.00',
      '05/05/2023,Charlie Ltd,E1,10.00',
    ].join('\n');
    const result = await aggregateSpendLedger(Readable.from([ledger]), mapping, { reportingYear: '2023/24', file: 'ledger.csv' });
    // Bravo £2,000 (an unmapped code, still paid); Acme 1,000 + 250.50 − 100 = £1,150.50 over 3 lines; Charlie £10.
    expect(result.largestSuppliers.map((s) => [s.supplier, s.total.toFixed(), s.lines])).toEqual([
      ['Bravo Ltd', '2000', 1],
      ['Acme Legal LLP', '1150.5', 3],
      ['Charlie Ltd', '10', 1],
    ]);
  });
});
