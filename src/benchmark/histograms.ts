import { ZERO, type Decimal } from '../decimal.js';
import { bandSize, gridBand, gridEdge, gridEdgeApproximation, mergeToMinimum, mergeWithNeighbour, type Bands } from './bands.js';
import { compareDecimals } from './decimal-order.js';
import type { DisclosurePolicy } from './policy.js';
import { intersect, minOf, type RankBounds } from './derived-sums.js';
import type { SumAtoms } from './sum-atoms.js';
import type { AuditedHistogram, HistogramBand } from './views.js';

/** How the histograms are made, in words for a report's method. */
export const HISTOGRAM_METHOD =
  'where a cohort\'s lower or upper quartile is withheld, its total emissions (absolute; no other metric, as bands of one council in several metrics add up) may instead show how many councils fall in each band of a fixed ' +
  '1-2-5 grid (1, 2, 5, 10, 20, 50, ... the same for every cohort and release), adjacent bands merged until each holds at least k councils, ' +
  'the lowest band open below and the highest open above; a band tells a range at least a factor 2 wide, never a figure. ' +
  'Bands are merged further, or the histogram withheld, where band counts added and subtracted across cohorts or against an earlier release ' +
  'would single out fewer than k councils, or where with a published total or quartile window, or a total less its windows, they would place a council within the p% rule';

/** One metric's contributors in ascending order, the cohorts among them and what is already published, as the histograms are decided against. */
export interface HistogramInput {
  /** Exact value at each position (ascending), and its binary approximation. */
  readonly exact: (position: number) => Decimal;
  readonly approximations: ArrayLike<number>;
  /** Per cohort, its positions ascending. */
  readonly cohorts: readonly (readonly number[])[];
  /** Per cohort, whether a histogram is to be tried (else none is shown). */
  readonly wanted: readonly boolean[];
  /** Published sums of this metric (cohort totals, quartile windows), as sets of positions. */
  readonly sums: readonly (readonly number[])[];
  readonly policy: DisclosurePolicy;
  /**
   * What published counts tell apart (positions, plus any council of an earlier release not in this one), seeded with
   * every band of an earlier release: a band is published only if every group it singles out still holds k.
   */
  readonly counts: SumAtoms;
  /** What earlier releases' bands already tell of each position (see `Ranges`); none by default. */
  readonly ranges?: Ranges;
  /** Sums worked out from published ones (a total minus its windows), checked with what ranks tell beside the bands. */
  readonly derived?: { readonly sets: readonly (readonly number[])[]; readonly ranks: RankBounds };
}

/**
 * Per position, the tightest range published bands give it, as grid edge numbers (see gridEdge): from
 * low[pos] (−Infinity: from zero) up to high[pos] (Infinity: no top).
 */
export interface Ranges {
  readonly low: Float64Array;
  readonly high: Float64Array;
}

/** Ranges that say nothing yet, for `size` positions. */
export function openRanges(size: number): Ranges {
  return { low: new Float64Array(size).fill(Number.NEGATIVE_INFINITY), high: new Float64Array(size).fill(Number.POSITIVE_INFINITY) };
}

/**
 * Each wanted cohort's histogram, in cohort order (undefined where none was wanted). A cohort's bands (see
 * mergeToMinimum) are tried all together: each band's councils, added to what published counts already tell
 * apart, must leave every group of councils in exactly the same published sets at k or more (so no band count
 * differenced across cohorts or releases rests on fewer than k councils), and the ranges the bands give each council,
 * with the published sums, must not place any council within ±p% (see `placesWithin`). Where either fails, the band
 * at fault is merged with a neighbour and the histogram tried again; with one band left it is withheld.
 */
export function histogramFigures(input: HistogramInput): (AuditedHistogram | undefined)[] {
  const { cohorts, policy } = input;
  const k = policy.minCouncils;
  let counts = input.counts;
  const size = input.approximations.length;
  const grid: number[] = new Array(size);
  const gridOf = (pos: number) => (grid[pos] ??= gridBand(input.exact(pos)));
  // Per position, the tightest range the published bands give it, as grid edge numbers (none: from zero, no top).
  const { low, high } = input.ranges ?? openRanges(size);
  return cohorts.map((ps, c): AuditedHistogram | undefined => {
    if (!input.wanted[c]) return undefined;
    if (ps.length < k) return { status: 'suppressed', reason: 'below-threshold' };
    const cohortGrid = ps.map(gridOf);
    let bands = mergeToMinimum(cohortGrid, k);
    if (bands === undefined) return { status: 'suppressed', reason: 'small-cohort' };
    for (;;) {
      const tried = counts.clone();
      const failedBand = bandsSingleOut(bands, ps, tried);
      let fault = failedBand;
      let lowNow: Float64Array | undefined;
      let highNow: Float64Array | undefined;
      if (fault === undefined) {
        lowNow = low.slice();
        highNow = high.slice();
        narrow(bands, ps, lowNow, highNow);
        const victim = placedBy(input, { low: lowNow, high: highNow });
        if (victim !== undefined) fault = bandOf(bands, ps, victim) ?? smallestBand(bands, ps.length);
      }
      if (fault === undefined) {
        counts = tried;
        low.set(lowNow!);
        high.set(highNow!);
        return { status: 'published', bands: describe(bands, ps.length) };
      }
      const merged = mergeWithNeighbour(bands, fault, cohortGrid);
      if (merged === undefined) return { status: 'suppressed', reason: failedBand !== undefined ? 'secondary' : 'dominance' };
      bands = merged;
    }
  });
}

