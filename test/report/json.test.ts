import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInventory } from '../../src/inventory/index.js';
import { renderJson } from '../../src/report/index.js';
import { inventories } from './arbitrary.js';
import { exampleInventory } from './example.js';

describe('renderJson', () => {
  it('round-trips every line’s decimals exactly, with its factor provenance', () => {
    fc.assert(
      fc.property(inventories, (inventory) => {
        const back = parseInventory(renderJson(inventory));
        expect(back.lines).toHaveLength(inventory.lines.length);
        inventory.lines.forEach((line, i) => {
          const read = back.lines[i]!;
          expect(read.kgCO2e.eq(line.kgCO2e)).toBe(true);
          expect(read.quantity.value.eq(line.quantity.value)).toBe(true);
          expect(read.factor.kgCO2ePerUnit.eq(line.factor.kgCO2ePerUnit)).toBe(true);
          expect(read.factor).toMatchObject({ key: line.factor.key, sourceFile: line.factor.sourceFile, sourceRow: line.factor.sourceRow });
          expect(read.record.site).toBe(line.record.site);
        });
        expect(back.totals.total.eq(inventory.totals.total)).toBe(true);
        expect(renderJson(back)).toBe(renderJson(inventory));
      }),
      { numRuns: 40 },
    );
  });

  it('writes decimals as exact strings, never floats or exponents, and keys in sorted order', () => {
    const inventory = exampleInventory();
    const json = JSON.parse(renderJson(inventory)) as { totals: { total: unknown }; lines: Record<string, unknown>[] };
    expect(json.totals.total).toBe(inventory.totals.total.toFixed());
    expect(typeof json.lines[0]!.kgCO2e).toBe('string');
    expect(renderJson(inventory)).not.toMatch(/"\d+(\.\d+)?e[+-]?\d+"/i);
    const keysSorted = (value: unknown): boolean =>
      Array.isArray(value)
        ? value.every(keysSorted)
        : typeof value !== 'object' || value === null || (Object.keys(value).join() === Object.keys(value).sort().join() && Object.values(value).every(keysSorted));
    // Integer-like keys (scope 3 categories) are ordered numerically by JavaScript itself; check the rest.
    const { totals: _totals, ...rest } = json;
    expect(keysSorted(rest)).toBe(true);
  });
});
