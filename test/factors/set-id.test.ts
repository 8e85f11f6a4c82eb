import { describe, expect, it } from 'vitest';
import { defaultFactorSetId, factorSetIds, loadFactorSet } from '../../src/factors/bundled.js';
import { FactorSet } from '../../src/factors/factor-set.js';
import { defaultSetId, UnknownFactorSetError } from '../../src/factors/library.js';
import { InvalidFactorSetIdError, isFactorSetId, parseFactorSetId, type FactorSetId } from '../../src/factors/set-id.js';
import { calculateInventory, recalculate } from '../../src/inventory/calculate-inventory.js';
import { InventoryFormatError, parseInventory, serialiseInventory } from '../../src/inventory/serialise.js';

/**
 * Factor set ids are checked once where they enter (a public function's argument, a manifest, an inventory file)
 * and carried as `FactorSetId` from there: text that is not an id is an InvalidFactorSetIdError, an id the library
 * lacks an UnknownFactorSetError; ids the library gives back are already typed.
 */
const GAS = { category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh' };

describe('factor set ids', () => {
  it('are lower-case letters and digits joined by single hyphens', () => {
    for (const id of ['desnz-2023', 'desnz-2016', 'my-set-2', 'x']) expect(isFactorSetId(id)).toBe(true);
    const malformed = ['', 'Desnz-2023', 'desnz 2023', 'desnz--2023', '-desnz-2023', 'desnz-2023-', '../desnz-2023', 'desnz_2023', 'desnz-2023\n'];
    for (const text of malformed) {
      expect(isFactorSetId(text)).toBe(false);
      expect(() => parseFactorSetId(text)).toThrow(InvalidFactorSetIdError);
    }
    expect(() => parseFactorSetId('DESNZ 2023')).toThrow("'DESNZ 2023' is not a factor set id: an id is lower-case letters and digits joined by hyphens, like desnz-2023");
    expect(parseFactorSetId('desnz-2023')).toBe('desnz-2023');
  });

  it('given as text at the public entry points are checked there: malformed and unknown ids are typed errors', () => {
    expect(() => calculateInventory({ records: [GAS] }, { factorSet: 'Desnz 2023' })).toThrow(InvalidFactorSetIdError);
    expect(() => calculateInventory({ records: [GAS] }, { factorSet: 'desnz-1999' })).toThrow(UnknownFactorSetError);
    expect(() => loadFactorSet('../desnz-2023')).toThrow(InvalidFactorSetIdError);
    expect(() => loadFactorSet('desnz-1999')).toThrow(UnknownFactorSetError);
    const inventory = calculateInventory({ records: [GAS] }, { factorSet: 'desnz-2023' });
    expect(() => recalculate(inventory, 'desnz 2022')).toThrow(InvalidFactorSetIdError);
    expect(() => new FactorSet({ ...loadFactorSet('desnz-2023').info, id: 'Mine' }, [])).toThrow(InvalidFactorSetIdError);
  });

  it('come back typed from the library, the manifest and a read inventory file, and go back in as they are', () => {
    const ids: FactorSetId[] = factorSetIds();
    expect(ids[0]).toBe('desnz-2016');
    const newest: FactorSetId = defaultFactorSetId();
    const set = loadFactorSet(newest);
    const fromSet: FactorSetId = set.id;
    const fromEntry: FactorSetId = defaultSetId([set.info], 2023);
    expect([fromSet, fromEntry, set.all()[0]!.setId]).toEqual([newest, newest, newest]);
    const inventory = calculateInventory({ records: [GAS] }, { factorSet: ids[0]! });
    const read = parseInventory(serialiseInventory(inventory));
    const readId: FactorSetId = read.factorSet.id;
    expect(recalculate(read, readId).factorSet.id).toBe('desnz-2016');
    // @ts-expect-error: plain text is not a FactorSetId until it is parsed.
    const unchecked: FactorSetId = 'desnz-2023';
    expect(unchecked).toBe('desnz-2023');
  });

  it('in an inventory file are checked when it is read', () => {
    const text = serialiseInventory(calculateInventory({ records: [GAS] }, { factorSet: 'desnz-2023' }));
    const edited = text.replace('"id": "desnz-2023"', '"id": "DESNZ 2023"');
    expect(edited).not.toBe(text);
    expect(() => parseInventory(edited)).toThrow(InventoryFormatError);
    expect(() => parseInventory(edited)).toThrow('factorSet.id: a factor set id such as desnz-2023');
  });
});
