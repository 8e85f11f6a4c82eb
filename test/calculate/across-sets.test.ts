import { describe, expect, it } from 'vitest';
import { records } from '../../examples/example-council.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';

/** DESNZ renames paths between years; a council's usual sources must still be costed on every recent set. */
describe('the same activity on each recent factor set', () => {
  for (const set of ['desnz-2022', 'desnz-2023', 'desnz-2024', 'desnz-2025']) {
    it(`${set}: every example record is costed (energy spend is left to its activity data, with a warning)`, () => {
      const inventory = calculateInventory({ records }, { factorSet: set });
      expect(inventory.problems.filter((p) => p.code !== 'spend-counted-as-activity')).toEqual([]);
    });
  }

  it('waste "combustion" (DESNZ to 2024) and "incineration with energy recovery" (2025) find either year’s factor', () => {
    for (const set of ['desnz-2023', 'desnz-2025']) {
      for (const route of ['combustion', 'incineration-with-energy-recovery']) {
        const inventory = calculateInventory({ records: [{ category: 'waste', source: `waste:commercial-and-industrial-waste:${route}`, quantity: '1', unit: 'tonne' }] }, { factorSet: set });
        expect(inventory.problems, `${set} ${route}`).toEqual([]);
        expect(inventory.lines[0]!.factor.path).toMatch(set === 'desnz-2025' ? /Incineration with energy recovery/i : /Combustion/);
      }
    }
  });
});
