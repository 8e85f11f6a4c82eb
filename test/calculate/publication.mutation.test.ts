import { describe, expect, it } from 'vitest';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';

/**
 * What a record that cannot be costed says DESNZ did, word for word, for rows whose years were read by hand
 * from the published flat files (../shared/emission-factor-sources/uk-ghg-conversion-factors/normalized/
 * uk-ghg-conversion-factors-<year>-flat.csv): a row with a value is published that year, a row with a blank
 * value, or none, is not. (test/calculate/every-option.test.ts walks every option for the shape of the reason.)
 */
const reason = (source: string, factorSet: string, category = 'business-travel', unit = 'room night') => {
  const inventory = calculateInventory({ records: [{ id: 'r', category, source, quantity: '1', unit }] }, { factorSet });
  expect(inventory.lines).toEqual([]);
  expect(inventory.problems.map((p) => [p.severity, p.code])).toEqual([['error', 'factor-not-found']]);
  return inventory.problems[0]!.message;
};

describe('a factor the set lacks is explained by what DESNZ published', () => {
  it('in two runs of years: Greece (2019: 46.9, 2021: 43; blank in 2020, 2022–2025, no row 2016–2018)', () => {
    expect(reason('hotel:greece', 'desnz-2023')).toContain(': DESNZ published it in 2019 and 2021, not in the 2023 factors. ');
  });

  it('a year and a run: Oman (2020: 92.6; blank in 2021; 90.3 in 2022–2025, 29_600_4035_13_1)', () => {
    expect(reason('hotel:oman', 'desnz-2021')).toContain(': DESNZ published it in 2020 and 2022–2025, not in the 2021 factors. ');
  });

  it('two runs: books composted (2016–2019: 10.2039 in 2019; blank 2020–2022; 20_501_5263_15_1 from 2023)', () => {
    expect(reason('waste:books:composting', 'desnz-2021', 'waste', 'tonne')).toContain(': DESNZ published it in 2016–2019 and 2023–2025, not in the 2021 factors. ');
  });

  it('one year: Finland (2020: 11.8 only; 29_600_4015_13_1 blank from 2023)', () => {
    expect(reason('hotel:finland', 'desnz-2024')).toContain(': DESNZ published it in 2020, not in the 2024 factors. ');
  });

  it('never: a country with no hotel row in any year 2016–2025', () => {
    expect(reason('hotel:atlantis', 'desnz-2023')).toContain(': DESNZ published no such factor in any year 2016–2025. ');
  });

  it('under either of its names: tyres re-used ("Reuse" in 2016 and 2017, 21.76 in 2017; "Re-use" in 2018 and 2019, 21.3538 in 2019)', () => {
    expect(reason('waste:tyres:reuse', 'desnz-2023', 'waste', 'tonne')).toContain(': DESNZ published it in 2016–2019, not in the 2023 factors. ');
  });
});
