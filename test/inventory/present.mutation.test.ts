import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/decimal.js';
import { formatShare, formatTonnes, roundHalfEven, roundTonnes, sharePercent } from '../../src/inventory/present.js';

/**
 * The one rounding rule of every report, on figures worked by hand: half to even at the stated places (a half
 * goes to the even neighbour: 0.25 → 0.2, 0.35 → 0.4), kgCO2e to tCO2e by dividing by 1,000, shares in per cent.
 */
const d = (text: string) => new Decimal(text);

describe('rounding for presentation', () => {
  it('rounds a half to the even neighbour, either sign', () => {
    expect([roundHalfEven(d('0.25'), 1), roundHalfEven(d('0.35'), 1), roundHalfEven(d('-0.25'), 1), roundHalfEven(d('0.251'), 1)].map(String)).toEqual(['0.2', '0.4', '-0.2', '0.3']);
    expect(roundHalfEven(d('2.5'), 0).toFixed()).toBe('2');
  });

  it('turns kgCO2e into tCO2e, to 0.1 t unless told otherwise', () => {
    // 1,250 kg = 1.25 t → 1.2 (half to even); 1,350 kg = 1.35 t → 1.4; 1,234,567.89 kg = 1,234.56789 t
    expect([roundTonnes(d('1250')), roundTonnes(d('1350')), roundTonnes(d('1234567.89'))].map(String)).toEqual(['1.2', '1.4', '1234.6']);
    expect([roundTonnes(d('1234567.89'), 2), roundTonnes(d('1234567.89'), 0)].map(String)).toEqual(['1234.57', '1235']);
  });

  it('writes tonnes with exactly the places asked for', () => {
    expect(formatTonnes(d('1234567.89'))).toBe('1234.6');
    expect(formatTonnes(d('1000'))).toBe('1.0');
    expect(formatTonnes(d('2500'), 0)).toBe('2');
    expect(formatTonnes(d('3500'), 0)).toBe('4');
    expect(formatTonnes(d('1234567.89'), 3)).toBe('1234.568');
  });

  it('gives a share in per cent to 0.1, and none of a whole of zero', () => {
    // 1/3 = 33.33…%; 1/16 = 6.25% → 6.2 (half to even); 3/16 = 18.75% → 18.8
    expect([sharePercent(d('1'), d('3')), sharePercent(d('1'), d('16')), sharePercent(d('3'), d('16'))].map(String)).toEqual(['33.3', '6.2', '18.8']);
    expect(sharePercent(d('1'), d('0'))).toBeUndefined();
    expect([formatShare(d('1'), d('3')), formatShare(d('5'), d('5')), formatShare(d('0'), d('5')), formatShare(d('1'), d('0'))]).toEqual(['33.3%', '100.0%', '0.0%', '–']);
  });
});
