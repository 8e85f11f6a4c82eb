import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlausible } from '../../src/activity/plausibility.js';
import { Decimal } from '../../src/decimal.js';
import { UNITS, dimensionOf, unitSize } from '../../src/units/units.js';

/** The limits per dimension's base unit (src/activity/plausibility.ts sets them about a hundred times above the largest county's use). */
const LIMIT: Record<string, string> = { energy: '1e10', volume: '1e10', mass: '1e9', distance: '1e10', 'passenger distance': '1e10', 'vehicle distance': '1e10', 'freight distance': '1e11', 'room nights': '1e7', 'working hours': '1e9', money: '1e11' };

describe('checkPlausible: a quantity in the base unit is compared without converting it', () => {
  it('decides as converting every quantity to the base unit did, in every unit, up to 60 digits', () => {
    const seen = { base: 0, converted: 0, implausible: 0, long: 0 };
    const quantity = fc
      .tuple(
        // The limits themselves and their neighbours, or any whole part.
        fc.oneof(fc.constantFrom('10000000000', '9999999999', '100000000000', '10000000', '1000000000', '1'), fc.stringMatching(/^[1-9]\d{0,12}$/)),
        // Short fractions, and long ones that run past the 50th digit.
        fc.oneof(fc.stringMatching(/^\d{0,6}$/), fc.stringMatching(/^\d{38,47}$/), fc.constantFrom(`${'0'.repeat(45)}1`, '0'.repeat(40))),
        fc.constantFrom('', '0', '9'),
      )
      .map(([whole, fraction, tail]) => `${whole}.${fraction}${tail}`);
    fc.assert(
      fc.property(fc.constantFrom(...UNITS), quantity, (unit, text) => {
        const q = new Decimal(text);
        const size = unitSize(unit);
        // The rule as first written: the quantity converted (product and quotient at the package's precision), then compared.
        const expected = q.mul(size.numerator).div(size.denominator).greaterThan(LIMIT[dimensionOf(unit)]!);
        expect(checkPlausible(q, unit)?.code === 'implausible-quantity', `${text} ${unit}`).toBe(expected);
        if (size.numerator.eq(1) && size.denominator.eq(1)) seen.base++;
        else seen.converted++;
        if (expected) seen.implausible++;
        if (q.sd() > 49) seen.long++;
      }),
      { numRuns: 4000, seed: 14 },
    );
    expect(seen.base).toBeGreaterThan(300);
    expect(seen.converted).toBeGreaterThan(300);
    expect(seen.implausible).toBeGreaterThan(300);
    expect(seen.long).toBeGreaterThan(300);
  });

  it('rounds a quantity of more than 50 digits at the limit as the conversion did', () => {
    // 10^10 kWh and a tail past the 50th digit: the conversion rounded it away, so it is at the limit, not beyond.
    const atLimit = new Decimal(`10000000000.${'0'.repeat(45)}1`);
    expect(atLimit.sd()).toBe(57);
    expect(checkPlausible(atLimit, 'kWh')).toBeUndefined();
    expect(checkPlausible(new Decimal('10000000000.1'), 'kWh')?.code).toBe('implausible-quantity');
  });
});
