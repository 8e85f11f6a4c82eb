import { describe, expect, it } from 'vitest';
import { DecimalTextSchema, EmissionLineSchema, MemoLineSchema } from '../../src/calculate/line.js';

/**
 * The schemas that read a saved emission or memo line back (src/calculate/line.ts), field by field (issue 17,
 * mutation testing): each expected value is written by hand here, not produced by the calculator.
 */

/**
 * A line as an inventory file holds it: 1,000 kWh of natural gas at DESNZ 2024's 0.1829 kgCO2e per kWh (gross
 * CV; emission-factors/desnz-2024, published row 83, ID 1_100_1004_6_1), which is 182.9 kgCO2e (1,000 × 0.1829, by hand).
 */
const written = (changes: Record<string, unknown> = {}) => ({
  recordId: 'r1',
  role: 'direct',
  category: 'buildings',
  scope: 'scope-1',
  dataQuality: 'metered',
  factor: {
    key: 'fuels/gaseous-fuels/natural-gas@kwh-gross-cv',
    setId: 'desnz-2024',
    path: 'Fuels › Gaseous fuels › Natural gas',
    uom: 'kWh (Gross CV)',
    desnzScope: 'Scope 1',
    kgCO2ePerUnit: '0.1829',
    sourceFile: 'ghg-conversion-factors-2024-full-set.xlsx',
    sourceRow: 83,
    sourceId: '1_100_1004_6_1',
  },
  quantity: { value: '1000', uom: 'kWh (Gross CV)' },
  kgCO2e: '182.9',
  byGas: {},
  ...changes,
});

describe('decimal text', () => {
  it('is read exactly, and text that is not a number is refused with its own words', () => {
    // 0.1 + 0.2 is 0.3 exactly in decimal (a binary float would give 0.30000000000000004).
    const a = DecimalTextSchema.parse('0.1');
    expect(a.add(DecimalTextSchema.parse('0.2')).toFixed()).toBe('0.3');
    const refused = DecimalTextSchema.safeParse('twelve');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.message)).toEqual(["'twelve' is not a decimal number"]);
  });
});

describe('an emission line read back', () => {
  it('keeps its figures exact, and its factor key and unit as written', () => {
    const line = EmissionLineSchema.parse(written());
    expect(line.kgCO2e.toFixed()).toBe('182.9');
    expect(line.quantity.value.mul(line.factor.kgCO2ePerUnit).toFixed()).toBe('182.9');
    expect([line.factor.key, line.factor.uom, line.factor.sourceId]).toEqual(['fuels/gaseous-fuels/natural-gas@kwh-gross-cv', 'kWh (Gross CV)', '1_100_1004_6_1']);
  });

  it('reads the per-gas split, the market-based figure and a share of the quantity', () => {
    // The CO2 part alone of the 182.9, as a line might carry it; a market figure of 0 for a renewable tariff.
    const line = EmissionLineSchema.parse(
      written({
        byGas: { CO2: '182.5' },
        market: { kgCO2e: '0', basis: 'renewable-backed' },
        quantity: { value: '1000', uom: 'kWh (Gross CV)', share: { percent: '95', of: 'water supplied (1000 m3) returned to sewer' } },
      }),
    );
    expect([line.byGas.CO2?.toFixed(), line.market?.kgCO2e.toFixed(), line.market?.basis, line.quantity.share?.percent.toFixed(), line.quantity.share?.of]).toEqual([
      '182.5', '0', 'renewable-backed', '95', 'water supplied (1000 m3) returned to sewer',
    ]);
  });

  it('reads a spend line’s costing, each way its £ were brought to the multiplier’s prices', () => {
    const spend = (adjustment: string) => ({ group: 'sic-62', code: '62', title: 'Computer programming', amount: '1000', priceYear: 2022, column: 2023, adjustment });
    for (const adjustment of ['same-year', 'price-index', 'unadjusted']) {
      expect(EmissionLineSchema.parse(written({ dataQuality: 'spend-based', spend: spend(adjustment) })).spend?.adjustment).toBe(adjustment);
    }
    expect(EmissionLineSchema.safeParse(written({ dataQuality: 'spend-based', spend: spend('guessed') })).success).toBe(false);
  });

  it('without a method takes it from the data quality: spend-based for spend, activity-based for the rest', () => {
    expect(EmissionLineSchema.parse(written({ dataQuality: 'spend-based' })).method).toBe('spend-based');
    expect(EmissionLineSchema.parse(written({ dataQuality: 'metered' })).method).toBe('activity-based');
    expect(EmissionLineSchema.parse(written({ dataQuality: 'estimated' })).method).toBe('activity-based');
    // A method written is kept, whatever the data quality.
    expect(EmissionLineSchema.parse(written({ dataQuality: 'spend-based', method: 'supplier-specific' })).method).toBe('supplier-specific');
  });

  it('takes a scope 3 category only from 1 to 15, as a whole number', () => {
    expect(EmissionLineSchema.parse(written({ scope: 'scope-3', scope3Category: 1 })).scope3Category).toBe(1);
    expect(EmissionLineSchema.parse(written({ scope: 'scope-3', scope3Category: 15 })).scope3Category).toBe(15);
    for (const bad of [0, 16, 3.5]) expect(EmissionLineSchema.safeParse(written({ scope: 'scope-3', scope3Category: bad })).success, String(bad)).toBe(false);
  });

  it('refuses a factor key that is not one, and a conversion from a unit that is not known', () => {
    const badKey = EmissionLineSchema.safeParse(written({ factor: { ...written().factor, key: 'Natural gas' } }));
    expect(badKey.error?.issues.map((i) => i.message)).toEqual(['not a factor key']);
    const converted = EmissionLineSchema.parse(written({ quantity: { value: '1000', uom: 'kWh (Gross CV)', conversion: { from: 'MWh', multiplier: '1000' } } }));
    expect(converted.quantity.conversion?.from).toBe('MWh');
    expect(converted.quantity.conversion?.multiplier.toFixed()).toBe('1000');
    const badUnit = EmissionLineSchema.safeParse(written({ quantity: { value: '1000', uom: 'kWh', conversion: { from: 'furlongs', multiplier: '1' } } }));
    expect(badUnit.error?.issues.map((i) => i.message)).toEqual(['not a known unit']);
  });

  it('refuses a field it does not know and a figure that is not decimal text', () => {
    expect(EmissionLineSchema.safeParse(written({ note: 'x' })).success).toBe(false);
    const badFigure = EmissionLineSchema.safeParse(written({ kgCO2e: '182,9' }));
    expect(badFigure.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['kgCO2e', "'182,9' is not a decimal number"]]);
  });
});

describe('a memo line read back', () => {
  it('keeps its value exact and refuses a unit other than kgCO2e or kWh', () => {
    const memo = { recordId: 'r1', kind: 'renewable-generation', category: 'buildings', value: '12500.5', unit: 'kWh', note: 'Solar PV' };
    expect(MemoLineSchema.parse(memo).value.toFixed()).toBe('12500.5');
    expect(MemoLineSchema.parse({ ...memo, kind: 'removal', unit: 'kgCO2e' }).unit).toBe('kgCO2e');
    expect(MemoLineSchema.safeParse({ ...memo, unit: 'MWh' }).success).toBe(false);
    expect(MemoLineSchema.safeParse({ ...memo, extra: 1 }).success).toBe(false);
  });
});
