import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/decimal.js';
import { conversionFactor, convertUnchecked, quantity, UnitConversionError } from '../../src/units/quantity.js';
import { readUnit } from '../../src/units/unit-text.js';
import { DIMENSIONS, dimensionOf, isUnit, netCalorificBasis, UNITS, unitSize, type Unit } from '../../src/units/units.js';

/**
 * Every unit against a hand-written table: its dimension and its size in the dimension's base unit, as an exact
 * fraction worked from the unit's definition (not from src/units/units.ts, whose ratios would check themselves).
 *   kWh = 3.6 × 10^6 J, so MJ = 10^6 / 3.6 × 10^6 = 5/18 kWh and GJ = 10^9 / 3.6 × 10^6 = 2500/9 kWh (277.77… kWh);
 *   therm = 100,000 Btu (IT), Btu (IT) = 1055.05585262 J, so a therm is 105,505,585.262 J
 *     = 105505585262 / 3,600,000,000 kWh (29.3071… kWh; DESNZ's conversion table gives 29.3071);
 *   ft = 0.3048 m exactly, so ft³ = 0.028316846592 m³ = 28.316846592 litres; mile = 1.609344 km exactly.
 */
const TABLE: readonly [Unit, string, string][] = [
  ['kWh', 'energy', '1'],
  ['MWh', 'energy', '1000'],
  ['GWh', 'energy', '1000000'],
  ['MJ', 'energy', '5/18'],
  ['GJ', 'energy', '2500/9'],
  ['therm', 'energy', '105505585262/3600000000'],
  ['kWh (net CV)', 'energy', '1'],
  ['MWh (net CV)', 'energy', '1000'],
  ['litre', 'volume', '1'],
  ['m3', 'volume', '1000'],
  ['million litres', 'volume', '1000000'],
  ['ft3', 'volume', '28.316846592'],
  ['kg', 'mass', '1'],
  ['tonne', 'mass', '1000'],
  ['km', 'distance', '1'],
  ['mile', 'distance', '1.609344'],
  ['passenger.km', 'passenger distance', '1'],
  ['passenger.mile', 'passenger distance', '1.609344'],
  ['vehicle.km', 'vehicle distance', '1'],
  ['vehicle.mile', 'vehicle distance', '1.609344'],
  ['tonne.km', 'freight distance', '1'],
  ['tonne.mile', 'freight distance', '1.609344'],
  ['room night', 'room nights', '1'],
  ['FTE hour', 'working hours', '1'],
  ['GBP', 'money', '1'],
];

const BASE: Record<string, Unit> = { energy: 'kWh', volume: 'litre', mass: 'kg', distance: 'km', 'passenger distance': 'passenger.km', 'vehicle distance': 'vehicle.km', 'freight distance': 'tonne.km', 'room nights': 'room night', 'working hours': 'FTE hour', money: 'GBP' };

const fraction = (text: string) => {
  const [n, d = '1'] = text.split('/');
  return new Decimal(n!).div(d);
};
/** 45 significant digits: a non-terminating ratio is rounded at Decimal's 50th, the same either way. */
const same = (a: Decimal, b: Decimal) => a.toSignificantDigits(45).eq(b.toSignificantDigits(45));

