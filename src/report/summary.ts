import { CATEGORIES, SCOPE3_CATEGORIES, SCOPE_LABELS, SCOPES, type Category, type Scope, type Scope3Category } from '../activity/categories.js';
import { DATA_QUALITY_TIERS, type DataQuality } from '../activity/record.js';
import { METHODS, type MemoKind, type Method } from '../calculate/line.js';
import { Decimal, sum } from '../decimal.js';
import { byCodePoint } from '../order.js';
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
  /** Every method, zero where unused: how much of the total rests on activity data, suppliers' figures or spend. */
  readonly methods: readonly FigureRow<Method>[];
  readonly procurement: ProcurementSummary;
  readonly problems: { readonly errors: number; readonly warnings: number };
}

/** Spend lines (spend-based and supplier-specific) by what was bought, and suppliers whose own figures were used. */
export interface ProcurementSummary {
  /** £ costed (excluding VAT, in the prices of each line's year), and the emissions they gave. */
  readonly pounds: Decimal;
  readonly kgCO2e: Decimal;
  /** Largest first: by council spend category where the record named one, else by SIC group. */
  readonly categories: readonly (FigureRow<string> & { readonly pounds: Decimal })[];
  readonly suppliers: readonly (FigureRow<string> & { readonly pounds: Decimal })[];
  /** Lines whose £ were stated to include VAT (removed before costing), and lines costed without a price index. */
  readonly vatRemoved: number;
  readonly unadjusted: number;
}

export const METHOD_LABELS: Record<Method, string> = {
  'activity-based': 'Activity data (kWh, litres, km, tonnes …) × published factor',
  'supplier-specific': 'Suppliers’ own figures for the council’s contracts',
  'spend-based': 'Spend (£) × average factor for the product group (estimate)',
};

function procurementOf(lines: Inventory['lines']): ProcurementSummary {
  const byCategory = new Map<string, { label: string; kg: Decimal; pounds: Decimal }>();
  const bySupplier = new Map<string, { kg: Decimal; pounds: Decimal }>();
  let pounds = new Decimal(0);
  let kg = new Decimal(0);
  let vatRemoved = 0;
  let unadjusted = 0;
  for (const line of lines) {
    const spend = line.spend;
    if (spend === undefined) continue;
    pounds = pounds.add(spend.amount);
    kg = kg.add(line.kgCO2e);
    if (line.record.includesVatAt !== undefined) vatRemoved++;
    if (spend.adjustment === 'unadjusted') unadjusted++;
    const key = spend.category ?? spend.group;
    const label = spend.categoryLabel !== undefined ? `${spend.categoryLabel} (SIC ${spend.code})` : `SIC ${spend.code} ${spend.title}`;
    const c = byCategory.get(key) ?? { label, kg: new Decimal(0), pounds: new Decimal(0) };
    byCategory.set(key, { label, kg: c.kg.add(line.kgCO2e), pounds: c.pounds.add(spend.amount) });
    if (spend.supplier !== undefined) {
      const s = bySupplier.get(spend.supplier) ?? { kg: new Decimal(0), pounds: new Decimal(0) };
      bySupplier.set(spend.supplier, { kg: s.kg.add(line.kgCO2e), pounds: s.pounds.add(spend.amount) });
    }
  }
  const largest = <T extends { kgCO2e: Decimal; key: string }>(rows: T[]) => rows.sort((a, b) => b.kgCO2e.comparedTo(a.kgCO2e) || byCodePoint(a.key, b.key));
  return {
    pounds, kgCO2e: kg, vatRemoved, unadjusted,
    categories: largest([...byCategory].map(([key, c]) => ({ key, label: c.label, kgCO2e: c.kg, pounds: c.pounds }))),
    suppliers: largest([...bySupplier].map(([key, c]) => ({ key, label: key, kgCO2e: c.kg, pounds: c.pounds }))),
  };
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
  'financed-emissions': 'Investments: financed emissions (scope 3 category 15), apart from operational totals',
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
    methods: METHODS.map((m) => ({ key: m, label: METHOD_LABELS[m], kgCO2e: sum(inventory.lines.filter((l) => l.method === m).map((l) => l.kgCO2e)) })),
    procurement: procurementOf(inventory.lines),
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
