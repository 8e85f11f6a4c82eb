import { describe, expect, it } from 'vitest';
import { bundledFactorLibrary } from '../../src/factors/bundled.js';
import { emptyProfile } from '../../src/import/profile.js';
import { inventoryFromImport } from '../../src/inventory/from-import.js';

describe('inventoryFromImport with a library given (as the browser page gives its own)', () => {
  const records = [{ category: 'buildings' as const, source: 'natural-gas', quantity: '1000', unit: 'kWh' }];

  it('names an About factor set the library lacks and uses the reporting year\u2019s set, rather than stopping', () => {
    const profile = { ...emptyProfile(), reportingYear: '2023/24' as const, factorSetId: 'desnz-2099' };
    const inventory = inventoryFromImport({ profile, records, problems: [] }, { factors: bundledFactorLibrary() });
    expect(inventory.factorSet.id).toBe('desnz-2023');
    expect(inventory.problems.filter((p) => p.code === 'invalid-profile-value').map((p) => [p.severity, p.value])).toEqual([['error', 'desnz-2099']]);
    // 1,000 kWh of natural gas on DESNZ 2023 (gross CV): 1,000 x 0.182928926174497 (Fuels, row 1_100_1004_6_1) and
    // 1,000 x 0.03021 well-to-tank (WTT- fuels, row 11_100_1004_6_1).
    expect(inventory.lines.map((l) => l.kgCO2e.toFixed())).toEqual(['182.928926174497', '30.21']);
  });

  it('uses an About factor set the library holds', () => {
    const profile = { ...emptyProfile(), reportingYear: '2023/24' as const, factorSetId: 'desnz-2022' };
    const inventory = inventoryFromImport({ profile, records, problems: [] }, { factors: bundledFactorLibrary() });
    expect(inventory.factorSet.id).toBe('desnz-2022');
    expect(inventory.problems.some((p) => p.code === 'invalid-profile-value')).toBe(false);
  });
});
