import { describe, expect, it } from 'vitest';
import { readNumber } from '../../src/import/numbers.js';
import { readDate, readFinancialYear, financialYearOf } from '../../src/import/years.js';
import { readUnit } from '../../src/units/unit-text.js';
import { readHeader } from '../../src/import/headers.js';

const value = (text: string) => {
  const r = readNumber(text);
  return 'value' in r ? r.value.toFixed() : `reason: ${r.reason}`;
};

describe('readNumber: numbers as councils write them, read exactly', () => {
  it.each([
    ['1,234.5', '1234.5'],
    ['£12,000', '12000'],
    [' 500 ', '500'],
    ['1.2e3', '1200'],
    ['(1,200)', '-1200'],
    ['(£1,200.50)', '-1200.5'],
    ['-£45', '-45'],
    ['GBP 7,500', '7500'],
    ['1\u00a0234', 'reason: \'1\u00a0234\' is not a number'],
    ['0.1000000000000000055511151231257827', '0.1000000000000000055511151231257827'],
    ['12,345,678.901', '12345678.901'],
    // Finance systems' credit and debit markers.
    ['1,234.56 CR', '-1234.56'],
    ['£1,000.00CR', '-1000'],
    ['1234.56-', '-1234.56'],
    ['1,234.56 DR', '1234.56'],
  ])('%j → %s', (text, expected) => expect(value(text)).toBe(expected));

  it.each([
    ['1,5', "'1,5' has a comma that is not a thousands separator (a decimal comma?)"],
    ['12 kWh', "'12 kWh' is not a number"],
    ['n/a', "'n/a' is not a number"],
    ['NaN', "'NaN' is not a number"],
    ['Infinity', "'Infinity' is not a number"],
    ['0x10', "'0x10' is not a number"],
    ['', 'is blank'],
  ])('%j is a reason, never a guess', (text, reason) => expect(readNumber(text)).toEqual({ reason }));
});

describe('dates and financial years', () => {
  it('reads a date with the time finance systems add after it', () => {
    expect(readDate('01/05/2023 00:00:00')).toEqual({ year: 2023, month: 5, day: 1 });
    expect(readDate('2023-05-01 10:30')).toEqual({ year: 2023, month: 5, day: 1 });
    expect(readDate('01/05/2023 25')).toBeUndefined();
  });

  it('reads ISO, UK, month-name and Excel-serial dates', () => {
    expect(readDate('2024-03-31T00:00:00.000Z')).toEqual({ year: 2024, month: 3, day: 31 });
    expect(readDate('31/03/2024')).toEqual({ year: 2024, month: 3, day: 31 });
    expect(readDate('1 Apr 23')).toEqual({ year: 2023, month: 4, day: 1 });
    expect(readDate('45382')).toEqual({ year: 2024, month: 3, day: 31 });
    expect(readDate('31/02/2024')).toBeUndefined();
    expect(readDate('03/31/2024')).toBeUndefined();
  });
  it('places dates in UK financial years (April to March)', () => {
    expect(financialYearOf({ year: 2024, month: 3, day: 31 })).toBe('2023/24');
    expect(financialYearOf({ year: 2024, month: 4, day: 1 })).toBe('2024/25');
  });
  it('reads financial years in their usual spellings', () => {
    expect(['2023/24', '2023-24', '2023/2024', 'FY 2023/24', '23/24'].map(readFinancialYear)).toEqual(Array(5).fill('2023/24'));
    expect(readFinancialYear('2023/25')).toBeUndefined();
    expect(readFinancialYear('2023/2025')).toBeUndefined();
  });
});

describe('units and headers', () => {
  it('reads unit spellings', () => {
    expect(['kWh', 'KWH', 'litres', 'Ltrs', 'm³', 'tonnes', '£', 'miles', 'passenger km'].map(readUnit)).toEqual(['kWh', 'kWh', 'litre', 'litre', 'm3', 'tonne', 'GBP', 'mile', 'passenger.km']);
    expect(readUnit('furlongs')).toBeUndefined();
  });
  it('matches header synonyms and units in headers', () => {
    expect(readHeader('  QTY ')).toEqual({ name: 'qty', field: 'quantity' });
    expect(readHeader('Consumption (kWh)')).toEqual({ name: 'consumption', unit: 'kWh', field: 'quantity' });
    expect(readHeader('Gas (kWh)')).toEqual({ name: 'gas', unit: 'kWh' });
    expect(readHeader('Building_Name')).toEqual({ name: 'building name', field: 'site' });
    expect(readHeader('Diesel [litres]')).toEqual({ name: 'diesel', unit: 'litre' });
  });
});
