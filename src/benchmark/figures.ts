import { Decimal, ZERO } from '../decimal.js';
import { apart, approximate, compareDecimals, near, sortByValue } from './decimal-order.js';
import { RankBounds, windowComplements, type PublishedWindow } from './derived-sums.js';
import { histogramFigures, placesWithin } from './histograms.js';
import { HISTOGRAM_METRICS, metricSlot, TOTAL_METRIC, type Metric, type MetricValues } from './metrics.js';
import type { DisclosurePolicy, SuppressionReason } from './policy.js';
import { poolFigureWithheld, withholdPools, type PooledCohort } from './pools.js';
import { minCohortFor, quartileWindow, roundedFromApproximation, roundSignificant, type QuartileName } from './quantiles.js';
import { SumAtoms } from './sum-atoms.js';
import { additiveCell, failsPPercent, failsPPercentApproximately, primaryReason, secondarySuppression, type Additive, type AdditiveCell } from './suppression.js';
import type { Audited, AuditedCohortMetric, AuditedHistogram } from './views.js';

/** A count through the publish path: withheld below the threshold (or for `reason`), else exact. */
export function publishCount(count: number, policy: DisclosurePolicy, reason?: SuppressionReason): Audited {
  const why = reason ?? (count < policy.minCouncils ? 'below-threshold' : undefined);
  return why !== undefined ? { status: 'suppressed', reason: why } : { status: 'published', value: String(count) };
}

/** What every metric of one base group is worked out against. */
export interface GroupContext {
  /** Per member, its value for each metric it has. */
  readonly values: readonly MetricValues[];
  /** Per cohort (cohort 0 is all councils), 1 for each member in it. */
  readonly membership: readonly Uint8Array[];
  /** Per member, the cohorts it is in, ascending: membership read the other way (a council is in a few of many). */
  readonly cohortsOf: readonly (readonly number[])[];
  /** The cohorts of each partition of "all councils": by council type, then by region. */
  readonly partitions: readonly (readonly number[])[];
  /** The pooled cohorts (unions of type cohorts): their counts and totals only where every type's is published (pools.ts). */
  readonly pools: readonly PooledCohort[];
  readonly policy: DisclosurePolicy;
  /** How many of the largest contributions the dominance rules look at. */
  readonly topN: number;
}

/**
 * One metric's published figures for every cohort of a base group, in cohort order. Comparisons are exact and
 * allocate nothing (approximations where they are clearly apart, else compareDecimals); window positions are
 * whole-number arithmetic; the figures themselves are Decimal.
 */
