import { describe, expect, it } from 'vitest';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';
import { importWorkbook } from '../../src/import/workbook.js';
import { inventoryFromImport } from '../../src/inventory/from-import.js';
import { INVENTORY_FORMAT, INVENTORY_FORMAT_VERSION, InventoryFormatError, parseInventory, serialiseInventory, serialisedInventoryParts, toPlain } from '../../src/inventory/serialise.js';
import type { Inventory } from '../../src/inventory/types.js';

/** The document as one JSON.stringify of its plain copy with an indent of 2: what the parts must add up to, byte for byte. */
function wholeDocument(inventory: Inventory): string {
  const document = { format: INVENTORY_FORMAT, formatVersion: INVENTORY_FORMAT_VERSION, note: 'Emissions in kgCO2e as exact decimal strings, not rounded.', ...inventory, lines: inventory.lines.map(({ record: _record, ...line }) => line) };
  return `${JSON.stringify(toPlain(document), null, 2)}\n`;
}

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

  it('is written in parts that add up to the whole document, byte for byte: the example council, one record, and none', async () => {
    const example = inventoryFromImport(await importWorkbook('examples/example-council-baseline.xlsx'));
    const one = calculateInventory({ records: [{ category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh' }] }, { factorSet: 'desnz-2023' });
    const none = calculateInventory({ records: [] }, { factorSet: 'desnz-2023' });
    for (const inventory of [example, one, none]) {
      const parts = [...serialisedInventoryParts(inventory)];
      expect(parts.join('')).toBe(wholeDocument(inventory));
      // One part per line at least: the file is written without the whole text in memory.
      expect(parts.length).toBeGreaterThan(inventory.lines.length);
      expect(serialiseInventory(inventory)).toBe(wholeDocument(inventory));
    }
    expect(example.lines.length).toBeGreaterThan(50);
    expect(none.lines).toHaveLength(0);
  });
});
