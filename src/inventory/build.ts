import { byCodePoint } from '../order.js';
import type { Category, Scope, Scope3Category } from '../activity/categories.js';
import { CATEGORY_IDS, SCOPES } from '../activity/categories.js';
import { DATA_QUALITY_TIERS, type DataQuality } from '../activity/record.js';
import type { EmissionLine, MemoLine } from '../calculate/line.js';
import { Decimal, ZERO } from '../decimal.js';
import type { InventoryTotals } from './types.js';

function addTo<K>(map: Map<K, Decimal>, key: K, value: Decimal): void {
  map.set(key, (map.get(key) ?? ZERO).add(value));
}

type Grouping = Pick<EmissionLine, 'scope' | 'dataQuality' | 'category' | 'site' | 'scope3Category'>;

interface Sums {
  readonly byScope: Map<Scope, Decimal>;
  readonly byDataQuality: Map<DataQuality, Decimal>;
  readonly byScope3Category: Map<Scope3Category, Decimal>;
  readonly byCategory: Map<Category, Decimal>;
  readonly bySite: Map<string, Decimal>;
}

function addToSums(sums: Sums, line: Grouping, value: Decimal): void {
  addTo(sums.byScope, line.scope, value);
  addTo(sums.byDataQuality, line.dataQuality, value);
  addTo(sums.byCategory, line.category, value);
  addTo(sums.bySite, line.site ?? '', value);
  if (line.scope3Category !== undefined) addTo(sums.byScope3Category, line.scope3Category, value);
}

/** The map under `key`, made if there is none. */
function within(level: Map<unknown, unknown>, key: unknown): Map<unknown, unknown> {
  let next = level.get(key) as Map<unknown, unknown> | undefined;
  if (next === undefined) level.set(key, (next = new Map()));
  return next;
}

interface Group {
  readonly line: Grouping;
  sum: Decimal;
}

/**
 * True when the lines' figures can be added in any order with the same result: every partial sum is a multiple
 * of the smallest last digit no larger than the sum of the magnitudes, so when that span fits the precision no
 * addition rounds. Then lines are first summed by the group they share all five totals with (one addition a
 * line instead of five: a 100,000-row baseline's totals otherwise allocated more than its import).
 */
function exactInAnyOrder(lines: readonly EmissionLine[]): boolean {
  let highest = Number.NEGATIVE_INFINITY;
  let lowest = Number.POSITIVE_INFINITY;
  for (const { kgCO2e } of lines) {
    if (!kgCO2e.isFinite()) return false;
    if (kgCO2e.isZero()) continue;
    highest = Math.max(highest, kgCO2e.e);
    lowest = Math.min(lowest, kgCO2e.e - kgCO2e.sd() + 1);
  }
  // Each |figure| < 10^(e + 1), so their sum < 10^(highest + 1 + digits of the count).
  return highest === Number.NEGATIVE_INFINITY || highest + 1 + String(lines.length).length - lowest + 1 <= Decimal.precision;
}

/**
 * Exact totals of emission lines. Scope 2 is location-based in `byScope` and `total`; the market-based
 * figure sits beside it (GHG Protocol dual reporting). Maps are in a fixed order (scope 3 category number,
 * the catalogue's category order, site name) so the same lines always give the same output.
 */
export function totalLines(lines: readonly EmissionLine[], memo: readonly MemoLine[]): InventoryTotals {
  const sums: Sums = {
    byScope: new Map<Scope, Decimal>(SCOPES.map((s) => [s, ZERO])),
    byDataQuality: new Map<DataQuality, Decimal>(DATA_QUALITY_TIERS.map((q) => [q, ZERO])),
    byScope3Category: new Map<Scope3Category, Decimal>(),
    byCategory: new Map<Category, Decimal>(),
    bySite: new Map<string, Decimal>(),
  };
  let scope2MarketBased = ZERO;
  if (exactInAnyOrder(lines)) {
    const groups: Group[] = [];
    // One map per part of the grouping rather than a key built for each line: nothing is allocated per line.
    const root = new Map<unknown, unknown>();
    for (const line of lines) {
      const level = within(within(within(within(root, line.site ?? ''), line.scope), line.scope3Category), line.category);
      const group = level.get(line.dataQuality) as Group | undefined;
      if (group === undefined) {
        const created = { line, sum: ZERO.add(line.kgCO2e) };
        level.set(line.dataQuality, created);
        groups.push(created);
      } else group.sum = group.sum.add(line.kgCO2e);
    }
    for (const { line, sum } of groups) addToSums(sums, line, sum);
  } else {
    for (const line of lines) addToSums(sums, line, line.kgCO2e);
  }
  for (const line of lines) if (line.market !== undefined) scope2MarketBased = scope2MarketBased.add(line.market.kgCO2e);
  const { byScope, byDataQuality, byScope3Category, byCategory, bySite } = sums;
  const scopes = Object.fromEntries(byScope) as Record<Scope, Decimal>;
  const total = scopes['scope-1'].add(scopes['scope-2']).add(scopes['scope-3']);
  return {
    total,
    totalMarketBased: total.sub(scopes['scope-2']).add(scope2MarketBased),
    byScope: scopes,
    scope2MarketBased,
    byScope3Category: new Map([...byScope3Category].sort(([a], [b]) => a - b)),
    byCategory: new Map(CATEGORY_IDS.filter((c) => byCategory.has(c)).map((c) => [c, byCategory.get(c)!])),
    bySite: new Map([...bySite].sort(([a], [b]) => byCodePoint(a, b))),
    byDataQuality: Object.fromEntries(byDataQuality) as Record<DataQuality, Decimal>,
    biogenicCO2: memo.filter((m) => m.kind === 'biogenic-co2').reduce((acc, m) => acc.add(m.value), new Decimal(0)),
  };
}
