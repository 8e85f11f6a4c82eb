import type { Category } from '../activity/categories.js';
import { isFreeText, SOURCE_FAMILIES } from '../activity/sources.js';
import { bundledSpendCategories } from '../factors/spend/bundled.js';
import { dimensionOf, UNITS, type Unit } from '../units/units.js';
import type { ActivityField } from './headers.js';

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
    instructions: 'Refrigerant topped up (kg) from the F-gas log, e.g. refrigerant:r410a.',
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
    fields: [...COMMON, 'notes'],
    instructions: 'Waste by material and route in tonnes; water supplied and treated in m3. Category: waste or water (left blank, it follows from the source).',
  },
  {
    sheet: 'Spend', aliases: ['procurement', 'purchased goods', 'scope 3 spend'],
    categories: ['purchased-goods-and-services', 'capital-goods', 'outsourced-services', 'investments'],
    fields: [...COMMON, 'priceYear', 'includesVatAt', 'supplier', 'supplierFactor', 'supplierEvidence', 'scope3Category', 'notes'],
    instructions: 'Spend (GBP, excluding VAT) by spend category (spend:legal-services) or SIC group (spend:sic-62), with the year of the prices; a supplier\u2019s own kgCO2e per £ with its evidence replaces the average.',
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

/**
 * Sources for a group's drop-down: every catalogue id whose options are a fixed list (so "car:medium:diesel"),
 * and the family followed by ":" where an option is free text (waste material, refrigerant, hotel country).
 */
export function sourceChoices(group: CategoryGroup): string[] {
  const ids: string[] = [];
  for (const family of SOURCE_FAMILIES) {
    if (family.kind === 'desnz' || !family.categories.some((c) => group.categories.includes(c))) continue;
    // Spend lists the council categories it can be costed as; a SIC group (spend:sic-62) is typed in full.
    if (family.kind === 'spend') {
      ids.push(...bundledSpendCategories().map((c) => `spend:${c.category}`), 'spend:');
      continue;
    }
    let combos: string[] = [family.family];
    for (const option of family.options) {
      // A free-text option ends the list at "family:" for the council to complete.
      if (isFreeText(option)) {
        combos = combos.map((c) => `${c}:`);
        break;
      }
      combos = combos.flatMap((c) => option.map((o) => `${c}:${o}`));
    }
    ids.push(...combos);
  }
  return [...new Set(ids)];
}

export function unitChoices(group: CategoryGroup): Unit[] {
  const dims = new Set(SOURCE_FAMILIES.filter((f) => f.kind !== 'desnz' && f.categories.some((c) => group.categories.includes(c))).flatMap((f) => f.dimensions));
  return UNITS.filter((u) => dims.has(dimensionOf(u)));
}
