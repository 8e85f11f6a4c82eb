import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchmark, parseSubmission, type Submission } from '../../src/benchmark/index.js';
import { apart, approximate, compareDecimals, sortByApproximation, sortByValue } from '../../src/benchmark/decimal-order.js';
import { RankBounds } from '../../src/benchmark/derived-sums.js';
import { placesWithin, type Bounds } from '../../src/benchmark/histograms.js';
import { metricValues } from '../../src/benchmark/metrics.js';
import { DEFAULT_POLICY } from '../../src/benchmark/policy.js';
import { QUARTILES, quantileWindow, quartileWindow, roundedFromApproximation, roundSignificant } from '../../src/benchmark/quantiles.js';
import { revalidate } from '../../src/benchmark/submission.js';
import { SumAtoms } from '../../src/benchmark/sum-atoms.js';
import { failsPPercent, failsPPercentApproximately } from '../../src/benchmark/suppression.js';
import { Decimal } from '../../src/decimal.js';
import { district } from './districts.js';

/**
 * The benchmark's fast paths against plain definitions: each must give exactly what the slow way gave (the
 * whole output is pinned byte for byte by output-pin.test.ts; these name the part that broke).
 */

const decimalText = fc
  .tuple(fc.boolean(), fc.stringMatching(/^\d{1,14}$/), fc.stringMatching(/^\d{0,40}$/), fc.integer({ min: -60, max: 20 }))
  .map(([negative, whole, fraction, exponent]) => `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}e${exponent}`);

describe('compareDecimals: exact and allocation-free', () => {
  it('orders hand-picked pairs as decimal.js does', () => {
    const pairs: [string, string, number][] = [
      ['0', '0', 0],
      ['0', '-0', 0],
      ['0', '1e-50', -1],
      ['-1e-50', '0', -1],
      ['1', '1.0000000000000000000000000000000000000000000000001', -1],
      ['10000000', '9999999.9999999', 1],
      ['123.45', '123.45', 0],
      ['-2', '-1', -1],
      ['-1', '2', -1],
      ['1e7', '1e6', 1],
      ['0.1', '0.10000001', -1],
    ];
    for (const [a, b, expected] of pairs) {
      expect(compareDecimals(new Decimal(a), new Decimal(b)), `${a} vs ${b}`).toBe(expected);
      expect(compareDecimals(new Decimal(b), new Decimal(a)), `${b} vs ${a}`).toBe(expected === 0 ? 0 : -expected);
    }
  });

  it('agrees with Decimal#cmp on random decimals, and approximations never order two values the wrong way', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const x = new Decimal(a);
        const y = new Decimal(b);
        expect(compareDecimals(x, y)).toBe(x.cmp(y));
        // Where the approximations are apart they say what the exact comparison says; near ties say 0.
        const byApproximation = apart(approximate(x), approximate(y));
        if (byApproximation !== 0) expect(byApproximation).toBe(x.cmp(y));
        if (x.eq(y)) expect(byApproximation).toBe(0);
      }),
      { numRuns: 2000, seed: 14 },
    );
  });

  it('approximate is within a relative 10^-14 of the value', () => {
    fc.assert(
      fc.property(decimalText, (a) => {
        const x = new Decimal(a);
        const exact = Number(x.toString());
        expect(Math.abs(approximate(x) - exact)).toBeLessThanOrEqual(1e-14 * Math.abs(exact));
      }),
      { numRuns: 1000, seed: 15 },
    );
  });
});

