import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, resolvePolicy, SUPPRESSION_EXPLANATIONS, SUPPRESSION_REASONS, type DisclosurePolicy } from '../../src/benchmark/policy.js';
import { QUANTILE_METHOD, QUARTILES, quantileWindow, quartileWindow, roundSignificant } from '../../src/benchmark/quantiles.js';
import { additiveCell, failsPPercent, mergeCells, primaryReason, secondarySuppression, widestDominance, type AdditiveCell } from '../../src/benchmark/suppression.js';
import { Decimal } from '../../src/decimal.js';

/**
 * The disclosure rules one by one, on cells worked by hand, and against an oracle written here from the raw
 * values (the rules as GSS guidance states them), so the CI's mutation subset (stryker.ci.config.mjs) has tests
 * that reach every branch without running whole benchmarks.
 */

const d = (xs: readonly number[]) => xs.map((x) => new Decimal(x));
const cell = (values: readonly number[], topN = 2): AdditiveCell => additiveCell(d(values), topN);
const policy = (p: Partial<DisclosurePolicy>): DisclosurePolicy => ({ ...DEFAULT_POLICY, ...p });
/** Only the (n, k) rules, no p% rule: each rule tested alone. */
const nk = (dominance: DisclosurePolicy['dominance']) => policy({ pPercent: 0, dominance });

describe('the default policy is the GSS-style one the README states', () => {
  it('threshold 5, dominance (1, 50%) and (2, 85%), 3 significant figures, p% 10', () => {
    expect(DEFAULT_POLICY).toEqual({ minCouncils: 5, dominance: [{ contributors: 1, percent: 50 }, { contributors: 2, percent: 85 }], significantFigures: 3, pPercent: 10 });
    expect(resolvePolicy()).toEqual(DEFAULT_POLICY);
    expect(resolvePolicy({ minCouncils: 7 }).minCouncils).toBe(7);
  });

  it('refuses a policy outside its bounds, and accepts the bounds themselves', () => {
    const ok = (input: object) => expect(() => resolvePolicy(input), JSON.stringify(input)).not.toThrow();
    const bad = (input: object) => expect(() => resolvePolicy(input), JSON.stringify(input)).toThrow();
    ok({ minCouncils: 3 });
    bad({ minCouncils: 2 });
    bad({ minCouncils: 5.5 });
    ok({ dominance: [{ contributors: 1, percent: 0.5 }, { contributors: 4, percent: 99.5 }] });
    bad({ dominance: [{ contributors: 0, percent: 50 }] });
    bad({ dominance: [{ contributors: 5, percent: 50 }] });
    bad({ dominance: [{ contributors: 1, percent: 0 }] });
    bad({ dominance: [{ contributors: 1, percent: 100 }] });
    bad({ dominance: [{ contributors: 1, percent: 50, extra: 1 }] });
    ok({ significantFigures: 1 });
    ok({ significantFigures: 15 });
    bad({ significantFigures: 0 });
    bad({ significantFigures: 16 });
    ok({ pPercent: 0 });
    ok({ pPercent: 100 });
    bad({ pPercent: -1 });
    bad({ pPercent: 101 });
    bad({ minimumCouncils: 5 });
    // Differential privacy was taken out (docs/benchmark.md, "Why no noise"): a policy asking for it is refused, not run without it.
    bad({ differentialPrivacy: { epsilon: 1 } });
  });


  it('every reason a figure can be withheld has its explanation for the audit', () => {
    expect(Object.keys(SUPPRESSION_EXPLANATIONS).sort()).toEqual([...SUPPRESSION_REASONS].sort());
    expect(SUPPRESSION_REASONS).toEqual(['below-threshold', 'small-cohort', 'dominance', 'secondary', 'equals-council-value', 'tied-values', 'earlier-release']);
    for (const reason of SUPPRESSION_REASONS) expect(SUPPRESSION_EXPLANATIONS[reason].length, reason).toBeGreaterThan(40);
    expect(SUPPRESSION_EXPLANATIONS['small-cohort']).toMatch(/2 x threshold for the median, 4 x threshold \+ 1/);
  });
});

