import { describe, expect, it } from 'vitest';
import { importCsv } from '../../src/import/csv.js';
import { inventoryFromImport } from '../../src/inventory/from-import.js';
import { parseInventory, serialiseInventory } from '../../src/inventory/serialise.js';

const CSV = [
  'Reference,Category,Site,Source,Quantity,Unit,Data quality',
  'gas-1,buildings,Town Hall,natural-gas,1000,kWh,metered',
  'elec-1,buildings,Town Hall,electricity,2000,kWh,invoiced',
].join('\n');

describe('records an importer checked', () => {
  it('are the inventory’s records themselves, frozen, not checked and copied again', async () => {
    const imported = await importCsv(CSV, { file: 'baseline.csv' });
    const inventory = inventoryFromImport(imported, { factorSet: 'desnz-2023' });
    expect(imported.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(inventory.records).toHaveLength(2);
    inventory.records.forEach((record, i) => {
      expect(record).toBe(imported.records[i]);
      expect(Object.isFrozen(record)).toBe(true);
      expect(Object.isFrozen(record.origin)).toBe(true);
    });
  });

  it('give lines whose gas split, worked out when read, is 1000 kWh × each published gas factor', async () => {
    const inventory = inventoryFromImport(await importCsv(CSV, { file: 'baseline.csv' }), { factorSet: 'desnz-2023' });
    const gas = inventory.lines.find((l) => l.recordId === 'gas-1' && l.role === 'direct')!;
    // The 2023 flat file, Fuels › Gaseous fuels › Natural gas, kWh (Gross CV), rows 1_100_1004_6_2 to _4:
    // CO2 0.18256, CH4 0.00028, N2O 0.0000889261744966443 kgCO2e per kWh.
    expect(gas.byGas.CO2!.toFixed()).toBe('182.56');
    expect(gas.byGas.CH4!.toFixed()).toBe('0.28');
    expect(gas.byGas.N2O!.toFixed()).toBe('0.0889261744966443');
    expect(gas.byGas).toBe(gas.byGas);
    // A copy of the line, and the inventory file, have the split as a value.
    expect({ ...gas }.byGas).toEqual({ CO2: gas.byGas.CO2, CH4: gas.byGas.CH4, N2O: gas.byGas.N2O });
    const back = parseInventory(serialiseInventory(inventory));
    expect(back.lines.find((l) => l.recordId === 'gas-1' && l.role === 'direct')!.byGas.CO2!.toFixed()).toBe('182.56');
  });
});
