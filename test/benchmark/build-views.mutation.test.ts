import { describe, expect, it } from 'vitest';
import { positionBand, type Published } from '../../src/benchmark/index.js';
import { Decimal } from '../../src/decimal.js';

/**
 * A council's position among its cohort's published quartiles (src/benchmark/build-views.ts, `position`; issue 17,
 * mutation testing), case by case against the rule POSITION_METHOD states: the lowest, second, third or highest
 * quarter when both quartiles are published, else the lower half (below the median) or the upper half (at or above
 * it); withheld where the median or the count is withheld. A figure equal to a quartile is not below it.
 */

const shown = (value: string): Published => ({ status: 'published', value });
const WITHHELD: Published = { status: 'suppressed' };
/** A cohort of 20 councils with quartiles 100, 200 and 300, or those given. */
const cohort = (changes: Partial<Record<'count' | 'lowerQuartile' | 'median' | 'upperQuartile', Published>> = {}) => ({
  metric: 'total' as const,
  count: shown('20'),
  lowerQuartile: shown('100'),
  median: shown('200'),
  upperQuartile: shown('300'),
  ...changes,
});
const at = (ours: string, c = cohort()) => {
  const p = positionBand(new Decimal(ours), c);
  return p.status === 'published' ? p.value : p.status;
};

describe('a council’s position', () => {
  it('is its quarter when both quartiles are published, a figure on a quartile counting as above it', () => {
    expect(['0', '99.99', '100', '199.99', '200', '299.99', '300', '1000'].map((v) => at(v))).toEqual([
      'lowest-quarter',
      'lowest-quarter',
      'second-quarter',
      'second-quarter',
      'third-quarter',
      'third-quarter',
      'highest-quarter',
      'highest-quarter',
    ]);
  });

  it('is its half when either quartile is withheld', () => {
    for (const c of [cohort({ lowerQuartile: WITHHELD }), cohort({ upperQuartile: WITHHELD }), cohort({ lowerQuartile: WITHHELD, upperQuartile: WITHHELD })]) {
      expect(['0', '199.99', '200', '1000'].map((v) => at(v, c))).toEqual(['lower-half', 'lower-half', 'upper-half', 'upper-half']);
    }
  });

  it('is withheld when the median or the count is withheld, whatever else is published', () => {
    expect(at('50', cohort({ median: WITHHELD }))).toBe('suppressed');
    expect(at('50', cohort({ count: WITHHELD }))).toBe('suppressed');
    expect(at('500', cohort({ count: WITHHELD, lowerQuartile: WITHHELD, upperQuartile: WITHHELD }))).toBe('suppressed');
  });

  it('compares exactly, not as binary floats', () => {
    // 0.3 is below a published 0.30000000000000001 exactly; as doubles the two are the same number.
    const c = cohort({ lowerQuartile: shown('0.1'), median: shown('0.30000000000000001'), upperQuartile: shown('1') });
    expect(at('0.3', c)).toBe('second-quarter');
    expect(at('0.30000000000000001', c)).toBe('third-quarter');
  });
});