/** Adds each band's councils to `counts`; the first band that would single out fewer than k councils, if any. */
function bandsSingleOut(bands: Bands, ps: readonly number[], counts: SumAtoms): number | undefined {
  for (let b = 0; b < bands.starts.length; b++) {
    if (!counts.tryAdd(ps, bands.starts[b]!, bands.starts[b]! + bandSize(bands, b, ps.length))) return b;
  }
  return undefined;
}

/** Narrows each member's range to its band. */
function narrow(bands: Bands, ps: readonly number[], low: Float64Array, high: Float64Array): void {
  for (let b = 0; b < bands.starts.length; b++) {
    const from = b === 0 ? Number.NEGATIVE_INFINITY : bands.cuts[b - 1]!;
    const to = b === bands.cuts.length ? Number.POSITIVE_INFINITY : bands.cuts[b]!;
    for (let i = bands.starts[b]!; i < bands.starts[b]! + bandSize(bands, b, ps.length); i++) {
      const pos = ps[i]!;
      low[pos] = Math.max(low[pos]!, from);
      high[pos] = Math.min(high[pos]!, to);
    }
  }
}

/** The first position some published or derived sum places within ±p% with the ranges the bands give, if any. */
function placedBy(input: HistogramInput, ranges: Ranges): number | undefined {
  const bands = gridBounds(ranges);
  // The same three fields as every caller of placesWithin passes: one shape keeps V8's optimised code for it.
  const check = { exact: input.exact, approximations: input.approximations, policy: input.policy };
  for (const set of input.sums) {
    const victim = placesWithin(set, check, bands);
    if (victim !== undefined) return victim;
  }
  if (input.derived === undefined) return undefined;
  const known = intersect(bands, input.derived.ranks);
  for (const set of input.derived.sets) {
    const victim = placesWithin(set, check, known);
    if (victim !== undefined) return victim;
  }
  return undefined;
}

function bandOf(bands: Bands, ps: readonly number[], pos: number): number | undefined {
  const i = ps.indexOf(pos);
  if (i < 0) return undefined;
  let b = 0;
  while (b + 1 < bands.starts.length && bands.starts[b + 1]! <= i) b++;
  return b;
}

function smallestBand(bands: Bands, n: number): number {
  let best = 0;
  for (let b = 1; b < bands.starts.length; b++) if (bandSize(bands, b, n) < bandSize(bands, best, n)) best = b;
  return best;
}

function describe(bands: Bands, n: number): HistogramBand[] {
  return bands.starts.map((_, b) => ({
    ...(b > 0 ? { from: gridEdge(bands.cuts[b - 1]!).toString() } : {}),
    ...(b < bands.cuts.length ? { to: gridEdge(bands.cuts[b]!).toString() } : {}),
    count: bandSize(bands, b, n),
  }));
}

/**
 * What is known of each position's figure besides a sum: from low(pos) (zero where nothing more is known) up to
 * high(pos) (undefined: no top). Published bands give such ranges (`gridBounds`), and so does a council's rank
 * beside a published window mean (see derived-sums.ts).
 */
export interface Bounds {
  readonly low: (pos: number) => Decimal;
  readonly high: (pos: number) => Decimal | undefined;
  /**
   * low and high per position as binary approximations (Infinity: no top), for screening: arrays rather than
   * functions, as placesWithin reads them for every member of every sum it checks.
   */
  readonly lowApproximations: Float64Array;
  readonly highApproximations: Float64Array;
}

/** The ranges published bands give (grid edge numbers) as Bounds. */
export function gridBounds(ranges: Ranges): Bounds {
  const size = ranges.low.length;
  const lowApproximations = new Float64Array(size);
  const highApproximations = new Float64Array(size);
  for (let pos = 0; pos < size; pos++) {
    lowApproximations[pos] = ranges.low[pos] === Number.NEGATIVE_INFINITY ? 0 : gridEdgeApproximation(ranges.low[pos]!);
    highApproximations[pos] = ranges.high[pos] === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : gridEdgeApproximation(ranges.high[pos]!);
  }
  return {
    low: (pos) => (ranges.low[pos] === Number.NEGATIVE_INFINITY ? ZERO : gridEdge(ranges.low[pos]!)),
    high: (pos) => (ranges.high[pos] === Number.POSITIVE_INFINITY ? undefined : gridEdge(ranges.high[pos]!)),
    lowApproximations,
    highApproximations,
  };
}

