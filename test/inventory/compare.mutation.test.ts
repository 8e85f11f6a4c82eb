import { describe, expect, it } from 'vitest';
import type { ActivityRecordInput } from '../../src/activity/record.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';
import { compareInventories, type ChangeRow } from '../../src/inventory/compare.js';

/**
 * Where each part of a year-on-year change is put, worked by hand from the published rows
 * (../shared/emission-factor-sources/uk-ghg-conversion-factors/normalized/uk-ghg-conversion-factors-<year>-flat.csv,
 * by line; DESNZ published no row IDs before 2023):
 *   2021 line 531   Refrigerant & other › Kyoto protocol- blends › R408A, kg: 3152
 *   2022 line 669   Refrigerant & other › Blends › R408A › Emissions including only Kyoto products, kg: 2301
 *   2022 line 670   … › R408A › Emissions including only non-Kyoto products, kg: 851
 *   2020 line 431   Bioenergy › Biofuel › Biodiesel, litres: 0.1658;  line 3468 WTT- bioenergy › WTT- biofuel › Biodiesel: 0.37381
 *   2021 line 463   Bioenergy › Biofuel › Biodiesel ME, litres: 0.16751; line 3533 WTT- … › Biodiesel ME: 0.41926
 *   (both years also publish the biodiesel's biogenic CO2 outside of scopes, 2.36 kg per litre: 2020 line 6902, 2021 line 6983)
 */
const gas = (id: string, kg: string): ActivityRecordInput => ({ id, category: 'fugitive-emissions', source: 'refrigerant:r408a', quantity: kg, unit: 'kg' });
const electricity = (kWh: string): ActivityRecordInput => ({ id: 'e', category: 'buildings', source: 'electricity', quantity: kWh, unit: 'kWh' });
const on = (records: ActivityRecordInput[], factorSet: string, reportingYear?: string) =>
  calculateInventory({ records, ...(reportingYear === undefined ? {} : { reportingYear }) }, { factorSet });
const method = (rows: readonly ChangeRow<unknown>[]) => Object.fromEntries(rows.map((r) => [String(r.key), r.methodEffect.toFixed()]));

