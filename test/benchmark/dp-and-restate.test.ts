import { describe, expect, it } from 'vitest';
import { exampleSubmissions } from '../../examples/build-submissions.js';
import { benchmark, councilView, sharedView } from '../../src/benchmark/index.js';
import { noiseSource } from '../../src/benchmark/noise.js';
import { secondarySuppression } from '../../src/benchmark/suppression.js';
import { DEFAULT_POLICY } from '../../src/benchmark/policy.js';
import { Decimal } from '../../src/decimal.js';

const examples = exampleSubmissions();

describe('differential privacy mode', () => {
  it('draws fresh cryptographic noise by default: never the same twice, and no seed in the report', () => {
    const view = () => sharedView(benchmark(examples, { differentialPrivacy: { epsilon: 1 } }));
    const [a, b] = [view(), view()];
    const allTotal = (r: typeof a) => r.baseGroups[0]!.cohorts[0]!.metrics[0]!.total;
    expect(allTotal(a)).not.toEqual(allTotal(b));
    expect(a.method.policy.differentialPrivacy).toEqual({ epsilon: 1, noise: 'random', clipTCO2e: '250000' });
    expect(JSON.stringify(a)).not.toMatch(/seed/i);
    expect(a.method.differentialPrivacy).toMatch(/cryptographic random generator/);
  });

  it('with a seed (tests and audits only) is reproducible, changes with the seed, and says it gives no privacy', () => {
    const run = (seed: number) => sharedView(benchmark(examples, { differentialPrivacy: { epsilon: 1, seed } }));
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
    const method = run(42).method;
    expect(method.policy.differentialPrivacy).toEqual({ epsilon: 1, noise: 'seeded', clipTCO2e: '250000' });
    expect(method.differentialPrivacy).toMatch(/epsilon 1 per published count and total/);
    expect(method.differentialPrivacy).toMatch(/SEEDED NOISE.*gives no privacy; do not publish it/);
  });

  it('one council added between two unseeded runs is hidden in the noise, not revealed by the difference', () => {
    // Seeded noise for a figure is the same in both runs and cancels in the difference; fresh noise does not.
    const [first, ...rest] = examples;
    const total = (subs: typeof examples, seed?: number) => {
      const figure = sharedView(benchmark(subs, { differentialPrivacy: { epsilon: 1, ...(seed === undefined ? {} : { seed }) } })).baseGroups[0]!.cohorts[0]!.metrics[0]!.total!;
      return figure.status === 'published' ? new Decimal(figure.value) : undefined;
    };
    const seededDifference = total(examples, 7)!.minus(total(rest, 7)!);
    const freshDifferences = Array.from({ length: 6 }, () => total(examples)!.minus(total(rest)!));
    const council = new Decimal(first!.totals.total);
    // Seeded: off only by the 3-significant-figure rounding of two totals near 10^5-10^6.
    expect(seededDifference.minus(council).abs().lte(new Decimal(total(examples, 7)!).div(100))).toBe(true);
    // Fresh: the differences scatter with the noise (scale 250,000 t) instead of pointing at the council.
    const spread = Decimal.max(...freshDifferences).minus(Decimal.min(...freshDifferences));
    expect(spread.gt(council.times(10))).toBe(true);
  });

  it('draws Laplace noise whose scale is sensitivity / epsilon', () => {
    for (const epsilon of [0.5, 2]) {
      const scale = new Decimal(1).div(epsilon);
      const source = noiseSource(undefined);
      const draws = Array.from({ length: 8000 }, (_, i) => source.laplace(`figure ${i}`, scale));
      // For Laplace(0, b): E|X| = b, P(X > 0) = 1/2, P(|X| > b) = 1/e.
      const meanAbs = draws.reduce((t, x) => t.plus(x.abs()), new Decimal(0)).div(draws.length);
      expect(meanAbs.div(scale).minus(1).abs().toNumber()).toBeLessThan(0.05);
      expect(Math.abs(draws.filter((x) => x.isPositive()).length / draws.length - 0.5)).toBeLessThan(0.025);
      expect(Math.abs(draws.filter((x) => x.abs().gt(scale)).length / draws.length - Math.exp(-1))).toBeLessThan(0.025);
    }
  });

  it('noises published counts and totals but keeps suppression decisions', () => {
    const plain = sharedView(benchmark(examples));
    const noisy = sharedView(benchmark(examples, { differentialPrivacy: { epsilon: 0.5, seed: 1 } }));
    const all = (r: typeof plain) => r.baseGroups[0]!.cohorts[0]!.metrics[0]!;
    expect(all(noisy).count.status).toBe('published');
    expect(all(noisy).total).not.toEqual(all(plain).total);
    const statuses = (r: typeof plain) => r.baseGroups.flatMap((g) => g.cohorts.flatMap((c) => c.metrics.map((m) => [m.count.status, m.total?.status])));
    expect(statuses(noisy)).toEqual(statuses(plain));
  });
});

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
