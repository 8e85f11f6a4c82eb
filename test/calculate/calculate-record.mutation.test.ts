import { describe, expect, it } from 'vitest';
import { parseActivityRecord, type ActivityRecord, type ActivityRecordInput } from '../../src/activity/record.js';
import { calculateRecord } from '../../src/calculate/calculate-record.js';
import { loadFactorSet } from '../../src/factors/bundled.js';
import { bundledSpendCategories, loadSpendFactorSet } from '../../src/factors/spend/bundled.js';
import { SpendCategoryMap } from '../../src/factors/spend/categories.js';
import { calculateInventory, type CalculationOptions } from '../../src/inventory/calculate-inventory.js';

/**
 * One record's lines, memo items and warnings (src/calculate/calculate-record.ts; issue 17, mutation testing), in
 * the details a council reads: the wording of each warning and memo item, the site and the market-based basis of a
 * line, the £ conversion of a spend line, a reported figure's line, and which published row a line cites. Figures
 * are the published DESNZ values (file, row and ID quoted) times round quantities, worked by hand.
 */

const calc = (records: ActivityRecordInput[], set = 'desnz-2024', options: CalculationOptions = {}) => calculateInventory({ records, reportingYear: '2023/24' }, { factorSet: set, ...options });
const problems = (inv: ReturnType<typeof calc>) => inv.problems.filter((p) => p.code !== 'boundary-excludes').map((p) => [p.severity, p.code, p.message]);
const record = (input: ActivityRecordInput): ActivityRecord => {
  const parsed = parseActivityRecord(input, 0);
  if ('problem' in parsed) throw new Error(parsed.problem.message);
  return parsed.record;
};

