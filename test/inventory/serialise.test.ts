import { describe, expect, it } from 'vitest';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';
import { InventoryFormatError, parseInventory, serialiseInventory } from '../../src/inventory/serialise.js';

describe('the inventory file', () => {
  it('keeps each line with its own record when references repeat (ids made unique: m1, m1#2)', () => {
    const inventory = calculateInventory(
      {
        records: [
          { id: 'm1', category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh', site: 'A' },
          { id: 'm1', category: 'fleet', source: 'diesel', quantity: '50', unit: 'litre', site: 'B' },
        ],
      },
      { factorSet: 'desnz-2023' },
    );
    expect(inventory.records.map((r) => r.id)).toEqual(['m1', 'm1#2']);
    const back = parseInventory(serialiseInventory(inventory));
    for (const line of back.lines) expect(line.record.id).toBe(line.recordId);
    expect(back.lines.filter((l) => l.record.source === 'diesel').every((l) => l.site === 'B')).toBe(true);
  });

  it('refuses a file whose totals were edited away from its lines', () => {
    const inventory = calculateInventory({ records: [{ category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh' }] }, { factorSet: 'desnz-2023' });
    const edited = serialiseInventory(inventory).replace(/"total": "213\.138926174497"/, '"total": "1.0"');
    expect(edited).not.toBe(serialiseInventory(inventory));
    expect(() => parseInventory(edited)).toThrow(InventoryFormatError);
    const line = serialiseInventory(inventory).replace(/"kgCO2e": "182\.928926174497"/, '"kgCO2e": "1.0"');
    expect(line).not.toBe(serialiseInventory(inventory));
    expect(() => parseInventory(line)).toThrow(/not its quantity times its factor/);
    expect(() => parseInventory('{"format": "something else"}')).toThrow(/Not a council-ghg inventory/);
    expect(() => parseInventory('not json')).toThrow(/Not JSON/);
  });
});
