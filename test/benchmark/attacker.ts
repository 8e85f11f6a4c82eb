import { Decimal } from '../../src/decimal.js';

/** What an attacker knows of a council's figure besides a sum: at least `lo`, at most `hi` (undefined: no top). */
export interface KnownRange {
  readonly lo: Decimal;
  readonly hi: Decimal | undefined;
}

/**
 * The attacker of a published sum, written out plainly as the tests' oracle: some member a of the set, knowing its own
 * figure, the set's exact sum and every other member's range, bounds a victim v from both sides (v = sum − own − the
 * others, and v lies in its own range). The first victim so placed within ±pPercent (a range narrower than 2p% of its
 * figure, or a single value), with its attacker and range; undefined when none is.
 */
export function placedBySum(
  figures: readonly Decimal[],
  ranges: readonly KnownRange[],
  pPercent: number,
): { victim: number; attacker: number; bottom: Decimal; top: Decimal } | undefined {
  const sum = figures.reduce((a, b) => a.plus(b), new Decimal(0));
  for (let v = 0; v < figures.length; v++) {
    for (let a = 0; a < figures.length; a++) {
      if (a === v) continue;
      let low = new Decimal(0);
      let high: Decimal | undefined = new Decimal(0);
      ranges.forEach((r, j) => {
        if (j === v || j === a) return;
        low = low.plus(r.lo);
        high = high === undefined || r.hi === undefined ? undefined : high.plus(r.hi);
      });
      const rest = sum.minus(figures[a]!);
      // v = rest − (the others): at most rest − their lows, at least rest − their highs; and inside its own range.
      const own = ranges[v]!;
      const top = [rest.minus(low), own.hi].filter((d): d is Decimal => d !== undefined).reduce((p, q) => Decimal.min(p, q));
      const bottom = Decimal.max(high === undefined ? own.lo : rest.minus(high), own.lo);
      const width = top.minus(bottom);
      if (width.lte(0) || width.lt(figures[v]!.times(2 * pPercent).div(100))) return { victim: v, attacker: a, bottom, top };
    }
  }
  return undefined;
}