describe('sortByValue: exact order from a plain sort of approximations', () => {
  it('puts members in the order of their exact values, ties by member, however near the values crowd', () => {
    // Values in clusters: a base, then either the same value, one differing in the 30th significant digit (the same
    // binary float), in the 10th (near: too close for the approximations to tell), or anything. Zeros come often.
    const base = fc.constantFrom('0', '4100', '4100.5', '0.0003', '12345678.9');
    const tail = fc.constantFrom('', '000000000000000000000001', '0000001', '37');
    const value = fc.tuple(base, tail, fc.boolean()).map(([b, t, up]) => {
      if (t === '') return b;
      const point = b.includes('.') ? '' : '.';
      return up ? `${b}${point}${t}` : new Decimal(b).minus(new Decimal(`${b}${point}${t}`).minus(b)).toString();
    });
    let nearRuns = 0;
    fc.assert(
      fc.property(fc.array(value, { minLength: 2, maxLength: 60 }), (texts) => {
        const exact = texts.map((t) => new Decimal(t));
        // As MetricValues makes them: the text read as the nearest binary float.
        const approximations = texts.map(Number);
        const order = texts.map((_, i) => i);
        sortByValue(order, approximations, (i) => exact[i]!);
        const expected = texts.map((_, i) => i).sort((a, b) => exact[a]!.cmp(exact[b]!) || a - b);
        expect(order).toEqual(expected);
        for (let i = 1; i < order.length; i++) if (apart(approximations[order[i - 1]!]!, approximations[order[i]!]!) === 0 && !exact[order[i - 1]!]!.eq(exact[order[i]!]!)) nearRuns++;
      }),
      { numRuns: 500, seed: 21 },
    );
    // Neighbours the approximations could not order, yet unequal: the exact pass had work to do.
    expect(nearRuns).toBeGreaterThan(500);
  });

  it('sortByApproximation: the comparator order (approximation, then member), members numbered up to 2^20 and beyond', () => {
    // The typed-array sort writes member numbers over a key's lowest mantissa bits (up to 20 of them): values that
    // differ only there come out in member order and the insertion pass must right them; 2^20 and more, and negative
    // values, take the comparator sort. Values 1 + i·2^-45 differ only in the bits a key with 20 member bits drops.
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 21 }), { minLength: 2, maxLength: 40 }),
        fc.array(fc.integer({ min: -1, max: 6 }), { minLength: 40, maxLength: 40 }),
        (members, steps) => {
          const approximations: { [member: number]: number; length: number } = { length: 2 ** 21 + 1 };
          members.forEach((m, i) => (approximations[m] = steps[i]! < 0 ? -1 : 1 + steps[i]! * 2 ** -45));
          const order = [...members];
          sortByApproximation(order, approximations);
          expect(order).toEqual([...members].sort((a, b) => approximations[a]! - approximations[b]! || a - b));
        },
      ),
      { numRuns: 500, seed: 22 },
    );
  });

  it('hand-worked: 2, 1.0000000000000000000001, 1, 0, 1 (members 0–4) go 3, 2, 4, 1, 0', () => {
    const texts = ['2', '1.0000000000000000000001', '1', '0', '1'];
    const order = [0, 1, 2, 3, 4];
    sortByValue(order, texts.map(Number), (i) => new Decimal(texts[i]!));
    expect(order).toEqual([3, 2, 4, 1, 0]);
  });
});

describe('quartileWindow: the window start in whole numbers', () => {
  it('is quantileWindow for every cohort size and threshold', () => {
    for (let k = 3; k <= 10; k++) {
      for (let n = k; n <= 400; n++) {
        for (const name of ['lowerQuartile', 'median', 'upperQuartile'] as const) expect(quartileWindow(n, name, k), `${name} n=${n} k=${k}`).toBe(quantileWindow(n, QUARTILES[name], k));
      }
    }
  });

  it('hand-worked: k = 5, n = 21 starts the windows at 3, 8 and 13', () => {
    expect([quartileWindow(21, 'lowerQuartile', 5), quartileWindow(21, 'median', 5), quartileWindow(21, 'upperQuartile', 5)]).toEqual([3, 8, 13]);
  });
});

/** The rule SumAtoms keeps, the slow way: group positions by which published sets they are in; every group inside some set holds at least k. */
function naiveAllows(size: number, published: readonly (readonly number[])[], k: number): boolean {
  const signature = Array.from({ length: size }, (_, pos) => published.map((set) => (set.includes(pos) ? '1' : '0')).join(''));
  const counts = new Map<string, number>();
  for (const s of signature) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].every(([s, n]) => !s.includes('1') || n >= k);
}

