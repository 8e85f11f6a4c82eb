import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivityRecordInput } from '../../src/activity/record.js';
import { ZERO } from '../../src/decimal.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';
import { compareInventories, type ChangeRow } from '../../src/inventory/compare.js';
import { changeSentence, methodChangeText } from '../../src/report/change-text.js';
import { renderCsv } from '../../src/report/csv.js';
import { changeSection } from '../../src/report/html/sections/change.js';
import { renderText } from '../../src/report/text.js';

/**
 * When DESNZ moves a gas between the Kyoto basket (in the scopes) and the non-Kyoto gases reported outside them,
 * or renames a row, the year-on-year comparison says so and puts the figure on DESNZ's side, not the council's.
 * Factors from the normalised flat files (../shared/emission-factor-sources/uk-ghg-conversion-factors/normalized/
 * uk-ghg-conversion-factors-<year>-flat.csv, by line; DESNZ published no row IDs before 2023):
 *   2021 line 531  Refrigerant & other › Kyoto protocol- blends › R408A, kg: 3152
 *   2022 line 669  Refrigerant & other › Blends › R408A › Emissions including only Kyoto products, kg: 2301
 *   2022 line 670  … › R408A › Emissions including only non-Kyoto products, kg: 851   (line 671, total: 3152)
 *   2023 line 672  … › R408A › Emissions including only Kyoto products, kg: 2430 (3_201_2147_3_1)
 *   2023 line 673  … › R408A › Emissions including only non-Kyoto products, kg: 827 (3_201_2148_3_1)
 *   2021 line 579  Refrigerant & other › Other refrigerants › R290 = propane, kg: 3.3
 *   2022 line 994  Refrigerant & other › Other products › R290 = propane › Emissions including only non-Kyoto products, kg: 3
 *                  (line 993, its "only Kyoto products" row, is blank)
 *   2019 line 6783 Waste disposal › Refuse › Municipal waste › Landfill, tonnes: 586.5138
 *   2020 line 6783 Waste disposal › Refuse › Household residual waste › Landfill, tonnes: 437.3719
 */
const gas = (id: string, name: string, kg: string): ActivityRecordInput => ({ id, category: 'fugitive-emissions', source: `refrigerant:${name}`, quantity: kg, unit: 'kg' });
const inventory = (records: ActivityRecordInput[], factorSet: string, reportingYear: string) => calculateInventory({ records, reportingYear }, { factorSet });
const figures = (r: ChangeRow<unknown>) => ({
  change: r.change.toFixed(), activity: r.activityEffect.toFixed(), factor: r.factorEffect.toFixed(), method: r.methodEffect.toFixed(), notComparable: r.notComparable.toFixed(),
});

