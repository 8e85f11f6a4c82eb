import { CATEGORIES } from '../activity/categories.js';
import type { EmissionLine } from '../calculate/line.js';
import type { Decimal } from '../decimal.js';
import { formatOrigin } from '../problem.js';
import { tonnes } from './format.js';

/**
 * The columns of the every-line table, shared by the CSV and XLSX exports so both carry the same provenance: the
 * record and where it was read, the quantity in the factor's unit, the factor and the published row it came from.
 * `text` cells may hold input text and are neutralised by the writer; `number` cells are exact Decimals.
 */
export type LineCell = { readonly text: string } | { readonly number: Decimal } | undefined;

/** The unit of an emission column, so a writer that must round (XLSX) knows which rule applies. */
export type EmissionUnit = 'kgCO2e' | 'tCO2e';

export interface LineColumn {
  readonly header: string;
  /** Width in characters for the XLSX sheet. */
  readonly width: number;
  readonly unit?: EmissionUnit;
  readonly cell: (line: EmissionLine) => LineCell;
}

const text = (value: string | number | undefined): LineCell => (value === undefined ? undefined : { text: String(value) });
const num = (value: Decimal | undefined): LineCell => (value === undefined ? undefined : { number: value });

export const LINE_COLUMNS: readonly LineColumn[] = [
  { header: 'record_id', width: 12, cell: (l) => text(l.recordId) },
  { header: 'role', width: 14, cell: (l) => text(l.role) },
  { header: 'category', width: 18, cell: (l) => text(l.category) },
  { header: 'category_label', width: 34, cell: (l) => text(CATEGORIES[l.category]) },
  { header: 'scope', width: 8, cell: (l) => text(l.scope) },
  { header: 'scope3_category', width: 8, cell: (l) => text(l.scope3Category) },
  { header: 'site', width: 24, cell: (l) => text(l.site) },
  { header: 'data_quality', width: 12, cell: (l) => text(l.dataQuality) },
  { header: 'method', width: 16, cell: (l) => text(l.method) },
  { header: 'source', width: 28, cell: (l) => text(l.record.source) },
  { header: 'entered_quantity', width: 14, cell: (l) => num(l.record.quantity) },
  { header: 'entered_unit', width: 10, cell: (l) => text(l.record.unit) },
  { header: 'quantity', width: 14, cell: (l) => num(l.quantity.value) },
  { header: 'quantity_uom', width: 14, cell: (l) => text(l.quantity.uom) },
  { header: 'factor_key', width: 40, cell: (l) => text(l.factor.key) },
  { header: 'factor_path', width: 40, cell: (l) => text(l.factor.path) },
  { header: 'factor_uom', width: 14, cell: (l) => text(l.factor.uom) },
  { header: 'kgCO2e_per_unit', width: 14, cell: (l) => num(l.factor.kgCO2ePerUnit) },
  { header: 'factor_set', width: 14, cell: (l) => text(l.factor.setId) },
  { header: 'factor_source_file', width: 30, cell: (l) => text(l.factor.sourceFile) },
  { header: 'factor_source_row', width: 10, cell: (l) => text(l.factor.sourceRow) },
  { header: 'factor_source_id', width: 12, cell: (l) => text(l.factor.sourceId) },
  { header: 'kgCO2e', width: 14, unit: 'kgCO2e', cell: (l) => num(l.kgCO2e) },
  { header: 'tCO2e', width: 12, unit: 'tCO2e', cell: (l) => num(tonnes(l.kgCO2e)) },
  { header: 'CO2_kgCO2e', width: 12, unit: 'kgCO2e', cell: (l) => num(l.byGas.CO2) },
  { header: 'CH4_kgCO2e', width: 12, unit: 'kgCO2e', cell: (l) => num(l.byGas.CH4) },
  { header: 'N2O_kgCO2e', width: 12, unit: 'kgCO2e', cell: (l) => num(l.byGas.N2O) },
  { header: 'spend_category', width: 24, cell: (l) => text(l.spend?.category) },
  { header: 'sic_group', width: 10, cell: (l) => text(l.spend?.code) },
  { header: 'spend_gbp_excl_vat', width: 14, cell: (l) => num(l.spend?.amount) },
  { header: 'spend_price_year', width: 10, cell: (l) => text(l.spend?.priceYear) },
  { header: 'multiplier_year', width: 10, cell: (l) => text(l.spend?.column) },
  { header: 'price_adjustment', width: 14, cell: (l) => text(l.spend === undefined ? undefined : l.spend.adjustment + (l.spend.priceIndex === undefined ? '' : ` (${l.spend.priceIndex})`)) },
  { header: 'supplier', width: 24, cell: (l) => text(l.spend?.supplier) },
  { header: 'supplier_evidence', width: 24, cell: (l) => text(l.spend?.evidence) },
  { header: 'market_based_kgCO2e', width: 14, unit: 'kgCO2e', cell: (l) => num(l.market?.kgCO2e) },
  { header: 'market_basis', width: 24, cell: (l) => text(l.market?.basis) },
  { header: 'origin', width: 30, cell: (l) => text(formatOrigin(l.record.origin)) },
  { header: 'notes', width: 30, cell: (l) => text(l.record.notes) },
];
