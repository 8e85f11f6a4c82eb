/**
 * How councils report: a reporting category (the line in a council's carbon report) and, for every emission,
 * its GHG Protocol scope and, in scope 3, its category (Corporate Value Chain Standard, categories 1–15).
 */
export const SCOPES = ['scope-1', 'scope-2', 'scope-3'] as const;
/** A GHG Protocol scope: `scope-1`, `scope-2` or `scope-3`. */
export type Scope = (typeof SCOPES)[number];

/** Each scope as a report heads it ("Scope 1"). */
export const SCOPE_LABELS: Record<Scope, string> = { 'scope-1': 'Scope 1', 'scope-2': 'Scope 2', 'scope-3': 'Scope 3' };

/** The GHG Protocol's fifteen scope 3 categories by number, with their names. */
export const SCOPE3_CATEGORIES = {
  1: 'Purchased goods and services',
  2: 'Capital goods',
  3: 'Fuel- and energy-related activities',
  4: 'Upstream transportation and distribution',
  5: 'Waste generated in operations',
  6: 'Business travel',
  7: 'Employee commuting',
  8: 'Upstream leased assets',
  9: 'Downstream transportation and distribution',
  10: 'Processing of sold products',
  11: 'Use of sold products',
  12: 'End-of-life treatment of sold products',
  13: 'Downstream leased assets',
  14: 'Franchises',
  15: 'Investments',
} as const;
/** A scope 3 category number, 1 to 15. */
export type Scope3Category = keyof typeof SCOPE3_CATEGORIES;

/** The council's own reporting lines, in the order a report lists them. */
export const CATEGORIES = {
  buildings: 'Buildings (fuel, electricity and heat)',
  'street-lighting': 'Street lighting',
  fleet: 'Owned and leased fleet',
  'fugitive-emissions': 'Refrigerant and medical gas losses',
  'business-travel': 'Business travel',
  'employee-commuting': 'Employee commuting and homeworking',
  waste: 'Waste',
  water: 'Water supply and treatment',
  'purchased-goods-and-services': 'Purchased goods and services (spend)',
  'capital-goods': 'Capital goods (spend)',
  'upstream-leased-assets': 'Upstream leased assets',
  'downstream-leased-assets': 'Downstream leased assets (e.g. schools on the council contract)',
  'outsourced-services': 'Outsourced services (e.g. contractor fleet)',
  investments: 'Investments (e.g. pension fund financed emissions), reported apart',
} as const;

/** Reported beside the inventory as scope 3 category 15, never in its operational totals. */
export const APART_FROM_TOTALS: ReadonlySet<Category> = new Set(['investments']);
/** An inventory category id (`buildings`, `fleet`, `business-travel` …), a key of `CATEGORIES`. */
export type Category = keyof typeof CATEGORIES;
/** Every category id, in the order reports list them. */
export const CATEGORY_IDS = Object.keys(CATEGORIES) as Category[];
