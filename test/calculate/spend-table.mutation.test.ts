import { describe, expect, it } from 'vitest';
import type { ActivityRecordInput } from '../../src/activity/record.js';
import { spendSetFromTable } from '../../src/calculate/spend.js';
import { calculateInventory, type CalculationOptions } from '../../src/inventory/calculate-inventory.js';

/**
 * A user's own spend factor table and the price index, worked by hand (issue 17: the mutants these kill
 * changed what a line says or costs, with every other test green). Every expected figure is the table's value
 * × the pounds, or the pounds × index[to] / index[from], in numbers a reader can check in their head.
 */
const spend = (id: string, source: string, pounds: string, priceYear: number): ActivityRecordInput => ({
  id, category: 'purchased-goods-and-services', source, quantity: pounds, unit: 'GBP', priceYear, dataQuality: 'spend-based',
});
const calc = (records: ActivityRecordInput[], options: CalculationOptions = {}) => calculateInventory({ records, reportingYear: '2023/24' }, { factorSet: 'desnz-2023', ...options });

const table = {
  id: 'Provider 2021',
  title: 'Provider factors',
  priceYear: 2021,
  // Keyed as councils and providers write them: a group id, a category name, a bare SIC code.
  kgCO2ePerGBP: { 'sic-62': '0.2', 'Legal services': '0.15', '41.2': '0.3' },
  priceIndex: { name: 'Provider index (2021 = 100)', values: { '2021': '100', '2023': '110' } },
};

describe("a user's spend factor table", () => {
  it('costs spend of its own price year at its value, each line naming the table, the entry and its row', () => {
    const inv = calc([spend('ict', 'spend:sic-62', '1000', 2021), spend('legal', 'spend:legal-services', '1000', 2021), spend('build', 'spend:SIC 41.2', '1000', 2021)], { spendFactors: table });
    expect(inv.problems).toEqual([]);
    // 1,000 × 0.2 = 200; 1,000 × 0.15 = 150; 1,000 × 0.3 = 300
    expect(inv.lines.map((l) => [l.recordId, l.kgCO2e.toFixed(), l.spend?.group, l.factor.sourceRow, l.spend?.adjustment])).toEqual([
      ['ict', '200', 'sic-62', 1, 'same-year'],
      ['legal', '150', 'legal-services', 2, 'same-year'],
      ['build', '300', 'sic-41.2', 3, 'same-year'],
    ]);
    // legal-services is a group of the table and a category of the bundled map: the table's group wins, no category.
    expect(inv.lines[1]!.spend?.category).toBeUndefined();
    const line = inv.lines[0]!;
    expect(line.factor).toMatchObject({ setId: 'provider-2021', key: 'spend/sic-62@gbp-2021', path: 'Provider factors › sic-62 sic-62 › 2021', sourceFile: 'Provider 2021' });
    // The table's price basis is "2021 prices", not the Defra / Leeds "basic prices".
    expect(line.factor.uom).toBe('£ (2021 prices, excl. VAT)');
  });

  it('reads an entry as a SIC group only when it is a code, however spaced or prefixed', () => {
    const set = spendSetFromTable({ ...table, kgCO2ePerGBP: { 'SIC  41.2': '1', SIC62: '1', ' 87 ': '1', 'Phase 2 works': '1' } });
    expect(set.groups().map((g) => g.id)).toEqual(['sic-41.2', 'sic-62', 'sic-87', 'phase-2-works']);
  });

  it('with an id that has no letters or digits is named as a user table', () => {
    const inv = calc([spend('ict', 'spend:sic-62', '1000', 2021)], { spendFactors: { ...table, id: '***' } });
    expect(inv.lines[0]!.factor.setId).toBe('user-spend-table');
  });

  it('brings spend of another year to its prices with its own index: £1,100 of 2023 at 110 → 100 is £1,000', () => {
    const inv = calc([spend('ict', 'spend:sic-62', '1100', 2023)], { spendFactors: table });
    const line = inv.lines[0]!;
    expect([line.quantity.value.toFixed(), line.kgCO2e.toFixed()]).toEqual(['1000', '200']);
    expect(line.spend).toMatchObject({ priceYear: 2023, column: 2021, adjustment: 'price-index', priceIndex: 'Provider index (2021 = 100)' });
    expect(inv.problems).toEqual([]);
  });

  it('a council category the bundled map sends to a group the table lacks is an error naming the category, never a zero', () => {
    const inv = calc([spend('care', 'spend:adult-residential-care', '1000', 2021)], { spendFactors: table });
    expect(inv.lines).toEqual([]);
    expect(inv.problems.map((p) => [p.severity, p.code])).toEqual([['error', 'no-spend-factor']]);
    expect(inv.problems[0]!.message).toMatch(/^Record care: provider-2021 has no 2021 factor for sic-87 \(where 'adult-residential-care' is mapped\)/);
  });
});

describe('the price index names the year it lacks', () => {
  it('an unknown name suggests the nearest categories and SIC groups', () => {
    // "sic-6222" is two edits from the group sic-62 (computer programming, SIC 62).
    const inv = calc([spend('x', 'spend:sic-6222', '1000', 2023)]);
    expect(inv.problems[0]!.message).toMatch(/Did you mean: .*\bsic-62\b/);
  });

  it('the column’s year (2023) when the spend’s year is there', () => {
    const inv = calc([spend('ict', 'spend:sic-62', '1040', 2024)], { priceIndex: { name: 'CPIH', values: { '2024': '104' } } });
    expect(inv.lines[0]!.spend?.adjustment).toBe('unadjusted');
    expect(inv.problems[0]!.message).toContain('(CPIH has no value for 2023)');
  });
});
