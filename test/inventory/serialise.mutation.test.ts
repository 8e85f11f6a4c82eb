import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/decimal.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';
import { InventoryFormatError, parseInventory, serialiseInventory, toPlain } from '../../src/inventory/serialise.js';

/**
 * The inventory file: what it writes (exact decimal strings, keys in code point order, no repeated records) and
 * each reason it refuses a file, by its message. Figures: desnz-2023 ID 1_100_1004_6_1, natural gas per kWh (Gross
 * CV), 0.182928926174497, so 1,000 kWh is 182.928926174497 kgCO2e, and its WTT row (ID 11_100_1004_6_1) 0.03021,
 * 30.21 kgCO2e: 213.138926174497 in all.
 */
const GAS = { id: 'g', category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh', site: 'Depot' };
const inventory = () =>
  calculateInventory(
    { records: [GAS, { id: 'bad', category: 'buildings', source: 'natural-gas', quantity: 'lots', unit: 'kWh' }], council: { name: 'Example Council', onsCode: 'E07000001' }, reportingYear: '2023/24' },
    { factorSet: 'desnz-2023' },
  );

describe('the inventory file', () => {
  it('writes exact decimal strings, keys in code point order, and each line without its record', () => {
    const text = serialiseInventory(inventory());
    const doc = JSON.parse(text) as Record<string, unknown> & { lines: Record<string, unknown>[]; totals: { total: string } };
    expect(Object.keys(doc)).toEqual(['council', 'factorSet', 'format', 'formatVersion', 'lines', 'memo', 'note', 'problems', 'recordCount', 'records', 'reportingYear', 'totals']);
    expect([doc.format, doc.formatVersion, doc.note]).toEqual(['council-ghg/inventory', 1, 'Emissions in kgCO2e as exact decimal strings, not rounded.']);
    expect(doc.totals.total).toBe('213.138926174497');
    expect(doc.lines.map((l) => l.kgCO2e)).toEqual(['182.928926174497', '30.21']);
    expect(doc.lines.every((l) => !('record' in l) && l.recordId === 'g')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('reads back the same inventory: records, lines with their records, problems, totals, council, year and set', () => {
    const original = inventory();
    const back = parseInventory(serialiseInventory(original));
    expect(back.totals.total.toFixed()).toBe('213.138926174497');
    expect(back.lines.map((l) => [l.record.id, l.kgCO2e.toFixed()])).toEqual([['g', '182.928926174497'], ['g', '30.21']]);
    expect(back.records).toEqual(original.records);
    expect(back.problems).toEqual(original.problems);
    expect(back.problems.map((p) => p.severity)).toEqual(['error']);
    expect([back.recordCount, back.reportingYear, back.council, back.factorSet.id]).toEqual([2, '2023/24', { name: 'Example Council', onsCode: 'E07000001' }, 'desnz-2023']);
    expect(toPlain(back)).toEqual(toPlain(original));
    expect('format' in back || 'formatVersion' in back || 'note' in back).toBe(false);
  });

  it('refuses a file, saying why', () => {
    const text = serialiseInventory(inventory());
    const refusal = (t: string) => {
      try {
        parseInventory(t);
      } catch (error) {
        expect(error).toBeInstanceOf(InventoryFormatError);
        expect((error as Error).name).toBe('InventoryFormatError');
        return (error as Error).message;
      }
      return undefined;
    };
    expect(refusal('{"format": ')).toMatch(/^Not JSON: /);
    expect(refusal('[]')).toMatch(/^Not a council-ghg inventory: document: /);
    expect(refusal(text.replace('"formatVersion": 1', '"formatVersion": 2'))).toMatch(/^Not a council-ghg inventory: formatVersion: /);
    expect(refusal(text.replace('"id": "desnz-2023"', '"id": "DESNZ 2023"'))).toBe('Not a council-ghg inventory: factorSet.id: a factor set id such as desnz-2023');
    expect(refusal(text.replace('"quantity": "1000"', '"quantity": "a lot"'))).toMatch(/^Record 1: /);
    expect(refusal(text.replaceAll('"recordId": "g"', '"recordId": "h"'))).toBe("A line refers to record 'h', which is not in the inventory");
    expect(refusal(text.replace('"kgCO2e": "30.21"', '"kgCO2e": "30.22"'))).toBe("A line of record 'g' is not its quantity times its factor");
    expect(refusal(text.replace('"total": "213.138926174497"', '"total": "213.1"'))).toBe('The totals written in the file differ from the sum of its lines');
    expect(refusal(text)).toBeUndefined();
  });
});

describe('plain values', () => {
  it('decimals as exact strings, maps as objects, keys by code point, nothing for undefined or functions', () => {
    expect(toPlain(new Decimal('1e-7'))).toBe('0.0000001');
    expect(toPlain(new Decimal('12345678901234567890.5'))).toBe('12345678901234567890.5');
    expect(toPlain(new Map<unknown, unknown>([[13, new Decimal('0.25')], [1, 'a']]))).toEqual({ '1': 'a', '13': '0.25' });
    expect(Object.keys(toPlain({ b: 1, a: 2, B: 3, é: 4 }) as object)).toEqual(['B', 'a', 'b', 'é']);
    expect(toPlain({ kept: null, gone: undefined, f: () => 1, flag: false, n: 0, s: '' })).toEqual({ kept: null, flag: false, n: 0, s: '' });
    expect(toPlain([1, undefined, () => 2, 'x'])).toEqual([1, null, null, 'x']);
    expect(Object.keys(toPlain({ a: undefined, b: 1 }) as object)).toEqual(['b']);
    expect(toPlain(undefined)).toBeUndefined();
    expect(toPlain(() => 1)).toBeUndefined();
  });
});