describe('a gas DESNZ moved outside the Kyoto basket is a method effect, not the council’s reduction', () => {
  it('R408A, the same 10 kg in 2021/22 and 2022/23: the whole fall is DESNZ’s method', () => {
    // P = 10 × 3152 = 31520 in scope 1; C = 10 × 2301 = 23010 in scope 1 and 10 × 851 = 8510 outside the basket.
    // Method effect = −((Pc memo 8510 − P memo 0) + (C memo 8510 − Cp memo 0)) / 2 = −8510; the total GWP is 3152
    // in both sets, so nothing is left for the factor effect.
    const c = compareInventories(inventory([gas('chiller', 'r408a', '10')], 'desnz-2021', '2021/22'), inventory([gas('chiller', 'r408a', '10')], 'desnz-2022', '2022/23'));
    const expected = { change: '-8510', activity: '0', factor: '0', method: '-8510', notComparable: '0' };
    expect(figures(c.total)).toEqual(expected);
    expect(figures(c.byScope.find((r) => r.key === 'scope-1')!)).toEqual(expected);
    expect(figures(c.byCategory.find((r) => r.key === 'fugitive-emissions')!)).toEqual(expected);
    expect(c.methodChanges.map((m) => ({ ...m, kgCO2e: m.kgCO2e.toFixed() }))).toEqual([{
      kind: 'outside-kyoto-basket',
      source: 'refrigerant:r408a',
      recordIds: ['chiller'],
      previous: { setId: 'desnz-2021', rows: ['Refrigerant & other › Kyoto protocol- blends › R408A'], outsideKyoto: [] },
      current: {
        setId: 'desnz-2022',
        rows: ['Refrigerant & other › Blends › R408A › Emissions including only Kyoto products'],
        outsideKyoto: ['Refrigerant & other › Blends › R408A › Emissions including only non-Kyoto products'],
      },
      kgCO2e: '-8510',
    }]);
    expect(methodChangeText(c.methodChanges[0]!)).toContain('-8.5 tCO2e of the change is this change in DESNZ’s method, not a reduction by the council.');
    expect(methodChangeText(c.methodChanges[0]!)).toContain('desnz-2022 counts it part in the scopes');
    expect(changeSentence(c)).toBe(
      'Down 27.0% (-8.5 tCO2e) since 2021/22: 0.0 tCO2e from what the council did, 0.0 tCO2e from updated emission factors, ' +
        '-8.5 tCO2e from changes in DESNZ’s method (gases moved outside the Kyoto basket or back), not the council’s.',
    );
    const html = changeSection(c);
    expect(html).toContain('From DESNZ’s method');
    expect(html).toContain('class="method-changes"');
  });

  it('R408A with more kg and a later set: activity, the GWP update and the method change each apart', () => {
    // 10 kg on desnz-2021, 12 kg on desnz-2023. P = 31520; C = 12 × 2430 = 29160; Pc = 10 × 2430 = 24300;
    // Cp = 12 × 3152 = 37824. Activity = ((Cp − P) + (C − Pc)) / 2 = (6304 + 4860) / 2 = 5582.
    // Factor and method together = ((Pc − P) + (C − Cp)) / 2 = (−7220 − 8664) / 2 = −7942, of which the method effect
    // is −((10 × 827 − 0) + (12 × 827 − 0)) / 2 = −9097 and the factor effect the rest, 1155 = 11 kg (the mean) ×
    // (3257 − 3152), the rise in R408A's whole GWP (2023 line 674, total 3257).
    const c = compareInventories(inventory([gas('chiller', 'r408a', '10')], 'desnz-2021', '2021/22'), inventory([gas('chiller', 'r408a', '12')], 'desnz-2023', '2023/24'));
    expect(figures(c.total)).toEqual({ change: '-2360', activity: '5582', factor: '1155', method: '-9097', notComparable: '0' });
    expect(c.methodChanges.map((m) => [m.kind, m.kgCO2e.toFixed()])).toEqual([['outside-kyoto-basket', '-9097']]);
  });

  it('R290, wholly outside the basket from 2022, is still compared (not "not comparable")', () => {
    // 10 kg: P = 10 × 3.3 = 33 in scope 1; C = 0 in the scopes, 10 × 3 = 30 outside. Method = −30; factor = −3
    // (the GWP 3.3 → 3 on what was counted); activity 0.
    const c = compareInventories(inventory([gas('cooler', 'r290', '10')], 'desnz-2021', '2021/22'), inventory([gas('cooler', 'r290', '10')], 'desnz-2022', '2022/23'));
    expect(figures(c.total)).toEqual({ change: '-33', activity: '0', factor: '-3', method: '-30', notComparable: '0' });
    expect(c.methodChanges.map((m) => [m.kind, m.previous.rows, m.current.rows, m.current.outsideKyoto])).toEqual([
      ['outside-kyoto-basket', ['Refrigerant & other › Other refrigerants › R290 = propane'], [], ['Refrigerant & other › Other products › R290 = propane › Emissions including only non-Kyoto products']],
    ]);
    expect(methodChangeText(c.methodChanges[0]!)).toContain('desnz-2022 counts it wholly outside the Kyoto basket, as a memo item');
    expect(c.crossProblems).toEqual([]);
  });

  it('a comparison back in time shows the same move as an increase that is not the council’s', () => {
    const c = compareInventories(inventory([gas('chiller', 'r408a', '10')], 'desnz-2022', '2022/23'), inventory([gas('chiller', 'r408a', '10')], 'desnz-2021', '2021/22'));
    expect(figures(c.total)).toEqual({ change: '8510', activity: '0', factor: '0', method: '8510', notComparable: '0' });
    expect(methodChangeText(c.methodChanges[0]!)).toContain('+8.5 tCO2e of the change is this change in DESNZ’s method, not an increase by the council.');
  });

  it('a gas in the same place in both sets has no method effect (R22 outside, R410A inside)', () => {
    const records = [gas('old', 'r22', '5'), gas('ac', 'r410a', '5')];
    const c = compareInventories(inventory(records, 'desnz-2022', '2022/23'), inventory(records, 'desnz-2023', '2023/24'));
    expect(c.total.methodEffect.isZero()).toBe(true);
    expect(c.total.activityEffect.isZero()).toBe(true);
    expect(c.methodChanges.filter((m) => m.kind === 'outside-kyoto-basket')).toEqual([]);
  });
});

