import type { Decimal } from '../decimal.js';
import type { BaseGroupResult, CohortResult } from './aggregate.js';
import { compareDecimals } from './decimal-order.js';
import type { MetricId } from './metrics.js';
import { quartileWindow, type QuartileName } from './quantiles.js';

/** The figures of a cohort the ledger records with the councils behind them. */
export const STATISTICS = ['count', 'lowerQuartile', 'median', 'upperQuartile', 'total'] as const;
export type Statistic = (typeof STATISTICS)[number];

/** Each member's value for a metric, worked out once per base group (a quotient is divided out each time it is asked for). */
const valuesByGroup = new WeakMap<BaseGroupResult, Map<MetricId, (Decimal | undefined)[]>>();
export function memberValues(g: BaseGroupResult, metric: MetricId): (Decimal | undefined)[] {
  let byMetric = valuesByGroup.get(g);
  if (byMetric === undefined) valuesByGroup.set(g, (byMetric = new Map()));
  let values = byMetric.get(metric);
  if (values === undefined) byMetric.set(metric, (values = g.members.map((m) => m.values.get(metric))));
  return values;
}

/** The members with a value for the metric (indices into the base group's), ascending by value, ties in member order: the order figures.ts sorts them in. */
export function ascendingMembers(g: BaseGroupResult, members: readonly number[], metric: MetricId): number[] {
  const values = memberValues(g, metric);
  return members.filter((i) => values[i] !== undefined).sort((a, b) => compareDecimals(values[a]!, values[b]!) || a - b);
}

export const codeOf = (g: BaseGroupResult, member: number): string => g.members[member]!.submission.profile.onsCode;

/** The councils behind each statistic of one metric in one cohort: those counted and summed, and each quartile's window. */
export function contributors(g: BaseGroupResult, c: CohortResult, metric: MetricId, k: number): Record<Statistic, string[]> {
  const codes = ascendingMembers(g, c.members, metric).map((i) => codeOf(g, i));
  const window = (name: QuartileName) => {
    if (codes.length < k) return [];
    const start = quartileWindow(codes.length, name, k);
    return codes.slice(start, start + k);
  };
  return { count: codes, total: codes, lowerQuartile: window('lowerQuartile'), median: window('median'), upperQuartile: window('upperQuartile') };
}