describe('quartile windows at the edges (hand-worked)', () => {
  it('needs k values; n = k is the one window of the whole cohort', () => {
    expect(() => quantileWindow(4, QUARTILES.median, 5)).toThrow(RangeError);
    expect(() => quantileWindow(4, QUARTILES.median, 5)).toThrow('a quantile window needs at least 5 values, got 4');
    expect(() => quartileWindow(4, 'median', 5)).toThrow('a quantile window needs at least 5 values, got 4');
    expect(quantileWindow(5, QUARTILES.median, 5)).toBe(0);
    // n = 5, p = 0.75: h = 3, start = floor(3 − 2.5 + 1) = 1, kept inside the cohort: n − k = 0.
    expect(quantileWindow(5, QUARTILES.upperQuartile, 5)).toBe(0);
    // n = 6, p = 0.75: h = 3.75, start = floor(2.25) = 2, kept inside: 6 − 5 = 1.
    expect(quantileWindow(6, QUARTILES.upperQuartile, 5)).toBe(1);
    // n = 6, p = 0.25: h = 1.25, start = floor(−0.25) = −1, kept inside: 0.
    expect(quantileWindow(6, QUARTILES.lowerQuartile, 5)).toBe(0);
    expect(QUARTILES.lowerQuartile.toString()).toBe('0.25');
    expect(QUARTILES.median.toString()).toBe('0.5');
    expect(QUARTILES.upperQuartile.toString()).toBe('0.75');
  });

  it('rounds half to even at the significant figures, and leaves zero alone', () => {
    expect(roundSignificant(new Decimal('12.25'), 3).toString()).toBe('12.2');
    expect(roundSignificant(new Decimal('12.35'), 3).toString()).toBe('12.4');
    expect(roundSignificant(new Decimal('123456'), 3).toString()).toBe('123000');
    expect(roundSignificant(new Decimal('0'), 3).toString()).toBe('0');
  });

  it('the published method states the window and the cohort sizes the code uses', () => {
    expect(QUANTILE_METHOD).toContain('window start = floor((n - 1)p - k/2 + 1), kept inside the cohort');
    expect(QUANTILE_METHOD).toContain('at least 2k councils');
    expect(QUANTILE_METHOD).toContain('at least 4k + 1');
    expect(QUANTILE_METHOD).toContain('less than p% of the largest');
    expect(QUANTILE_METHOD).toContain("any combination of fewer than k councils' figures be worked out by adding and subtracting");
  });
});

