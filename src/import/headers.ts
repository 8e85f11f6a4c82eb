import type { Unit } from '../units/units.js';
import { readUnit } from '../units/unit-text.js';

/** The columns of an activity table, in the order the template and the long CSV write them. */
export const ACTIVITY_FIELDS = [
  'id', 'category', 'site', 'source', 'vehicleFuel', 'quantity', 'unit', 'priceYear', 'reportingYear', 'date', 'dataQuality',
  'market', 'marketFactor', 'marketEvidence', 'supplier', 'supplierFactor', 'supplierEvidence', 'includesVatAt', 'returnToSewer', 'scope3Category', 'notes',
] as const;
/** One of `ACTIVITY_FIELDS`: a column an activity sheet or CSV may have. */
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];

/** The header the template writes for each field, then the other ways councils head the same column. */
export const FIELD_HEADERS: Record<ActivityField, readonly [string, ...string[]]> = {
  id: ['Reference', 'ref', 'id', 'record id', 'record reference', 'line id'],
  category: ['Category', 'reporting category', 'emission category', 'emissions category', 'category id'],
  site: ['Site', 'site name', 'building', 'building name', 'location', 'property', 'premises', 'asset'],
  source: ['Source', 'emission source', 'activity', 'fuel', 'fuel type', 'energy type', 'type', 'source id', 'utility'],
  // The template's vehicle sheets: the fuel of the vehicle chosen in Source (a plain "Fuel" column is the source).
  vehicleFuel: ['Vehicle fuel', 'fuel of vehicle', 'vehicle fuel type'],
  quantity: ['Quantity', 'qty', 'amount', 'consumption', 'usage', 'use', 'value', 'total consumption', 'annual consumption', 'spend', 'distance', 'mileage', 'weight'],
  unit: ['Unit', 'units', 'uom', 'unit of measure', 'unit of measurement', 'measure'],
  priceYear: ['Price year', 'prices year', 'price base year', 'year of prices'],
  reportingYear: ['Financial year', 'reporting year', 'fy', 'year', 'period'],
  date: ['Date', 'invoice date', 'bill date', 'period end', 'period end date', 'reading date', 'transaction date', 'payment date'],
  dataQuality: ['Data quality', 'quality', 'data source', 'basis', 'estimate or actual', 'actual or estimate', 'data type'],
  market: ['Market instrument', 'market basis', 'tariff', 'contractual instrument'],
  marketFactor: ['Supplier factor (kgCO2e/kWh)', 'supplier factor', 'supplier kgco2e per kwh', 'supplier emission factor'],
  marketEvidence: ['Evidence or supplier', 'evidence', 'rego evidence', 'fuel mix disclosure'],
  supplier: ['Supplier', 'supplier name', 'contractor', 'contract'],
  // GBP rather than £ in the header a CSV carries: LibreOffice opens a CSV as Latin-1 unless told, and £ would not survive.
  supplierFactor: ['Supplier factor (kgCO2e/GBP)', 'supplier factor (kgco2e/£)', 'supplier kgco2e per £', 'supplier kgco2e per gbp'],
  supplierEvidence: ['Supplier evidence', 'supplier factor evidence', 'evidence of supplier factor'],
  includesVatAt: ['VAT included (%)', 'vat included', 'vat rate included', 'includes vat at'],
  returnToSewer: ['Return to sewer (%)', 'return to sewer', 'returned to sewer', 'returned to sewer (%)', 'return to sewer %', 'sewer return', 'sewerage return', 'percentage returned to sewer'],
  scope3Category: ['Scope 3 category', 'ghg protocol category', 'scope 3 cat'],
  notes: ['Notes', 'note', 'comments', 'comment', 'description', 'remarks'],
};

export function normaliseHeader(text: string): string {
  return text.toLowerCase().replace(/[_\s]+/g, ' ').replace(/[:*]/g, '').trim();
}

const fieldBySynonym = new Map<string, ActivityField>(
  ACTIVITY_FIELDS.flatMap((f) => FIELD_HEADERS[f].map((h) => [normaliseHeader(h), f] as const)),
);

export interface HeaderReading {
  /** What the header names, before any unit in brackets: "Gas (kWh)" → "gas". */
  readonly name: string;
  /** A unit written in the header: "Gas (kWh)", "Consumption [litres]", "Spend £". */
  readonly unit?: Unit;
  readonly field?: ActivityField;
}

/** Reads a header cell: its field (by synonym), and any unit it carries. */
export function readHeader(text: string): HeaderReading {
  const whole = normaliseHeader(text);
  const exact = fieldBySynonym.get(whole);
  if (exact !== undefined) return { name: whole, field: exact };
  const bracket = /^(.*?)\s*[([]\s*([^)\]]+?)\s*[)\]]$/.exec(whole) ?? /^(.*?)\s*(?:in|,|-)\s+(\S+)$/.exec(whole) ?? /^(.*?)\s*(£)$/.exec(whole);
  if (bracket !== null) {
    const unit = readUnit(bracket[2]!);
    const name = bracket[1]!.trim();
    if (unit !== undefined) {
      const field = fieldBySynonym.get(name);
      return { name, unit, ...(field !== undefined ? { field } : {}) };
    }
  }
  return { name: whole };
}
