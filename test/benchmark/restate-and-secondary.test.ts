import { describe, expect, it } from 'vitest';
import { exampleSubmissions } from '../../examples/build-submissions.js';
import { benchmark, councilView, sharedView } from '../../src/benchmark/index.js';
import { secondarySuppression } from '../../src/benchmark/suppression.js';
import { DEFAULT_POLICY } from '../../src/benchmark/policy.js';
import { Decimal } from '../../src/decimal.js';

const examples = exampleSubmissions();

describe('common factor set', () => {
  it('recalculates councils that sent activity and keeps the others apart, saying so', () => {
    const result = benchmark(examples, {}, { commonFactorSet: 'desnz-2023' });
    const shared = sharedView(result);
    const apart = examples.filter((s) => s.profile.factorSetId !== 'desnz-2023' && s.activity === undefined).length;
    const restated = examples.filter((s) => s.profile.factorSetId !== 'desnz-2023' && s.activity !== undefined).length;
    const howMany = (n: number) => (n >= 5 ? String(n) : 'Fewer than 5');
    expect(shared.notes.slice(0, 2)).toEqual([
      `Common factor set desnz-2023: ${howMany(restated)} submission(s) on other factor sets were recalculated from their activity data.`,
      `${howMany(apart)} submission(s) kept on their own factor set, in separate cohorts, because no activity data was submitted.`,
    ]);
    expect(restated + apart).toBeGreaterThan(0);
    // Base-group counts go through the publish path: exact here (no DP), withheld below the threshold.
    const asPublished = (n: number) => (n < 5 ? { status: 'suppressed' } : { status: 'published', value: String(n) });
    for (const [sg, g] of shared.baseGroups.map((sg, i) => [sg, result.baseGroups[i]!] as const)) {
      expect(sg.councils).toEqual(asPublished(g.members.length));
      expect(sg.restated).toEqual(asPublished(g.members.filter((m) => m.restatedFrom !== undefined).length));
    }
    expect(result.baseGroups.filter((g) => g.factorSetId === 'desnz-2023').reduce((n, g) => n + g.members.filter((m) => m.restatedFrom !== undefined).length, 0)).toBe(restated);
    expect(result.baseGroups.filter((g) => g.factorSetId !== 'desnz-2023').reduce((n, g) => n + g.members.length, 0)).toBe(apart);
    const moved = examples.find((s) => s.profile.reportingYear === '2023/24' && s.profile.factorSetId === 'desnz-2022' && s.activity !== undefined)!;
    const view = councilView(result, moved.profile.onsCode)!;
    expect(view.years.find((y) => y.reportingYear === '2023/24')).toMatchObject({ factorSetId: 'desnz-2023', restatedFrom: 'desnz-2022' });
  });

  it('refuses to restate a council whose records cannot all be calculated on the common set', () => {
    // Homeworking has no factor before DESNZ 2022.
    const result = benchmark(examples.slice(0, 10), {}, { commonFactorSet: 'desnz-2021' });
    expect(result.notes.join(' ')).toMatch(/kept on their own factor set, in separate cohorts, because some records cannot be calculated on desnz-2021/);
  });
});

describe('secondary suppression (hand-checked)', () => {
  const cell = (count: number, total: number, top: number[]) => ({ count, total: new Decimal(total), top: top.map((t) => new Decimal(t)) });

  it('withholds a second cohort so the withheld ones together pass the threshold', () => {
    // All councils 20 = 3 + 5 + 12: the 3 is withheld; all − 12 would give it back with the 5, so the 5 goes too (3 + 5 ≥ 5).
    const reasons = secondarySuppression(undefined, [cell(3, 300, []), cell(5, 500, []), cell(12, 1200, [])], ['below-threshold', undefined, undefined], DEFAULT_POLICY, 'count');
    expect(reasons).toEqual(['below-threshold', 'secondary', undefined]);
  });

  it('keeps withholding until the withheld union is not dominated', () => {
    // One council of 900 in a cohort of 5 (total 1000) is dominant; the next smallest (total 600, 5 councils) joined: 900 / 1600 > 50 %; then both others.
    const reasons = secondarySuppression(
      undefined,
      [cell(5, 1000, [900, 40]), cell(5, 600, [130, 120]), cell(6, 700, [130, 120]), cell(20, 5000, [300, 290])],
      ['dominance', undefined, undefined, undefined],
      DEFAULT_POLICY,
      'total',
    );
    expect(reasons).toEqual(['dominance', 'secondary', 'secondary', undefined]);
  });

  it('a withheld parent is never the sum of published children', () => {
    expect(secondarySuppression('below-threshold', [cell(2, 20, []), cell(2, 30, [])], [undefined, undefined], DEFAULT_POLICY, 'count')).toEqual(['secondary', undefined]);
  });
});
