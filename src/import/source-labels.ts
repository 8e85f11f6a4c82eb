import { CAR_FUELS, isFreeText, SOURCE_FAMILIES, VAN_FUELS, WASTE_ROUTES, type SourceFamily, type SourceOption } from '../activity/sources.js';
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

/** An HGV's types and loads, named alike for plain and refrigerated HGVs. */
const HGV_NAMES = {
  'rigid-3.5-7.5t': 'rigid 3.5 to 7.5 t', 'rigid-7.5-17t': 'rigid 7.5 to 17 t', 'rigid-over-17t': 'rigid >17 t', 'all-rigids': 'all rigids',
  'artic-3.5-33t': 'articulated 3.5 to 33 t', 'artic-over-33t': 'articulated >33 t', 'all-artics': 'all articulated', 'all-hgvs': 'all HGVs',
  '0': '0% laden (empty)', '50': '50% laden', '100': '100% laden (full)', average: 'average laden',
};

/** Names of fixed option values where the id alone reads poorly; any other value is its id with spaces. */
const OPTION_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  car: { average: 'average size', 'plug-in-hybrid': 'plug-in hybrid', cng: 'CNG', lpg: 'LPG', unknown: 'unknown fuel' },
  van: { 'class-i': 'class I (up to 1.305 t)', 'class-ii': 'class II (1.305 to 1.74 t)', 'class-iii': 'class III (1.74 to 3.5 t)', average: 'average size', 'plug-in-hybrid': 'plug-in hybrid', cng: 'CNG', lpg: 'LPG', unknown: 'unknown fuel' },
  hgv: HGV_NAMES,
  'hgv-refrigerated': HGV_NAMES,
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

/**
 * The fuel of a vehicle, for sheets that ask for it in a column of its own (the officer picks the vehicle, then
 * one of the fuels DESNZ publishes for it): the option position of a family that is a fuel, or a fuel its label
 * names as the only one ("HGV (diesel) by type and % laden": DESNZ publishes HGVs as all diesel).
 */
const FUEL_OPTIONS: ReadonlySet<SourceOption> = new Set<SourceOption>([CAR_FUELS, VAN_FUELS]);
const FUEL_VALUES: ReadonlySet<string> = new Set([...CAR_FUELS, ...VAN_FUELS]);

function fuelPosition(family: SourceFamily): number | undefined {
  const i = family.options.findIndex((o) => FUEL_OPTIONS.has(o));
  return i === -1 ? undefined : i;
}

/** The one fuel a vehicle family without a fuel option names in its label, if any. */
function impliedFuel(family: SourceFamily): string | undefined {
  if (family.kind !== 'vehicle-distance' || fuelPosition(family) !== undefined) return undefined;
  const named = /\(([a-z-]+)\)/.exec(family.label)?.[1];
  return named !== undefined && FUEL_VALUES.has(named) ? named : undefined;
}

/** A fuel as its column shows it: "Diesel", "Battery electric", "CNG". */
const fuelName = (family: SourceFamily, value: string): string => {
  const name = optionName(family.family, value);
  return name.charAt(0).toUpperCase() + name.slice(1);
};

/** A source as a vehicle sheet's two columns show it: the vehicle, or any other source, and a vehicle's fuel (an HGV's may also be left blank). */
export interface SourceParts {
  /** The Source cell: "Car – medium", "HGV – articulated >33 t – 50% laden", "Grid electricity". */
  readonly what: string;
  /** The fuel cell, for a vehicle: "Diesel". */
  readonly fuel?: string;
  /** A vehicle's id without its fuel (car:medium), naming the list of its fuels. */
  readonly vehicle?: string;
}

/** How a choice is entered where vehicles take their fuel in a column of their own. */
export function sourceParts(choice: SourceChoice): SourceParts {
  const { family } = choice;
  const implied = impliedFuel(family);
  if (implied !== undefined) return { what: choice.label, fuel: fuelName(family, implied), vehicle: choice.source };
  const at = fuelPosition(family);
  const values = choice.source.split(':').slice(1);
  if (at === undefined || values.length !== family.options.length || choice.label === choice.source) return { what: choice.label };
  const names = values.map((v) => optionName(family.family, v)).filter((_, i) => i !== at);
  return { what: labelOf(family, names), fuel: fuelName(family, values[at]!), vehicle: [family.family, ...values.filter((_, i) => i !== at)].join(':') };
}

/** A vehicle family and its option values from a Source cell without the fuel: a label ("Car – medium") or an id ("car:medium"). */
function vehicleOf(text: string): { family: SourceFamily; values: string[] } | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const label = t.includes('\u2013');
  const [head = '', ...rest] = label ? t.split(/\s*\u2013\s*/) : t.split(':');
  const family = label ? familyByName.get(head) : SOURCE_FAMILIES.find((f) => f.family === head);
  if (family === undefined || (fuelPosition(family) === undefined && impliedFuel(family) === undefined)) return undefined;
  // A label's names are the options' in order, less the fuel's where it is left to its own column.
  const at = fuelPosition(family);
  const positions = family.options.map((_, i) => i).filter((i) => rest.length === family.options.length || i !== at);
  const values = label ? rest.map((name, i) => optionByName.get(family.family)![positions[i] ?? -1]?.get(name) ?? name) : rest;
  return { family, values };
}

/**
 * The source a row's Source cell and Fuel cell name together, where vehicles take their fuel in a column of
 * their own: "Car – medium" (or car:medium) with "Diesel" (or diesel) is car:medium:diesel; an HGV with its one
 * fuel, or none, is the HGV; a full source (the earlier layout's "Car – medium – diesel") with its own fuel or
 * none is itself. A fuel given with a source that is no vehicle, or that DESNZ does not publish for the vehicle,
 * is the reason returned.
 */
export function sourceWithFuel(sourceText: string | undefined, fuelText: string): { readonly value: string } | { readonly reason: string } {
  const vehicle = sourceText === undefined ? undefined : vehicleOf(sourceText);
  if (vehicle === undefined) {
    return { reason: sourceText === undefined ? `A fuel ('${fuelText}') without a vehicle: choose the vehicle in Source` : `A fuel ('${fuelText}') is given only with a car, van or HGV, and '${sourceText}' is none: leave the fuel blank` };
  }
  const { family, values } = vehicle;
  const named = (v: string) => v.replace(/-/g, ' ');
  const wanted = fuelText.trim().toLowerCase().replace(/\s+/g, ' ');
  const implied = impliedFuel(family);
  const at = fuelPosition(family);
  const fuels = implied !== undefined ? [implied] : (family.options[at!] as readonly string[]);
  const fuel = fuels.find((f) => f === wanted || named(f) === wanted || optionName(family.family, f).toLowerCase() === wanted);
  const vehicleName = sourceText!.trim();
  if (fuel === undefined) {
    return { reason: `'${fuelText}' is no fuel DESNZ publishes for ${vehicleName}: choose one of ${fuels.map((f) => fuelName(family, f)).join(', ')}` };
  }
  if (implied !== undefined) return { value: [family.family, ...values].join(':') };
  const full = values.length === family.options.length;
  if (full && values[at!] !== fuel) return { reason: `'${vehicleName}' already names its fuel, not '${fuelText}': give the vehicle without its fuel, or leave the fuel blank` };
  const combined = full ? values : [...values.slice(0, at), fuel, ...values.slice(at)];
  return { value: [family.family, ...combined].join(':') };
}