/**
 * A band and a published sum together can say more than either: with the sum S of a set and every other member
 * known to lie in its range (its band, its rank), a member of the set (the second largest, say, who knows its own
 * figure) bounds a victim v from both sides: v lies in S − own − (the others' range tops .. range bottoms), and in
 * v's own range. A set fails when, for some victim and the attacker best placed (taken, to be safe, as the member
 * removing the widest range from either side), that range is narrower than 2p% of v (so v would be known within
 * ±p%), or is a single value. Returns such a victim's position, or undefined. Decided on binary approximations
 * where they are clearly on one side, with the exact figures deciding every case the approximations cannot settle.
 */
export function placesWithin(set: readonly number[], input: Pick<HistogramInput, 'exact' | 'approximations' | 'policy'>, bounds: Bounds): number | undefined {
  const p = input.policy.pPercent;
  if (p <= 0 || set.length < 2) return undefined;
  const n = set.length;
  if (upScratch.length < n) {
    upScratch = new Float64Array(2 * n);
    downScratch = new Float64Array(2 * n);
  }
  // Each member's spread either side, in buffers kept between calls (this runs for every sum on every window tried).
  const up = upScratch;
  const down = downScratch;
  let upTotal = 0;
  let downTotal = 0;
  let openTops = 0;
  // The largest two of each side (of the finite tops only below); values that are not positive are left out.
  let upFirst = 0;
  let upSecond = 0;
  let downFirst = 0;
  let downSecond = 0;
  const lows = bounds.lowApproximations;
  const highs = bounds.highApproximations;
  for (let i = 0; i < n; i++) {
    const pos = set[i]!;
    const x = input.approximations[pos]!;
    const u = x - lows[pos]!;
    const d = highs[pos]! - x;
    up[i] = u;
    down[i] = d;
    upTotal += u;
    if (u > upFirst) {
      upSecond = upFirst;
      upFirst = u;
    } else if (u > upSecond) upSecond = u;
    if (!Number.isFinite(d)) {
      openTops++;
      continue;
    }
    downTotal += d;
    if (d > downFirst) {
      downSecond = downFirst;
      downFirst = d;
    } else if (d > downSecond) downSecond = d;
  }
  for (let i = 0; i < n; i++) {
    const x = input.approximations[set[i]!]!;
    const upOthers = upTotal - up[i]! - (up[i] === upFirst ? upSecond : upFirst);
    // Open tops among the others, one of which the attacker may be.
    const openOthers = openTops - (Number.isFinite(down[i]!) ? 0 : 1);
    const downOthers =
      openOthers >= 2
        ? Number.POSITIVE_INFINITY
        : downTotal - (Number.isFinite(down[i]!) ? down[i]! : 0) - (openOthers === 1 ? 0 : down[i] === downFirst ? downSecond : downFirst);
    const width = Math.min(down[i]!, upOthers) + Math.min(up[i]!, downOthers);
    // The approximations' error grows with the sums they were subtracted from: only a clear margin settles a case.
    const margin = 1e-9 * (upTotal + downTotal + x);
    const within = (2 * p * x) / 100;
    // Clearly wider than 2p% of the figure settles it; as clear a margin the other way settles it too (the exact
    // width is under 2p% of the exact figure). Both are worked out for every member: V8 would otherwise optimise
    // this loop before the second had ever been reached, and throw the optimised code away the first time it is.
    const clearlyWider = width > within + margin && width > margin;
    const clearlyNarrower = width < within - margin;
    if (clearlyWider) continue;
    if (clearlyNarrower || placedExactly(set, i, input, bounds)) return set[i];
  }
  return undefined;
}

let upScratch = new Float64Array(0);
let downScratch = new Float64Array(0);

/** placesWithin for one victim (index `v` of the set), on the exact figures. */
function placedExactly(set: readonly number[], v: number, input: Pick<HistogramInput, 'exact' | 'policy'>, bounds: Bounds): boolean {
  const x = input.exact(set[v]!);
  const up: Decimal[] = [];
  const down: (Decimal | undefined)[] = [];
  set.forEach((pos, i) => {
    if (i === v) return;
    const value = input.exact(pos);
    up.push(value.minus(bounds.low(pos)));
    const t = bounds.high(pos);
    down.push(t === undefined ? undefined : t.minus(value));
  });
  // The attacker removes its own spread: the widest on each side (an open top if there is one).
  const widestUp = up.reduce((a, b) => (compareDecimals(b, a) > 0 ? b : a), ZERO);
  const upOthers = up.reduce((a, b) => a.plus(b), ZERO).minus(widestUp);
  const open = down.filter((d) => d === undefined).length;
  const finite = down.filter((d): d is Decimal => d !== undefined);
  const downSum = finite.reduce((a, b) => a.plus(b), ZERO);
  const downOthers = open >= 2 ? undefined : open === 1 ? downSum : downSum.minus(finite.reduce((a, b) => (compareDecimals(b, a) > 0 ? b : a), ZERO));
  const ownTop = bounds.high(set[v]!);
  const above = minOf(ownTop === undefined ? undefined : ownTop.minus(x), upOthers)!;
  const below = minOf(x.minus(bounds.low(set[v]!)), downOthers)!;
  const width = above.plus(below);
  return width.isZero() || compareDecimals(width.times(100), x.times(2 * input.policy.pPercent)) < 0;
}
