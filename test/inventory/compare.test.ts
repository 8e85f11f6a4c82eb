import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivityRecordInput } from '../../src/activity/record.js';
import { Decimal } from '../../src/decimal.js';
import { calculateInventory, recalculate } from '../../src/inventory/calculate-inventory.js';
import { compareInventories } from '../../src/inventory/compare.js';

const electricity = (kWh: string): ActivityRecordInput => ({ id: 'e', category: 'buildings', source: 'electricity', quantity: kWh, unit: 'kWh' });

describe('year-on-year comparison', () => {
  it('splits a change into activity and factor effects (hand-checked, scope 2 electricity)', () => {
    // 2022/23: 1,000 kWh at desnz-2022's grid factor 0.19338 → P = 193.38 kgCO2e
    // 2023/24: 2,000 kWh at desnz-2023's 0.207074288590604 → C = 414.148577181208
    // Cross terms: Pc = 1,000 × 0.207074288590604 = 207.074288590604; Cp = 2,000 × 0.19338 = 386.76
    // factor effect = ((Pc − P) + (C − Cp)) / 2 = (13.694288590604 + 27.388577181208) / 2 = 20.541432885906
    // activity effect = ((Cp − P) + (C − Pc)) / 2 = (193.38 + 207.074288590604) / 2 = 200.227144295302
    const previous = calculateInventory({ records: [electricity('1000')], reportingYear: '2022/23' }, { factorSet: 'desnz-2022' });
    const current = calculateInventory({ records: [electricity('2000')], reportingYear: '2023/24' }, { factorSet: 'desnz-2023' });
    const comparison = compareInventories(previous, current);
    const scope2 = comparison.byScope.find((r) => r.key === 'scope-2')!;
    expect(scope2.previous.toFixed()).toBe('193.38');
    expect(scope2.current.toFixed()).toBe('414.148577181208');
    expect(scope2.factorEffect.toFixed()).toBe('20.541432885906');
    expect(scope2.activityEffect.toFixed()).toBe('200.227144295302');
    expect(comparison.previous).toEqual({ reportingYear: '2022/23', factorSetId: 'desnz-2022', excludedRecords: 0 });
    expect(comparison.crossProblems).toEqual([]);
  });

  it('puts the whole change in the activity effect when both years use one factor set', () => {
    const previous = calculateInventory({ records: [electricity('1000')] }, { factorSet: 'desnz-2023' });
    const current = calculateInventory({ records: [electricity('750')] }, { factorSet: 'desnz-2023' });
    const { total } = compareInventories(previous, current);
    expect(total.factorEffect.isZero()).toBe(true);
    expect(total.activityEffect.eq(total.change)).toBe(true);
    expect(total.change.isNegative()).toBe(true);
  });

  it('puts the whole change in the factor effect when the activity is unchanged', () => {
    const records = [electricity('1000'), { id: 'g', category: 'buildings', source: 'natural-gas', quantity: '5000', unit: 'kWh' } as const];
    const previous = calculateInventory({ records }, { factorSet: 'desnz-2019' });
    const current = recalculate(previous, 'desnz-2024');
    const { total, byCategory } = compareInventories(previous, current);
    expect(total.activityEffect.isZero()).toBe(true);
    expect(total.factorEffect.eq(total.change)).toBe(true);
    expect(byCategory.map((r) => r.key)).toEqual(['buildings']);
  });

  it('activity effect + factor effect (+ not comparable) = change, exactly, for every row (property)', () => {
    const sets = ['desnz-2019', 'desnz-2021', 'desnz-2023', 'desnz-2025'];
    const kWh = fc.integer({ min: 0, max: 10_000_000 }).map(String);
    fc.assert(
      fc.property(fc.constantFrom(...sets), fc.constantFrom(...sets), kWh, kWh, kWh, (a, b, e1, e2, gas) => {
        const previous = calculateInventory({ records: [electricity(e1), { id: 'g', category: 'buildings', source: 'natural-gas', quantity: gas, unit: 'kWh' }] }, { factorSet: a });
        const current = calculateInventory({ records: [electricity(e2), { id: 'f', category: 'fleet', source: 'diesel', quantity: gas, unit: 'litre' }] }, { factorSet: b });
        const comparison = compareInventories(previous, current);
        for (const row of [comparison.total, ...comparison.byScope, ...comparison.byCategory]) {
          expect(row.activityEffect.add(row.factorEffect).add(row.notComparable).eq(row.change)).toBe(true);
          expect(row.notComparable.isZero()).toBe(true); // electricity, gas and diesel are in every set
          expect(row.change.eq(row.current.sub(row.previous))).toBe(true);
        }
        expect(comparison.total.current.eq(current.totals.total)).toBe(true);
        expect(comparison.byCategory.reduce((s, r) => s.add(r.change), new Decimal(0)).eq(comparison.total.change)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('names records that cannot be costed under the other year’s factors', () => {
    // The 2016 set has no HVO factor (DESNZ added it later): the 2023/24 HVO cannot be restated on 2016 factors.
    const hvo = { id: 'hvo', category: 'fleet', source: 'hvo', quantity: '1000', unit: 'litre' } as const;
    const previous = calculateInventory({ records: [electricity('1000')] }, { factorSet: 'desnz-2016' });
    const current = calculateInventory({ records: [electricity('1000'), hvo] }, { factorSet: 'desnz-2023' });
    const comparison = compareInventories(previous, current);
    expect(current.problems).toEqual([]);
    expect(comparison.crossProblems.map((p) => p.code)).toEqual(['factor-not-found']);
    expect(comparison.crossProblems[0]!.message).toMatch(/hvo/i);
    // The HVO is apart, as not comparable: the like-for-like electricity shows only a factor effect.
    const hvoKg = current.lines.filter((l) => l.recordId === 'hvo').reduce((s, l) => s.add(l.kgCO2e), new Decimal(0));
    expect(comparison.total.notComparable.eq(hvoKg)).toBe(true);
    expect(comparison.total.activityEffect.isZero()).toBe(true);
    expect(comparison.total.activityEffect.add(comparison.total.factorEffect).add(comparison.total.notComparable).eq(comparison.total.change)).toBe(true);
  });

  it('keeps a factor the older set lacks out of the factor effect (homeworking before desnz-2022)', () => {
    const records = [electricity('1000'), { id: 'home', category: 'employee-commuting', source: 'homeworking', quantity: '100000', unit: 'FTE hour' } as const];
    const previous = calculateInventory({ records }, { factorSet: 'desnz-2021' });
    const current = calculateInventory({ records }, { factorSet: 'desnz-2022' });
    const { total } = compareInventories(previous, current);
    const homeKg = current.lines.filter((l) => l.recordId === 'home').reduce((s, l) => s.add(l.kgCO2e), new Decimal(0));
    expect(total.notComparable.eq(homeKg)).toBe(true);
    expect(total.activityEffect.isZero()).toBe(true);
    // The factor effect is the electricity's alone: 1,000 kWh × (0.19338 − 0.21233) plus its T&D and WTT changes.
    const electricityOnly = compareInventories(
      calculateInventory({ records: [electricity('1000')] }, { factorSet: 'desnz-2021' }),
      calculateInventory({ records: [electricity('1000')] }, { factorSet: 'desnz-2022' }),
    );
    expect(total.factorEffect.eq(electricityOnly.total.factorEffect)).toBe(true);
  });
});
