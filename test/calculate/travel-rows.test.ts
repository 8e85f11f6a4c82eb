import { describe, expect, it } from 'vitest';
import type { Category } from '../../src/activity/categories.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';

/**
 * Grey fleet, hire cars and commuting cite the rows DESNZ publishes for them, "Business travel- land" (scope 3,
 * plug-ins with their charging electricity and losses in the one figure), not the own-fleet rows (Passenger
 * vehicles, scope 1; UK electricity for EVs, scope 2). Values from the DESNZ 2023 flat file
 * (ghg-conversion-factors-2023-flat-file-update.xlsx, row IDs quoted); 1,000 km, so each figure is the factor × 1,000.
 */
function lines(category: Category, source: string) {
  const inventory = calculateInventory({ records: [{ id: 'r', category, source, quantity: '1000', unit: 'km' }] }, { factorSet: 'desnz-2023' });
  expect(inventory.problems).toEqual([]);
  return inventory.lines.map((l) => ({ role: l.role, scope: l.scope, category: l.scope3Category, path: l.factor.path, kgCO2e: l.kgCO2e.toFixed() }));
}

describe('travel by car or motorbike the council does not run', () => {
  it('a grey-fleet battery-electric car: one Business travel- land line (25_301_3060_4_1) and its WTT (26_904_3060_4_1), category 6', () => {
    expect(lines('business-travel', 'car:medium:battery-electric')).toEqual([
      // 0.0526663489932886 × 1,000
      { role: 'direct', scope: 'scope-3', category: 6, path: 'Business travel- land › Cars (by size) › Medium car › Battery Electric Vehicle', kgCO2e: '52.6663489932886' },
      // 0.01167 × 1,000
      { role: 'well-to-tank', scope: 'scope-3', category: 6, path: 'WTT- pass vehs & travel- land › WTT- cars (by size) › Medium car › Battery Electric Vehicle', kgCO2e: '11.67' },
    ]);
  });

  it('commuting by diesel car: Business travel- land (25_301_3053_4_1: 0.167156448880537), category 7', () => {
    expect(lines('employee-commuting', 'car:medium:diesel')).toEqual([
      { role: 'direct', scope: 'scope-3', category: 7, path: 'Business travel- land › Cars (by size) › Medium car › Diesel', kgCO2e: '167.156448880537' },
      // 26_904_3053_4_1: 0.04079
      { role: 'well-to-tank', scope: 'scope-3', category: 7, path: 'WTT- pass vehs & travel- land › WTT- cars (by size) › Medium car › Diesel', kgCO2e: '40.79' },
    ]);
  });

  it('commuting by motorbike: Business travel- land (25_302_3078_4_1: 0.10107835704698)', () => {
    expect(lines('employee-commuting', 'motorbike:medium')).toEqual([
      { role: 'direct', scope: 'scope-3', category: 7, path: 'Business travel- land › Motorbike › Medium', kgCO2e: '101.07835704698' },
      // 26_905_3078_4_1: 0.0260802324414261
      { role: 'well-to-tank', scope: 'scope-3', category: 7, path: 'WTT- pass vehs & travel- land › WTT- motorbike › Medium', kgCO2e: '26.0802324414261' },
    ]);
  });

  it('the council’s own fleet still uses Passenger vehicles (scope 1) and UK electricity for EVs (scope 2)', () => {
    const paths = lines('fleet', 'car:medium:battery-electric').map((l) => [l.scope, l.path.split(' › ')[0]]);
    expect(paths).toContainEqual(['scope-2', 'UK electricity for EVs']);
    expect(paths).toContainEqual(['scope-1', 'Passenger vehicles']);
  });
});
