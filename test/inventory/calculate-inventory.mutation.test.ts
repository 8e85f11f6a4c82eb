import { afterEach, describe, expect, it } from 'vitest';
import type { ActivityRecordInput } from '../../src/activity/record.js';
import { useBundledFactorLibrary } from '../../src/factors/bundled.js';
import { setDefaultFactorLibrary } from '../../src/factors/default-library.js';
import { NoFactorLibraryError } from '../../src/factors/library.js';
import { calculateInventory, recalculate } from '../../src/inventory/calculate-inventory.js';

/**
 * What `calculateInventory` says about the choices it made (the set, the boundary), what it records of the set and
 * the council, and the configuration it refuses, each by its message. Figures: desnz-2023, UK electricity generated,
 * 0.207074288590604 kgCO2e per kWh (as test/inventory/compare.test.ts).
 */
const ELECTRICITY: ActivityRecordInput = { id: 'e', category: 'buildings', source: 'electricity', quantity: '1000', unit: 'kWh' };
const messages = (problems: readonly { code: string; message: string }[], code: string) => problems.filter((p) => p.code === code).map((p) => p.message);

afterEach(() => useBundledFactorLibrary());

describe('the factor set chosen', () => {
  it('says when no reporting year was given, and when the year has no set of its own', () => {
    const noYear = calculateInventory({ records: [ELECTRICITY] });
    expect(noYear.factorSet.id).toBe('desnz-2025');
    expect(noYear.problems).toEqual([{
      severity: 'warning', code: 'factor-set-year-differs', origin: { note: 'factor set' },
      message: 'No reporting year was given, so the newest set (desnz-2025) was used; give the reporting year (e.g. 2023/24) or choose a set',
    }]);
    expect(messages(calculateInventory({ records: [ELECTRICITY], reportingYear: '2012/13' }).problems, 'factor-set-year-differs')).toEqual([
      'No 2012 factor set is available in this version of council-ghg: the 2012/13 figures use desnz-2016, the oldest available; choose a set explicitly to silence this',
    ]);
    expect(messages(calculateInventory({ records: [ELECTRICITY], reportingYear: '2030/31' }).problems, 'factor-set-year-differs')).toEqual([
      'No 2030 factor set is available in this version of council-ghg: the 2030/31 figures use desnz-2025, the newest available; choose a set explicitly to silence this',
    ]);
    // The year's own set, or a set chosen explicitly: nothing to say.
    expect(calculateInventory({ records: [ELECTRICITY], reportingYear: '2023/24' }).problems).toEqual([]);
    expect(calculateInventory({ records: [ELECTRICITY], reportingYear: '2030/31' }, { factorSet: 'desnz-2019' }).problems).toEqual([]);
    expect(calculateInventory({ records: [ELECTRICITY] }, { factorSet: 'desnz-2019' }).problems).toEqual([]);
  });

  it('is recorded with its title, year and the file it was read from (the published file where a copy was read)', () => {
    // manifest.json: desnz-2023 read from DESNZ's xlsx; desnz-2022 from a normalised CSV derived from DESNZ's xls.
    expect(calculateInventory({ records: [ELECTRICITY] }, { factorSet: 'desnz-2023' }).factorSet).toEqual({
      id: 'desnz-2023', title: 'UK Government GHG Conversion Factors for Company Reporting 2023', year: 2023, sourceFile: 'ghg-conversion-factors-2023-flat-file-update.xlsx',
    });
    const summary2022 = calculateInventory({ records: [ELECTRICITY] }, { factorSet: 'desnz-2022' }).factorSet;
    expect(summary2022.sourceFile).toBe('ghg-conversion-factors-2022-flat-format.xls');
    expect(summary2022.provenanceNote).toMatch(/^Imported from the normalised CSV/);
  });

  it('without a library, is asked for by what was wanted', () => {
    setDefaultFactorLibrary(undefined);
    expect(() => calculateInventory({ records: [ELECTRICITY] })).toThrow(new NoFactorLibraryError('the default factor set'));
    expect(() => calculateInventory({ records: [ELECTRICITY] }, { factorSet: 'desnz-2023' })).toThrow(new NoFactorLibraryError("factor set 'desnz-2023'"));
  });
});