export function metricFigures(ctx: GroupContext, metric: Metric): AuditedCohortMetric[] {
  const { policy, partitions, pools } = ctx;
  const withTotal = metric.id === TOTAL_METRIC;
  const k = policy.minCouncils;
  const slot = metricSlot(metric.id);
  // Contributors (members with a value) ascending by value, ties in member order. Approximations order them
  // where they are clearly apart; the exact values decide the rest.
  const { approximations, order, contributors } = contributorsOf(ctx, slot);
  // Exact values are worked out when first needed (a near tie, a window) and kept while this metric is worked on.
  const exact: (Decimal | undefined)[] = new Array(ctx.values.length);
  const exactOf = (i: number) => (exact[i] ??= ctx.values[i]!.exactAt(slot)!);
  sortByValue(order, approximations, exactOf);
  const sorted = new SortedValues(inOrder(order, approximations), (pos) => exactOf(order[pos]!));
  const tied = tiedPositions(sorted);
  /** Per cohort, positions in `order` (so ascending by value). */
  const positions = cohortPositions(ctx, order);
  // Counts need no sums: only the one metric with a published total (TOTAL_METRIC) has its cells summed.
  const cells = positions.map(
    (ps): AdditiveCell =>
      withTotal
        ? additiveCell(
            ps.map((pos) => sorted.exact(pos)),
            ctx.topN,
          )
        : { count: ps.length, total: ZERO, top: [] },
  );
  const { sameCouncils, countReasons } = sharedByContributors(ctx, contributors, () => {
    /** Per cohort, the cohorts over exactly the same contributors (itself among them: London and its boroughs). */
    const same = positions.map((ps) => {
      const alike: number[] = [];
      for (let o = 0; o < positions.length; o++) if (sameNumbers(positions[o]!, ps)) alike.push(o);
      return alike;
    });
    // Pools are decided after the splits' suppression, from their types' figures (pools.ts): they withhold no other cohort's.
    return { sameCouncils: same, countReasons: withholdPools(suppressAdditive(cells, partitions, policy, 'count', same), ctx.pools, same, () => true) };
  });
  const pooled = new Set(pools.map((p) => p.cohort));
  const isTotalCohort = (c: number) => c === 0 || partitions[0]!.includes(c) || pooled.has(c);
  const totalReasons = withTotal ? withholdPools(suppressAdditive(cells, [partitions[0]!], policy, 'total', sameCouncils), pools, sameCouncils, isTotalCohort) : [];

  const publishSig = (value: Decimal): Audited => {
    const rounded = roundSignificant(value, policy.significantFigures);
    if (sorted.includes(rounded)) return { status: 'suppressed', reason: 'equals-council-value' };
    return { status: 'published', value: rounded.toString() };
  };

  // Published sums of this metric's values, as sets of contributors, kept only while nothing derivable from them
  // rests on fewer than k councils (sum-atoms.ts: the atom rule for the total, whose cohort totals link every window
  // and whose derived sums have the placement rule; the exact test on their span for the others): the all-councils
  // total, the all-councils quartile windows (the headline comparison), the council-type totals (withheld as
  // secondary if they would now single out a small group), then the other cohorts' quartile windows in report order.
  const sums = new SumAtoms(order.length, k, !withTotal);
  const withHistograms = HISTOGRAM_METRICS.includes(metric.id);
  /** The sums published so far, for the histograms' check (a band with a sum can say more than either); kept only for a metric with histograms. */
  const publishedSums: (readonly number[])[] = [];
  const publishSum = (set: readonly number[], from = 0, to = set.length): boolean => {
    if (!sums.tryAdd(set, from, to)) return false;
    if (withHistograms) publishedSums.push(from === 0 && to === set.length ? set : set.slice(from, to));
    return true;
  };
  const totalFigure = (c: number): Audited | undefined => {
    if (!withTotal || !isTotalCohort(c)) return undefined;
    // A type's total can still be withheld by the sums check below; pools come after their types, so see their final word.
    const shown = (o: number) => (isTotalCohort(o) ? totals[o]?.status !== 'published' : undefined);
    const reason = totalReasons[c] ?? (poolFigureWithheld(pools, c, shown, sameCouncils[c]!) ? 'secondary' : undefined);
    if (reason !== undefined) return { status: 'suppressed', reason };
    const published = publishSig(cells[c]!.total);
    if (published.status !== 'published') return published;
    return publishSum(positions[c]!) ? published : { status: 'suppressed', reason: 'secondary' };
  };
  // Sums derived from published ones (derived-sums.ts): a cohort's total minus its published windows, checked with
  // what ranks beside every published window mean tell. A window that would let one place a council within ±p% is
  // withheld (the total is decided first: withholding it would reach through its partition's secondary suppression).
  let ranks = new RankBounds(order.length);
  const windows: PublishedWindow[][] = positions.map(() => []);
  let derivedSets: number[][] = [];
  /** Scratch for tryWindow: 1 at each position whose rank bounds the window tried narrowed. */
  const narrowedNow = new Uint8Array(order.length);
  const check = { exact: sorted.exact, approximations: sorted.approximations, policy };
  /** The rank bounds and derived sums with a window of cohort c added; undefined where one of the sums would then place a council. */
  const tryWindow = (c: number, window: PublishedWindow): { ranks: RankBounds; sets: number[][] } | undefined => {
    const tried = ranks.clone();
    const narrowed = tried.addWindow(positions[c]!, window);
    const same = sameCouncils[c]!;
    const sets = [...derivedSets];
    if (same.some((o) => totals[o]?.status === 'published')) {
      const published = same.flatMap((o) => windows[o]!).filter((w, i, all) => all.findIndex((x) => x.positions[0] === w.positions[0]) === i);
      const known = new Set(derivedSets.map((set) => set.join(',')));
      for (const set of windowComplements(positions[c]!, [...published, window])) if (!known.has(set.join(','))) sets.push(set);
    }
    // New rank bounds can narrow sums derived before, so those with a member whose bounds narrowed are checked again;
    // the rest passed on the same bounds when they were derived (placesWithin reads only its members' bounds).
    narrowedNow.fill(0);
    for (const pos of narrowed) narrowedNow[pos] = 1;
    const recheck = (set: readonly number[], index: number) => index >= derivedSets.length || set.some((pos) => narrowedNow[pos] === 1);
    return sets.some((set, index) => recheck(set, index) && placesWithin(set, check, tried) !== undefined) ? undefined : { ranks: tried, sets };
  };
  /** A window's mean and what publishSig makes of it, or the p% rule's refusal where the approximations left that open (`checkDominance`). */
  const exactWindow = (ps: readonly number[], start: number, end: number, checkDominance: boolean): ExactWindow => {
    let sum = sorted.exact(ps[start]!);
    for (let i = start + 1; i < end; i++) sum = sum.plus(sorted.exact(ps[i]!));
    if (checkDominance && failsPPercent(sum, [sorted.exact(ps[end - 1]!), sorted.exact(ps[end - 2]!)], policy.pPercent)) return { figure: { status: 'suppressed', reason: 'dominance' } };
    const mean = sum.div(k);
    return { mean, figure: publishSig(mean) };
  };
  /** Per cohort (the first of those over the same councils) and quartile, its exactWindow. */
  const workedOut: (ExactWindow | undefined)[] = new Array(positions.length * 3);
  const quartileFigure = (c: number, name: QuartileName): Audited => {
    const ps = positions[c]!;
    const n = ps.length;
    if (n < k) return { status: 'suppressed', reason: 'below-threshold' };
    if (n < minCohortFor(name, k)) return { status: 'suppressed', reason: 'small-cohort' };
    const start = quartileWindow(n, name, k);
    const end = start + k;
    if (tiedWindow(ps, start, end, tied)) return { status: 'suppressed', reason: 'tied-values' };
    // The window is ascending, so its two largest are its last two: one council must not be most of a quartile.
    // The rule on approximations holds for figures that are not negative (submitted tonnes never are): the first is the least.
    let rest = 0;
    for (let i = start; i < end - 2; i++) rest += sorted.approximations[ps[i]!]!;
    const quick = sorted.approximations[ps[start]!]! >= 0 ? failsPPercentApproximately(rest, sorted.approximations[ps[end - 1]!]!, policy.pPercent) : undefined;
    if (quick === true) return { status: 'suppressed', reason: 'dominance' };
    // A window the sums check refuses is withheld whatever its mean: as 'equals-council-value' where its rounded mean
    // is a council's value (publishSig's check, made first below), else as 'secondary'. Where the approximations settle
    // the p% rule and the rounded mean, that is decided without working out the exact values (the metrics without
    // derived sums; the total's windows are checked against those first).
    if (quick === false && !withTotal && !sums.accepts(ps, start, end)) {
      const approximateMean = (rest + sorted.approximations[ps[end - 2]!]! + sorted.approximations[ps[end - 1]!]!) / k;
      const rounded = roundedFromApproximation(approximateMean, policy.significantFigures);
      if (rounded !== undefined) return { status: 'suppressed', reason: sorted.includes(rounded) ? 'equals-council-value' : 'secondary' };
    }
    // Cohorts over the same councils (London and its boroughs) have the same windows: the first works each out.
    const worked = (workedOut[sameCouncils[c]![0]! * 3 + QUARTILE_INDEX[name]] ??= exactWindow(ps, start, end, quick === undefined));
    if (worked.mean === undefined || worked.figure.status !== 'published') return worked.figure;
    const { mean, figure: published } = worked;
    if (!withTotal) return publishSum(ps, start, end) ? published : { status: 'suppressed', reason: 'secondary' };
    // Only the total's windows are kept: its derived sums (tryWindow) are worked out from them.
    const window: PublishedWindow = { positions: ps.slice(start, end), mean };
    const kept = tryWindow(c, window);
    if (kept === undefined) return { status: 'suppressed', reason: 'dominance' };
    if (!publishSum(ps, start, end)) return { status: 'suppressed', reason: 'secondary' };
    windows[c]!.push(window);
    ({ ranks, sets: derivedSets } = kept);
    return published;
  };
  const quartileFigures = (c: number): Record<QuartileName, Audited> => {
    // Medians first: the order the windows are offered to `sums`.
    const median = quartileFigure(c, 'median');
    const lowerQuartile = quartileFigure(c, 'lowerQuartile');
    return { lowerQuartile, median, upperQuartile: quartileFigure(c, 'upperQuartile') };
  };
  const cohorts = positions.length;
  const totals: (Audited | undefined)[] = new Array(cohorts);
  const quartiles: Record<QuartileName, Audited>[] = new Array(cohorts);
  totals[0] = totalFigure(0);
  quartiles[0] = quartileFigures(0);
  for (let c = 1; c < cohorts; c++) totals[c] = totalFigure(c);
  for (let c = 1; c < cohorts; c++) quartiles[c] = quartileFigures(c);
  const counts = positions.map((ps, c) => publishCount(ps.length, policy, countReasons[c]));
  const histograms = withHistograms
    ? histogramFigures({
        exact: sorted.exact,
        approximations: sorted.approximations,
        cohorts: positions,
        // Pools show quartiles or nothing (pools.ts, mayShowHistogram).
        wanted: positions.map((_, c) => !pooled.has(c) && wantsHistogram(counts[c]!, quartiles[c]!)),
        sums: publishedSums,
        policy,
        counts: new SumAtoms(order.length, k),
        derived: { sets: derivedSets, ranks },
      })
    : [];

  return assemble(metric.id, counts, quartiles, totals, histograms);
}

