import { describe, expect, it } from 'vitest';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';

const message = (category: string, source: string, unit: string) =>
  calculateInventory({ records: [{ category, source, quantity: '1', unit }] }, { factorSet: 'desnz-2023' }).problems.map((p) => [p.code, p.message]);

describe('a source the factor set does not know suggests sources the council can type', () => {
  it('names published waste materials and refrigerants in the source’s own shape', () => {
    expect(message('waste', 'waste:paper:landfill', 'tonnes')).toEqual([
      ['factor-not-found', expect.stringMatching(/Did you mean: waste:paper-and-board-board:landfill, waste:paper-and-board-mixed:landfill, waste:paper-and-board-paper:landfill\?$/)],
    ]);
    expect(message('fugitive-emissions', 'refrigerant:r404', 'kg')).toEqual([['factor-not-found', expect.stringMatching(/Did you mean: refrigerant:r404a, /)]]);
  });

  it('every suggestion is itself a source the set can cost', () => {
    const [[, text]] = message('waste', 'waste:plastic:closed-loop', 'tonnes') as [[string, string]];
    const suggested = /Did you mean: (.*)\?$/.exec(text)![1]!.split(', ');
    expect(suggested.length).toBeGreaterThan(0);
    for (const source of suggested) {
      const inventory = calculateInventory({ records: [{ category: 'waste', source, quantity: '1', unit: 'tonnes' }] }, { factorSet: 'desnz-2023' });
      expect(inventory.problems, source).toEqual([]);
      expect(inventory.lines.length, source).toBeGreaterThan(0);
    }
  });

  it('falls back to the nearest published factor keys for a DESNZ path', () => {
    expect(message('buildings', 'desnz:fuels/foo', 'kWh')[0]![1]).toMatch(/Nearest published factors: fuels\//);
  });
});
