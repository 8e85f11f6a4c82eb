import { describe, expect, it } from 'vitest';
import type { ActivityRecordInput } from '../../src/activity/record.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';

/**
 * Branches of the factor plan no other fast test reached (issue 17), each on a row of the DESNZ 2023 flat file
 * (../shared/…/normalized/uk-ghg-conversion-factors-2023-flat.csv, ID given) × 1,000 units, a shift of the
 * decimal point.
 */
const lines = (record: ActivityRecordInput) => {
  const inventory = calculateInventory({ records: [{ id: 'r', ...record }] }, { factorSet: 'desnz-2023' });
  expect(inventory.problems).toEqual([]);
  return inventory.lines.map((l) => [l.role, l.kgCO2e.toFixed()]);
};

describe('the factor plan', () => {
  it('a plug-in hybrid in the fleet brings its charging electricity and its losses', () => {
    const found = lines({ category: 'fleet', source: 'car:medium:plug-in-hybrid', quantity: '1000', unit: 'km' });
    // 4_301_3059_4_1 Passenger vehicles › Cars (by size) › Medium car › PHEV, km: 0.0614420375838926
    // (the charging is a direct line of its own, scope 2, and its losses a T&D line)
    // 8_301_3059_4_1 UK electricity for EVs › … : 0.0216840040268456; 14_301_3059_4_1 UK electricity T&D for EVs › … : 0.00188009261744966
    expect(found).toContainEqual(['direct', '61.4420375838926']);
    expect(found).toContainEqual(['direct', '21.6840040268456']);
    expect(found).toContainEqual(['transmission-and-distribution', '1.88009261744966']);
  });

  it('an HGV of average load is costed on the "Average laden" row', () => {
    // 5_304_3140_4_1 Delivery vehicles › HGV (all diesel) › All HGVs › Average laden, km: 0.872048477852349
    expect(lines({ category: 'fleet', source: 'hgv:all-hgvs:average', quantity: '1000', unit: 'km' })).toContainEqual(['direct', '872.048477852349']);
  });

  it('onsite heat has its own rows and no district network losses', () => {
    // 10_401_4002_5_1 Heat and steam › Onsite heat and steam, kWh: 0.179646571812081; 16_919_4002_5_1 WTT: 0.03341
    expect(lines({ category: 'buildings', source: 'onsite-heat', quantity: '1000', unit: 'kWh' })).toEqual([['direct', '179.646571812081'], ['well-to-tank', '33.41']]);
  });

  it('a DESNZ path named directly in a section with no upstream section is one line, with no warning', () => {
    // 17_404_4005_1_1 Water supply › Water supply › Water supply, cubic metres: 0.176684546579014
    expect(lines({ category: 'water', source: 'desnz:water-supply/water-supply/water-supply', quantity: '1000', unit: 'm3' })).toEqual([['direct', '176.684546579014']]);
  });
});

describe('a DESNZ fuel path named directly', () => {
  it('carries its biogenic CO2 memo, as the same fuel named by source does', () => {
    // 99_604_1011_8_2 Outside of scopes › Forecourt fuels containing biofuel › Diesel (average biofuel blend), litres: 0.14
    const inventory = calculateInventory({ records: [{ id: 'r', category: 'fleet', source: 'desnz:fuels/liquid-fuels/diesel-average-biofuel-blend', quantity: '1000', unit: 'litre' }] }, { factorSet: 'desnz-2023' });
    expect(inventory.memo.filter((m) => m.kind === 'biogenic-co2').map((m) => m.value.toFixed())).toEqual(['140']);
  });
});
