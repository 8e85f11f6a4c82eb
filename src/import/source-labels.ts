import { isFreeText, SOURCE_FAMILIES, WASTE_ROUTES, type SourceFamily } from '../activity/sources.js';
import type { Factor, FactorSet } from '../factors/factor-set.js';
import { slug } from '../factors/key.js';
import { factorLibraryFor } from '../factors/default-library.js';
import type { CouncilSpendCategory } from '../factors/spend/schema.js';

/**
 * People-readable names for source ids, as the template's drop-downs show them ("HGV – articulated >33 t – 50%
 * laden" for hgv:artic-over-33t:50), and the way back. A label is the family's name and each option's name joined
 * by an en dash; free-text options (waste material, refrigerant, hotel country, spend category) are named as the
 * factor set or the spend category table names them, so the label is read back by rule, without the factor set.
 */
export const LABEL_SEPARATOR = ' \u2013 ';

/** A choice for a Source drop-down: the id the library costs and the label the officer sees. */
export interface SourceChoice {
  readonly source: string;
  readonly label: string;
  readonly family: SourceFamily;
}

/** Names of fixed option values where the id alone reads poorly; any other value is its id with spaces. */
const OPTION_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  car: { average: 'average size', 'plug-in-hybrid': 'plug-in hybrid', cng: 'CNG', lpg: 'LPG', unknown: 'unknown fuel' },
  van: { 'class-i': 'class I (up to 1.305 t)', 'class-ii': 'class II (1.305 to 1.74 t)', 'class-iii': 'class III (1.74 to 3.5 t)', average: 'average size', cng: 'CNG', lpg: 'LPG', unknown: 'unknown fuel' },
  hgv: {
    'rigid-3.5-7.5t': 'rigid 3.5 to 7.5 t', 'rigid-7.5-17t': 'rigid 7.5 to 17 t', 'rigid-over-17t': 'rigid >17 t', 'all-rigids': 'all rigids',
    'artic-3.5-33t': 'articulated 3.5 to 33 t', 'artic-over-33t': 'articulated >33 t', 'all-artics': 'all articulated', 'all-hgvs': 'all HGVs',
    '0': '0% laden (empty)', '50': '50% laden', '100': '100% laden (full)', average: 'average laden',
  },
  motorbike: { average: 'average size' },
  flight: { domestic: 'domestic (within the UK)', 'short-haul': 'short-haul (to Europe)', 'long-haul': 'long-haul (beyond Europe)', international: 'international (outside the UK)', average: 'average class', 'premium-economy': 'premium economy' },
  rail: { national: 'national rail', international: 'international rail (Eurostar)', underground: 'London Underground' },
  bus: { 'average-local': 'average local bus', 'local-london': 'local bus in London', 'local-not-london': 'local bus outside London' },
  taxi: { regular: 'regular taxi', 'black-cab': 'black cab' },
  waste: { 'open-loop': 'open-loop recycling', 'closed-loop': 'closed-loop recycling' },
};

const optionName = (family: string, value: string): string => OPTION_NAMES[family]?.[value] ?? value.replace(/-/g, ' ');

