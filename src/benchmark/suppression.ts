import { Decimal, ZERO } from '../decimal.js';
import { apart, compareDecimals } from './decimal-order.js';
import type { DisclosurePolicy, SuppressionReason } from './policy.js';

/** One cohort's additive figure for one metric, as the disclosure rules see it. */
export interface AdditiveCell {
  readonly count: number;
  readonly total: Decimal;
  /** The largest contributions, descending (as many as the widest dominance rule looks at). */
  readonly top: readonly Decimal[];
}

const HUNDRED = new Decimal(100);

/** p as a Decimal, kept for the next call: a run asks with the same p for every window. */
let lastP: { readonly p: number; readonly value: Decimal } | undefined;
function decimalOf(p: number): Decimal {
  if (lastP?.p !== p) lastP = { p, value: new Decimal(p) };
  return lastP.value;
}

/** Which additive figure: the number of councils (threshold rule only) or the total (threshold and dominance). */
export type Additive = 'count' | 'total';

export function additiveCell(values: readonly Decimal[], topN: number): AdditiveCell {
  let total = ZERO;
  for (const v of values) total = total.add(v);
  return { count: values.length, total, top: largest(values, topN) };
}

/** How many of the largest contributions the dominance rules look at: the p% rule needs the two largest. */
export function widestDominance(policy: DisclosurePolicy): number {
  return Math.max(policy.pPercent > 0 ? 2 : 0, ...policy.dominance.map((r) => r.contributors));
}

/**
 * The p% rule: with x1 ≥ x2 the two largest of a sum T, the second largest knows T − x2 and so x1 to within
 * T − x1 − x2 (the rest); the sum is sensitive when that rest is under p% of x1. `top` is descending.
 */
export function failsPPercent(total: Decimal, top: readonly Decimal[], p: number): boolean {
  if (p <= 0 || top.length === 0) return false;
  const rest = total.minus(top[0]!).minus(top[1] ?? ZERO);
  return compareDecimals(rest.times(HUNDRED), top[0]!.times(decimalOf(p))) < 0;
}

/**
 * The p% rule for non-negative figures, decided on binary approximations of the rest (the sum besides the two
 * largest) and of the largest where that is safe, else undefined (only failsPPercent on the exact figures can
 * say). The exact figures are within a relative 10^-13 of the approximations, besides rounding at the 50th digit
 * of the sum, so where the two sides are clearly apart and neither is vanishingly small beside the largest, the
 * exact rule goes the same way. It spares the Decimal work of the windows the rule withholds.
 */
export function failsPPercentApproximately(rest: number, largest: number, p: number): boolean | undefined {
  if (p <= 0) return false;
  const lhs = rest * 100;
  const rhs = largest * p;
  const negligible = 1e-30 * largest;
  if (!(lhs > negligible && rhs > negligible)) return undefined;
  const side = apart(lhs, rhs);
  return side === 0 ? undefined : side < 0;
}

/** The primary rules: threshold, and for totals the (n, k) dominance rules (a zero total reveals every council's zero). */
export function primaryReason(cell: AdditiveCell, policy: DisclosurePolicy, additive: Additive): SuppressionReason | undefined {
  if (cell.count < policy.minCouncils) return 'below-threshold';
  if (additive === 'count') return undefined;
  if (cell.total.isZero()) return 'dominance';
  if (failsPPercent(cell.total, cell.top, policy.pPercent)) return 'dominance';
  const dominated = policy.dominance.some((rule) => {
    let leaders = ZERO;
    for (const v of cell.top.slice(0, rule.contributors)) leaders = leaders.add(v);
    return leaders.times(100).gt(cell.total.times(rule.percent));
  });
  return dominated ? 'dominance' : undefined;
}

/**
 * Secondary suppression within one partition of a parent cohort ("all councils" split by council type, or
 * by region). Published figures are the parent and the children, so what can be worked out by adding and
 * subtracting them is a union of children, or the parent minus a union of published children, i.e. the
 * withheld children together plus some published ones. The rules therefore are:
 * - parent published: the withheld children taken together must pass the primary rules themselves (this also
 *   stops a single withheld child being the parent minus the rest); unions including published children
 *   then pass too, because the threshold and dominance rules hold for a union of cells that each hold;
 * - parent withheld: the children must not all be published, else their sum gives the parent back.
 * Children are withheld in turn, fewest councils first (then smallest total, then order), until that holds.
 * The result depends only on the cells, so the same counts always get the same decision.
 */
export function secondarySuppression(
  parentReason: SuppressionReason | undefined,
  children: readonly AdditiveCell[],
  primary: readonly (SuppressionReason | undefined)[],
  policy: DisclosurePolicy,
  additive: Additive,
): (SuppressionReason | undefined)[] {
  const reasons = [...primary];
  const order = children
    .map((cell, index) => ({ cell, index }))
    .sort((a, b) => a.cell.count - b.cell.count || (additive === 'total' ? compareDecimals(a.cell.total, b.cell.total) : 0) || a.index - b.index)
    .map((c) => c.index);
  const withholdNext = (): boolean => {
    const next = order.find((i) => reasons[i] === undefined);
    if (next === undefined) return false;
    reasons[next] = 'secondary';
    return true;
  };
  if (children.length === 0) return reasons;
  if (parentReason !== undefined) {
    if (reasons.every((r) => r === undefined)) withholdNext();
    return reasons;
  }
  const topN = Math.max(...children.map((c) => c.top.length));
  for (;;) {
    const hidden = children.filter((_, i) => reasons[i] !== undefined);
    if (hidden.length === 0 || primaryReason(mergeCells(hidden, topN), policy, additive) === undefined) return reasons;
    if (!withholdNext()) return reasons;
  }
}

export function mergeCells(cells: readonly AdditiveCell[], topN: number): AdditiveCell {
  let total = ZERO;
  let count = 0;
  for (const c of cells) {
    total = total.add(c.total);
    count += c.count;
  }
  return { count, total, top: largest(cells.flatMap((c) => c.top), topN) };
}

function largest(values: readonly Decimal[], n: number): Decimal[] {
  if (n === 0) return [];
  const top: Decimal[] = [];
  for (const v of values) {
    if (top.length === n && compareDecimals(v, top[n - 1]!) <= 0) continue;
    // Insert in descending order after any equal value (as a stable sort would), dropping the smallest when full.
    let i = Math.min(top.length, n - 1);
    for (; i > 0 && compareDecimals(v, top[i - 1]!) > 0; i--) top[i] = top[i - 1]!;
    top[i] = v;
  }
  return top;
}