/** Positions grouped by which of the sets they are in (a signature of 0s and 1s, one per set): group sizes. */
function naiveGroups(size: number, published: readonly (readonly number[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let pos = 0; pos < size; pos++) {
    const sig = published.map((set) => (set.includes(pos) ? '1' : '0')).join('');
    counts.set(sig, (counts.get(sig) ?? 0) + 1);
  }
  return counts;
}

/**
 * Whether `set` may be added after `published` (some recorded unchecked, as an earlier release's): every group inside
 * it holds at least k, and every other group inside some set that it splits keeps at least k (an earlier release's
 * own small groups do not refuse a set that splits nothing new).
 */
function naiveAllowsAfter(published: readonly (readonly number[])[], set: readonly number[], k: number): boolean {
  const before = naiveGroups(20, published);
  const after = naiveGroups(20, [...published, set]);
  return [...after].every(([sig, n]) => !sig.endsWith('1') || n >= k) && [...after].every(([sig, n]) => !sig.includes('1') || n >= k || before.get(sig.slice(0, -1)) === n);
}

describe('SumAtoms: the isolation check, incremental', () => {
  it('accepts and refuses sets exactly as the definition does (accepts asking, tryAdd adding)', () => {
    const sets = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 29 }), { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 12 });
    let refused = 0;
    fc.assert(
      fc.property(sets, fc.integer({ min: 1, max: 6 }), (offered, k) => {
        const atoms = new SumAtoms(30, k);
        const published: number[][] = [];
        for (const set of offered) {
          const allowed = naiveAllows(30, [...published, set], k);
          // Asking twice changes nothing: the second answer, and tryAdd's, are the definition's.
          expect(atoms.accepts(set)).toBe(allowed);
          expect(atoms.accepts(set)).toBe(allowed);
          expect(atoms.tryAdd(set)).toBe(allowed);
          if (allowed) published.push(set);
          else refused++;
        }
      }),
      { numRuns: 500, seed: 16 },
    );
    expect(refused).toBeGreaterThan(100);
  });

  it('an earlier release\'s sets recorded whatever they leave, then sets tried on a copy: as the definition, the original untouched', () => {
    const sets = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 19 }), { minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 6 });
    let refused = 0;
    fc.assert(
      fc.property(sets, sets, fc.integer({ min: 1, max: 5 }), (earlier, offered, k) => {
        const atoms = new SumAtoms(20, k);
        for (const set of earlier) atoms.add(set);
        const copy = atoms.clone();
        const published: number[][] = [...earlier];
        for (const set of offered) {
          const allowed = naiveAllowsAfter(published, set, k);
          expect(copy.tryAdd(set)).toBe(allowed);
          if (allowed) published.push(set);
          else refused++;
        }
        // The original still answers as if only the earlier sets were recorded.
        for (const set of offered) expect(atoms.clone().tryAdd(set)).toBe(naiveAllowsAfter(earlier, set, k));
      }),
      { numRuns: 300, seed: 17 },
    );
    expect(refused).toBeGreaterThan(50);
  });

  it('hand-worked: with k = 2, {0,1,2,3} then {0,1} is allowed, then {0} would isolate council 0', () => {
    const atoms = new SumAtoms(6, 2);
    expect(atoms.tryAdd([0, 1, 2, 3])).toBe(true);
    expect(atoms.tryAdd([0, 1])).toBe(true);
    expect(atoms.tryAdd([0])).toBe(false);
    // A window [from, to) of a longer list: {2, 3} splits nothing new.
    expect(atoms.tryAdd([5, 4, 2, 3], 2, 4)).toBe(true);
    // {1, 2} would leave 0 alone in {0,1} and 3 alone in {2,3}.
    expect(atoms.tryAdd([1, 2])).toBe(false);
  });
});

describe('MetricValues: exact values, quotients worked out when asked for', () => {
  const s: Submission = {
    ...district(1, '1234.5'),
    totals: { total: '1234.5', scope1: '1000', scope2Location: '200', scope2Market: '0', scope3: '34.5', byCategory: { buildings: '700.25' } },
    denominators: { population: '1000', floorAreaM2: '3' },
  };

  it('gives each metric the council has, hand-worked, and none where a figure or denominator is missing', () => {
    const v = metricValues(s);
    expect(v.get('total/absolute')?.toString()).toBe('1234.5');
    expect(v.get('total/per-resident')?.toString()).toBe('1.2345');
    // 1234.5 / 3 = 411.5 exactly; 700.25 / 3 = 233.41666… to 50 significant digits, the last rounded half-even.
    expect(v.get('total/per-m2')?.toString()).toBe('411.5');
    expect(v.get('category:buildings/per-m2')?.toString()).toBe('233.41666666666666666666666666666666666666666666667');
    expect(v.get('total/per-fte')).toBeUndefined();
    expect(v.get('category:waste/absolute')).toBeUndefined();
    expect(v.has('category:buildings/per-resident')).toBe(true);
    expect(v.has('category:fleet/per-resident')).toBe(false);
  });
});

