import { describe, expect, it } from 'vitest';
import { defaultFactorSetId } from '../../src/factors/bundled.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';

const gas = [{ category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh' }] as const;

describe('the default factor set', () => {
  it('is the set of the calendar year the reporting year starts in, silently', () => {
    const inventory = calculateInventory({ records: [...gas], reportingYear: '2021/22' });
    expect(inventory.factorSet.id).toBe('desnz-2021');
    expect(inventory.problems).toEqual([]);
  });

  it('before the oldest set is the oldest (never the newest), with a warning naming both', () => {
    expect(defaultFactorSetId(2012)).toBe('desnz-2016');
    const inventory = calculateInventory({ records: [...gas], reportingYear: '2014/15' });
    expect(inventory.factorSet.id).toBe('desnz-2016');
    expect(inventory.problems.map((p) => [p.severity, p.code])).toEqual([['warning', 'factor-set-year-differs']]);
    expect(inventory.problems[0]!.message).toMatch(/2014\/15 figures use desnz-2016, the oldest available/);
  });

  it('after the newest set is the newest, with a warning; an explicit choice is never second-guessed', () => {
    const inventory = calculateInventory({ records: [...gas], reportingYear: '2030/31' });
    expect(inventory.factorSet.id).toBe(defaultFactorSetId());
    expect(inventory.problems.map((p) => p.code)).toEqual(['factor-set-year-differs']);
    expect(calculateInventory({ records: [...gas], reportingYear: '2030/31' }, { factorSet: 'desnz-2019' }).problems).toEqual([]);
  });
});

describe('configuration checked before use', () => {
  it('refuses a reporting year not written like 2023/24, and a malformed spend factor table, saying what is wrong', () => {
    const records = [{ category: 'buildings', source: 'natural-gas', quantity: '1', unit: 'kWh' }];
    for (const year of ['2023-24', '2023/25', 'FY2023']) {
      expect(() => calculateInventory({ records, reportingYear: year as never })).toThrow(new RangeError(`reportingYear must be a financial year written like 2023/24, not '${year}'`));
    }
    const noIndex = { id: 't', title: 'T', priceYear: 2023, kgCO2ePerGBP: { construction: '0.3' } };
    expect(() => calculateInventory({ records }, { spendFactors: noIndex as never })).toThrow(/spendFactors is not a spend factor table: priceIndex: /);
  });
});
