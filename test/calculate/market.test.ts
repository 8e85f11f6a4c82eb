import { describe, expect, it } from 'vitest';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';

const SET = { factorSet: 'desnz-2023' } as const;

describe('market instruments are used or said to be unused, never silently dropped', () => {
  it('warns when an instrument is given where it cannot apply (gas; electricity outside own scope 2)', () => {
    const inventory = calculateInventory(
      {
        records: [
          { id: 'gas', category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh', market: { type: 'renewable-backed' } },
          { id: 'schools', category: 'downstream-leased-assets', source: 'electricity', quantity: '1000', unit: 'kWh', market: { type: 'supplier-specific', kgCO2ePerKWh: '0.1' } },
          { id: 'own', category: 'buildings', source: 'electricity', quantity: '1000', unit: 'kWh', market: { type: 'renewable-backed' } },
        ],
      },
      SET,
    );
    expect(inventory.problems.map((p) => [p.code, p.severity, p.message.split(':')[0]])).toEqual([
      ['market-instrument-ignored', 'warning', 'Record gas'],
      ['market-instrument-ignored', 'warning', 'Record schools'],
    ]);
    // The records themselves are still costed, location-based.
    expect(new Set(inventory.lines.map((l) => l.recordId))).toEqual(new Set(['gas', 'schools', 'own']));
  });

  it('refuses a negative supplier factor and a negative residual mix', () => {
    const negative = calculateInventory({ records: [{ category: 'buildings', source: 'electricity', quantity: '1000', unit: 'kWh', market: { type: 'supplier-specific', kgCO2ePerKWh: '-0.2' } }] }, SET);
    expect(negative.problems.map((p) => p.code)).toEqual(['invalid-record']);
    expect(negative.problems[0]!.message).toMatch(/cannot be negative/);
    expect(() => calculateInventory({ records: [] }, { ...SET, residualMixKgCO2ePerKWh: '-5' })).toThrow(RangeError);
  });
});