describe('cells and the primary rules (hand-worked)', () => {
  it('a cell is its count, total and largest contributions, descending', () => {
    const c = cell([3, 1, 2]);
    expect([c.count, c.total.toString(), c.top.map(String)]).toEqual([3, '6', ['3', '2']]);
    expect(cell([5, 1, 4, 2, 4], 3).top.map(String)).toEqual(['5', '4', '4']);
    expect(cell([1, 2, 3, 9, 7], 2).top.map(String)).toEqual(['9', '7']);
    expect(cell([5, 1], 0).top).toEqual([]);
    expect(cell([], 2)).toEqual({ count: 0, total: new Decimal(0), top: [] });
  });

  it('merging cells adds counts and totals, and keeps the largest contributions of all', () => {
    const m = mergeCells([cell([10, 1, 1]), cell([7, 6, 1, 1]), cell([2])], 2);
    expect([m.count, m.total.toString(), m.top.map(String)]).toEqual([8, '29', ['10', '7']]);
    expect(mergeCells([], 2)).toEqual({ count: 0, total: new Decimal(0), top: [] });
  });

  it('looks at as many contributions as the widest rule needs', () => {
    expect(widestDominance(DEFAULT_POLICY)).toBe(2);
    expect(widestDominance(nk([{ contributors: 1, percent: 50 }]))).toBe(1);
    expect(widestDominance(policy({ pPercent: 10, dominance: [{ contributors: 1, percent: 50 }] }))).toBe(2);
    expect(widestDominance(policy({ pPercent: 10, dominance: [{ contributors: 3, percent: 90 }] }))).toBe(3);
    expect(widestDominance(nk([]))).toBe(0);
  });

  it('the p% rule: the rest besides the two largest against p% of the largest', () => {
    // 10 + 10 + 10 = 30 besides 1000 and 1000: under 10% of 1000.
    expect(failsPPercent(new Decimal(2030), d([1000, 1000]), 10)).toBe(true);
    expect(failsPPercent(new Decimal(2100), d([1000, 1000]), 10)).toBe(false); // exactly 10%: not under
    expect(failsPPercent(new Decimal(2099), d([1000, 1000]), 10)).toBe(true);
    // One contributor: the rest is the total less the largest (5 < 100).
    expect(failsPPercent(new Decimal(1005), d([1000]), 10)).toBe(true);
    expect(failsPPercent(new Decimal(1200), d([1000]), 10)).toBe(false);
    expect(failsPPercent(new Decimal(2030), d([1000, 1000]), 0), 'p = 0 turns it off').toBe(false);
    expect(failsPPercent(new Decimal(0), [], 10), 'no contributions, nothing to protect').toBe(false);
  });

  it('threshold first, then (for totals only) a zero total, the p% rule and the (n, k) rules', () => {
    expect(primaryReason(cell([1, 2, 3, 4]), DEFAULT_POLICY, 'count')).toBe('below-threshold');
    expect(primaryReason(cell([100, 100, 100, 100]), DEFAULT_POLICY, 'total')).toBe('below-threshold');
    expect(primaryReason(cell([1, 2, 3, 4, 1000]), DEFAULT_POLICY, 'count'), 'a count has no dominance').toBeUndefined();
    expect(primaryReason(cell([0, 0, 0, 0, 0]), DEFAULT_POLICY, 'count')).toBeUndefined();
    expect(primaryReason(cell([0, 0, 0, 0, 0]), nk([]), 'total'), 'a zero total tells every council it is zero').toBe('dominance');
    expect(primaryReason(cell([20, 20, 20, 20, 20]), DEFAULT_POLICY, 'total')).toBeUndefined();
    expect(primaryReason(cell([1000, 1000, 10, 10, 10]), policy({ dominance: [] }), 'total'), 'p%').toBe('dominance');
    expect(primaryReason(cell([1000, 1000, 100, 100, 100]), policy({ dominance: [] }), 'total')).toBeUndefined();
    // (1, 50%): 60 of 100 is over half; 50 of 100 is not over.
    expect(primaryReason(cell([60, 10, 10, 10, 10]), nk([{ contributors: 1, percent: 50 }]), 'total')).toBe('dominance');
    expect(primaryReason(cell([50, 20, 10, 10, 10]), nk([{ contributors: 1, percent: 50 }]), 'total')).toBeUndefined();
    // (2, 85%): 45 + 41 = 86 of 100; 45 + 40 = 85 of 100 is not over.
    expect(primaryReason(cell([45, 41, 5, 5, 4]), nk([{ contributors: 2, percent: 85 }]), 'total')).toBe('dominance');
    expect(primaryReason(cell([45, 40, 5, 5, 5]), nk([{ contributors: 2, percent: 85 }]), 'total')).toBeUndefined();
    // (1, 50%) looks at the largest alone, not both of the two kept: 40 of 100 passes, though 40 + 35 = 75 is over half.
    expect(primaryReason(cell([40, 35, 10, 10, 5]), nk([{ contributors: 1, percent: 50 }]), 'total')).toBeUndefined();
  });
});