describe('a field a record’s source cannot use', () => {
  it('is named in a warning of its own words, and the record is costed without it', () => {
    const gas = { id: 'g', category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh' } as const;
    expect(problems(calc([{ ...gas, market: { type: 'renewable-backed' } }]))).toEqual([
      ['warning', 'market-instrument-ignored', "Record g: a market instrument (renewable-backed) applies only to grid electricity in kWh bought for the council's own operations (scope 2); for natural-gas under buildings it is not used"],
    ]);
    expect(problems(calc([{ ...gas, supplierFactor: { kgCO2ePerGBP: '1', supplier: 'X', evidence: 'Y' } }]))).toEqual([
      ['warning', 'supplier-factor-ignored', "Record g: a supplier's kgCO2e per £ applies only to spend (spend:<category>); for natural-gas it is not used"],
    ]);
    expect(problems(calc([{ ...gas, returnToSewer: '95' }]))).toEqual([
      ['warning', 'return-to-sewer-ignored', 'Record g: a return-to-sewer share applies only to water-supply (it adds the treatment of that share); for natural-gas it is not used'],
    ]);
  });

  it('is not warned of where it is used: a supplier’s figure on spend, a tariff on grid electricity', () => {
    const supplierFactor = { kgCO2ePerGBP: '0.05', supplier: 'Acme IT Ltd', evidence: 'contract carbon report 2023/24' };
    const spend = calc([{ id: 's', category: 'purchased-goods-and-services', source: 'spend:ict-software-and-services', quantity: '1000', unit: 'GBP', priceYear: 2023, supplierFactor }], 'desnz-2023');
    expect(spend.problems).toEqual([]);
    const electricity = calc([{ id: 'e', category: 'buildings', source: 'electricity', quantity: '1000', unit: 'kWh', market: { type: 'renewable-backed' } }]);
    expect(electricity.problems).toEqual([]);
  });

  it('on a record with no lines gives no warning beside the record’s error', () => {
    const inv = calc([{ id: 'r', category: 'fugitive-emissions', source: 'refrigerant:r9999', quantity: '1', unit: 'kg', market: { type: 'renewable-backed' } }]);
    expect(inv.problems.map((p) => [p.severity, p.code])).toEqual([['error', 'factor-not-found']]);
  });

  it('a record whose every line is scope 2 (upstream and losses left out) still has its own warnings checked', () => {
    // Grid electricity under buildings without WTT and T&D: the generation line alone, which has a market figure.
    const inv = calc([{ id: 'e', category: 'buildings', source: 'electricity', quantity: '1000', unit: 'kWh', scope3Category: 3 }], 'desnz-2024', { exclude: ['well-to-tank', 'transmission-and-distribution'] });
    expect(inv.lines.map((l) => [l.scope, l.market?.basis])).toEqual([['scope-2', 'grid-average']]);
    expect(problems(inv)).toEqual([['warning', 'scope3-category-ignored', "Record e: buildings is the council's own operations (scopes 1 and 2), so scope 3 category 3 is not used"]]);
  });
});

describe('the market-based figure of a scope 2 line', () => {
  it('is the grid average for grid electricity with no instrument and no residual mix, said as such', () => {
    // DESNZ 2024, UK electricity generated (row 3066, 7_400_4000_5_1): 0.20705 → 1,000 kWh = 207.05 kg.
    const inv = calc([{ id: 'e', category: 'buildings', source: 'electricity', quantity: '1000', unit: 'kWh' }]);
    const direct = inv.lines.find((l) => l.role === 'direct')!;
    expect([direct.kgCO2e.toFixed(), direct.market?.kgCO2e.toFixed(), direct.market?.basis]).toEqual(['207.05', '207.05', 'grid-average']);
  });

  it('is the location-based figure for heat, with or without a residual mix (no contract applies to it)', () => {
    // DESNZ 2024, district heat and steam (row 3454, 10_401_4003_5_1): 0.17965 → 1,000 kWh = 179.65 kg.
    for (const options of [{}, { residualMixKgCO2ePerKWh: '0.4' }]) {
      const inv = calc([{ id: 'h', category: 'buildings', source: 'district-heat', quantity: '1000', unit: 'kWh' }], 'desnz-2024', options);
      const direct = inv.lines.find((l) => l.role === 'direct')!;
      expect([direct.scope, direct.kgCO2e.toFixed(), direct.market?.kgCO2e.toFixed(), direct.market?.basis]).toEqual(['scope-2', '179.65', '179.65', 'location-based']);
    }
  });

  it('is the residual mix for grid electricity where one is given: 1,000 kWh × 0.4 = 400 kg', () => {
    const inv = calc([{ id: 'e', category: 'buildings', source: 'electricity', quantity: '1000', unit: 'kWh' }], 'desnz-2024', { residualMixKgCO2ePerKWh: '0.4' });
    const direct = inv.lines.find((l) => l.role === 'direct')!;
    expect([direct.market?.kgCO2e.toFixed(), direct.market?.basis]).toEqual(['400', 'residual-mix']);
  });
});

describe('memo items', () => {
  it('a removal is in kgCO2e, never netted, with its note', () => {
    const inv = calc([{ id: 'trees', category: 'buildings', source: 'sequestration', quantity: '2', unit: 'tonne', site: 'Country park' }]);
    expect(inv.lines).toEqual([]);
    expect(inv.problems).toEqual([]);
    expect(inv.memo.map((m) => ({ ...m, value: m.value.toFixed() }))).toEqual([
      { recordId: 'trees', kind: 'removal', category: 'buildings', site: 'Country park', value: '2000', unit: 'kgCO2e', note: 'Removals by land use (sequestration), reported separately and never netted into gross totals' },
    ]);
  });

  it('biogenic CO2 goes with the fuel’s direct line: 1,000 litres of diesel × 0.16 = 160 kg, outside of scopes', () => {
    // DESNZ 2024: diesel (average biofuel blend) 2.51279 per litre (row 187, 1_101_1011_8_1), its WTT 0.61101 (row 3503),
    // and its outside-of-scopes CO2 0.16 per litre (row 8690, 99_604_1011_8_2).
    const inv = calc([{ id: 'd', category: 'fleet', source: 'diesel', quantity: '1000', unit: 'litre', site: 'Depot' }]);
    const noSite = calc([{ id: 'd', category: 'fleet', source: 'diesel', quantity: '1000', unit: 'litre' }]);
    expect([...noSite.lines, ...noSite.memo].map((l) => 'site' in l)).toEqual([false, false, false]);
    expect(inv.lines.map((l) => [l.role, l.kgCO2e.toFixed(), l.site, l.factor.sourceRow, l.factor.sourceId])).toEqual([
      ['direct', '2512.79', 'Depot', 187, '1_101_1011_8_1'],
      ['well-to-tank', '611.01', 'Depot', 3503, '11_101_1011_8_1'],
    ]);
    expect(inv.memo.map((m) => [m.kind, m.value.toFixed(), m.unit, m.site, m.note, m.factor?.sourceId])).toEqual([
      ['biogenic-co2', '160', 'kgCO2e', 'Depot', 'Biogenic CO2 from the biomass or biofuel content, outside of scopes', '99_604_1011_8_2'],
    ]);
  });

  it('a flight’s figure without radiative forcing: 1,000 passenger.km × 0.34252 = 342.52 kg', () => {
    // DESNZ 2024, long-haul business class with RF 0.58028 (row 4466), without RF 0.34252 (row 4470).
    const inv = calc([{ id: 'f', category: 'business-travel', source: 'flight:long-haul:business', quantity: '1000', unit: 'passenger.km' }]);
    expect(inv.lines.find((l) => l.role === 'direct')!.kgCO2e.toFixed()).toBe('580.28');
    expect(inv.memo.map((m) => [m.kind, m.value.toFixed(), m.unit, m.note])).toEqual([
      ['flight-without-radiative-forcing', '342.52', 'kgCO2e', 'The same flights without the radiative forcing uplift (totals include it, as DESNZ recommends)'],
    ]);
  });

  it('the non-Kyoto part of a blend, with the warning for a gas that is partly non-Kyoto', () => {
    // DESNZ 2023, R401A: only Kyoto products 18 per kg (3_201_2099_3_1), only non-Kyoto 1112 (3_201_2100_3_1): 10 kg = 180 + 11,120.
    const inv = calc([{ id: 'r401a', category: 'fugitive-emissions', source: 'refrigerant:r401a', quantity: '10', unit: 'kg' }], 'desnz-2023');
    expect(inv.memo.map((m) => [m.kind, m.value.toFixed(), m.unit, m.note])).toEqual([
      ['non-kyoto-gas', '11120', 'kgCO2e', 'A gas outside the Kyoto basket (Montreal Protocol or other non-Kyoto gas), reported separately from the scopes'],
    ]);
    expect(problems(inv)).toEqual([
      ['warning', 'non-kyoto-gas', 'Record r401a: refrigerant:r401a is partly a non-Kyoto gas (Refrigerant & other › Blends › R401A › Emissions including only non-Kyoto products): as the GHG Protocol requires, that part is reported as a memo item outside the scopes, not in the totals'],
    ]);
  });

  it('a gas DESNZ printed only as a bound is a memo item at that bound, its note saying so', () => {
    const inv = calc([{ id: 'yf', category: 'fugitive-emissions', source: 'refrigerant:r1234yf', quantity: '3', unit: 'kg' }], 'desnz-2016');
    expect(inv.memo.map((m) => [m.kind, m.value.toFixed(), m.unit])).toEqual([['non-kyoto-gas', '3', 'kgCO2e']]);
    expect(inv.memo[0]!.note).toMatch(/^At most 3 kgCO2e: DESNZ printed "< 1" kgCO2e per kg, not a value \(desnz-2016 row \d+, Refrigerant & other › Other refrigerants › R1234yf\); reported at that bound, outside the scopes$/);
  });

  it('generation is a memo item alone, in kWh, with no problem', () => {
    const inv = calc([{ id: 'pv', category: 'buildings', source: 'renewable-generation:exported', quantity: '5', unit: 'MWh' }]);
    expect([inv.lines, inv.problems, inv.memo.map((m) => [m.kind, m.value.toFixed(), m.unit, m.note, 'site' in m])]).toEqual([
      [],
      [],
      [['renewable-generation', '5000', 'kWh', 'Renewable electricity generated (exported), reported as a memo item, not netted off', false]],
    ]);
  });
});

describe('water supply with its share returned to sewer', () => {
  it('adds the treatment of the share, converted as the supply is, with the share on the line', () => {
    // DESNZ 2023: water supply 0.176684546579014 per m3 (row 3728, 17_404_4005_1_1); water treatment 0.201318291710656
    // per m3 (row 3730, 18_405_4006_1_1). 1,000 litres = 1 m3 supplied: 0.176684546579014 kg; 95% = 950 litres =
    // 0.95 m3 treated: 0.95 × 0.201318291710656 = 0.1912523771251232 kg.
    const inv = calc([{ id: 'w', category: 'water', source: 'water-supply', quantity: '1000', unit: 'litre', returnToSewer: '95' }], 'desnz-2023');
    expect(inv.problems).toEqual([]);
    expect(inv.lines.map((l) => [l.factor.sourceId, l.kgCO2e.toFixed(), l.quantity.value.toFixed(), l.quantity.conversion?.from, l.quantity.conversion?.multiplier.toFixed(), l.quantity.share?.percent.toFixed()])).toEqual([
      ['17_404_4005_1_1', '0.176684546579014', '1', 'litre', '0.001', undefined],
      ['18_405_4006_1_1', '0.1912523771251232', '0.95', 'litre', '0.001', '95'],
    ]);
    expect(inv.lines[1]!.quantity.share?.of).toBe('water supplied (1000 litre) returned to sewer');
  });

  it('whose supply cannot be costed gives the supply’s error, not the treatment’s', () => {
    // DESNZ publishes water by volume only: supply in kg has no factor, so there is nothing to add treatment to.
    const r = { ...record({ id: 'w', category: 'water', source: 'water-supply', quantity: '1000', unit: 'm3', returnToSewer: '95' }), unit: 'kg' as const };
    const result = calculateRecord(r, { set: loadFactorSet('desnz-2023') });
    expect(result.lines).toEqual([]);
    expect(result.problems.map((p) => [p.code, p.value])).toEqual([['factor-not-found', 'water-supply']]);
    expect(result.problems[0]!.message).toMatch(/^Record w: desnz-2023 has no direct factor for water-supply in kg /);
  });

  it('in the factor’s own unit has no conversion on the treatment line', () => {
    const inv = calc([{ id: 'w', category: 'water', source: 'water-supply', quantity: '100', unit: 'm3', returnToSewer: '95' }], 'desnz-2023');
    expect(inv.lines.map((l) => ['conversion' in l.quantity, l.quantity.value.toFixed()])).toEqual([
      [false, '100'],
      [false, '95'],
    ]);
  });
});

describe('spend', () => {
  const spend = (extra: Partial<ActivityRecordInput> = {}): ActivityRecordInput => ({ id: 's', category: 'purchased-goods-and-services', source: 'spend:sic-62', quantity: '1250', unit: 'GBP', priceYear: 2023, ...extra });

  it('£1,250 including VAT at 25% is costed as £1,000, the line saying how (× 0.8)', () => {
    const line = calc([spend({ includesVatAt: '25', site: 'Civic centre' })], 'desnz-2023').lines[0]!;
    expect([line.quantity.value.toFixed(), line.quantity.conversion?.from, line.quantity.conversion?.multiplier.toFixed(), line.site]).toEqual(['1000', 'GBP', '0.8', 'Civic centre']);
    // The same £ at the multiplier’s own prices: nothing converted.
    const plain = calc([spend()], 'desnz-2023').lines[0]!;
    expect(['conversion' in plain.quantity, 'site' in plain]).toEqual([false, false]);
  });

  it('a supplier’s own figure: 1,000 net × 0.05 = 50 kg, in the pounds paid, an estimate where the record said spend-based', () => {
    const supplierFactor = { kgCO2ePerGBP: '0.05', supplier: 'Acme IT Ltd', evidence: 'contract carbon report 2023/24' };
    const inv = calc([spend({ includesVatAt: '25', supplierFactor, dataQuality: 'spend-based', site: 'Civic centre' })], 'desnz-2023');
    expect(inv.problems).toEqual([]);
    expect(inv.memo).toEqual([]);
    const line = inv.lines[0]!;
    expect([line.method, line.dataQuality, line.kgCO2e.toFixed(), line.site, line.scope, line.scope3Category]).toEqual(['supplier-specific', 'estimated', '50', 'Civic centre', 'scope-3', 1]);
    expect(line.factor).toMatchObject({ key: 'supplier/acme-it-ltd@gbp', uom: '£ (2023 prices, excl. VAT)', desnzScope: 'Scope 3', sourceRow: 0 });
    expect([line.quantity.value.toFixed(), line.quantity.uom, line.quantity.conversion?.multiplier.toFixed()]).toEqual(['1000', '£ (2023 prices, excl. VAT)', '0.8']);
  });

  it('spend naming a SIC group directly is matched against the activity data by that group', () => {
    const inv = calc([{ id: 'e', category: 'buildings', source: 'electricity', quantity: '1000', unit: 'kWh' }, spend({ source: 'spend:sic-35.1', quantity: '2000' })], 'desnz-2023');
    expect(inv.lines.filter((l) => l.recordId === 's')).toEqual([]);
    expect(inv.memo.filter((m) => m.kind === 'spend-counted-as-activity').map((m) => m.recordId)).toEqual(['s']);
  });

  it('a supplier’s own figure is kept even where activity data covers the group (it is the council’s contract)', () => {
    const supplierFactor = { kgCO2ePerGBP: '0.1', supplier: 'Green Power Co', evidence: 'fuel mix disclosure 2023' };
    const inv = calc([{ id: 'e', category: 'buildings', source: 'electricity', quantity: '1000', unit: 'kWh' }, spend({ source: 'spend:electricity', quantity: '2000', supplierFactor })], 'desnz-2023');
    expect(inv.memo.filter((m) => m.kind === 'spend-counted-as-activity')).toEqual([]);
    expect(inv.lines.filter((l) => l.recordId === 's').map((l) => [l.method, l.kgCO2e.toFixed()])).toEqual([['supplier-specific', '200']]);
  });

  it('spend the activity data already counts names up to three of the records that count it, then how many more', () => {
    const kwh = (id: string) => ({ id, category: 'buildings', source: 'electricity', quantity: '100', unit: 'kWh' }) as const;
    const five = calc([kwh('e1'), kwh('e2'), kwh('e3'), kwh('e4'), kwh('e5'), spend({ source: 'spend:electricity', quantity: '25000' })], 'desnz-2023');
    const memo = five.memo.find((m) => m.kind === 'spend-counted-as-activity')!;
    expect([memo.unit, memo.note]).toEqual(['kgCO2e', '£25000 of Electricity, transmission and distribution spend, counted from activity data instead (e1, e2, e3 and 2 more)']);
    expect(problems(five)).toEqual([
      ['warning', 'spend-counted-as-activity', 'Record s: £25000 of spend on Electricity, transmission and distribution is left out, because the same purchases are counted from activity data (e1, e2, e3 and 2 more); if some of it buys supplies the activity data lacks, report those in kWh, litres or m3 instead'],
    ]);
    const three = calc([kwh('e1'), kwh('e2'), kwh('e3'), spend({ source: 'spend:electricity', quantity: '25000' })], 'desnz-2023');
    expect(three.memo.find((m) => m.kind === 'spend-counted-as-activity')!.note).toBe('£25000 of Electricity, transmission and distribution spend, counted from activity data instead (e1, e2, e3)');
  });

  it('without a spend factor set, or with no record of activity to compare with, spend is handled, never thrown on', () => {
    const set = loadFactorSet('desnz-2023');
    const r = record(spend());
    expect(calculateRecord(r, { set })).toEqual({
      lines: [],
      memo: [],
      problems: [{ severity: 'error', code: 'no-spend-factor', message: 'Record s: No spend factor set was given; spend is excluded rather than counted as zero', origin: r.origin, value: 'spend:sic-62' }],
    });
    const costed = calculateRecord(r, { set, spend: { set: loadSpendFactorSet(), categories: new SpendCategoryMap(bundledSpendCategories()) } });
    expect([costed.lines.length, costed.problems]).toEqual([1, []]);
  });
});

describe('emissions a supplier reports', () => {
  it('in tonnes: a line in kg, converted × 1000, citing the supplier, with its site', () => {
    const inv = calc([{ id: 'r', category: 'outsourced-services', source: 'reported-emissions:greenway-recycling', quantity: '412.5', unit: 'tonne', site: 'Depot' }]);
    expect([inv.problems, inv.memo]).toEqual([[], []]);
    const line = inv.lines[0]!;
    expect([line.role, line.scope, line.scope3Category, line.kgCO2e.toFixed(), line.site]).toEqual(['direct', 'scope-3', 1, '412500', 'Depot']);
    expect({ ...line.factor, kgCO2ePerUnit: line.factor.kgCO2ePerUnit.toFixed() }).toEqual({
      key: 'reported/greenway-recycling@kgco2e', setId: 'supplier-reported', path: 'Reported by greenway-recycling', uom: 'kgCO2e', desnzScope: 'Scope 3', kgCO2ePerUnit: '1', sourceFile: 'greenway-recycling', sourceRow: 0,
    });
    expect([line.quantity.value.toFixed(), line.quantity.uom, line.quantity.conversion?.from, line.quantity.conversion?.multiplier.toFixed()]).toEqual(['412500', 'kgCO2e', 'tonne', '1000']);
  });

  it('in kg: nothing converted, and no site where the record has none', () => {
    const line = calc([{ id: 'r', category: 'outsourced-services', source: 'reported-emissions:greenway-recycling', quantity: '250', unit: 'kg' }]).lines[0]!;
    expect([line.kgCO2e.toFixed(), 'conversion' in line.quantity, 'site' in line]).toEqual(['250', false, false]);
  });
});

describe('a record the calculator is given directly', () => {
  it('with a source no catalogue has is an error naming it, not a crash', () => {
    const r = { ...record({ id: 'x', category: 'buildings', source: 'natural-gas', quantity: '1', unit: 'kWh' }), source: 'unobtainium' };
    const result = calculateRecord(r, { set: loadFactorSet('desnz-2024') });
    expect(result.lines).toEqual([]);
    expect(result.problems.map((p) => [p.severity, p.code, p.value])).toEqual([['error', 'unknown-source', 'unobtainium']]);
    expect(result.problems[0]!.message).toMatch(/^Record x: /);
  });
});

describe('a factor not found', () => {
  it('lists the three nearest published keys, comma-separated, looked up without the wildcard', () => {
    const inv = calc([{ id: 'f', category: 'buildings', source: 'desnz:fuels/foo', quantity: '1', unit: 'kWh' }], 'desnz-2023');
    const message = inv.problems[0]!.message;
    const nearest = /Nearest published factors: (.*)$/.exec(message)![1]!.split(', ');
    expect(nearest).toHaveLength(3);
    for (const key of nearest) expect(key).toMatch(/^fuels\/[a-z0-9./-]+@[a-z0-9.-]+$/);
  });
});
