import { describe, expect, it } from 'vitest';
import { records } from '../../examples/example-council.js';
import { Decimal } from '../../src/decimal.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';
import type { BoundaryExclusion } from '../../src/calculate/calculate-record.js';

/** Leaving out WTT and T&D removes exactly those lines: nothing else moves, and the choice is stated. */
const sum = (values: readonly Decimal[]) => values.reduce((a, b) => a.add(b), new Decimal(0));

describe('boundary choices', () => {
  const full = calculateInventory({ records }, { factorSet: 'desnz-2023' });
  const choices: BoundaryExclusion[][] = [['well-to-tank'], ['transmission-and-distribution'], ['well-to-tank', 'transmission-and-distribution']];

  for (const exclude of choices) {
    it(`without ${exclude.join(' and ')}: the total is the full total less exactly those lines`, () => {
      const narrow = calculateInventory({ records }, { factorSet: 'desnz-2023', exclude });
      const left = full.lines.filter((l) => (exclude as string[]).includes(l.role) && !l.record.source.startsWith('desnz:'));
      expect(left.length).toBeGreaterThan(0);
      expect(narrow.totals.total.eq(full.totals.total.sub(sum(left.map((l) => l.kgCO2e))))).toBe(true);
      expect(narrow.lines).toHaveLength(full.lines.length - left.length);
      expect(narrow.lines.some((l) => (exclude as string[]).includes(l.role) && !l.record.source.startsWith('desnz:'))).toBe(false);
      expect(narrow.problems.filter((p) => p.code === 'factor-component-missing')).toEqual(full.problems.filter((p) => p.code === 'factor-component-missing'));
      const stated = narrow.problems.filter((p) => p.code === 'boundary-excludes');
      expect(stated).toHaveLength(1);
      if (exclude.includes('well-to-tank')) expect(stated[0]!.message).toMatch(/leaves out well-to-tank/);
      if (exclude.includes('transmission-and-distribution')) expect(stated[0]!.message).toMatch(/transmission and distribution losses/);
    });
  }

  it('the default includes both and states nothing', () => {
    expect(full.lines.some((l) => l.role === 'well-to-tank')).toBe(true);
    expect(full.lines.some((l) => l.role === 'transmission-and-distribution')).toBe(true);
    expect(full.problems.filter((p) => p.code === 'boundary-excludes')).toEqual([]);
  });

  it('grid electricity without T&D: the DESNZ 2023 generation line alone (7_400_4000_5_1 UK electricity, kWh: 0.207074288590604)', () => {
    const inv = calculateInventory({ records: [{ id: 'e', category: 'buildings', source: 'electricity', quantity: '1000', unit: 'kWh' }] }, { factorSet: 'desnz-2023', exclude: ['transmission-and-distribution', 'well-to-tank'] });
    expect(inv.lines.map((l) => [l.role, l.kgCO2e.toFixed()])).toEqual([['direct', '207.074288590604']]);
  });
});
