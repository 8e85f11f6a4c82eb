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
  sortByApproximation(order, approximations);
  const byExact = (a: number, b: number) => compareDecimals(exactOf(a), exactOf(b)) || a - b;
  for (let start = 0, end = 1; start < order.length; start = end, end = start + 1) {
    while (end < order.length && apart(approximations[order[end - 1]!]!, approximations[order[end]!]!) === 0) end++;
    if (end - start > 1) order.splice(start, end - start, ...order.slice(start, end).sort(byExact));
  }
}

/** Member numbers up to 2^20 travel in a key's low mantissa bits; the 32 bits left above them still order the values. */
const MEMBER_BITS = 20;
/** Which 32-bit half of a float holds its low mantissa bits, as typed arrays lay it out on this machine. */
const LOW_WORD = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 0 : 1;

/**
 * Sorts members by approximation, ties in member order: `order.sort` with that comparator, but most of it done by a
 * typed array's built-in numeric sort, which calls no function per comparison (a comparator was a tenth of a cold
 * benchmark run). Each key is the value with the member number written over its lowest mantissa bits: truncating a
 * non-negative float's mantissa keeps the order of values whose truncations differ, so only members whose values agree
 * to the bits kept can come out of order, and an insertion pass with the comparator puts those right. Negative or
 * non-finite values and member numbers of 2^20 and more take the comparator sort.
 */
export function sortByApproximation(order: number[], approximations: ArrayLike<number>): void {
  const n = order.length;
  const compare = (a: number, b: number) => approximations[a]! - approximations[b]! || a - b;
  let largest = 0;
  let plain = true;
  for (let i = 0; i < n; i++) {
    const value = approximations[order[i]!]!;
    if (!(value >= 0 && value < Number.POSITIVE_INFINITY)) plain = false;
    largest = Math.max(largest, order[i]!);
  }
  const bits = 32 - Math.clz32(largest);
  if (!plain || bits > MEMBER_BITS) {
    order.sort(compare);
    return;
  }
  const keys = new Float64Array(n);
  const words = new Uint32Array(keys.buffer);
  const mask = (1 << bits) - 1;
  for (let i = 0; i < n; i++) {
    keys[i] = approximations[order[i]!]!;
    words[2 * i + LOW_WORD] = (words[2 * i + LOW_WORD]! & ~mask) | order[i]!;
  }
  keys.sort();
  for (let i = 0; i < n; i++) order[i] = words[2 * i + LOW_WORD]! & mask;
  // The comparator's test written out (values here are finite): a function call per member was most of the pass.
  for (let i = 1; i < n; i++) {
    const member = order[i]!;
    const value = approximations[member]!;
    let j = i - 1;
    for (; j >= 0; j--) {
      const other = order[j]!;
      const gap = approximations[other]! - value;
      if (gap < 0 || (gap === 0 && other < member)) break;
      order[j + 1] = other;
    }
    order[j + 1] = member;
  }
}
