import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberText } from '../../src/tables/cell-text.js';

/** The definition: the double rounded to 15 significant digits, trailing zeros and point dropped. */
function reference(n: number): string {
  const [mantissa, exponent] = n.toPrecision(15).split('e');
  const trimmed = mantissa!.includes('.') ? mantissa!.replace(/0+$/, '').replace(/\.$/, '') : mantissa!;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}

describe('numberText', () => {
  it('is the double rounded to 15 significant digits, for any double (typed figures take a shortcut)', () => {
    fc.assert(fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer().map((i) => i / 100), fc.integer({ min: -1e9, max: 1e9 })), (n) => {
      expect(numberText(n)).toBe(reference(n));
    }), { numRuns: 20_000, seed: 3 });
  });

  it('writes what Excel shows for figures people type and for sums with binary noise', () => {
    expect([1184230, 1234.5, 0.1 + 0.2, 0.20707428859060403, -0, 1e15, 999999999999999, 1e-7, 0.000123].map(numberText))
      .toEqual(['1184230', '1234.5', '0.3', '0.207074288590604', '0', '1e+15', '999999999999999', '1e-7', '0.000123']);
  });
});