describe('a submission parseSubmission accepted is not validated again', () => {
  const parsed = parseSubmission(district(2, '500'), { note: 'test' });
  if (!parsed.ok) throw new Error('the test submission is valid');

  it('is frozen, so it is still what was checked, while the object it was read from is not', () => {
    const input = district(3, '700');
    const result = parseSubmission(input, { note: 'input' });
    expect(result.ok && Object.isFrozen(result.submission.profile.boundary)).toBe(true);
    expect(Object.isFrozen(input) || Object.isFrozen(input.totals) || Object.isFrozen(input.profile.boundary)).toBe(false);
    expect(Object.isFrozen(parsed.submission)).toBe(true);
    expect(Object.isFrozen(parsed.submission.totals.byCategory)).toBe(true);
    expect(() => {
      (parsed.submission.totals as { total: string }).total = 'not a number';
    }).toThrow(TypeError);
  });

  it('is taken as it is, while a copy changed in code is checked in full and refused', () => {
    expect(revalidate(parsed.submission, { note: 'again' })).toEqual({ ok: true, submission: parsed.submission, warnings: [] });
    const changed = structuredClone(parsed.submission) as Submission;
    (changed.totals as { total: string }).total = '-1';
    const result = benchmark([changed]);
    expect(result.excluded).toHaveLength(1);
    expect(result.excluded[0]!.problems[0]!.code).toBe('invalid-field');
    expect(result.baseGroups).toEqual([]);
  });
});

describe('the p% rule on approximations', () => {
  it('decides as the exact rule does wherever it decides, and leaves near cases to it', () => {
    const value = fc.oneof(
      fc.constant('0'),
      fc.stringMatching(/^\d{1,9}(\.\d{1,12})?$/),
      fc.tuple(fc.stringMatching(/^[1-9]\d{0,6}$/), fc.integer({ min: -45, max: 0 })).map(([d, e]) => `${d}e${e}`),
    );
    let decided = 0;
    fc.assert(
      fc.property(fc.array(value, { minLength: 3, maxLength: 8 }), fc.constantFrom(0, 1e-40, 0.5, 10, 15, 100), (texts, p) => {
        const window = texts.map((t) => new Decimal(t)).sort((a, b) => a.cmp(b));
        let sum = new Decimal(0);
        for (const v of window) sum = sum.plus(v);
        const top = [window[window.length - 1]!, window[window.length - 2]!];
        const rest = window.slice(0, -2).reduce((a, v) => a + approximate(v), 0);
        const quick = failsPPercentApproximately(rest, approximate(top[0]!), p);
        if (quick !== undefined) {
          decided++;
          expect(quick).toBe(failsPPercent(sum, top, p));
        }
      }),
      { numRuns: 3000, seed: 17 },
    );
    expect(decided).toBeGreaterThan(1000);
  });

  it('hand-worked: 1, 1, 1, 100, 200 with p = 10 fails (the rest, 3, is under 10% of 200); 30, 30, 30, 100, 200 passes', () => {
    expect(failsPPercentApproximately(3, 200, 10)).toBe(true);
    expect(failsPPercentApproximately(90, 200, 10)).toBe(false);
    // The rest exactly 10% of the largest: too close to decide on floats.
    expect(failsPPercentApproximately(20, 200, 10)).toBeUndefined();
  });
});

/**
 * The placement rule by its plain definition, on Decimals: for each member v of the set in turn, the attacker takes
 * away the widest spread on each side (an open top if there is one); v lies within its own range and within the sum
 * less the others' spreads; it is placed when that range is narrower than 2p% of v, or a single value.
 */
function plainPlaces(set: readonly number[], values: readonly Decimal[], bounds: Bounds, p: number): number | undefined {
  const zero = new Decimal(0);
  for (const v of set) {
    const x = values[v]!;
    const others = set.filter((pos) => pos !== v);
    const ups = others.map((pos) => values[pos]!.minus(bounds.low(pos)));
    const tops = others.map((pos) => bounds.high(pos)?.minus(values[pos]!));
    const upOthers = Decimal.sum(zero, ...ups).minus(Decimal.max(zero, ...ups));
    const finite = tops.filter((d): d is Decimal => d !== undefined);
    const open = tops.length - finite.length;
    const downOthers = open >= 2 ? undefined : open === 1 ? Decimal.sum(zero, ...finite) : Decimal.sum(zero, ...finite).minus(Decimal.max(zero, ...finite));
    const ownTop = bounds.high(v);
    const above = ownTop === undefined ? upOthers : Decimal.min(ownTop.minus(x), upOthers);
    const below = downOthers === undefined ? x.minus(bounds.low(v)) : Decimal.min(x.minus(bounds.low(v)), downOthers);
    const width = above.plus(below);
    if (width.isZero() || width.times(100).lt(x.times(2 * p))) return v;
  }
  return undefined;
}

