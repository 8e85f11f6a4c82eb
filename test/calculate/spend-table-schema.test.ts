import { describe, expect, it } from 'vitest';
import { SpendFactorTableSchema } from '../../src/calculate/spend.js';

const table = (kgCO2ePerGBP: Record<string, string>, values: Record<string, string>) => ({ id: 'mine', title: 'My table', priceYear: 2021, kgCO2ePerGBP, priceIndex: { name: 'CPIH', values } });
const issues = (input: unknown) => {
  const parsed = SpendFactorTableSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe("a user's spend factor table", () => {
  it('with text that is no number is refused as such, each place named once (it threw a TypeError)', () => {
    expect(issues(table({ legal: 'n/a' }, { 2021: 'about 100' }))).toEqual([
      ['kgCO2ePerGBP.legal', 'a decimal number'],
      ['priceIndex.values.2021', 'a decimal number'],
    ]);
  });

  it('with a negative factor or an index of zero is refused, saying why', () => {
    expect(issues(table({ legal: '-0.1' }, { 2021: '0' }))).toEqual([
      ['kgCO2ePerGBP.legal', 'a factor cannot be negative'],
      ['priceIndex.values.2021', 'an index value must be above zero'],
    ]);
  });

  it('with decimal text is read as given', () => {
    expect(SpendFactorTableSchema.parse(table({ legal: '0.125' }, { 2021: '100.0' })).kgCO2ePerGBP).toEqual({ legal: '0.125' });
  });
});
