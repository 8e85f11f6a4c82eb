import type { Category } from '../activity/categories.js';
import { SOURCE_FAMILIES, type SourceFamily } from '../activity/sources.js';
import type { FactorSet } from '../factors/factor-set.js';
import type { CouncilSpendCategory } from '../factors/spend/schema.js';
import { dimensionOf, UNITS, type Unit } from '../units/units.js';
import type { ActivityField } from './headers.js';
import { familyChoices, type SourceChoice } from './source-labels.js';

/** A sheet of the baseline workbook: a group of reporting categories entered the same way. */
export interface CategoryGroup {
  readonly sheet: string;
  /** Other sheet names taken as this group (a council's own workbook). */
  readonly aliases: readonly string[];
  /** The first is used when a row's Category cell is blank. */
  readonly categories: readonly [Category, ...Category[]];
  readonly fields: readonly ActivityField[];
  readonly instructions: string;
}

const COMMON: readonly ActivityField[] = ['id', 'category', 'site', 'source', 'quantity', 'unit', 'dataQuality'];
const MARKET: readonly ActivityField[] = ['market', 'marketFactor', 'marketEvidence'];

/** The baseline workbook's activity sheets: each sheet's categories, columns and source choices. */
export const CATEGORY_GROUPS: readonly CategoryGroup[] = [
  {
    sheet: 'Buildings', aliases: ['energy', 'buildings energy', 'utilities', 'property'],
    categories: ['buildings', 'upstream-leased-assets', 'downstream-leased-assets'],
    fields: [...COMMON, ...MARKET, 'notes'],
    instructions: 'One row per meter or supply and fuel: gas, electricity, oil, biomass, heat. Leave Category blank for buildings in your own operation.',
  },
  {
    sheet: 'Street lighting', aliases: ['streetlighting', 'street lights', 'lighting'],
    categories: ['street-lighting'],
    fields: [...COMMON, ...MARKET, 'notes'],
    instructions: 'Electricity for street lights, including unmetered supplies charged on the lamp inventory.',
  },
  {
    sheet: 'Fleet', aliases: ['vehicles', 'transport', 'fleet fuel'],
    categories: ['fleet', 'outsourced-services'],
    fields: [...COMMON, ...MARKET, 'scope3Category', 'notes'],
    instructions: 'Fuel (litres) by fuel card, or distance by vehicle type. Leave Category blank for the council’s own fleet.',
  },
  {
    sheet: 'Refrigerants', aliases: ['fugitive', 'fugitive emissions', 'f-gas', 'f gas', 'refrigerant'],
    categories: ['fugitive-emissions'],
    fields: [...COMMON, 'notes'],
    instructions: 'Refrigerant or medical gas topped up (kg) from the F-gas log: choose the gas from the Source list.',
  },
  {
    sheet: 'Travel', aliases: ['business travel', 'staff travel', 'commuting'],
    categories: ['business-travel', 'employee-commuting'],
    fields: [...COMMON, 'notes'],
    instructions: 'Business travel (blank Category) and employee commuting and homeworking.',
  },
  {
    sheet: 'Waste and water', aliases: ['waste', 'water', 'waste & water'],
    categories: ['waste', 'water'],
    fields: [...COMMON, 'returnToSewer', 'notes'],
    instructions: 'Waste by material and route in tonnes; water supplied and treated in m3. Category: waste or water (left blank, it follows from the source).',
  },
  {
    sheet: 'Spend', aliases: ['procurement', 'purchased goods', 'scope 3 spend'],
    categories: ['purchased-goods-and-services', 'capital-goods', 'outsourced-services', 'investments'],
    fields: [...COMMON, 'priceYear', 'includesVatAt', 'supplier', 'supplierFactor', 'supplierEvidence', 'scope3Category', 'notes'],
    instructions: 'Spend (GBP, excluding VAT) by spend category from the Source list, or a SIC group typed as spend:sic-62, with the year of the prices; a supplier\u2019s own kgCO2e per £ with its evidence replaces the average.',
  },
];

/** The sheet a record is written to: spend on the Spend sheet (whose columns it needs), else its category's. */
export function groupOfRecord(category: Category, source: string): CategoryGroup {
  if (source.trim().toLowerCase().startsWith('spend:')) return CATEGORY_GROUPS.find((g) => g.sheet === 'Spend')!;
  return CATEGORY_GROUPS.find((g) => g.categories[0] === category) ?? CATEGORY_GROUPS.find((g) => g.categories.includes(category))!;
}

export function groupOfSheet(name: string): CategoryGroup | undefined {
  const n = name.trim().toLowerCase();
  return CATEGORY_GROUPS.find((g) => g.sheet.toLowerCase() === n || g.aliases.includes(n));
}

/** Categories that take a sheet's sources and not only its rows: a leased or outsourced category is the rows'. */
const BORROWED: ReadonlySet<Category> = new Set(['upstream-leased-assets', 'downstream-leased-assets', 'outsourced-services']);

/**
 * The families a sheet offers: those of its own categories (its first, and any not borrowed from another
 * sheet's sources), so Buildings lists fuels and heat, not the vehicles a leased or outsourced row may also use.
 */
export function sheetFamilies(group: CategoryGroup): SourceFamily[] {
  const own = group.categories.filter((c, i) => i === 0 || !BORROWED.has(c));
  return SOURCE_FAMILIES.filter((f) => f.kind !== 'desnz' && f.categories.some((c) => own.includes(c)));
}

/** The Source drop-down of a sheet: every labelled choice of its families, in catalogue order. */
export function sourceChoices(group: CategoryGroup, set: FactorSet, spendCategories: readonly CouncilSpendCategory[]): SourceChoice[] {
  return sheetFamilies(group).flatMap((f) => familyChoices(f, set, spendCategories));
}

/** Units a source may be given in on the sheet (less those its family refuses). */
export function unitsOf(family: SourceFamily): Unit[] {
  return UNITS.filter((u) => family.dimensions.includes(dimensionOf(u)) && !(family.refusedUnits?.units.includes(u) ?? false));
}

export function unitChoices(group: CategoryGroup): Unit[] {
  const allowed = new Set(sheetFamilies(group).flatMap(unitsOf));
  return UNITS.filter((u) => allowed.has(u));
}
