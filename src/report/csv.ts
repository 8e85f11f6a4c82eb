import Papa from 'papaparse';
import { CATEGORIES, SCOPE_LABELS } from '../activity/categories.js';
import type { Decimal } from '../decimal.js';
import type { ChangeRow, InventoryComparison } from '../inventory/compare.js';
import type { Inventory } from '../inventory/types.js';
import { tonnes } from './format.js';
import { LINE_COLUMNS } from './line-columns.js';
import { neutraliseCell } from './spreadsheet-safety.js';
import { summarise } from './summary.js';

/** Which CSV table: every emission line, or the summary by scope and category. */
export type CsvTable = 'lines' | 'summary';

/**
 * CSV for finance systems and CDP-ICLEI returns: `lines` has one row per emission line with its factor and source;
 * `summary` has one row per total (scope, category, scope 3 category, data quality, site, method, procurement
 * category and supplier with its £, memo item). Figures are
 * exact (kgCO2e, and tCO2e = kgCO2e / 1000 exactly); text is neutralised so no cell can run as a formula. A UTF-8
 * byte-order mark makes Excel read "£" and "–" correctly.
 */
export interface CsvReportOptions {
  /**
   * The year-on-year change from `compareInventories(previous, inventory)`: the summary table then has, for the
   * total, each scope and each category, the change and its parts (sections `change`, `change-activity`,
   * `change-factor`, `change-method`, `change-not-comparable`; the parts of a key sum to its change exactly).
   */
  readonly comparison?: InventoryComparison;
}

/** An inventory as CSV text (UTF-8, one table), for a spreadsheet or another tool. */
export function renderCsv(inventory: Inventory, table: CsvTable = 'lines', options: CsvReportOptions = {}): string {
  const { fields, rows } = table === 'lines' ? lineTable(inventory) : summaryTable(inventory, options.comparison);
  return '\uFEFF' + Papa.unparse({ fields, data: rows }, { newline: '\r\n' }) + '\r\n';
}

type Row = string[];

function lineTable(inventory: Inventory): { fields: string[]; rows: Row[] } {
  return {
    fields: LINE_COLUMNS.map((c) => c.header),
    rows: inventory.lines.map((line) =>
      LINE_COLUMNS.map((c) => {
        const cell = c.cell(line);
        return cell === undefined ? '' : 'number' in cell ? cell.number.toFixed() : neutraliseCell(cell.text);
      }),
    ),
  };
}

function summaryTable(inventory: Inventory, comparison: InventoryComparison | undefined): { fields: string[]; rows: Row[] } {
  const s = summarise(inventory);
  const rows: Row[] = [];
  const add = (section: string, key: string, label: string, kgCO2e: Decimal) =>
    rows.push([section, neutraliseCell(key), neutraliseCell(label), kgCO2e.toFixed(), tonnes(kgCO2e).toFixed(), '', '']);
  add('total', 'location-based', 'Total (scope 2 location-based)', s.total);
  add('total', 'market-based', 'Total (scope 2 market-based)', s.totalMarketBased);
  for (const r of s.scopes) add('scope', r.scope, r.label, r.locationBased);
  // Its own section: every section but this one sums to the location-based total.
  add('scope-2-market-based', 'scope-2', 'Scope 2 (market-based)', s.scopes[1]!.marketBased);
  for (const r of s.categories) add('category', r.key, r.label, r.kgCO2e);
  for (const r of s.scope3Categories) add('scope3-category', String(r.key), r.label, r.kgCO2e);
  for (const r of s.dataQuality) add('data-quality', r.key, r.label, r.kgCO2e);
  for (const r of s.sites) add('site', r.key, r.label, r.kgCO2e);
  for (const r of s.methods) add('method', r.key, r.label, r.kgCO2e);
  // Spend lines only: the £ in the last column is what they cost, so this section sums to the procurement part.
  for (const r of s.procurement.categories) rows.push(['procurement-category', neutraliseCell(r.key), neutraliseCell(r.label), r.kgCO2e.toFixed(), tonnes(r.kgCO2e).toFixed(), '', r.pounds.toFixed()]);
  for (const r of s.procurement.suppliers) rows.push(['supplier-specific', neutraliseCell(r.key), neutraliseCell(r.label), r.kgCO2e.toFixed(), tonnes(r.kgCO2e).toFixed(), '', r.pounds.toFixed()]);
  for (const m of s.memo) {
    if (m.unit === 'kWh') rows.push(['memo', m.kind, m.label, '', '', m.value.toFixed(), '']);
    else add('memo', m.kind, m.label, m.value);
  }
  if (comparison !== undefined) {
    const changes: [string, string, ChangeRow<unknown>][] = [
      ['total', 'Total', comparison.total],
      ...comparison.byScope.map((r) => [r.key, SCOPE_LABELS[r.key], r] as [string, string, ChangeRow<unknown>]),
      ...comparison.byCategory.map((r) => [r.key, CATEGORIES[r.key], r] as [string, string, ChangeRow<unknown>]),
    ];
    const parts = [
      ['change', (r: ChangeRow<unknown>) => r.change],
      ['change-activity', (r: ChangeRow<unknown>) => r.activityEffect],
      ['change-factor', (r: ChangeRow<unknown>) => r.factorEffect],
      ['change-method', (r: ChangeRow<unknown>) => r.methodEffect],
      ['change-not-comparable', (r: ChangeRow<unknown>) => r.notComparable],
    ] as const;
    for (const [section, part] of parts) for (const [key, label, r] of changes) add(section, key, label, part(r));
  }
  return { fields: ['section', 'key', 'label', 'kgCO2e', 'tCO2e', 'kWh', 'GBP'], rows };
}