describe('the inventory', () => {
  it('keeps the council’s known fields only, and counts every record given', () => {
    const council = { name: 'Example Council', onsCode: 'E07000001', region: 'South West', formState: 'dirty', boundaryNotes: undefined } as unknown as { name: string };
    const inventory = calculateInventory({ records: [ELECTRICITY, { id: 'bad', category: 'buildings', source: 'electricity', quantity: 'x', unit: 'kWh' }], council }, { factorSet: 'desnz-2023' });
    expect(inventory.council).toStrictEqual({ name: 'Example Council', onsCode: 'E07000001', region: 'South West' });
    expect(inventory.recordCount).toBe(2);
    expect(inventory.records.map((r) => r.id)).toEqual(['e']);
    expect('reportingYear' in inventory).toBe(false);
    expect(calculateInventory({ records: [] }, { factorSet: 'desnz-2023' }).council).toStrictEqual({});
  });

  it('states a narrower boundary once, naming what was left out', () => {
    const inventory = calculateInventory({ records: [ELECTRICITY] }, { factorSet: 'desnz-2023', exclude: ['transmission-and-distribution', 'well-to-tank', 'well-to-tank'] });
    expect(inventory.problems).toEqual([{
      severity: 'warning', code: 'boundary-excludes', value: 'transmission-and-distribution,well-to-tank', origin: { note: 'calculation options' },
      message:
        'By choice, this inventory leaves out transmission and distribution losses (electricity and heat lost in the grid) and well-to-tank emissions (extracting, refining and transporting fuel and generating fuel for power), ' +
        "so its totals are lower than a full inventory and comparable only with one that left out the same. Factors named directly (desnz:…) are kept, and DESNZ's Business travel- land rows for plug-in cars include their charging losses.",
    }]);
    // Only the generation line is left: 1,000 × 0.207074288590604.
    expect(inventory.totals.total.toFixed()).toBe('207.074288590604');
    expect(calculateInventory({ records: [ELECTRICITY] }, { factorSet: 'desnz-2023', exclude: [] }).problems).toEqual([]);
  });

  it('costs market-based scope 2 on a residual mix given, and refuses one that is not a figure of kgCO2e per kWh', () => {
    // 1,000 kWh × 0.4 = 400 kgCO2e market-based, beside 207.074288590604 location-based.
    const inventory = calculateInventory({ records: [ELECTRICITY] }, { factorSet: 'desnz-2023', residualMixKgCO2ePerKWh: '0.4' });
    expect(inventory.totals.scope2MarketBased.toFixed()).toBe('400');
    expect(inventory.totals.byScope['scope-2'].toFixed()).toBe('207.074288590604');
    for (const bad of ['-0.1', 'NaN', 'Infinity']) {
      expect(() => calculateInventory({ records: [ELECTRICITY] }, { factorSet: 'desnz-2023', residualMixKgCO2ePerKWh: bad })).toThrow(
        `residualMixKgCO2ePerKWh must be a non-negative number of kgCO2e per kWh, not ${bad}`,
      );
    }
    expect(calculateInventory({ records: [ELECTRICITY] }, { factorSet: 'desnz-2023', residualMixKgCO2ePerKWh: '0' }).totals.scope2MarketBased.toFixed()).toBe('0');
  });

  it('prices spend without a price year in the reporting year’s first calendar year', () => {
    const spend: ActivityRecordInput = { id: 's', category: 'purchased-goods-and-services', source: ' Spend:sic-62', quantity: '100', unit: 'GBP' };
    const inventory = calculateInventory({ records: [spend], reportingYear: '2021/22' }, { factorSet: 'desnz-2021' });
    expect(inventory.lines.map((l) => l.spend?.priceYear)).toEqual([2021]);
  });
});

describe('configuration refused before anything is costed', () => {
  it('a reporting year, spend table, price index or spend category that is not one, each a RangeError saying what', () => {
    const run = (input: object, options: object = {}) => () => calculateInventory({ records: [ELECTRICITY], ...input }, { factorSet: 'desnz-2023', ...options });
    expect(run({ reportingYear: '2023' })).toThrow(new RangeError("reportingYear must be a financial year written like 2023/24, not '2023'"));
    expect(run({}, { spendFactors: { id: 'mine' } })).toThrow(/^spendFactors is not a spend factor table: title: /);
    expect(run({}, { priceIndex: { name: 'CPI', values: { 2023: -1 } } })).toThrow(/^priceIndex is not a price index: values\.2023: /);
    expect(run({}, { spendCategories: [{ category: 'x', group: 'sic-62' }, { nonsense: true }] })).toThrow(/^spendCategories\[(0|1)\] is not a spend category: /);
    expect(run({}, { spendCategories: [7] })).toThrow(/^spendCategories\[0\] is not a spend category: \(value\): /);
  });
});

describe('a recalculation', () => {
  it('keeps the input’s problems and record count, and says what it could not carry over', () => {
    const bad: ActivityRecordInput = { id: 'bad', category: 'buildings', source: 'electricity', quantity: 'x', unit: 'kWh' };
    const original = calculateInventory({ records: [ELECTRICITY, bad], reportingYear: '2023/24' }, { factorSet: 'desnz-2023', residualMixKgCO2ePerKWh: '0.4' });
    const again = recalculate(original, 'desnz-2024');
    expect(again.recordCount).toBe(2);
    expect(again.factorSet.id).toBe('desnz-2024');
    expect(again.problems.map((p) => [p.severity, p.code])).toEqual([['error', original.problems[0]!.code], ['warning', 'residual-mix-not-given']]);
    expect(again.problems[1]!.message).toBe('The original used a residual-mix factor for market-based scope 2; without it again (residualMixKgCO2ePerKWh, --residual-mix) the recalculation uses the grid average');
    // With the residual mix given again, nothing is lost; the set chosen for another year is not a warning either.
    expect(recalculate(original, 'desnz-2024', { residualMixKgCO2ePerKWh: '0.4' }).problems.map((p) => p.code)).toEqual([original.problems[0]!.code]);
  });
});
