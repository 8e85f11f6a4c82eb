import { describe, expect, it } from 'vitest';
import { importCsv } from '../../src/import/index.js';
import { calculateInventory, inventoryFromImport, recalculate } from '../../src/inventory/index.js';

const BASELINE = [
  'Council name,Fictional Borough',
  'ONS code,E09900001',
  'Council type,london-borough',
  'Reporting year,2022/23',
  'Factor set,desnz-2022',
  'Boundary notes,Schools excluded',
  '',
  'Category,Source,Quantity,Unit',
  'buildings,natural-gas,250000,kWh',
  'buildings,electricity,lots,kWh',
  'purchased-goods-and-services,spend:not-a-mapped-category,10000,GBP',
].join('\n');

describe('inventoryFromImport', () => {
  it('takes the council, reporting year and factor set from the About details, and lists import problems first', async () => {
    const imported = await importCsv(BASELINE, { file: 'baseline.csv' });
    const inventory = inventoryFromImport(imported);
    expect(inventory.council).toEqual({ name: 'Fictional Borough', onsCode: 'E09900001', councilType: 'london-borough', boundaryNotes: 'Schools excluded' });
    expect(inventory.reportingYear).toBe('2022/23');
    expect(inventory.factorSet.id).toBe('desnz-2022');
    expect(inventory.problems.map((p) => p.code)).toEqual([...imported.problems.map((p) => p.code), 'no-spend-factor']);
    expect(imported.problems.map((p) => p.code)).toEqual(['invalid-number']);
    const direct = calculateInventory({ records: imported.records, council: inventory.council, reportingYear: '2022/23' }, { factorSet: 'desnz-2022' });
    expect(inventory.totals).toEqual(direct.totals);
  });

  it('a factor set asked for wins over the one the About sheet names', async () => {
    const inventory = inventoryFromImport(await importCsv(BASELINE, { file: 'baseline.csv' }), { factorSet: 'desnz-2024' });
    expect(inventory.factorSet.id).toBe('desnz-2024');
  });

  it('a recalculated inventory keeps the import’s problems and record count, and recalculates its own', async () => {
    const inventory = inventoryFromImport(await importCsv(BASELINE, { file: 'baseline.csv' }));
    const restated = recalculate(inventory, 'desnz-2024');
    expect(restated.factorSet.id).toBe('desnz-2024');
    expect(restated.problems.map((p) => p.code)).toEqual(['invalid-number', 'no-spend-factor']);
    expect(restated.recordCount).toBe(inventory.recordCount);
    expect(restated.totals.total.eq(inventory.totals.total)).toBe(false);
  });

  it('a recalculation without the residual mix the original used says so', () => {
    const records = [{ category: 'buildings', source: 'electricity', quantity: '1000', unit: 'kWh' }];
    const original = calculateInventory({ records, reportingYear: '2023/24' }, { residualMixKgCO2ePerKWh: '0.4' });
    const without = recalculate(original, 'desnz-2024');
    expect(without.problems.map((p) => p.code)).toEqual(['residual-mix-not-given']);
    expect(without.lines.flatMap((l) => l.market?.basis ?? [])).toEqual(['grid-average']);
    expect(recalculate(original, 'desnz-2024', { residualMixKgCO2ePerKWh: '0.4' }).problems).toEqual([]);
    expect(recalculate(without, 'desnz-2023').problems.map((p) => p.code)).toEqual([]); // said once, about the original only
  });
});
