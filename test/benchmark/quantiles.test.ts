import { describe, expect, it } from 'vitest';
import { percentileRank, quantile, QUARTILES, roundSignificant } from '../../src/benchmark/quantiles.js';
import { Decimal } from '../../src/decimal.js';

const d = (xs: number[]) => xs.map((x) => new Decimal(x));

describe('quartiles (hand-checked)', () => {
  it('interpolates between the two councils either side of (n - 1)p', () => {
    const six = d([10, 20, 30, 40, 50, 60]);
    expect(quantile(six, QUARTILES.lowerQuartile).toString()).toBe('22.5'); // h = 1.25 → 20 + 0.25 × 10
    expect(quantile(six, QUARTILES.median).toString()).toBe('35'); // h = 2.5 → 30 + 0.5 × 10
    expect(quantile(six, QUARTILES.upperQuartile).toString()).toBe('47.5'); // h = 3.75 → 40 + 0.75 × 10
  });

  it("never returns one council's figure: on an exact position, the mean of it and its neighbours", () => {
    const five = d([3, 5, 11, 12, 40]);
    expect(quantile(five, QUARTILES.median).toString()).toBe(new Decimal(28).div(3).toString()); // h = 2 → (5 + 11 + 12) / 3
    expect(quantile(five, QUARTILES.lowerQuartile).toString()).toBe('6.3333333333333333333333333333333333333333333333333'); // h = 1 → (3 + 5 + 11) / 3
    expect(quantile(five, QUARTILES.upperQuartile).toString()).toBe('21'); // h = 3 → (11 + 12 + 40) / 3
  });

  it('percentile is the mid-rank in per cent', () => {
    const five = d([3, 5, 11, 12, 40]);
    expect(percentileRank(five, new Decimal(3)).toString()).toBe('10');
    expect(percentileRank(five, new Decimal(40)).toString()).toBe('90');
    expect(percentileRank(d([1, 2, 2, 3]), new Decimal(2)).toString()).toBe('50');
  });

  it('rounds to significant figures, half to even', () => {
    expect(roundSignificant(new Decimal('12345'), 3).toString()).toBe('12300');
    expect(roundSignificant(new Decimal('12350'), 3).toString()).toBe('12400');
    expect(roundSignificant(new Decimal('12250'), 3).toString()).toBe('12200');
    expect(roundSignificant(new Decimal('0.0012345'), 3).toString()).toBe('0.00123');
  });
});
