import { describe, expect, it } from 'vitest';
import type { ActivityRecordInput } from '../../src/activity/record.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';
import { parseInventory, serialiseInventory } from '../../src/inventory/serialise.js';

/**
 * Gases outside the Kyoto basket (CFCs, HCFCs, halons and blends of them: DESNZ's "Montreal protocol" groups)
 * are reported apart from the scopes (GHG Protocol Corporate Standard), so an HCFC-22 leak is a memo item on
 * every set. DESNZ published one row per gas to 2021 ("Montreal protocol - standard" / "- blends") and from
 * 2022 splits each gas into "Emissions including only Kyoto products" and "... only non-Kyoto products"; the
 * old code put the first in scope 1 and found nothing in the second, so scope 1 jumped between 2021 and 2022.
 * Values below are from the normalised flat files (uk-ghg-conversion-factors-<year>-flat.csv); for 2016–2022
 * DESNZ published no row IDs, so the file's line is given.
 */
const r22: ActivityRecordInput = { id: 'chiller', category: 'fugitive-emissions', source: 'refrigerant:r22', quantity: '10', unit: 'kg' };
const calculate = (records: ActivityRecordInput[], factorSet: string) => calculateInventory({ records }, { factorSet });
const kg = (d: { toFixed(): string }) => d.toFixed();