describe('secondary suppression within a partition (hand-worked)', () => {
  const k5 = DEFAULT_POLICY;
  const counts = (ns: readonly number[]) => ns.map((n) => cell(Array.from({ length: n }, () => 10)));

  it('no children, nothing to do', () => {
    expect(secondarySuppression(undefined, [], [], k5, 'count')).toEqual([]);
    expect(secondarySuppression('below-threshold', [], [], k5, 'count')).toEqual([]);
  });

  it('a withheld parent: one published child is withheld when all are, the smallest first', () => {
    expect(secondarySuppression('below-threshold', counts([7, 5, 9]), [undefined, undefined, undefined], k5, 'count')).toEqual([undefined, 'secondary', undefined]);
    expect(secondarySuppression('dominance', counts([7, 5, 9]), [undefined, 'dominance', undefined], k5, 'count')).toEqual([undefined, 'dominance', undefined]);
  });

  it('ties: by total for totals (smallest first), by order for counts', () => {
    const tied = [cell([60, 60, 60, 60, 60, 60]), cell([40, 40, 40, 40, 40, 40])];
    expect(secondarySuppression('dominance', tied, [undefined, undefined], k5, 'total')).toEqual([undefined, 'secondary']);
    expect(secondarySuppression('below-threshold', tied, [undefined, undefined], k5, 'count')).toEqual(['secondary', undefined]);
    const reversed = [tied[1]!, tied[0]!];
    expect(secondarySuppression('dominance', reversed, [undefined, undefined], k5, 'total')).toEqual(['secondary', undefined]);
    expect(secondarySuppression('below-threshold', reversed, [undefined, undefined], k5, 'count')).toEqual(['secondary', undefined]);
  });

  it('a published parent: the withheld children together must pass the threshold', () => {
    expect(secondarySuppression(undefined, counts([6, 8, 9]), [undefined, undefined, undefined], k5, 'count')).toEqual([undefined, undefined, undefined]);
    // 3 withheld alone would be the parent less the others: add the next smallest (6) to make 9.
    expect(secondarySuppression(undefined, counts([3, 8, 6]), ['below-threshold', undefined, undefined], k5, 'count')).toEqual(['below-threshold', undefined, 'secondary']);
    // 2, then 2 + 2 = 4 is still under 5: a second child goes.
    expect(secondarySuppression(undefined, counts([2, 6, 2, 2, 9]), ['below-threshold', undefined, undefined, undefined, undefined], k5, 'count')).toEqual([
      'below-threshold',
      undefined,
      'secondary',
      'secondary',
      undefined,
    ]);
    // Two withheld children that pass together need nothing more.
    expect(secondarySuppression(undefined, counts([3, 2, 9]), ['below-threshold', 'below-threshold', undefined], k5, 'count')).toEqual(['below-threshold', 'below-threshold', undefined]);
    // Everything withheld and still under the threshold: nothing more to withhold, and no endless loop.
    expect(secondarySuppression(undefined, counts([3, 1]), ['below-threshold', undefined], k5, 'count')).toEqual(['below-threshold', 'secondary']);
  });

  it('for totals, the withheld children together must also pass the dominance rules', () => {
    // Withheld: a child of 5 councils dominated by 1000. The smallest other child (5 × 10) joins it: 1000 of 1090
    // still dominates, so the 6 × 300 child goes too: 1000 of 2890 passes (1, 50%), 1000 + 300 = 1300 of 2890
    // passes (2, 85%), and the rest, 1590, is over 10% of 1000.
    const children = [cell([1000, 10, 10, 10, 10]), cell([10, 10, 10, 10, 10]), cell([300, 300, 300, 300, 300, 300])];
    expect(secondarySuppression(undefined, children, ['dominance', undefined, undefined], k5, 'total')).toEqual(['dominance', 'secondary', 'secondary']);
    // A child of one council keeps one contribution: merged, the withheld look at the two largest of them all.
    // Alone with the 5-council child: 1000 and 900 besides 40, under 10% of 1000, fails the p% rule, so the third goes too.
    const pOnly = policy({ dominance: [] });
    const lone = [cell([1000]), cell([900, 10, 10, 10, 10]), cell([10, 10, 10, 10, 10, 10])];
    expect(secondarySuppression(undefined, lone, ['below-threshold', undefined, undefined], pOnly, 'total')).toEqual(['below-threshold', 'secondary', 'secondary']);
    // For counts the same children need nothing: 5 councils pass the threshold.
    expect(secondarySuppression(undefined, children, ['dominance', undefined, undefined], k5, 'count')).toEqual(['dominance', undefined, undefined]);
  });
});