/** A family's name in a label: its catalogue label up to " by " or "(" ("Car by size and fuel" → "Car"). */
const familyName = (family: SourceFamily): string => (family.options.length === 0 ? family.label : family.label.split(/ by | \(/)[0]!.trim());

const familyByName = new Map(SOURCE_FAMILIES.map((f) => [familyName(f).toLowerCase(), f]));
const optionByName = new Map(SOURCE_FAMILIES.map((f) => [f.family, f.options.map((o) => (isFreeText(o) ? undefined : new Map(o.map((v) => [optionName(f.family, v).toLowerCase(), v]))))]));

const labelOf = (family: SourceFamily, names: readonly string[]) => [familyName(family), ...names].join(LABEL_SEPARATOR);

/**
 * The source id a label names, or undefined when the text is no label. Any case; a free-text part is read as
 * the factor set's name of it (slugged as the factor keys are), a spend category by its label in the table.
 */
export function sourceFromLabel(text: string): string | undefined {
  const parts = text.trim().split(/\s+\u2013\s+/);
  const family = familyByName.get(parts[0]!.toLowerCase().replace(/\s+/g, ' '));
  if (family === undefined || parts.length !== family.options.length + 1) return undefined;
  const values: string[] = [];
  for (const [i, option] of family.options.entries()) {
    const part = parts[i + 1]!;
    const value = isFreeText(option) ? (family.kind === 'spend' ? spendCategoryId(part) : slug(part)) : optionByName.get(family.family)![i]!.get(part.toLowerCase().replace(/\s+/g, ' '));
    if (value === undefined || value === '') return undefined;
    values.push(value);
  }
  return [family.family, ...values].join(':');
}

let spendIds: { readonly from: readonly CouncilSpendCategory[]; readonly ids: ReadonlyMap<string, string> } | undefined;

/**
 * A spend category's id from its label, in the default factor library's table. Without one (the portable core
 * alone), the label's slug is kept: costing finds a category by its label too, ignoring case and punctuation.
 */
function spendCategoryId(label: string): string {
  const categories = factorLibraryFor({})?.spendCategories() ?? [];
  if (spendIds?.from !== categories) spendIds = { from: categories, ids: new Map(categories.map((c) => [slug(c.label), c.category])) };
  return spendIds.ids.get(slug(label)) ?? slug(label);
}

/**
 * Every choice of a family with a label: each combination of fixed options, and free-text options as the factor
 * set publishes them (every waste material × route, every refrigerant, every hotel country) or the spend
 * category table lists them. A family whose free text has no such list (reported emissions, a DESNZ path) has none.
 */
export function familyChoices(family: SourceFamily, set: FactorSet, spendCategories: readonly CouncilSpendCategory[]): SourceChoice[] {
  const choice = (values: readonly string[], names: readonly string[]): SourceChoice => ({ source: [family.family, ...values].join(':'), label: labelOf(family, names), family });
  switch (family.kind) {
    case 'waste':
      return published(set, /^waste-disposal\/[^/]+\/([^/]+)\/([^/@]+)@/, (f, [material, route]) =>
        (WASTE_ROUTES as readonly string[]).includes(route!) ? choice([material!, route!], [f.path.level3, optionName('waste', route!)]) : undefined);
    case 'refrigerant':
      return published(set, /^refrigerant-and-other\/[^/]+\/([^/@]+)[/@]/, (f, [gas]) => choice([gas!], [f.path.level3]));
    case 'hotel':
      return published(set, /^hotel-stay\/hotel-stay\/([^/@]+)@/, (f, [country]) => choice([country!], [f.path.level3]));
    case 'spend':
      return spendCategories.map((c) => choice([c.category], [c.label]));
    default: {
      if (family.options.some(isFreeText)) return [];
      let combos: { values: string[]; names: string[] }[] = [{ values: [], names: [] }];
      for (const option of family.options as readonly (readonly string[])[]) {
        combos = combos.flatMap((c) => option.map((v) => ({ values: [...c.values, v], names: [...c.names, optionName(family.family, v)] })));
      }
      return combos.map((c) => choice(c.values, c.names));
    }
  }
}

/**
 * Choices from the factor keys a pattern matches, once per id, in key order. A name whose slug is not the key's
 * segment could not be read back from its label, so such a factor is left out (none are in the bundled sets).
 */
function published(set: FactorSet, pattern: RegExp, make: (factor: Factor, segments: string[]) => SourceChoice | undefined): SourceChoice[] {
  const byId = new Map<string, SourceChoice>();
  for (const factor of [...set.all()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const match = pattern.exec(factor.key);
    if (match === null) continue;
    const made = make(factor, match.slice(1));
    if (made !== undefined && !byId.has(made.source) && sourceFromLabel(made.label) === made.source) byId.set(made.source, made);
  }
  return [...byId.values()];
}

/** The label of a source id, where it has one among the choices given; else the id itself. */
export function labelOfSource(source: string, choices: readonly SourceChoice[]): string {
  return choices.find((c) => c.source === source.trim().toLowerCase())?.label ?? source;
}