describe('the unit table, worked by hand', () => {
  it('lists exactly the units and dimensions of the table', () => {
    expect([...UNITS].sort()).toEqual(TABLE.map(([u]) => u).sort());
    expect([...DIMENSIONS].sort()).toEqual(Object.keys(BASE).sort());
    for (const [unit, dimension] of TABLE) {
      expect(isUnit(unit), unit).toBe(true);
      expect(dimensionOf(unit), unit).toBe(dimension);
    }
    expect(isUnit('furlong')).toBe(false);
  });

  it.each(TABLE)('1 %s in its base unit (%s) is %s', (unit, dimension, size) => {
    const base = BASE[dimension]!;
    expect(same(convertUnchecked(quantity(1, unit), base).value, fraction(size)), `${unit} → ${base}`).toBe(true);
    expect(same(convertUnchecked(quantity(1, base), unit).value, new Decimal(1).div(fraction(size))), `${base} → ${unit}`).toBe(true);
    const { numerator, denominator } = unitSize(unit);
    expect(same(numerator.div(denominator), fraction(size)), `size of ${unit}`).toBe(true);
  });

  it('the figures a reader would check, as decimals', () => {
    const kWh = (v: string, unit: Unit) => convertUnchecked(quantity(v, unit), 'kWh').value;
    expect(kWh('1', 'GJ').toSignificantDigits(12).toFixed()).toBe('277.777777778');
    expect(kWh('1', 'MJ').toSignificantDigits(12).toFixed()).toBe('0.277777777778');
    expect(kWh('9', 'GJ').toFixed()).toBe('2500');
    expect(kWh('18', 'MJ').toFixed()).toBe('5');
    expect(kWh('1', 'GWh').toFixed()).toBe('1000000');
    expect(kWh('1', 'MWh').toFixed()).toBe('1000');
    expect(kWh('1', 'therm').toSignificantDigits(6).toFixed()).toBe('29.3071'); // DESNZ: 1 therm = 29.3071 kWh
    expect(kWh('36', 'therm').toFixed()).toBe('1055.05585262'); // 36 therms = 3,600,000 Btu = 3.6 × 1055.05585262 MJ
    expect(convertUnchecked(quantity('1', 'GJ'), 'MJ').value.toFixed()).toBe('1000');
    expect(convertUnchecked(quantity('1', 'GWh'), 'GJ').value.toFixed()).toBe('3600');
    expect(convertUnchecked(quantity('1000', 'ft3'), 'm3').value.toFixed()).toBe('28.316846592');
    expect(convertUnchecked(quantity('2.5', 'million litres'), 'm3').value.toFixed()).toBe('2500');
    expect(convertUnchecked(quantity('100', 'km'), 'mile').value.toSignificantDigits(10).toFixed()).toBe('62.13711922');
    expect(convertUnchecked(quantity('1', 'tonne.mile'), 'tonne.km').value.toFixed()).toBe('1.609344');
    expect(convertUnchecked(quantity('1', 'vehicle.mile'), 'vehicle.km').value.toFixed()).toBe('1.609344');
  });

  it('a conversion factor is the multiplier from one unit to the other', () => {
    expect(conversionFactor('mile', 'km').toFixed()).toBe('1.609344');
    expect(conversionFactor('tonne', 'kg').toFixed()).toBe('1000');
    expect(conversionFactor('kWh', 'kWh').toFixed()).toBe('1');
    expect(conversionFactor('kWh', 'MJ').toFixed()).toBe('3.6');
  });

  it('only kWh and MWh on a net CV basis are net; gross and plain energy units are not', () => {
    const net = TABLE.map(([u]) => u).filter(netCalorificBasis);
    expect(net).toEqual(['kWh (net CV)', 'MWh (net CV)']);
  });

  it('a refused conversion names both units and their dimensions', () => {
    const error = (() => {
      try {
        convertUnchecked(quantity('1', 'kWh'), 'litre');
      } catch (e) {
        return e;
      }
    })() as UnitConversionError;
    expect(error).toBeInstanceOf(UnitConversionError);
    expect(error.name).toBe('UnitConversionError');
    expect(error.message).toBe('Cannot convert kWh to litre: kWh (energy) and litre (volume) are different dimensions');
    expect([error.from, error.to]).toEqual(['kWh', 'litre']);
    expect(() => convertUnchecked(quantity('1', 'kg'), 'stone')).toThrow("Cannot convert kg to stone: kg (mass) and 'stone' (not a known unit) are different dimensions");
  });
});

describe('units as councils write them, read by hand', () => {
  /** Every spelling the reader knows, and the unit a person would read it as. */
  const SPELLINGS: Record<string, Unit> = {
    kwh: 'kWh', 'kw h': 'kWh', 'kilowatt hours': 'kWh', 'kilowatt-hours': 'kWh',
    'kWh (Gross CV)': 'kWh', 'kWh gross CV': 'kWh', 'kWh (gross)': 'kWh', 'kWh (Net CV)': 'kWh (net CV)', 'kWh net CV': 'kWh (net CV)', 'kWh (net)': 'kWh (net CV)',
    'MWh (Gross CV)': 'MWh', 'MWh (Net CV)': 'MWh (net CV)', 'Room per night': 'room night', 'per FTE Working Hour': 'FTE hour',
    mwh: 'MWh', GWH: 'GWh', mj: 'MJ', gj: 'GJ', Therms: 'therm', therm: 'therm',
    L: 'litre', ltr: 'litre', ltrs: 'litre', Litres: 'litre', liters: 'litre', liter: 'litre', lt: 'litre',
    'm³': 'm3', 'cubic metres': 'm3', 'Cubic Meters': 'm3', 'cu m': 'm3', ml: 'million litres', megalitres: 'million litres',
    'ft³': 'ft3', 'cubic feet': 'ft3', 'cu ft': 'ft3',
    kgs: 'kg', kilograms: 'kg', kilogram: 'kg', t: 'tonne', tonnes: 'tonne', tons: 'tonne', te: 'tonne',
    kms: 'km', kilometres: 'km', kilometers: 'km', miles: 'mile',
    pkm: 'passenger.km', 'passenger km': 'passenger.km', 'passenger kms': 'passenger.km', 'passenger miles': 'passenger.mile', 'passenger mile': 'passenger.mile',
    'vehicle km': 'vehicle.km', 'vehicle miles': 'vehicle.mile', 'tonne km': 'tonne.km', tkm: 'tonne.km', 'tonne miles': 'tonne.mile',
    nights: 'room night', 'room nights': 'room night', 'hotel nights': 'room night',
    hours: 'FTE hour', 'FTE hours': 'FTE hour', 'working hours': 'FTE hour',
    '£': 'GBP', gbp: 'GBP', pounds: 'GBP', 'Pounds Sterling': 'GBP',
    // The library's own names, in any case, spacing or dots for spaces.
    'ROOM NIGHT': 'room night', '  kWh ': 'kWh', 'Kilowatt   hours': 'kWh', 'Passenger.Miles': 'passenger.mile', 'tonne.miles': 'tonne.mile',
  };

  it.each(Object.entries(SPELLINGS))('"%s" is %s', (text, unit) => {
    expect(readUnit(text)).toBe(unit);
  });

  it('every unit reads as itself; unknown words are not guessed', () => {
    for (const [unit] of TABLE) expect(readUnit(unit)).toBe(unit);
    for (const text of ['', 'furlong', 'kw', 'litre s', 'per night', 'kwh kwh']) expect(readUnit(text), text).toBeUndefined();
  });
});