describe('non-Kyoto (Montreal Protocol) refrigerants are memo items, never in a scope', () => {
  it.each([
    // 2016–2020 line 504, 2021 line 548: Refrigerant & other › Montreal protocol - standard › HCFC-22/R22, kg: 1810
    ['desnz-2016', '18100'],
    ['desnz-2017', '18100'],
    ['desnz-2018', '18100'],
    ['desnz-2019', '18100'],
    ['desnz-2020', '18100'],
    ['desnz-2021', '18100'],
    // 2022 line 910: Montreal protocol products › HCFC-22/R22 › Emissions including only non-Kyoto products, kg: 1810
    ['desnz-2022', '18100'],
    // 3_202_2388_3_1 (2023, 2024, 2025): the same row, kg: 1760; its "only Kyoto products" row (3_202_2387_3_1) is blank
    ['desnz-2023', '17600'],
    ['desnz-2024', '17600'],
    ['desnz-2025', '17600'],
  ])('10 kg of R22 on %s: no scope 1, a memo item of 10 × the published GWP = %s kgCO2e', (set, memo) => {
    const inv = calculate([r22], set);
    expect(inv.lines).toEqual([]);
    expect(kg(inv.totals.byScope['scope-1'])).toBe('0');
    expect(kg(inv.totals.total)).toBe('0');
    expect(inv.memo.map((m) => [m.recordId, m.kind, m.unit, kg(m.value)])).toEqual([['chiller', 'non-kyoto-gas', 'kgCO2e', memo]]);
    expect(inv.memo[0]!.factor?.path).toMatch(/^Refrigerant & other › Montreal protocol/);
    expect(inv.problems.map((p) => [p.severity, p.code, p.value])).toEqual([['warning', 'non-kyoto-gas', 'refrigerant:r22']]);
    expect(inv.problems[0]!.message).toContain('refrigerant:r22 is a non-Kyoto gas');
    expect(inv.problems[0]!.message).toContain('as the GHG Protocol requires, it is reported as a memo item outside the scopes, not in the totals');
  });

  it('a Montreal blend, R406A, is a memo item before and after DESNZ moved it into "Blends"', () => {
    // 2021 line 583: Montreal protocol - blends › R406A, kg: 1943 → 10 kg = 19430
    // 2022 line 649: Blends › R406A › Emissions including only non-Kyoto products, kg: 1943 → 19430 (only Kyoto: blank)
    // 3_201_2127_3_1 (2023): the same row, kg: 1780 → 17800
    const r406a: ActivityRecordInput = { id: 'r406a', category: 'fugitive-emissions', source: 'refrigerant:r406a', quantity: '10', unit: 'kg' };
    for (const [set, memo] of [['desnz-2021', '19430'], ['desnz-2022', '19430'], ['desnz-2023', '17800']] as const) {
      const inv = calculate([r406a], set);
      expect(inv.lines, set).toEqual([]);
      expect(inv.memo.map((m) => [m.kind, kg(m.value)]), set).toEqual([['non-kyoto-gas', memo]]);
      expect(inv.problems.filter((p) => p.severity === 'error'), set).toEqual([]);
    }
  });

  it('a blend with both parts: the Kyoto part in scope 1, the non-Kyoto part as a memo item', () => {
    // 3_201_2099_3_1  Blends › R401A › Emissions including only Kyoto products, kg: 18       → 10 kg = 180 (scope 1)
    // 3_201_2100_3_1  Blends › R401A › Emissions including only non-Kyoto products, kg: 1112 → 10 kg = 11120 (memo)
    // (3_201_2101_3_1, the total including non-Kyoto products, 1130 = 18 + 1112, is not used.)
    const inv = calculate([{ id: 'r401a', category: 'fugitive-emissions', source: 'refrigerant:r401a', quantity: '10', unit: 'kg' }], 'desnz-2023');
    expect(inv.lines.map((l) => [l.role, l.scope, kg(l.kgCO2e)])).toEqual([['direct', 'scope-1', '180']]);
    expect(kg(inv.totals.byScope['scope-1'])).toBe('180');
    expect(inv.memo.map((m) => [m.kind, kg(m.value)])).toEqual([['non-kyoto-gas', '11120']]);
    expect(inv.problems.map((p) => p.code)).toEqual(['non-kyoto-gas']);
    expect(inv.problems[0]!.message).toContain('refrigerant:r401a is partly a non-Kyoto gas');
  });

  it('Kyoto refrigerants are unchanged: in scope 1, with no memo item and no warning', () => {
    // 3_201_2156_3_1  Blends › R410A › Emissions including only Kyoto products, kg: 1924 → 10 kg = 19240
    // 2021 line 532: Kyoto protocol- blends › R410A, kg: 2088 → 20880
    for (const [set, kgCO2e] of [['desnz-2023', '19240'], ['desnz-2021', '20880']] as const) {
      const inv = calculate([{ id: 'ac', category: 'fugitive-emissions', source: 'refrigerant:r410a', quantity: '10', unit: 'kg' }], set);
      expect(inv.lines.map((l) => [l.scope, kg(l.kgCO2e)]), set).toEqual([['scope-1', kgCO2e]]);
      expect(inv.memo, set).toEqual([]);
      expect(inv.problems, set).toEqual([]);
    }
  });

  it('a Montreal factor named directly (desnz:…) is also a memo item', () => {
    // 2019 line 504: Montreal protocol - standard › HCFC-22/R22, kg: 1810 → 2 kg = 3620
    const inv = calculate([{ id: 'd', category: 'fugitive-emissions', source: 'desnz:refrigerant-and-other/montreal-protocol-standard/hcfc-22-r22-chlorodifluoromethane', quantity: '2', unit: 'kg' }], 'desnz-2019');
    expect(inv.lines).toEqual([]);
    expect(inv.memo.map((m) => [m.kind, kg(m.value)])).toEqual([['non-kyoto-gas', '3620']]);
  });

  it('an unknown gas is still an error suggesting the nearest gases, never zero', () => {
    const inv = calculate([{ id: 'x', category: 'fugitive-emissions', source: 'refrigerant:r41x', quantity: '10', unit: 'kg' }], 'desnz-2023');
    expect([inv.lines, inv.memo]).toEqual([[], []]);
    expect(inv.problems.map((p) => [p.severity, p.code])).toEqual([['error', 'factor-not-found']]);
    expect(inv.problems[0]!.message).toMatch(/Did you mean: refrigerant:r4\w+, /);
  });

  it('the memo item survives writing and reading the inventory file', () => {
    const inv = calculate([r22, { id: 'ac', category: 'fugitive-emissions', source: 'refrigerant:r410a', quantity: '1', unit: 'kg' }], 'desnz-2023');
    const read = parseInventory(serialiseInventory(inv));
    expect(read.memo.map((m) => [m.kind, kg(m.value)])).toEqual([['non-kyoto-gas', '17600']]);
    expect(kg(read.totals.total)).toBe('1924');
  });
});