/** A quartile window worked out exactly: its figure, and its mean where the p% rule let it be worked out. */
interface ExactWindow {
  readonly mean?: Decimal;
  readonly figure: Audited;
}

/** A quartile's place among a cohort's three windows. */
const QUARTILE_INDEX: Record<QuartileName, number> = { lowerQuartile: 0, median: 1, upperQuartile: 2 };

/**
 * Each cohort's figures as one object. Kept out of metricFigures: built there, the two shapes of a figure (published,
 * withheld) made V8 discard metricFigures' optimised code at the end of every call, about a hundred times a run.
 */
function assemble(
  metric: Metric['id'],
  counts: readonly Audited[],
  quartiles: readonly Record<QuartileName, Audited>[],
  totals: readonly (Audited | undefined)[],
  histograms: readonly (AuditedHistogram | undefined)[],
): AuditedCohortMetric[] {
  const out: AuditedCohortMetric[] = new Array(counts.length);
  for (let c = 0; c < counts.length; c++) {
    const q = quartiles[c]!;
    const figures: AuditedCohortMetric = { metric, count: counts[c]!, lowerQuartile: q.lowerQuartile, median: q.median, upperQuartile: q.upperQuartile };
    if (totals[c] !== undefined) figures.total = totals[c];
    if (histograms[c] !== undefined) figures.histogram = histograms[c];
    out[c] = figures;
  }
  return out;
}

