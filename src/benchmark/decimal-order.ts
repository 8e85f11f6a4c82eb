import type { Decimal } from '../decimal.js';

/**
 * Exact comparison of two finite Decimals (−1, 0 or 1, as `x.cmp(y)`), without allocating: decimal.js's `cmp`
 * copies its argument into a new Decimal on every call, which in the benchmark's sorts and searches (hundreds
 * of thousands of comparisons a run) was most of the work. It reads the documented representation (`s` sign,
 * `e` exponent of the leading digit, `d` base-10^7 digit words, leading word non-zero, no trailing zero words),
 * the same fields and steps as `cmp`; NaN and infinities never reach the benchmark.
 */
export function compareDecimals(x: Decimal, y: Decimal): number {
  const xd = x.d;
  const yd = y.d;
  const xs = x.s;
  // Zeros first: a zero's sign and exponent say nothing.
  if (xd[0] === 0 || yd[0] === 0) return xd[0] !== 0 ? xs : yd[0] !== 0 ? -y.s : 0;
  if (xs !== y.s) return xs;
  if (x.e !== y.e) return (x.e > y.e) !== (xs < 0) ? 1 : -1;
  const common = Math.min(xd.length, yd.length);
  for (let i = 0; i < common; i++) if (xd[i] !== yd[i]) return (xd[i]! > yd[i]!) !== (xs < 0) ? 1 : -1;
  return xd.length === yd.length ? 0 : (xd.length > yd.length) !== (xs < 0) ? 1 : -1;
}

/**
 * A binary floating-point approximation of a finite Decimal, within a relative 10^-14 of it, read from its
 * digit words without converting through text. Only for ordering: see compareApprox.
 */
export function approximate(x: Decimal): number {
  const d = x.d;
  const first = d[0]!;
  if (first === 0) return 0;
  const digits = first >= 1e6 ? 7 : first >= 1e5 ? 6 : first >= 1e4 ? 5 : first >= 1e3 ? 4 : first >= 100 ? 3 : first >= 10 ? 2 : 1;
  // Three words hold at least 15 significant digits, all a double carries.
  const mantissa = first + (d[1] ?? 0) / 1e7 + (d[2] ?? 0) / 1e14;
  return x.s * mantissa * 10 ** (x.e - digits + 1);
}

/** Far wider than the error of any approximation here (approximate, or a quotient of two parsed floats). */
const APPROXIMATION_TOLERANCE = 1e-9;

/**
 * How two values compare going by their approximations: −1 or 1 where these are clearly apart (so the exact
 * values compare the same way), 0 where they are too close to tell and only the exact values can say.
 */
export function apart(ax: number, ay: number): number {
  const gap = ax - ay;
  if (Math.abs(gap) > APPROXIMATION_TOLERANCE * Math.max(Math.abs(ax), Math.abs(ay))) return gap < 0 ? -1 : 1;
  return 0;
}

/** Whether an approximation is close enough to `a` that the exact values may be equal. */
export function near(approximation: number, a: number): boolean {
  return apart(approximation, a) === 0;
}

/**
 * Sorts members ascending by exact value, ties in member order. The approximations order all but near neighbours
 * (a plain numeric sort); each run of neighbours too close to tell apart is then put in exact order. Neighbours
 * clearly apart at a run's edge leave everything on either side clearly apart too, so the result is the exact order.
 */
export function sortByValue(order: number[], approximations: ArrayLike<number>, exactOf: (member: number) => Decimal): void {
  order.sort((a, b) => approximations[a]! - approximations[b]! || a - b);
  const byExact = (a: number, b: number) => compareDecimals(exactOf(a), exactOf(b)) || a - b;
  for (let start = 0, end = 1; start < order.length; start = end, end = start + 1) {
    while (end < order.length && apart(approximations[order[end - 1]!]!, approximations[order[end]!]!) === 0) end++;
    if (end - start > 1) order.splice(start, end - start, ...order.slice(start, end).sort(byExact));
  }
}