describe('a row DESNZ renamed is named beside its factor effect', () => {
  it('household residual waste, "Municipal waste" to 2019: the change is the factor effect, on a renamed row', () => {
    // 2 tonnes to landfill in both years: P = 2 × 586.5138 = 1173.0276; C = 2 × 437.3719 = 874.7438.
    const waste: ActivityRecordInput = { id: 'bins', category: 'waste', source: 'waste:household-residual-waste:landfill', quantity: '2', unit: 'tonne' };
    const c = compareInventories(inventory([waste], 'desnz-2019', '2019/20'), inventory([waste], 'desnz-2020', '2020/21'));
    expect(figures(c.total)).toEqual({ change: '-298.2838', activity: '0', factor: '-298.2838', method: '0', notComparable: '0' });
    expect(c.methodChanges.map((m) => ({ ...m, kgCO2e: m.kgCO2e.toFixed() }))).toEqual([{
      kind: 'renamed-row',
      source: 'waste:household-residual-waste:landfill',
      recordIds: ['bins'],
      previous: { setId: 'desnz-2019', rows: ['Waste disposal › Refuse › Municipal waste › Landfill'], outsideKyoto: [] },
      current: { setId: 'desnz-2020', rows: ['Waste disposal › Refuse › Household residual waste › Landfill'], outsideKyoto: [] },
      kgCO2e: '-298.2838',
    }]);
    expect(methodChangeText(c.methodChanges[0]!)).toBe(
      'waste:household-residual-waste:landfill (1 record): DESNZ’s row ‘Waste disposal › Refuse › Municipal waste › Landfill’ in desnz-2019 is ' +
        '‘Waste disposal › Refuse › Household residual waste › Landfill’ in desnz-2020. The -0.3 tCO2e on it is part of the factor effect (a renamed or moved row), not a reduction by the council.',
    );
    // No method effect, so the table and chart keep their usual columns.
    expect(changeSection(c)).not.toContain('From DESNZ’s method');
  });

  it('one set compared with itself has no method changes', () => {
    const records = [gas('chiller', 'r408a', '10')];
    const c = compareInventories(inventory(records, 'desnz-2022', '2022/23'), inventory(records, 'desnz-2022', '2023/24'));
    expect(c.methodChanges).toEqual([]);
    expect(c.total.change.isZero()).toBe(true);
  });
});

describe('the text and CSV reports carry the change and DESNZ’s part in it', () => {
  const previous = inventory([gas('chiller', 'r408a', '10')], 'desnz-2021', '2021/22');
  const current = inventory([gas('chiller', 'r408a', '10')], 'desnz-2022', '2022/23');
  const c = compareInventories(previous, current);

  it('text: the sentence, the parts by scope with a DESNZ-method column, and the note', () => {
    const text = renderText(current, { comparison: c });
    expect(text).toContain('Change since 2021/22 (tCO2e)');
    expect(text).toContain(changeSentence(c));
    expect(text).toMatch(/Scope 1\s+31\.5\s+23\.0\s+-8\.5\s+0\.0\s+0\.0\s+-8\.5/);
    expect(text).toContain(`- ${methodChangeText(c.methodChanges[0]!)}`);
    expect(renderText(current)).not.toContain('Change since');
  });

  it('CSV summary: the change and each part, exactly, for the total, scopes and categories', () => {
    const rows = renderCsv(current, 'summary', { comparison: c }).trim().split('\r\n').map((line) => line.split(','));
    const cell = (section: string, key: string) => rows.find((r) => r[0] === section && r[1] === key)?.[3];
    expect(['change', 'change-activity', 'change-factor', 'change-method', 'change-not-comparable'].map((s) => cell(s, 'total'))).toEqual(['-8510', '0', '0', '-8510', '0']);
    expect(cell('change-method', 'scope-1')).toBe('-8510');
    expect(cell('change-method', 'fugitive-emissions')).toBe('-8510');
    expect(renderCsv(current, 'summary')).not.toContain('change-method');
  });
});

describe('the parts still add up', () => {
  it('activity + factor + method + not comparable = change, exactly, for every row (property)', () => {
    const sets = ['desnz-2019', 'desnz-2021', 'desnz-2022', 'desnz-2023', 'desnz-2025'];
    const kg = fc.integer({ min: 0, max: 100_000 }).map(String);
    const gases = fc.subarray(['r408a', 'r290', 'r410a', 'r22', 'r404a', 'r600a'], { minLength: 1 });
    fc.assert(
      fc.property(fc.constantFrom(...sets), fc.constantFrom(...sets), gases, gases, kg, kg, (a, b, before, after, q1, q2) => {
        const previous = inventory(before.map((g) => gas(g, g, q1)), a, '2021/22');
        const current = inventory([...after.map((g) => gas(g, g, q2)), { id: 'e', category: 'buildings', source: 'electricity', quantity: q2, unit: 'kWh' }], b, '2022/23');
        const comparison = compareInventories(previous, current);
        for (const row of [comparison.total, ...comparison.byScope, ...comparison.byCategory]) {
          expect(row.activityEffect.add(row.factorEffect).add(row.methodEffect).add(row.notComparable).eq(row.change)).toBe(true);
          expect(row.change.eq(row.current.sub(row.previous))).toBe(true);
        }
        const moved = comparison.methodChanges.filter((m) => m.kind === 'outside-kyoto-basket').reduce((s, m) => s.add(m.kgCO2e), ZERO);
        expect(moved.eq(comparison.total.methodEffect)).toBe(true);
        if (a === b) expect(comparison.total.methodEffect.isZero()).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});
