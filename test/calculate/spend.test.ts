import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { records as exampleRecords } from '../../examples/example-council.js';
import { Decimal } from '../../src/decimal.js';
import { calculateInventory, recalculate, type CalculationOptions } from '../../src/inventory/calculate-inventory.js';
import type { ActivityRecordInput } from '../../src/activity/record.js';
import { SHARED_SPEND_SOURCES } from '../support/shared.js';

/**
 * Spend-based costing against the published multipliers, read here from the shared long CSV (not through the
 * bundled set), and the council category table read as plain CSV: expected = £ × the published value.
 */
type LongRow = { sic_group_code: string; year: string; kgCO2e_per_GBP: string };
const published = new Map(
  Papa.parse<LongRow>(readFileSync(join(SHARED_SPEND_SOURCES, 'uk-spend-multipliers-sic-2015-2023.long.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => [
    `${r.sic_group_code}|${r.year}`,
    r.kgCO2e_per_GBP,
  ]),
);
const multiplier = (code: string, year: number) => new Decimal(published.get(`${code}|${year}`)!);
const categoryGroup = new Map(
  Papa.parse<{ category: string; sic_group: string }>(readFileSync(join(import.meta.dirname, '..', '..', 'emission-factors', 'spend', 'council-categories.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => [r.category, r.sic_group]),
);

const spend = (source: string, pounds: string, priceYear: number, extra: Partial<ActivityRecordInput> = {}): ActivityRecordInput => ({
  id: 's', category: 'purchased-goods-and-services', source, quantity: pounds, unit: 'GBP', priceYear, dataQuality: 'spend-based', ...extra,
});
const calc = (records: ActivityRecordInput[], options: CalculationOptions = {}) => calculateInventory({ records, reportingYear: '2023/24' }, { factorSet: 'desnz-2023', ...options });

describe('spend-based lines', () => {
  it.each([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023])('£12,345.67 of computer services (SIC 62) in %i uses that year’s column, exactly', (year) => {
    const inv = calc([spend('spend:sic-62', '12345.67', year)]);
    const line = inv.lines[0]!;
    expect(line.kgCO2e.toFixed()).toBe(new Decimal('12345.67').mul(multiplier('62', year)).toFixed());
    expect(line.spend).toMatchObject({ group: 'sic-62', code: '62', column: year, priceYear: year, adjustment: 'same-year' });
    expect([line.method, line.dataQuality, line.scope, line.scope3Category]).toEqual(['spend-based', 'spend-based', 'scope-3', 1]);
    expect(line.factor).toMatchObject({ key: `spend/sic-62@gbp-${year}`, setId: 'defra-leeds-2023', sourceFile: 'uk-spend-multipliers-sic-2015-2023.txt' });
    expect(line.factor.uom).toBe(`£ (${year} basic prices, excl. VAT)`);
  });

  it('names a group by its code as councils write it: 62, SIC 62, sic-62, and 10.2 -3 as sic-10.2-3', () => {
    for (const source of ['spend:62', 'spend:sic 62', 'spend:SIC-62']) expect(calc([spend(source, '100', 2023)]).lines[0]!.spend?.group, source).toBe('sic-62');
    expect(calc([spend('spend:sic-10.2-3', '100', 2023)]).lines[0]!.kgCO2e.toFixed()).toBe(multiplier('10.2 -3', 2023).mul(100).toFixed());
  });

  it('costs every example council category at £ × the published multiplier of its SIC group, and says why', () => {
    const inv = calc(exampleRecords.filter((r) => r.source.startsWith('spend:') && r.supplierFactor === undefined && r.id !== 'spend-electricity' && r.id !== 'spend-vehicle-fuel'));
    expect(inv.problems).toEqual([]);
    expect(inv.lines).toHaveLength(20);
    for (const line of inv.lines) {
      const category = line.record.source.slice('spend:'.length);
      const code = categoryGroup.get(category)!;
      expect(line.kgCO2e.toFixed(), category).toBe(line.record.quantity.mul(multiplier(code, 2023)).toFixed());
      expect(line.spend?.category).toBe(category);
      expect(line.spend?.mappingReason?.length).toBeGreaterThan(20);
    }
    // The sum as worked by hand from the published 2023 column (the README and report tests quote it).
    expect(inv.totals.total.toFixed()).toBe('4746754.637');
  });

  it('capital goods are scope 3 category 2', () => {
    const inv = calc([spend('spend:construction-new-buildings', '1000000', 2023, { category: 'capital-goods' })]);
    expect([inv.lines[0]!.scope3Category, inv.lines[0]!.kgCO2e.toFixed()]).toEqual([2, '231865']);
  });

  it('spend after the newest column is brought to its prices by a given index, and the line names the index', () => {
    // £1,040 of 2024 spend at index 104 (2024) and 100 (2023) is £1,000 in 2023 prices.
    const priceIndex = { name: 'Test deflator (2023 = 100)', values: { '2023': '100', '2024': '104' } };
    const inv = calc([spend('spend:sic-62', '1040', 2024)], { priceIndex });
    const line = inv.lines[0]!;
    expect(line.quantity.value.toFixed()).toBe('1000');
    expect(line.kgCO2e.toFixed()).toBe(multiplier('62', 2023).mul(1000).toFixed());
    expect(line.spend).toMatchObject({ priceYear: 2024, column: 2023, adjustment: 'price-index', priceIndex: 'Test deflator (2023 = 100)' });
    expect(inv.problems).toEqual([]);
  });

  it('without an index, later spend is costed at the newest column unadjusted, with a warning naming the gap', () => {
    const inv = calc([spend('spend:sic-62', '1040', 2024)]);
    expect(inv.lines[0]!.kgCO2e.toFixed()).toBe(multiplier('62', 2023).mul(1040).toFixed());
    expect(inv.lines[0]!.spend?.adjustment).toBe('unadjusted');
    expect(inv.problems.map((p) => [p.code, p.severity])).toEqual([['spend-price-year-unadjusted', 'warning']]);
    expect(inv.problems[0]!.message).toMatch(/spend of 2024 costed with defra-leeds-2023's 2023 multiplier without bringing it to 2023 prices \(no price index was given\)/);
    const partial = calc([spend('spend:sic-62', '1040', 2024)], { priceIndex: { name: 'CPIH', values: { '2023': '100' } } });
    expect(partial.problems[0]!.message).toContain('CPIH has no value for 2024');
  });

  it('an amount that includes VAT is brought to net before costing: £1,200 at 20% is £1,000', () => {
    const inv = calc([spend('spend:sic-62', '1200', 2023, { includesVatAt: '20' })]);
    expect(inv.lines[0]!.quantity.value.toFixed()).toBe('1000');
    expect(inv.lines[0]!.spend?.amount.toFixed()).toBe('1000');
    expect(inv.lines[0]!.kgCO2e.toFixed()).toBe(multiplier('62', 2023).mul(1000).toFixed());
  });

  it('a supplier’s own kgCO2e per £ replaces the group average, and the line says so', () => {
    const supplierFactor = { kgCO2ePerGBP: '0.05', supplier: 'Acme IT Ltd', evidence: 'contract carbon report 2023/24' };
    const inv = calc([spend('spend:ict-software-and-services', '200000', 2023, { supplierFactor, dataQuality: 'invoiced' })]);
    const line = inv.lines[0]!;
    expect([line.method, line.dataQuality, line.kgCO2e.toFixed()]).toEqual(['supplier-specific', 'invoiced', '10000']);
    expect(line.spend).toMatchObject({ supplier: 'Acme IT Ltd', evidence: 'contract carbon report 2023/24', group: 'sic-62' });
    expect(line.factor).toMatchObject({ setId: 'supplier-specific', path: 'Acme IT Ltd › contract carbon report 2023/24' });
  });

  it('a supplier factor on a record that is not spend is not used, and a warning says so', () => {
    const inv = calc([{ id: 'gas', category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh', supplierFactor: { kgCO2ePerGBP: '1', supplier: 'X', evidence: 'Y' } }]);
    expect(inv.problems.map((p) => p.code)).toEqual(['supplier-factor-ignored']);
    expect(inv.lines[0]!.method).toBe('activity-based');
  });

  it('the council’s own category rows extend and take precedence over the bundled table', () => {
    const own = [{ category: 'consultancy', label: 'Consultancy', sic_group: '71', reporting_category: 'purchased-goods-and-services' as const, aliases: 'Our consultants', reason: 'Our consultancy is engineering design' }];
    const inv = calc([spend('spend:our-consultants', '1000', 2023)], { spendCategories: own });
    expect(inv.lines[0]!.kgCO2e.toFixed()).toBe(multiplier('71', 2023).mul(1000).toFixed());
    expect(inv.lines[0]!.spend?.mappingReason).toBe('Our consultancy is engineering design');
  });

  it('an unknown category is an error naming it, its £ and the nearest categories, never a zero', () => {
    const inv = calc([spend('spend:legl-servces', '5000', 2023)]);
    expect(inv.lines).toEqual([]);
    expect(inv.totals.total.toFixed()).toBe('0');
    expect(inv.problems[0]).toMatchObject({ severity: 'error', code: 'no-spend-factor' });
    expect(inv.problems[0]!.message).toMatch(/'legl-servces' is neither a spend category nor a group of defra-leeds-2023\. Did you mean: legal-services/);
    expect(inv.problems[0]!.message).toContain('£5000 excluded');
  });
});

describe('energy, fuel and water bought through the ledger and reported as activity are counted once', () => {
  const electricity = { id: 'elec', category: 'buildings', source: 'electricity', quantity: '100000', unit: 'kWh' } as const;

  it('spend on electricity beside kWh of electricity is a memo item and a warning naming the £, not a line', () => {
    const inv = calc([electricity, spend('spend:electricity', '25000', 2023, { id: 'elec-spend' })]);
    expect(inv.lines.every((l) => l.recordId === 'elec')).toBe(true);
    const memo = inv.memo.find((m) => m.kind === 'spend-counted-as-activity')!;
    expect(memo.value.toFixed()).toBe(multiplier('35.1', 2023).mul(25000).toFixed());
    expect(inv.problems.map((p) => [p.code, p.severity, p.value])).toEqual([['spend-counted-as-activity', 'warning', '25000']]);
    expect(inv.problems[0]!.message).toContain('£25000 of spend on Electricity, transmission and distribution is left out');
    expect(inv.problems[0]!.message).toContain('(elec)');
  });

  it('the same spend without electricity activity is costed', () => {
    const inv = calc([spend('spend:electricity', '25000', 2023)]);
    expect(inv.lines[0]!.kgCO2e.toFixed()).toBe(multiplier('35.1', 2023).mul(25000).toFixed());
  });

  it('fleet diesel litres make vehicle-fuel spend (SIC 19) an overlap; water supply does not make sewerage one', () => {
    const inv = calc([
      { id: 'diesel', category: 'fleet', source: 'diesel', quantity: '1000', unit: 'litre' },
      { id: 'water', category: 'water', source: 'water-supply', quantity: '100', unit: 'm3' },
      spend('spend:vehicle-fuel', '1500', 2023, { id: 'fuel-spend' }),
      spend('spend:sewerage-and-drainage', '800', 2023, { id: 'sewer-spend' }),
    ]);
    expect(inv.memo.filter((m) => m.kind === 'spend-counted-as-activity').map((m) => m.recordId)).toEqual(['fuel-spend']);
    expect(inv.lines.some((l) => l.recordId === 'sewer-spend')).toBe(true);
  });
});

describe('spend costing properties', () => {
  // Up to £100m a record, so k × it stays within the plausible £100bn.
  const pounds = fc.bigInt({ min: 1n, max: 10n ** 10n }).map((p) => new Decimal(p.toString()).div(100));
  const year = fc.integer({ min: 2015, max: 2023 });
  const group = fc.constantFrom('sic-62', 'sic-41.2', 'sic-87', 'sic-38', 'sic-10.2-3', 'legal-services', 'construction-civil-engineering');

  it('is linear in £: k times the spend gives exactly k times the emissions', () => {
    fc.assert(
      fc.property(pounds, fc.integer({ min: 2, max: 1000 }), year, group, (p, k, y, g) => {
        const one = calc([spend(`spend:${g}`, p.toFixed(), y)]).totals.total;
        const many = calc([spend(`spend:${g}`, p.mul(k).toFixed(), y)]).totals.total;
        expect(many.toFixed()).toBe(one.mul(k).toFixed());
      }),
      { numRuns: 60 },
    );
  });

  it('splitting a spend record into parts gives exactly the same total', () => {
    fc.assert(
      fc.property(fc.array(pounds, { minLength: 1, maxLength: 12 }), year, group, (parts, y, g) => {
        const whole = parts.reduce((a, b) => a.add(b), new Decimal(0));
        const split = calc(parts.map((p, i) => spend(`spend:${g}`, p.toFixed(), y, { id: `p${i}` }))).totals.total;
        expect(split.toFixed()).toBe(calc([spend(`spend:${g}`, whole.toFixed(), y)]).totals.total.toFixed());
      }),
      { numRuns: 60 },
    );
  });
});

describe('emissions a supplier or fund reports', () => {
  it('a supplier’s reported emissions for a contract are a supplier-specific scope 3 line, in kg', () => {
    const inv = calc([{ id: 'r', category: 'outsourced-services', source: 'reported-emissions:greenway-recycling', quantity: '412.5', unit: 'tonne', dataQuality: 'invoiced', notes: 'contract carbon report 2023/24' }]);
    const line = inv.lines[0]!;
    expect([line.method, line.scope, line.scope3Category, line.kgCO2e.toFixed()]).toEqual(['supplier-specific', 'scope-3', 1, '412500']);
    expect(line.factor.path).toBe('Reported by greenway-recycling › contract carbon report 2023/24');
  });

  it('a pension fund’s financed emissions are scope 3 category 15, shown apart from the operational totals', () => {
    const inv = calc([
      { id: 'gas', category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh' },
      { id: 'fund', category: 'investments', source: 'reported-emissions:county-pension-fund', quantity: '18250', unit: 'tonne' },
    ]);
    expect(new Set(inv.lines.map((l) => l.recordId))).toEqual(new Set(['gas']));
    expect(inv.totals.byCategory.has('investments')).toBe(false);
    const memo = inv.memo.find((m) => m.kind === 'financed-emissions')!;
    expect([memo.value.toFixed(), memo.unit]).toEqual(['18250000', 'kgCO2e']);
    expect(memo.note).toContain('Scope 3 category 15');
  });

  it('only reported emissions can be given under investments', () => {
    const inv = calc([{ id: 'x', category: 'investments', source: 'spend:sic-64', quantity: '1000', unit: 'GBP', priceYear: 2023 }]);
    expect(inv.problems.map((p) => p.code)).toEqual(['category-not-allowed']);
  });
});

describe('the price year of spend', () => {
  it('defaults to the first calendar year of the reporting year, and the line says so', () => {
    const inv = calculateInventory({ reportingYear: '2021/22', records: [{ category: 'purchased-goods-and-services', source: 'spend:sic-62', quantity: '1000', unit: 'GBP' }] });
    expect(inv.lines[0]!.spend).toMatchObject({ priceYear: 2021, column: 2021 });
    expect(inv.lines[0]!.kgCO2e.toFixed()).toBe(multiplier('62', 2021).mul(1000).toFixed());
  });

  it('without a reporting year it must be given', () => {
    const inv = calculateInventory({ records: [{ category: 'purchased-goods-and-services', source: 'spend:sic-62', quantity: '1000', unit: 'GBP' }] });
    expect(inv.problems.map((p) => p.code)).toContain('missing-price-year');
  });
});

describe('spend configuration that cannot be right is refused before use', () => {
  it('a price index of zero or below, or a negative factor in a user table, is a RangeError naming it', () => {
    const records = [spend('spend:sic-62', '1000', 2024)];
    expect(() => calc(records, { priceIndex: { name: 'Broken', values: { '2023': '100', '2024': '0' } } })).toThrow(/priceIndex is not a price index: values\.2024: an index value must be above zero/);
    const table = { id: 't', title: 'T', priceYear: 2023, kgCO2ePerGBP: { 'legal-services': '-0.1' }, priceIndex: { name: 'I', values: { '2023': '100' } } };
    expect(() => calc(records, { spendFactors: table })).toThrow(/spendFactors is not a spend factor table: kgCO2ePerGBP\.legal-services: a factor cannot be negative/);
  });
});

describe('recalculating an inventory costed with a user’s spend table', () => {
  it('warns when the recalculation, without the table, costs spend on the bundled multipliers instead', () => {
    const table = { id: 'provider-2023', title: 'Provider factors', priceYear: 2023, kgCO2ePerGBP: { 'sic-62': '0.2' }, priceIndex: { name: 'I', values: { '2023': '100' } } };
    const original = calc([spend('spend:sic-62', '1000', 2023)], { spendFactors: table });
    expect(original.lines[0]!.kgCO2e.toFixed()).toBe('200');
    const restated = recalculate(original, 'desnz-2024');
    expect(restated.lines[0]!.kgCO2e.toFixed()).toBe(multiplier('62', 2023).mul(1000).toFixed());
    expect(restated.problems.map((p) => p.code)).toContain('spend-factors-changed');
    expect(recalculate(original, 'desnz-2024', { spendFactors: table }).problems.map((p) => p.code)).not.toContain('spend-factors-changed');
  });
});

describe('staff travel does not count as the utility bills a ledger pays', () => {
  it('EV charging claimed as business travel leaves electricity spend costed', () => {
    const inv = calc([
      { id: 'ev', category: 'business-travel', source: 'electricity', quantity: '500', unit: 'kWh' },
      spend('spend:electricity', '25000', 2023, { id: 'elec-spend' }),
    ]);
    expect(inv.memo.filter((m) => m.kind === 'spend-counted-as-activity')).toEqual([]);
    expect(inv.lines.find((l) => l.recordId === 'elec-spend')!.kgCO2e.toFixed()).toBe(multiplier('35.1', 2023).mul(25000).toFixed());
  });
});
