import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchmark, councilView, type Submission } from '../../src/benchmark/index.js';
import { Decimal } from '../../src/decimal.js';
import { district as anyDistrict } from './districts.js';

/** Districts in the North East: every cohort is the same set of councils. */
const district = (i: number, total: string) => anyDistrict(i, total, 'north-east');

const allCouncilsTotal = (subs: readonly Submission[], code: string) => councilView(benchmark(subs), code)!.years[0]!.cohorts[0]!.metrics[0]!;

describe("the private view's position", () => {
  // k = 5, n = 21, values 10i + (i mod 4) for i = 1..21:
  //   11 22 33 40 51 62 73 80 91 102 113 120 131 142 153 160 171 182 193 200 211
  // lower window (councils 3..7)  40 51 62 73 80    = 306 / 5 = 61.2
  // median window (8..12)         91 102 113 120 131 = 557 / 5 = 111.4 → 111 (3 significant figures)
  // upper window (13..17)         142 153 160 171 182 = 808 / 5 = 161.6 → 162
  const values = Array.from({ length: 21 }, (_, j) => 10 * (j + 1) + ((j + 1) % 4));
  const subs = values.map((v, j) => district(j + 1, String(v)));

  it('is the quarter of the published quartiles the own figure falls in (hand-worked)', () => {
    const band = (value: number) => allCouncilsTotal(subs, district(values.indexOf(value) + 1, '0').profile.onsCode);
    expect(band(51)).toMatchObject({ lowerQuartile: { value: '61.2' }, median: { value: '111' }, upperQuartile: { value: '162' } });
    expect(band(51).position).toEqual({ status: 'published', value: 'lowest-quarter' });
    expect(band(62).position).toEqual({ status: 'published', value: 'second-quarter' });
    expect(band(113).position).toEqual({ status: 'published', value: 'third-quarter' }); // 113 ≥ 111, the published (rounded) median
    expect(band(160).position).toEqual({ status: 'published', value: 'third-quarter' });
    expect(band(171).position).toEqual({ status: 'published', value: 'highest-quarter' });
  });

  it('is the same on every re-run of the same submissions', () => {
    const runs = Array.from({ length: 20 }, () => allCouncilsTotal(subs, 'E07900007').position);
    for (const r of runs) expect(r).toEqual({ status: 'published', value: 'second-quarter' });
  });

  it('halves of the median where the quartiles are withheld (n = 15: median only)', () => {
    const small = subs.slice(0, 15);
    const m = allCouncilsTotal(small, 'E07900002');
    expect(m.lowerQuartile).toEqual({ status: 'suppressed' }); // small-cohort: 15 < 4k + 1
    expect(m.position).toEqual({ status: 'published', value: 'lower-half' });
  });

  /**
   * The attacker: one council re-submits its own figure over 1,000 re-runs, sweeping it from far below the cohort
   * to far above it, and watches its position. With the old exact mid-rank every step of the rank was another
   * council's figure (47 of 47 recovered to ±1 tCO2e). Now the position changes only where the council's figure
   * crosses a published quartile of that run: at most three changes, each at a published figure (a mean of k
   * councils), so a council's value within ±10% is learnt only if a published quartile already says so.
   */
  it('a council probing with its own figure over 1,000 re-runs learns only published quartiles, no other council (fast-check)', () => {
    const others = fc.uniqueArray(fc.integer({ min: 1000, max: 90000 }), { minLength: 20, maxLength: 30 });
    fc.assert(
      fc.property(others, (victims) => {
        const cohort = victims.map((v, j) => district(j + 1, String(v)));
        const max = Math.max(...victims);
        let previous: string | undefined;
        const changes: { at: Decimal; published: Decimal[] }[] = [];
        for (let step = 0; step < 1000; step++) {
          const own = new Decimal(max).times(2).times(step).div(999).toDecimalPlaces(1);
          const m = allCouncilsTotal([...cohort, district(9999, own.toFixed())], 'E07909999');
          // A run where the median is withheld (say, equal to a council's figure) shows the shared view's mark, no position.
          if (m.position?.status !== 'published') continue;
          if (previous !== undefined && m.position.value !== previous) {
            changes.push({ at: own, published: [m.lowerQuartile, m.median, m.upperQuartile].flatMap((p) => (p.status === 'published' ? [new Decimal(p.value)] : [])) });
          }
          previous = m.position.value;
        }
        expect(changes.length).toBeGreaterThanOrEqual(1);
        expect(changes.length).toBeLessThanOrEqual(3);
        // Each change is where the own figure reached a published quartile of that run (within one probe step).
        const step = new Decimal(max).times(2).div(999);
        for (const c of changes) expect(c.published.some((q) => c.at.minus(q).abs().lte(step.plus(1)))).toBe(true);
      }),
      { numRuns: 4, seed: 20 },
    );
  });
});