describe('placesWithin: decided on approximations where they are clear either way', () => {
  it('finds the first member the plain definition places, clear and near cases alike', () => {
    // Figures, and ranges round them: often tight (so members are placed), sometimes open at the top.
    // Figures and spreads in steps of 5 and 10 make ranges exactly 2p% wide (the edge) common enough to count.
    const step = (most: number, by: number) => fc.integer({ min: 0, max: most }).map((v) => v * by);
    const member = fc.record({
      value: fc.oneof(fc.integer({ min: 0, max: 2000 }), step(200, 10)),
      below: fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 300 }), step(60, 5)),
      above: fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 300 }), step(60, 5)),
    });
    let placed = 0;
    let notPlaced = 0;
    let onTheEdge = 0;
    fc.assert(
      fc.property(fc.array(member, { minLength: 2, maxLength: 12 }), fc.constantFrom(5, 10, 25), (members, p) => {
        const values = members.map((m) => new Decimal(m.value));
        const lows = members.map((m) => new Decimal(m.below === undefined ? 0 : Math.max(0, m.value - m.below)));
        const highs = members.map((m) => (m.above === undefined ? undefined : new Decimal(m.value + m.above)));
        const bounds: Bounds = {
          low: (pos) => lows[pos]!,
          high: (pos) => highs[pos],
          lowApproximations: Float64Array.from(lows, (low) => low.toNumber()),
          highApproximations: Float64Array.from(highs, (high) => high?.toNumber() ?? Number.POSITIVE_INFINITY),
        };
        const set = members.map((_, i) => i);
        const expected = plainPlaces(set, values, bounds, p);
        const check = { exact: (pos: number) => values[pos]!, approximations: values.map((v) => v.toNumber()), policy: { ...DEFAULT_POLICY, pPercent: p } };
        expect(placesWithin(set, check, bounds)).toBe(expected);
        if (expected === undefined) notPlaced++;
        else placed++;
        // A member whose range is exactly 2p% wide: only the exact figures can say (not placed: the rule is strict).
        for (const v of set) if (v !== expected && members[v]!.value > 0 && plainWidthIsEdge(set, v, values, bounds, p)) onTheEdge++;
      }),
      { numRuns: 3000, seed: 14 },
    );
    expect(placed).toBeGreaterThan(500);
    expect(notPlaced).toBeGreaterThan(500);
    expect(onTheEdge).toBeGreaterThan(5);
  });

  it('hand-worked: with p = 10, a range exactly 20 wide round 100 is not placed, 19 wide is', () => {
    // 100 in [low, 110]; 50 with its top open (the attacker); 10 in [0, 30]. For 100, the attacker takes away its own
    // spread (50 below, the open top): the third's spreads are 10 below and 20 above, so 100 is known within
    // [100 − min(100 − low, 20), 100 + min(10, 10)]. With low 90 that is [90, 110], 20 wide = 2 × 10% × 100: not placed
    // (nor are 50 and 10, whose ranges are 20 wide too); with low 91, [91, 110], 19 wide: placed.
    const at = (low: number) => {
      const values = [new Decimal(100), new Decimal(50), new Decimal(10)];
      const lows = [low, 0, 0];
      const highs = [110, undefined, 30];
      const bounds: Bounds = {
        low: (pos) => new Decimal(lows[pos]!),
        high: (pos) => (highs[pos] === undefined ? undefined : new Decimal(highs[pos])),
        lowApproximations: Float64Array.from(lows),
        highApproximations: Float64Array.from(highs, (high) => high ?? Number.POSITIVE_INFINITY),
      };
      return placesWithin([0, 1, 2], { exact: (pos) => values[pos]!, approximations: [100, 50, 10], policy: DEFAULT_POLICY }, bounds);
    };
    expect(at(90)).toBeUndefined();
    expect(at(91)).toBe(0);
  });
});

/** Whether the plain width for member v is exactly 2p% of it (the edge where the approximations cannot decide). */
function plainWidthIsEdge(set: readonly number[], v: number, values: readonly Decimal[], bounds: Bounds, p: number): boolean {
  const others = set.filter((pos) => pos !== v);
  const single = plainPlaces([v, ...others], values, bounds, p) === v;
  const wider = plainPlaces([v, ...others], values, bounds, p + 1e-9) === v;
  return !single && wider;
}

