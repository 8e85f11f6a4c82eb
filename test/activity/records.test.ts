import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseActivityRecords } from '../../src/activity/record.js';
import { Decimal, sum } from '../../src/decimal.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';

const gas = (quantity: unknown, unit = 'kWh') => ({ category: 'buildings', source: 'natural-gas', quantity, unit, origin: { file: 'baseline.xlsx', sheet: 'Buildings', cell: 'C9' } });

describe('activity records: bad and implausible values are problems with the value, never exceptions', () => {
  it.each([
    [gas('-1200'), 'negative-quantity', '-1200'],
    [gas('1e15'), 'implausible-quantity', '1000000000000000'],
    [gas('20000', 'TWh'), 'invalid-record', undefined],
    [gas('NaN'), 'invalid-record', undefined],
    [gas('1e99999999'), 'invalid-record', undefined],
    [gas('Infinity'), 'invalid-record', undefined],
    [gas(Number.NaN), 'invalid-record', undefined],
    [gas('12,5'), 'invalid-record', undefined],
    [{ ...gas('5'), source: 'natural-gas:extra' }, 'unknown-source', 'natural-gas:extra'],
    [{ ...gas('5'), category: 'waste' }, 'category-not-allowed', 'waste'],
    [gas('5', 'km'), 'unit-not-allowed', 'km'],
    [{ category: 'capital-goods', source: 'spend:construction', quantity: '10', unit: 'GBP' }, 'missing-price-year', undefined],
    ['not an object', 'invalid-record', undefined],
    [null, 'invalid-record', undefined],
  ])('%j → %s', (input, code, value) => {
    const { records, problems } = parseActivityRecords([input]);
    expect(records).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.code).toBe(code);
    expect(problems[0]!.severity).toBe('error');
    expect(problems[0]!.value).toBe(value);
    expect(problems[0]!.message.length).toBeGreaterThan(10);
  });

  it('takes units as people write them (Litres, kwh, tonnes) and names an unknown one with the known units', () => {
    const { records } = parseActivityRecords([gas('10', 'kwh'), { ...gas('10', 'Litres'), source: 'gas-oil' }, { category: 'waste', source: 'waste:paper-and-board-mixed:landfill', quantity: '2', unit: 'tonnes' }]);
    expect(records.map((r) => r.unit)).toEqual(['kWh', 'litre', 'tonne']);
    const { problems } = parseActivityRecords([gas('10', 'furlongs')]);
    expect(problems[0]!.message).toContain("'furlongs' is not a known unit: use one of kWh, MWh");
  });

  it('says what shape a malformed source should have, naming free-text parts (the waste material) in words', () => {
    const message = (source: string, category = 'waste', unit = 'tonnes') => parseActivityRecords([{ category, source, quantity: '3', unit }]).problems[0]!.message;
    expect(message('waste:paper')).toContain("Source 'waste:paper' should look like waste:<material>:<landfill|combustion|incineration-with-energy-recovery|open-loop|closed-loop|composting|anaerobic-digestion|re-use|reuse>");
    expect(message('waste:paper:burnt')).toContain("Source 'waste:paper:burnt': 'burnt' is not one of landfill, combustion,");
    expect(message('waste::landfill')).toContain("Source 'waste::landfill': the material is missing");
    expect(message('refrigerant', 'fugitive-emissions', 'kg')).toContain('should look like refrigerant:<gas>');
  });

  it('reports a huge Decimal given through the API with a short value, never a million-digit string', () => {
    const { problems } = parseActivityRecords([gas(new Decimal('1e99999999'))]);
    expect(problems.map((p) => [p.code, p.value])).toEqual([['implausible-quantity', '1e+99999999']]);
  });

  it('keeps the origin of the input on its problem, so the officer can find the cell', () => {
    const { problems } = parseActivityRecords([gas('-5')]);
    expect(problems[0]!.origin).toEqual({ file: 'baseline.xlsx', sheet: 'Buildings', cell: 'C9' });
  });

  it('accepts the largest plausible figures and zero', () => {
    const { records, problems } = parseActivityRecords([gas('10000000000'), gas('10000', 'GWh'), gas('0')]);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.quantity.toFixed())).toEqual(['10000000000', '10000', '0']);
  });
});

describe('decimal precision at the largest plausible council', () => {
  // A county's largest realistic year is about 10^8 kgCO2e; we test a hundred times that on every line.
  const bigQuantity = fc.bigInt({ min: 1n, max: 10n ** 16n }).map((n) => ({ n, scale: 6 })); // up to 10^10 with 6 decimals
  it('a line is the exact product of quantity and factor, and totals lose no digit (checked with BigInt)', () => {
    fc.assert(
      fc.property(fc.array(bigQuantity, { minLength: 1, maxLength: 200 }), (quantities) => {
        const records = quantities.map(({ n, scale }, i) => ({ id: `g${i}`, ...gas(new Decimal(n.toString()).div(10 ** scale).toFixed()) }));
        const inventory = calculateInventory({ records }, { factorSet: 'desnz-2023' });
        expect(inventory.problems).toEqual([]);
        // Exact arithmetic in integers: value = digits × 10^-scale, so sum the scaled integer products.
        const toScaled = (d: Decimal, scale: number) => BigInt(d.mul(new Decimal(10).pow(scale)).toFixed());
        const scale = 30;
        const expected = inventory.lines.reduce((acc, l) => acc + (toScaled(l.quantity.value, 10) * toScaled(l.factor.kgCO2ePerUnit, 20)), 0n);
        expect(toScaled(inventory.totals.total, scale)).toBe(expected);
        expect(toScaled(sum(inventory.lines.map((l) => l.kgCO2e)), scale)).toBe(expected);
      }),
      { numRuns: 20 },
    );
  });
});
