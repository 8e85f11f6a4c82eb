import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/decimal.js';
import { conversionFactor, convert, convertUnchecked, quantity, UnitConversionError } from '../../src/units/quantity.js';
import { DIMENSIONS, UNITS, dimensionOf, type Unit } from '../../src/units/units.js';

const decimalArb = fc
  .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 12 }))
  .map(([digits, scale]) => new Decimal(digits.toString()).div(new Decimal(10).pow(scale)));
const unitPairArb = fc.constantFrom(...DIMENSIONS).chain((d) => {
  const units = UNITS.filter((u) => dimensionOf(u) === d);
  return fc.tuple(fc.constantFrom(...units), fc.constantFrom(...units));
});

describe('units', () => {
  it('converts exactly where the ratio terminates (hand-checked)', () => {
    expect(convert(quantity('1', 'MWh'), 'kWh').value.toFixed()).toBe('1000');
    expect(convert(quantity('2', 'kWh'), 'MJ').value.toFixed()).toBe('7.2');
    expect(convert(quantity('10', 'mile'), 'km').value.toFixed()).toBe('16.09344');
    expect(convert(quantity('1', 'therm'), 'MJ').value.toFixed()).toBe('105.505585262');
    expect(convert(quantity('1', 'ft3'), 'litre').value.toFixed()).toBe('28.316846592');
    expect(convert(quantity('3.5', 'tonne'), 'kg').value.toFixed()).toBe('3500');
    expect(convert(quantity('1', 'passenger.mile'), 'passenger.km').value.toFixed()).toBe('1.609344');
  });

  it('round-trips every conversion (property): exact to 45 significant digits', () => {
    fc.assert(
      fc.property(decimalArb, unitPairArb, (value, [from, to]) => {
        const there = convertUnchecked({ value, unit: from }, to);
        const back = convertUnchecked(there, from);
        expect(back.value.toSignificantDigits(45).eq(value.toSignificantDigits(45))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips exactly when the conversion multiplier is a terminating decimal in both directions', () => {
    fc.assert(
      fc.property(decimalArb, fc.constantFrom<[Unit, Unit]>(['kWh', 'MWh'], ['kWh', 'GWh'], ['kg', 'tonne'], ['litre', 'm3'], ['litre', 'million litres']), (value, [a, b]) => {
        expect(convertUnchecked(convertUnchecked({ value, unit: a }, b), a).value.eq(value)).toBe(true);
      }),
    );
  });

  it('scales linearly (property)', () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, unitPairArb, (x, k, [from, to]) => {
        const scaled = convertUnchecked({ value: x.mul(k), unit: from }, to).value;
        const then = convertUnchecked({ value: x, unit: from }, to).value.mul(k);
        expect(scaled.toSignificantDigits(40).eq(then.toSignificantDigits(40))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a conversion across dimensions: a typed error at run time, a compile error where types allow', () => {
    expect(() => convertUnchecked(quantity('1', 'kWh'), 'litre')).toThrow(UnitConversionError);
    expect(() => convertUnchecked(quantity('1', 'kWh'), 'furlong')).toThrow(/not a known unit/);
    expect(() => conversionFactor('km', 'kg')).toThrow(UnitConversionError);
    // @ts-expect-error energy cannot be converted to volume
    expect(() => convert(quantity('1', 'kWh'), 'litre')).toThrow(UnitConversionError);
  });
});

describe('DESNZ’s own unit labels', () => {
  it('reads the labels of the published tables', async () => {
    const { readUnit } = await import('../../src/units/unit-text.js');
    expect(readUnit('kWh (Gross CV)')).toBe('kWh');
    expect(readUnit('kWh (Net CV)')).toBe('kWh (net CV)');
    expect(readUnit('MWh (Net CV)')).toBe('MWh (net CV)');
    expect(readUnit('cubic metres')).toBe('m3');
    expect(readUnit('Room per night')).toBe('room night');
    expect(readUnit('per FTE Working Hour')).toBe('FTE hour');
  });

  it('MWh on a net CV basis converts to kWh on the same basis exactly', () => {
    expect(convert(quantity('2.5', 'MWh (net CV)'), 'kWh (net CV)').value.toFixed()).toBe('2500');
  });
});