/** The rules as the GSS guidance states them, from the raw values. */
function oracle(values: readonly Decimal[], p: DisclosurePolicy, additive: 'count' | 'total'): string | undefined {
  if (values.length < p.minCouncils) return 'below-threshold';
  if (additive === 'count') return undefined;
  const sorted = [...values].sort((a, b) => b.cmp(a));
  const total = values.reduce((t, v) => t.plus(v), new Decimal(0));
  if (total.isZero()) return 'dominance';
  const [x1 = new Decimal(0), x2 = new Decimal(0)] = sorted;
  if (p.pPercent > 0 && total.minus(x1).minus(x2).lt(x1.times(p.pPercent).div(100))) return 'dominance';
  for (const rule of p.dominance) {
    const leaders = sorted.slice(0, rule.contributors).reduce((t, v) => t.plus(v), new Decimal(0));
    if (leaders.gt(total.times(rule.percent).div(100))) return 'dominance';
  }
  return undefined;
}

const valuesArb = fc.array(fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 100 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 5000 }) }), { minLength: 0, maxLength: 12 });
const policyArb = fc.record({
  minCouncils: fc.integer({ min: 3, max: 6 }),
  dominance: fc.array(fc.record({ contributors: fc.integer({ min: 1, max: 4 }), percent: fc.integer({ min: 1, max: 99 }) }), { maxLength: 2 }),
  significantFigures: fc.constant(3),
  pPercent: fc.constantFrom(0, 5, 10, 25),
});

describe('the rules against the oracle (properties)', () => {
  it('primaryReason is the oracle, and every reason turns up', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(valuesArb, policyArb, fc.constantFrom('count' as const, 'total' as const), (values, p, additive) => {
        const v = d(values);
        const reason = primaryReason(additiveCell(v, widestDominance(p)), p, additive);
        expect(reason).toBe(oracle(v, p, additive));
        seen.set(String(reason), (seen.get(String(reason)) ?? 0) + 1);
      }),
      { numRuns: 400, seed: 17 },
    );
    // A generator that stopped reaching a rule would hollow the property out: each outcome is seen often.
    for (const outcome of ['below-threshold', 'dominance', 'undefined']) expect(seen.get(outcome) ?? 0, outcome).toBeGreaterThan(40);
  });

  it('secondary suppression leaves nothing to difference, and withholds only in its order (smallest first)', () => {
    let added = 0;
    let parentsWithheld = 0;
    fc.assert(
      fc.property(fc.array(valuesArb, { minLength: 1, maxLength: 5 }), fc.constantFrom('count' as const, 'total' as const), (groups, additive) => {
        const p = DEFAULT_POLICY;
        const children = groups.map((g) => additiveCell(d(g), 2));
        const parentValues = d(groups.flat());
        const parentReason = primaryReason(additiveCell(parentValues, 2), p, additive);
        const primary = children.map((c) => primaryReason(c, p, additive));
        const reasons = secondarySuppression(parentReason, children, primary, p, additive);
        // Primary reasons are kept; the rest are withheld as secondary or published.
        reasons.forEach((r, i) => expect(r).toBe(primary[i] ?? (r === undefined ? undefined : 'secondary')));
        const withheld = groups.filter((_, i) => reasons[i] !== undefined);
        if (parentReason !== undefined) {
          parentsWithheld++;
          expect(withheld.length, 'the children cannot all be published beside a withheld parent').toBeGreaterThan(0);
        } else if (withheld.length > 0 && withheld.length < groups.length) {
          expect(oracle(d(withheld.flat()), p, additive), 'the withheld children together pass the rules').toBeUndefined();
        }
        const secondary = reasons.flatMap((r, i) => (r === 'secondary' ? [i] : []));
        added += secondary.length;
        // A secondary child is never larger (by count) than a published one: the smallest go first.
        for (const s of secondary) for (let i = 0; i < groups.length; i++) if (reasons[i] === undefined) expect(children[s]!.count).toBeLessThanOrEqual(children[i]!.count);
      }),
      { numRuns: 400, seed: 2017 },
    );
    expect(added, 'secondary suppressions made').toBeGreaterThan(50);
    expect(parentsWithheld, 'withheld parents').toBeGreaterThan(50);
  });
});
