import { ZERO, type Decimal } from '../decimal.js';
import { compareDecimals } from './decimal-order.js';
import type { Bounds } from './histograms.js';

/**
 * Sums nobody publishes but anyone can work out: a cohort's total minus its published quartile windows (each
 * window's sum is k × its mean). The p% rule is checked on every published sum; these differences need the same
 * check, with what a council's rank tells beside them: in the ascending cohort, a council below a window is at most
 * the window's smallest figure, so at most its mean, and a council above it at least its mean. Ten councils
 * 3,900 … 4,015 | 69,000 100,000 pass every rule on their total and median, yet the council at 69,000, taking
 * total − 5 × median and the three lowest as at most the median each, places the largest within 6%.
 */

/** A quartile window a cohort publishes: its councils (positions, ascending as in the cohort) and their exact mean. */
export interface PublishedWindow {
  readonly positions: readonly number[];
  readonly mean: Decimal;
}

/**
 * The sums a published total and published windows of one cohort give by subtraction: the total minus each union
 * of the windows (the windows never overlap, so each union's sum is the windows' sums added). Empty sets are left out.
 */
export function windowComplements(cohort: readonly number[], windows: readonly PublishedWindow[]): number[][] {
  const out: number[][] = [];
  for (let subset = 1; subset < 1 << windows.length; subset++) {
    const taken = new Set(windows.flatMap((w, i) => ((subset >> i) & 1 ? w.positions : [])));
    const rest = cohort.filter((pos) => !taken.has(pos));
    if (rest.length > 0) out.push(rest);
  }
  return out;
}

/** What ranks beside published window means tell of each position: at least `low`, at most `high` (undefined: nothing). */
export class RankBounds implements Bounds {
  private readonly lows: (Decimal | undefined)[];
  private readonly highs: (Decimal | undefined)[];
  readonly lowApproximations: Float64Array;
  readonly highApproximations: Float64Array;

  constructor(size: number, from?: RankBounds) {
    this.lows = from === undefined ? new Array(size) : [...from.lows];
    this.highs = from === undefined ? new Array(size) : [...from.highs];
    this.lowApproximations = from === undefined ? new Float64Array(size) : from.lowApproximations.slice();
    this.highApproximations = from === undefined ? new Float64Array(size).fill(Number.POSITIVE_INFINITY) : from.highApproximations.slice();
  }

  readonly low = (pos: number): Decimal => this.lows[pos] ?? ZERO;
  readonly high = (pos: number): Decimal | undefined => this.highs[pos];

  /** A copy to try a window on, kept only if the window is published. */
  clone(): RankBounds {
    return new RankBounds(this.lows.length, this);
  }

  /**
   * Records a published window of `cohort` (positions ascending by value): those below are at most its mean, those
   * above at least. Returns the positions whose bounds it narrowed: a check on other positions goes as before.
   */
  addWindow(cohort: readonly number[], window: PublishedWindow): number[] {
    const start = cohort.indexOf(window.positions[0]!);
    const end = start + window.positions.length;
    const mean = window.mean.toNumber();
    const narrowed: number[] = [];
    cohort.forEach((pos, i) => {
      if (i < start) {
        const high = minOf(this.highs[pos], window.mean);
        const approximation = Math.min(this.highApproximations[pos]!, mean);
        if (high === this.highs[pos] && approximation === this.highApproximations[pos]) return;
        this.highs[pos] = high;
        this.highApproximations[pos] = approximation;
        narrowed.push(pos);
      } else if (i >= end) {
        const low = maxOf(this.lows[pos], window.mean);
        const approximation = Math.max(this.lowApproximations[pos]!, mean);
        if (low === this.lows[pos] && approximation === this.lowApproximations[pos]) return;
        this.lows[pos] = low;
        this.lowApproximations[pos] = approximation;
        narrowed.push(pos);
      }
    });
    return narrowed;
  }
}

/** Both ranges at once: the larger bottom and the smaller top. */
export function intersect(a: Bounds, b: Bounds): Bounds {
  const lowApproximations = a.lowApproximations.slice();
  const highApproximations = a.highApproximations.slice();
  for (let pos = 0; pos < lowApproximations.length; pos++) {
    lowApproximations[pos] = Math.max(lowApproximations[pos]!, b.lowApproximations[pos]!);
    highApproximations[pos] = Math.min(highApproximations[pos]!, b.highApproximations[pos]!);
  }
  return { low: (pos) => maxOf(a.low(pos), b.low(pos))!, high: (pos) => minOf(a.high(pos), b.high(pos)), lowApproximations, highApproximations };
}

/** The smaller of two amounts, undefined standing for no bound. */
export function minOf(a: Decimal | undefined, b: Decimal | undefined): Decimal | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareDecimals(a, b) <= 0 ? a : b;
}

/** The larger of two amounts, undefined standing for no bound. */
function maxOf(a: Decimal | undefined, b: Decimal | undefined): Decimal | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareDecimals(a, b) >= 0 ? a : b;
}
