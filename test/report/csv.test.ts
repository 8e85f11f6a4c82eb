import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { Decimal, sum } from '../../src/decimal.js';
import { calculateInventory } from '../../src/inventory/index.js';
import type { Inventory } from '../../src/inventory/types.js';
import { FORMULA_TRIGGERS, renderCsv } from '../../src/report/index.js';
import { LINE_COLUMNS } from '../../src/report/line-columns.js';
import { HOSTILE_TEXTS, inventories } from './arbitrary.js';
import { exampleInventory } from './example.js';

function parse(csv: string): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

const decimalColumn = (rows: Record<string, string>[], column: string) => rows.map((r) => r[column]!).filter((v) => v !== '').map((v) => new Decimal(v));
const summaryRow = (rows: Record<string, string>[], section: string, key: string) => rows.find((r) => r.section === section && r.key === key)!;

function startsWithTrigger(text: string): boolean {
  return FORMULA_TRIGGERS.some((t) => text.startsWith(t));
}

describe('renderCsv lines', () => {
  it('has one row per emission line whose kgCO2e add up to the inventory total exactly', () => {
    fc.assert(
      fc.property(inventories, (inventory) => {
        const rows = parse(renderCsv(inventory, 'lines'));
        expect(rows).toHaveLength(inventory.lines.length);
        expect(sum(decimalColumn(rows, 'kgCO2e')).eq(inventory.totals.total)).toBe(true);
        expect(sum(decimalColumn(rows, 'tCO2e')).mul(1000).eq(inventory.totals.total)).toBe(true);
        expect(sum(decimalColumn(rows, 'market_based_kgCO2e')).eq(inventory.totals.scope2MarketBased)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('carries each line’s factor and its published source row', () => {
    const inventory = exampleInventory();
    const rows = parse(renderCsv(inventory, 'lines'));
    expect(Object.keys(rows[0]!)).toEqual(LINE_COLUMNS.map((c) => c.header));
    inventory.lines.forEach((line, i) => {
      expect(rows[i]!.record_id).toBe(line.recordId);
      expect(rows[i]!.factor_key).toBe(line.factor.key);
      expect(rows[i]!.factor_source_row).toBe(String(line.factor.sourceRow));
      expect(new Decimal(rows[i]!.kgCO2e_per_unit!).eq(line.factor.kgCO2ePerUnit)).toBe(true);
    });
  });

  it('neutralises input text (site names, notes) that could run as a formula', () => {
    fc.assert(
      fc.property(inventories, (inventory) => {
        const textColumns = LINE_COLUMNS.filter((c) => inventory.lines.every((l) => !(c.cell(l) !== undefined && 'number' in c.cell(l)!)));
        for (const row of parse(renderCsv(inventory, 'lines'))) {
          for (const c of textColumns) expect(startsWithTrigger(row[c.header]!)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
    const inventory = calculateInventory({
      records: HOSTILE_TEXTS.map((text, i) => ({ id: `r${i}`, category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh', site: text, notes: text })),
    });
    const rows = parse(renderCsv(inventory, 'lines'));
    expect(rows.map((r) => r.site)).toEqual(inventory.lines.map((l) => (startsWithTrigger(l.site!) ? `'${l.site}` : l.site)));
    expect(rows[0]!.site).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(rows.map((r) => r.notes).every((n) => !startsWithTrigger(n!))).toBe(true);
  });
});

describe('renderCsv summary', () => {
  const check = (inventory: Inventory) => {
    const rows = parse(renderCsv(inventory, 'summary'));
    const { totals } = inventory;
    expect(new Decimal(summaryRow(rows, 'total', 'location-based').kgCO2e!).eq(totals.total)).toBe(true);
    expect(new Decimal(summaryRow(rows, 'total', 'market-based').kgCO2e!).eq(totals.totalMarketBased)).toBe(true);
    const scopes = rows.filter((r) => r.section === 'scope');
    expect(sum(scopes.map((r) => new Decimal(r.kgCO2e!))).eq(totals.total)).toBe(true);
    // Market-based scope 2 stands apart, so summing any section never counts scope 2 twice.
    expect(new Decimal(summaryRow(rows, 'scope-2-market-based', 'scope-2').kgCO2e!).eq(totals.scope2MarketBased)).toBe(true);
    expect(sum(decimalColumn(rows.filter((r) => r.section === 'category'), 'kgCO2e')).eq(totals.total)).toBe(true);
    expect(sum(decimalColumn(rows.filter((r) => r.section === 'data-quality'), 'kgCO2e')).eq(totals.total)).toBe(true);
    expect(sum(decimalColumn(rows.filter((r) => r.section === 'site'), 'kgCO2e')).eq(totals.total)).toBe(true);
    for (const r of rows) expect(startsWithTrigger(r.label!) || startsWithTrigger(r.key!)).toBe(false);
  };

  it('has totals equal to the inventory’s, and every breakdown adds up to the total exactly', () => {
    check(exampleInventory());
    fc.assert(fc.property(inventories, check), { numRuns: 60 });
  });

  it('lists memo items beside the totals, generation in kWh', () => {
    const rows = parse(renderCsv(exampleInventory(), 'summary'));
    expect(summaryRow(rows, 'memo', 'renewable-generation').kWh).toBe('86300');
    expect(summaryRow(rows, 'memo', 'biogenic-co2').kgCO2e).not.toBe('');
  });
});