describe('the parts of a change, each in its place', () => {
  it('puts a method effect in the scope and category of the gas that moved, and nowhere else', () => {
    // R408A 10 kg, 2021 → 2022: the 8,510 kgCO2e that left the basket (10 × 851) is scope 1 and fugitive emissions';
    // the electricity beside it has none.
    const c = compareInventories(on([gas('chiller', '10'), electricity('1000')], 'desnz-2021'), on([gas('chiller', '10'), electricity('1000')], 'desnz-2022'));
    expect(c.total.key).toBe('total');
    expect(c.total.methodEffect.toFixed()).toBe('-8510');
    expect(method(c.byScope)).toEqual({ 'scope-1': '-8510', 'scope-2': '0', 'scope-3': '0' });
    expect(method(c.byCategory)).toEqual({ buildings: '0', 'fugitive-emissions': '-8510' });
  });

  it('counts as one change the records alike, each record once, their effects summed', () => {
    // "old" (2021/22) and "new" (2022/23), 10 kg each: each is half of the split, −(10 × 851) / 2 = −4255, so −8510.
    const c = compareInventories(on([gas('old', '10')], 'desnz-2021'), on([gas('new', '10')], 'desnz-2022'));
    expect(c.methodChanges.map((m) => [m.kind, m.recordIds, m.kgCO2e.toFixed()])).toEqual([['outside-kyoto-basket', ['old', 'new'], '-8510']]);
  });

  it('names a renamed fuel’s rows, line by line, with no non-Kyoto memo items (its biogenic CO2 is not one)', () => {
    // 1,000 litres both years: P = 1000 × (0.1658 + 0.37381) = 539.61; C = 1000 × (0.16751 + 0.41926) = 586.77;
    // the change, 47.16, is all factor effect, on the renamed rows.
    const bio: ActivityRecordInput = { id: 'bio', category: 'fleet', source: 'biodiesel-me', quantity: '1000', unit: 'litre' };
    const c = compareInventories(on([bio], 'desnz-2020'), on([bio], 'desnz-2021'));
    expect([c.total.change, c.total.activityEffect, c.total.factorEffect, c.total.methodEffect].map((d) => d.toFixed())).toEqual(['47.16', '0', '47.16', '0']);
    expect(c.methodChanges.map((m) => ({ ...m, kgCO2e: m.kgCO2e.toFixed() }))).toEqual([{
      kind: 'renamed-row',
      source: 'biodiesel-me',
      recordIds: ['bio'],
      previous: { setId: 'desnz-2020', rows: ['Bioenergy › Biofuel › Biodiesel', 'WTT- bioenergy › WTT- biofuel › Biodiesel'], outsideKyoto: [] },
      current: { setId: 'desnz-2021', rows: ['Bioenergy › Biofuel › Biodiesel ME', 'WTT- bioenergy › WTT- biofuel › Biodiesel ME'], outsideKyoto: [] },
      kgCO2e: '47.16',
    }]);
  });

  it('names only the rows renamed, not the lines beside them on the same rows, and nothing when none was', () => {
    // Electricity's upstream rows: "WTT- UK & overseas elec" in 2022 (lines 3720, 3721: 0.04625, 0.00423 per kWh,
    // Level 4 the data year 2020), "WTT- UK electricity" in 2023 (IDs 15_917_4000_5_1, 15_918_4000_5_1: 0.0459,
    // 0.00397); generation and T&D keep their names. 1,000 kWh then 2,000: each record is half of the split, so
    // (1000 + 2000) × ((0.0459 − 0.04625) + (0.00397 − 0.00423)) / 2 = 3000 × −0.00061 / 2 = −0.915.
    const c = compareInventories(on([electricity('1000')], 'desnz-2022'), on([electricity('2000')], 'desnz-2023'));
    expect(c.methodChanges.map((m) => ({ ...m, kgCO2e: m.kgCO2e.toFixed() }))).toEqual([{
      kind: 'renamed-row',
      source: 'electricity',
      recordIds: ['e'],
      previous: {
        setId: 'desnz-2022',
        rows: ['WTT- UK & overseas elec › WTT- UK electricity (generation) › Electricity: UK › 2020', 'WTT- UK & overseas elec › WTT- UK electricity (T&D) › Electricity: UK › 2020'],
        outsideKyoto: [],
      },
      current: {
        setId: 'desnz-2023',
        rows: ['WTT- UK electricity › WTT- UK electricity (generation) › Electricity: UK › kWh', 'WTT- UK electricity › WTT- UK electricity (T&D) › Electricity: UK › kWh'],
        outsideKyoto: [],
      },
      kgCO2e: '-0.915',
    }]);
    expect(compareInventories(on([electricity('1000')], 'desnz-2023'), on([electricity('2000')], 'desnz-2024')).methodChanges).toEqual([]);
  });

  it('leaves memo-only records (generation) out of the comparable records', () => {
    // Renewable generation is a memo item with no emission line: nothing to compare; 1,000 kWh of grid electricity
    // in both years is the whole (factor) change.
    const solar: ActivityRecordInput = { id: 'pv', category: 'buildings', source: 'renewable-generation:used-on-site', quantity: '5000', unit: 'kWh' };
    const [previous, current] = [on([electricity('1000'), solar], 'desnz-2023'), on([electricity('1000'), solar], 'desnz-2024')];
    expect(previous.memo.filter((m) => m.recordId === 'pv')).not.toEqual([]);
    const c = compareInventories(previous, current);
    expect(c.total.activityEffect.isZero()).toBe(true);
    expect(c.total.factorEffect.eq(c.total.change)).toBe(true);
    expect(c.methodChanges).toEqual([]);
  });
});

describe('the years compared', () => {
  it('count the records each year’s errors left out (warnings leave none out), and give a reporting year only where there is one', () => {
    // No set and no year: the newest set, with a warning that says so; "lots" is not a quantity, an error.
    const bad: ActivityRecordInput = { id: 'bad', category: 'buildings', source: 'electricity', quantity: 'lots', unit: 'kWh' };
    const previous = calculateInventory({ records: [electricity('1000'), bad] });
    expect(previous.problems.map((p) => p.severity).sort()).toEqual(['error', 'warning']);
    const c = compareInventories(previous, on([electricity('1000')], 'desnz-2023', '2023/24'));
    expect(c.previous).toStrictEqual({ factorSetId: 'desnz-2025', excludedRecords: 1 });
    expect(c.current).toStrictEqual({ reportingYear: '2023/24', factorSetId: 'desnz-2023', excludedRecords: 0 });
    // The bad record's error is the original's, kept by the recalculation: not a problem of the comparison.
    expect(c.crossProblems).toEqual([]);
  });

  it('on one set, have no cross problems', () => {
    const hvo: ActivityRecordInput = { id: 'hvo', category: 'fleet', source: 'hvo', quantity: '100', unit: 'litre' };
    const c = compareInventories(on([hvo], 'desnz-2016'), on([electricity('1000')], 'desnz-2016'));
    expect(c.previous.excludedRecords).toBe(1); // desnz-2016 has no HVO factor
    expect(c.crossProblems).toEqual([]);
  });
});
