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

/**
 * Exact totals of emission lines. Scope 2 is location-based in `byScope` and `total`; the market-based
 * figure sits beside it (GHG Protocol dual reporting). Maps are in a fixed order (scope 3 category number,
 * the catalogue's category order, site name) so the same lines always give the same output.
 */
export function totalLines(lines: readonly EmissionLine[], memo: readonly MemoLine[]): InventoryTotals {
  const byScope = new Map<Scope, Decimal>(SCOPES.map((s) => [s, ZERO]));
  const byDataQuality = new Map<DataQuality, Decimal>(DATA_QUALITY_TIERS.map((q) => [q, ZERO]));
  const byScope3Category = new Map<Scope3Category, Decimal>();
  const byCategory = new Map<Category, Decimal>();
  const bySite = new Map<string, Decimal>();
  let scope2MarketBased = ZERO;
  for (const line of lines) {
    addTo(byScope, line.scope, line.kgCO2e);
    addTo(byDataQuality, line.dataQuality, line.kgCO2e);
    addTo(byCategory, line.category, line.kgCO2e);
    addTo(bySite, line.site ?? '', line.kgCO2e);
    if (line.scope3Category !== undefined) addTo(byScope3Category, line.scope3Category, line.kgCO2e);
    if (line.market !== undefined) scope2MarketBased = scope2MarketBased.add(line.market.kgCO2e);
  }
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