/*
 * The loops over every member are kept out of metricFigures: the work they do there made V8 optimise metricFigures
 * itself, inlining the closures it makes for each metric into one large compilation, repeated when a closure
 * changed (a first run spent some 0.15 s of compiler threads' time on it, on two cores beside the main thread).
 */

/** The members with a value for the metric at `slot`, each one's approximation, and which have one, as a key. */
function contributorsOf(ctx: GroupContext, slot: number): { approximations: Float64Array; order: number[]; contributors: string } {
  const approximations = new Float64Array(ctx.values.length);
  const order: number[] = [];
  /** Which members have a value, as a key ('0' or '1' each): metrics with the same contributors share what depends only on them. */
  const key = new Uint8Array(ctx.values.length);
  for (let i = 0; i < ctx.values.length; i++) {
    const a = ctx.values[i]!.approximationAt(slot);
    key[i] = a === undefined ? ZERO_CHAR : ONE_CHAR;
    if (a === undefined) continue;
    order.push(i);
    approximations[i] = a;
  }
  return { approximations, order, contributors: KEY_TEXT.decode(key) };
}

/** The approximations of `order`'s members, in its order (a loop, where Float64Array.from would make an iterator step per member). */
function inOrder(order: readonly number[], approximations: Float64Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let pos = 0; pos < order.length; pos++) out[pos] = approximations[order[pos]!]!;
  return out;
}

/** Per cohort, the positions in `order` of its members (so ascending as `order` is). */
function cohortPositions(ctx: GroupContext, order: readonly number[]): number[][] {
  const positions: number[][] = ctx.membership.map(() => []);
  for (let pos = 0; pos < order.length; pos++) {
    const cohorts = ctx.cohortsOf[order[pos]!]!;
    for (let i = 0; i < cohorts.length; i++) positions[cohorts[i]!]!.push(pos);
  }
  return positions;
}

const ZERO_CHAR = '0'.charCodeAt(0);
const ONE_CHAR = '1'.charCodeAt(0);
const KEY_TEXT = new TextDecoder();

/** What a metric's figures need that depends only on which members of the base group have a value for it. */
interface ByContributors {
  /** Per cohort, the cohorts over exactly the same contributors. */
  readonly sameCouncils: readonly (readonly number[])[];
  /** Per cohort, why its count is withheld (counts depend on the contributors alone). */
  readonly countReasons: readonly (SuppressionReason | undefined)[];
}
const BY_CONTRIBUTORS = new WeakMap<GroupContext, Map<string, ByContributors>>();

