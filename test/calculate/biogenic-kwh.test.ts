import { describe, expect, it } from 'vitest';
import type { ActivityRecordInput } from '../../src/activity/record.js';
import { outsideOfScopesFor } from '../../src/calculate/resolve-factor.js';
import { FactorSet } from '../../src/factors/factor-set.js';
import type { FactorScope, StoredFactorValue } from '../../src/factors/schema.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';

/**
 * A fuel in kWh is costed with DESNZ's "kWh (Gross CV)" row, but DESNZ publishes the biofuel share's CO2
 * ("Outside of scopes › Forecourt fuels containing biofuel") per plain "kWh", so fuel bought in kWh lost its
 * biogenic memo item while litres and tonnes kept theirs. Values below are from the normalised flat files
 * (uk-ghg-conversion-factors-<year>-flat.csv).
 */
const kg = (d: { toFixed(): string }) => d.toFixed();
const biogenic = (records: ActivityRecordInput[], factorSet: string) => {
  const inv = calculateInventory({ records }, { factorSet });
  expect(inv.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return inv.memo.filter((m) => m.kind === 'biogenic-co2').map((m) => [m.recordId, kg(m.value), m.factor?.uom]);
};

describe('biogenic CO2 of a fuel given in kWh', () => {
  it('diesel and petrol in kWh on desnz-2023 carry the outside-of-scopes memo from the plain-kWh row', () => {
    // 1_101_1011_6_1   Fuels › Liquid fuels › Diesel (average biofuel blend), kWh (Gross CV): 0.239075923489933
    //                  → 10,000 kWh = 2390.75923489933 kgCO2e in scope 1 (unchanged)
    // 99_604_1011_5_2  Outside of scopes › Forecourt fuels containing biofuel › Diesel (average biofuel blend), kWh: 0.01
    //                  → 10,000 kWh × 0.01 = 100 kgCO2e memo
    // 99_604_1017_5_2  … › Petrol (average biofuel blend), kWh: 0.01 → 2 MWh = 2,000 kWh × 0.01 = 20 kgCO2e memo
    const inv = calculateInventory({ records: [{ id: 'diesel', category: 'fleet', source: 'diesel', quantity: '10000', unit: 'kWh' }] }, { factorSet: 'desnz-2023' });
    expect(kg(inv.lines.find((l) => l.role === 'direct')!.kgCO2e)).toBe('2390.75923489933');
    expect(inv.lines.find((l) => l.role === 'direct')!.quantity.uom).toBe('kWh (Gross CV)');
    expect(biogenic([{ id: 'diesel', category: 'fleet', source: 'diesel', quantity: '10000', unit: 'kWh' },
      { id: 'petrol', category: 'fleet', source: 'petrol', quantity: '2', unit: 'MWh' }], 'desnz-2023'))
      .toEqual([['diesel', '100', 'kWh'], ['petrol', '20', 'kWh']]);
    // The memo stays out of the totals: scope 1 is the direct line only.
    expect(kg(inv.totals.byScope['scope-1'])).toBe('2390.75923489933');
    expect(kg(inv.totals.biogenicCO2)).toBe('100');
  });

  it('on an older set too (desnz-2020, which published more digits)', () => {
    // 2020 line 6891: Outside of scopes › Forecourt fuels containing biofuel › Diesel (average biofuel blend), kWh: 0.01116
    //                 → 10,000 kWh × 0.01116 = 111.6 kgCO2e
    expect(biogenic([{ id: 'diesel', category: 'fleet', source: 'diesel', quantity: '10000', unit: 'kWh' }], 'desnz-2020')).toEqual([['diesel', '111.6', 'kWh']]);
  });

  it('litres, tonnes and biomass kWh keep matching their own unit', () => {
    // 99_604_1011_8_2   … › Diesel (average biofuel blend), litres: 0.14   → 1,000 litres = 140
    // 99_604_1011_15_2  … › Diesel (average biofuel blend), tonnes: 163.82 → 2 t = 327.64
    // 99_104_1045_5_2   Outside of scopes › Biomass › Wood pellets, kWh: 0.35 → 10,000 kWh = 3500 (its direct row is plain kWh too)
    expect(biogenic([
      { id: 'litres', category: 'fleet', source: 'diesel', quantity: '1000', unit: 'litre' },
      { id: 'tonnes', category: 'fleet', source: 'diesel', quantity: '2', unit: 'tonne' },
      { id: 'pellets', category: 'buildings', source: 'wood-pellets', quantity: '10000', unit: 'kWh' },
    ], 'desnz-2023')).toEqual([['litres', '140', 'litres'], ['tonnes', '327.64', 'tonnes'], ['pellets', '3500', 'kWh']]);
  });

  it('fossil fuels in kWh still have none (DESNZ publishes no biogenic share for them)', () => {
    expect(biogenic([{ id: 'gas', category: 'buildings', source: 'natural-gas', quantity: '10000', unit: 'kWh' },
      { id: 'mineral', category: 'fleet', source: 'diesel-mineral', quantity: '10000', unit: 'kWh' }], 'desnz-2023')).toEqual([]);
  });
});

describe('outsideOfScopesFor: the same CV basis first, the plain kWh row next, never the other basis', () => {
  // A made-up set (not DESNZ values) with every combination, since no published set has gross or net
  // outside-of-scopes rows.
  const row = (key: string, scope: FactorScope, uom: string, value: string): StoredFactorValue => ({
    key, measure: scope === 'Outside of Scopes' ? 'kgCO2e-CO2' : 'kgCO2e', value, scope,
    level_1: scope === 'Outside of Scopes' ? 'Outside of scopes' : 'Fuels', level_2: 'Test fuels', level_3: 'Blend', level_4: '', column_text: '',
    uom, source_row: 2, source_id: '',
  });
  const set = (values: StoredFactorValue[]) => new FactorSet({
    id: 'test-set', title: 'Test set', publisher: 'none', year: 2023, licence: 'Open Government Licence v3.0', attribution: 'none',
    source: { file: 'test.csv', sha256: '0'.repeat(64) }, rows: { read: values.length, imported: values.length, skipped: 0 }, factorCount: values.length,
  }, values);
  const gross = row('fuels/test-fuels/blend@kwh-gross-cv', 'Scope 1', 'kWh (Gross CV)', '0.2');
  const net = row('fuels/test-fuels/blend@kwh-net-cv', 'Scope 1', 'kWh (Net CV)', '0.21');
  const outGross = row('outside-of-scopes/test-biofuel/blend@kwh-gross-cv', 'Outside of Scopes', 'kWh (Gross CV)', '0.011');
  const outNet = row('outside-of-scopes/test-biofuel/blend@kwh-net-cv', 'Outside of Scopes', 'kWh (Net CV)', '0.012');
  const outPlain = row('outside-of-scopes/test-biofuel/blend@kwh', 'Outside of Scopes', 'kWh', '0.013');
  const found = (values: StoredFactorValue[], direct: StoredFactorValue) => {
    const s = set(values);
    return outsideOfScopesFor(s, s.get(direct.key))?.key;
  };

  it('prefers the row on the line’s own basis where DESNZ publishes one', () => {
    const all = [gross, net, outGross, outNet, outPlain];
    expect(found(all, gross)).toBe(outGross.key);
    expect(found(all, net)).toBe(outNet.key);
  });

  it('falls back to the plain kWh row, never to the other basis', () => {
    expect(found([gross, net, outNet, outPlain], gross)).toBe(outPlain.key);
    expect(found([gross, net, outGross, outPlain], net)).toBe(outPlain.key);
    expect(found([gross, net, outNet], gross)).toBeUndefined();
    expect(found([gross, net, outGross], net)).toBeUndefined();
  });

  it('finds nothing for an outside-of-scopes factor itself', () => {
    expect(found([outGross, outPlain], outGross)).toBeUndefined();
  });
});