describe('RankBounds.addWindow: the positions it narrows', () => {
  it('names every position whose bounds changed, so a sum without them is placed as before', () => {
    let untouchedSets = 0;
    let narrowings = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 6, maxLength: 20 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }),
        fc.array(fc.uniqueArray(fc.nat({ max: 19 }), { minLength: 2, maxLength: 8 }), { minLength: 1, maxLength: 5 }),
        (raw, offered, rawSets) => {
          const sortedValues = [...raw].sort((a, b) => a - b);
          const values = sortedValues.map((v) => new Decimal(v));
          const n = values.length;
          const check = { exact: (pos: number) => values[pos]!, approximations: sortedValues, policy: DEFAULT_POLICY };
          const sets = rawSets.map((set) => set.filter((pos) => pos < n)).filter((set) => set.length >= 2);
          let ranks = new RankBounds(n);
          for (const [a, b, from] of offered) {
            // A cohort (a run of positions, ascending) and a window of 1–3 of its councils with their mean.
            const cohortStart = a % n;
            const cohort = Array.from({ length: n - cohortStart }, (_, i) => cohortStart + i).filter((_, i) => i % (1 + (b % 2)) === 0);
            const size = 1 + (from % Math.min(3, cohort.length));
            const start = b % (cohort.length - size + 1);
            const positions = cohort.slice(start, start + size);
            const mean = Decimal.sum(...positions.map((pos) => values[pos]!)).div(size);
            const next = ranks.clone();
            const narrowed = new Set(next.addWindow(cohort, { positions, mean }));
            for (let pos = 0; pos < n; pos++) {
              const same =
                ranks.low(pos).eq(next.low(pos)) &&
                String(ranks.high(pos)) === String(next.high(pos)) &&
                ranks.lowApproximations[pos] === next.lowApproximations[pos] &&
                ranks.highApproximations[pos] === next.highApproximations[pos];
              // Every position whose bounds changed is named (one may be named whose "no bound" became an equal one).
              if (!same) {
                expect(narrowed.has(pos)).toBe(true);
                narrowings++;
              }
            }
            for (const set of sets) {
              if (set.some((pos) => narrowed.has(pos))) continue;
              untouchedSets++;
              expect(placesWithin(set, check, next)).toBe(placesWithin(set, check, ranks));
            }
            ranks = next;
          }
        },
      ),
      { numRuns: 500, seed: 15 },
    );
    expect(narrowings).toBeGreaterThan(1000);
    expect(untouchedSets).toBeGreaterThan(200);
  });
});

describe('roundedFromApproximation: a rounded figure from an approximation, only where that settles it', () => {
  it('gives what roundSignificant gives the exact value, or nothing near a rounding boundary', () => {
    // A figure of `figures` digits, then a tail: a half exactly, or just either side of one, or anything.
    const tail = fc.oneof(fc.constantFrom('5', '4999999999999', '50000000000001', '500000000000000000000001'), fc.stringMatching(/^\d{1,30}$/));
    const valueAndFigures = fc
      .integer({ min: 1, max: 6 })
      .chain((figures) => fc.tuple(fc.integer({ min: 10 ** (figures - 1), max: 10 ** figures - 1 }), tail, fc.integer({ min: -12, max: 12 }), fc.constant(figures)))
      .map(([leading, rest, exponent, figures]) => ({ value: new Decimal(`${leading}${rest}e${exponent}`), figures }));
    let settled = 0;
    let unsettled = 0;
    fc.assert(
      fc.property(valueAndFigures, fc.double({ min: -1e-13, max: 1e-13, noNaN: true }), ({ value, figures }, error) => {
        // An approximation off by far more than any the benchmark forms (a few units in the last place).
        const rounded = roundedFromApproximation(approximate(value) * (1 + error), figures);
        if (rounded === undefined) unsettled++;
        else {
          settled++;
          expect(rounded.toString()).toBe(roundSignificant(value, figures).toString());
        }
      }),
      { numRuns: 3000, seed: 18 },
    );
    expect(settled).toBeGreaterThan(1000);
    expect(unsettled).toBeGreaterThan(100);
  });

  it('hand-worked: 1234.4 to 3 figures is 1230, 1235 exactly (a half) is left to the exact value, as are zero and negatives', () => {
    expect(roundedFromApproximation(1234.4, 3)?.toString()).toBe('1230');
    expect(roundedFromApproximation(1236, 3)?.toString()).toBe('1240');
    expect(roundedFromApproximation(1235, 3)).toBeUndefined();
    expect(roundedFromApproximation(0, 3)).toBeUndefined();
    expect(roundedFromApproximation(-5, 3)).toBeUndefined();
  });
});
