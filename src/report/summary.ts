import { CATEGORIES, SCOPE3_CATEGORIES, SCOPE_LABELS, SCOPES, type Category, type Scope, type Scope3Category } from '../activity/categories.js';
import { DATA_QUALITY_TIERS, type DataQuality } from '../activity/record.js';
import type { MemoKind } from '../calculate/line.js';
import { sum, type Decimal } from '../decimal.js';
import type { Inventory } from '../inventory/types.js';

/**
 * What every report shows, derived once from an inventory so text, CSV, XLSX and HTML list the same rows in the
 * same order with the same labels. Figures stay exact kgCO2e; each renderer rounds at the last step.
 */
export interface FigureRow<K> {
  readonly key: K;
  readonly label: string;
  readonly kgCO2e: Decimal;
}

export interface ScopeRow {
  readonly scope: Scope;
  readonly label: string;
  readonly locationBased: Decimal;
  /** Equal to `locationBased` except for scope 2. */
  readonly marketBased: Decimal;
}

export interface MemoRow {
  readonly kind: MemoKind;
  readonly label: string;
  readonly unit: 'kgCO2e' | 'kWh';
  readonly value: Decimal;
  readonly count: number;
}

export interface ReportSummary {
  readonly councilName: string;
  /** "Example District Council: greenhouse-gas inventory 2023/24" */
  readonly title: string;
  readonly total: Decimal;
  readonly totalMarketBased: Decimal;
  readonly scopes: readonly ScopeRow[];
  /** Categories with emissions, in the order a council report lists them. */
  readonly categories: readonly FigureRow<Category>[];
  /** Scope 3 categories with emissions, 1 to 15. */
  readonly scope3Categories: readonly FigureRow<Scope3Category>[];
  /** Every tier, best first, zero where unused. */
  readonly dataQuality: readonly FigureRow<DataQuality>[];
  readonly sites: readonly FigureRow<string>[];
  readonly memo: readonly MemoRow[];
  readonly problems: { readonly errors: number; readonly warnings: number };
}

export const DATA_QUALITY_LABELS: Record<DataQuality, string> = {
  metered: 'Metered readings',
  invoiced: 'Invoices and bills',
  estimated: 'Estimates',
  'spend-based': 'Spend-based (£)',
};

export const MEMO_LABELS: Record<MemoKind, string> = {
  'biogenic-co2': 'Biogenic CO2 from bioenergy (outside of scopes)',
  'renewable-generation': 'Renewable electricity generated on site',
  removal: 'Removals (e.g. tree planting), not netted off',
  'flight-without-radiative-forcing': 'Flights without radiative forcing (for comparison)',
  'non-kyoto-gas': 'Non-Kyoto gases (e.g. CFC and HCFC refrigerants), outside the scopes',
  'spend-counted-as-activity': 'Spend on energy, fuel and water already counted from activity data (not added)',
};

export const NO_SITE_LABEL = '(no site given)';

export function scope3Label(category: Scope3Category): string {
  return `${category}. ${SCOPE3_CATEGORIES[category]}`;
}

export function councilName(inventory: Inventory): string {
  return inventory.council.name ?? 'Unnamed council';
}

export function summarise(inventory: Inventory): ReportSummary {
  const { totals } = inventory;
  const name = councilName(inventory);
  const memoKinds = [...new Set(inventory.memo.map((m) => m.kind))];
  return {
    councilName: name,
    title: `${name}: greenhouse-gas inventory${inventory.reportingYear === undefined ? '' : ` ${inventory.reportingYear}`}`,
    total: totals.total,
    totalMarketBased: totals.totalMarketBased,
    scopes: SCOPES.map((scope) => ({
      scope,
      label: SCOPE_LABELS[scope],
      locationBased: totals.byScope[scope],
      marketBased: scope === 'scope-2' ? totals.scope2MarketBased : totals.byScope[scope],
    })),
    categories: (Object.keys(CATEGORIES) as Category[])
      .filter((c) => totals.byCategory.has(c))
      .map((c) => ({ key: c, label: CATEGORIES[c], kgCO2e: totals.byCategory.get(c)! })),
    scope3Categories: [...totals.byScope3Category]
      .sort(([a], [b]) => a - b)
      .map(([c, kg]) => ({ key: c, label: scope3Label(c), kgCO2e: kg })),
    dataQuality: DATA_QUALITY_TIERS.map((q) => ({ key: q, label: DATA_QUALITY_LABELS[q], kgCO2e: totals.byDataQuality[q] })),
    sites: [...totals.bySite]
      .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'en-GB')))
      .map(([site, kg]) => ({ key: site, label: site === '' ? NO_SITE_LABEL : site, kgCO2e: kg })),
    memo: memoKinds.map((kind) => {
      const items = inventory.memo.filter((m) => m.kind === kind);
      return { kind, label: MEMO_LABELS[kind], unit: items[0]!.unit, value: sum(items.map((m) => m.value)), count: items.length };
    }),
    problems: {
      errors: inventory.problems.filter((p) => p.severity === 'error').length,
      warnings: inventory.problems.filter((p) => p.severity === 'warning').length,
    },
  };
}

/** Rows largest first (ties keep their order), as a sorted bar chart shows them. */
export function largestFirst<K>(rows: readonly FigureRow<K>[]): FigureRow<K>[] {
  return [...rows].sort((a, b) => b.kgCO2e.comparedTo(a.kgCO2e));
}