/** Worked out once per base group and set of contributors: most metrics share theirs with others (every absolute scope, say). */
function sharedByContributors(ctx: GroupContext, contributors: string, work: () => ByContributors): ByContributors {
  let known = BY_CONTRIBUTORS.get(ctx);
  if (known === undefined) BY_CONTRIBUTORS.set(ctx, (known = new Map()));
  let shared = known.get(contributors);
  if (shared === undefined) known.set(contributors, (shared = work()));
  return shared;
}

/**
 * A histogram is shown where the quartiles do not already describe the distribution (the lower or upper quartile
 * withheld), and only beside a published count, which its bands add up to.
 */
export function wantsHistogram(count: Audited, quartiles: Pick<AuditedCohortMetric, 'lowerQuartile' | 'upperQuartile'>): boolean {
  return count.status === 'published' && (quartiles.lowerQuartile.status !== 'published' || quartiles.upperQuartile.status !== 'published');
}

/**
 * Primary rules on every cohort, then secondary suppression within each partition of "all councils". Cohorts
 * of different partitions can hold exactly the same councils (every London borough is in London, and London
 * holds only boroughs): a figure withheld in one is withheld in the other too, or the published copy would
 * undo the suppression. That can call for more secondary suppression, so the two steps repeat until stable.
 */
function suppressAdditive(
  cells: readonly AdditiveCell[],
  partitions: readonly (readonly number[])[],
  policy: DisclosurePolicy,
  additive: Additive,
  sameCouncils: readonly (readonly number[])[],
): (SuppressionReason | undefined)[] {
  const reasons = cells.map((cell) => primaryReason(cell, policy, additive));
  for (let changed = true; changed; ) {
    changed = false;
    for (const partition of partitions) {
      const decided = secondarySuppression(
        reasons[0],
        partition.map((c) => cells[c]!),
        partition.map((c) => reasons[c]),
        policy,
        additive,
      );
      partition.forEach((c, i) => (reasons[c] = decided[i]));
    }
    for (let c = 0; c < cells.length; c++) {
      if (reasons[c] !== undefined) continue;
      if (sameCouncils[c]!.some((other) => other !== c && reasons[other] !== undefined)) {
        reasons[c] = 'secondary';
        changed = true;
      }
    }
  }
  return reasons;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One metric's contributors' values in ascending order, by position: approximations for every one, exact values on demand. */
class SortedValues {
  constructor(
    /** A typed array, whatever the values: a plain array's element kind (whole numbers or not) would differ from metric to metric, and V8 would recompile the code reading it. */
    readonly approximations: Float64Array,
    readonly exact: (position: number) => Decimal,
  ) {}

  get length(): number {
    return this.approximations.length;
  }

  /** Whether two positions hold equal values. */
  equal(a: number, b: number): boolean {
    return apart(this.approximations[a]!, this.approximations[b]!) === 0 && compareDecimals(this.exact(a), this.exact(b)) === 0;
  }

  /** Whether any council's exact value equals `value`: a binary search on the approximations, then exact comparisons among the near ones. */
  includes(value: Decimal): boolean {
    const a = approximate(value);
    let lo = 0;
    let hi = this.length;
    // The first position not clearly below `value`.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (apart(this.approximations[mid]!, a) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (let pos = lo; pos < this.length && near(this.approximations[pos]!, a); pos++) if (compareDecimals(this.exact(pos), value) === 0) return true;
    return false;
  }
}

/** Per position of the ascending values, 1 where the value equals a neighbour's. */
function tiedPositions(sorted: SortedValues): Uint8Array {
  const tied = new Uint8Array(sorted.length);
  for (let pos = 1; pos < sorted.length; pos++) if (sorted.equal(pos - 1, pos)) tied[pos - 1] = tied[pos] = 1;
  return tied;
}

/**
 * Councils that share a figure may know that they do (zero market-based scope 2 on a REGO tariff is no secret),
 * so each knows the others' figures: five councils on REGO tariffs all at zero market-based scope 2 know one another's.
 * A window mean then reveals the sum of the window's untied figures, and exactly one of them if it is alone.
 * A window (positions[start..end) of the ascending values) is published only when at least MIN_UNTIED of its
 * figures are shared with no other council, so an untied member learns at most the sum of two others.
 */
const MIN_UNTIED = 3;
function tiedWindow(positions: readonly number[], start: number, end: number, tied: Uint8Array): boolean {
  let untied = 0;
  for (let i = start; i < end; i++) if (tied[positions[i]!] === 0) untied++;
  return untied < MIN_UNTIED;
}
