import type { Category } from './categories.js';
import type { Dimension, Unit } from '../units/units.js';

/**
 * What was consumed or done: the source of an activity record. A source id is a family, optionally with
 * options separated by colons — 'natural-gas', 'car:medium:diesel', 'flight:long-haul:economy',
 * 'waste:commercial-and-industrial-waste:landfill', 'refrigerant:r410a' — or 'desnz:<path>' to name any DESNZ
 * factor path directly. This module only says which ids, units and categories are valid; src/calculate/ maps
 * each source to its factors.
 */
export type SourceKind =
  | 'stationary-fuel'
  | 'vehicle-fuel'
  | 'electricity'
  | 'heat'
  | 'vehicle-distance'
  | 'passenger-distance'
  | 'hotel'
  | 'homeworking'
  | 'waste'
  | 'water'
  | 'refrigerant'
  | 'spend'
  | 'generation'
  | 'removal'
  | 'reported'
  | 'desnz';

/** A free-text option, e.g. the waste material in waste:<material>:<route>; the factor set decides what is valid. */
export interface FreeTextOption {
  readonly freeText: string;
}
/** One position of a source id: a fixed list of choices, or free text (a waste material, a refrigerant). */
export type SourceOption = readonly string[] | FreeTextOption;
const freeText = (name: string): FreeTextOption => ({ freeText: name });
/** Whether a source option is free text rather than a fixed list. */
export const isFreeText = (option: SourceOption): option is FreeTextOption => 'freeText' in option;

/**
 * The fuels costed per unit of fuel burnt: each must have its DESNZ path in src/calculate/factor-plan.ts, which
 * is checked when compiling, so a fuel added here cannot go without its factor.
 */
export type FuelFamily =
  | 'natural-gas' | 'gas-oil' | 'burning-oil' | 'fuel-oil' | 'lpg' | 'propane' | 'coal-industrial' | 'coal-domestic'
  | 'wood-pellets' | 'wood-chips' | 'wood-logs' | 'biogas' | 'diesel' | 'petrol' | 'diesel-mineral' | 'petrol-mineral'
  | 'hvo' | 'biodiesel-me' | 'biopropane' | 'cng';
type FuelKind = 'stationary-fuel' | 'vehicle-fuel';

/** A source family; a fuel's family is one of the FuelFamily names, so its factor path can be found by type. */
export type SourceFamily =
  | (SourceFamilyFields & { readonly kind: FuelKind; readonly family: FuelFamily })
  | (SourceFamilyFields & { readonly kind: Exclude<SourceKind, FuelKind>; readonly family: string });

interface SourceFamilyFields {
  readonly label: string;
  /** Dimensions of the quantity accepted. */
  readonly dimensions: readonly Dimension[];
  /** Per option position: the allowed values, or free text (checked against the factor set) named for messages. */
  readonly options: readonly SourceOption[];
  readonly categories: readonly Category[];
  /** Units of an accepted dimension that still cannot be costed for this source, and what to give instead. */
  readonly refusedUnits?: RefusedUnits;
  /**
   * The spend-based product group (SIC 2007, as the spend sets name it) whose spend buys this source, so that spend
   * in it beside the source measured as activity is not counted twice (src/calculate/spend-overlap.ts). Absent
   * where no group buys only it: wood fuel, biogas and CNG are bought within groups that buy much else.
   */
  readonly spendGroup?: string;
}

export interface RefusedUnits {
  readonly units: readonly Unit[];
  /** Why, and what to give instead: the message of the record's problem. */
  readonly reason: string;
}

const OWN_AND_LEASED: readonly Category[] = ['upstream-leased-assets', 'downstream-leased-assets', 'outsourced-services'];
const BUILDING_CATEGORIES: readonly Category[] = ['buildings', ...OWN_AND_LEASED];
const VEHICLE_CATEGORIES: readonly Category[] = ['fleet', 'business-travel', 'employee-commuting', ...OWN_AND_LEASED];
const TRAVEL_CATEGORIES: readonly Category[] = ['business-travel', 'employee-commuting'];
const ENERGY: readonly Dimension[] = ['energy'];

export const CAR_SIZES = ['small', 'medium', 'large', 'average'] as const;
export const CAR_FUELS = ['diesel', 'petrol', 'hybrid', 'plug-in-hybrid', 'battery-electric', 'cng', 'lpg', 'unknown'] as const;
export const VAN_CLASSES = ['class-i', 'class-ii', 'class-iii', 'average'] as const;
/** DESNZ prints plug-in hybrid van figures only from 2024, and only for class III and average: the rest are refused. */
export const VAN_FUELS = ['diesel', 'petrol', 'plug-in-hybrid', 'battery-electric', 'cng', 'lpg', 'unknown'] as const;
export const HGV_TYPES = ['rigid-3.5-7.5t', 'rigid-7.5-17t', 'rigid-over-17t', 'all-rigids', 'artic-3.5-33t', 'artic-over-33t', 'all-artics', 'all-hgvs'] as const;
export const HGV_LOADS = ['0', '50', '100', 'average'] as const;
export const MOTORBIKE_SIZES = ['small', 'medium', 'large', 'average'] as const;
export const FLIGHT_HAULS = ['domestic', 'short-haul', 'long-haul', 'international'] as const;
export const FLIGHT_CLASSES = ['average', 'economy', 'premium-economy', 'business', 'first'] as const;
export const RAIL_TYPES = ['national', 'international', 'light-rail-and-tram', 'underground'] as const;
export const BUS_TYPES = ['average-local', 'local-london', 'local-not-london', 'coach'] as const;
export const TAXI_TYPES = ['regular', 'black-cab'] as const;
export type CarFuel = (typeof CAR_FUELS)[number];
export type VanClass = (typeof VAN_CLASSES)[number];
export type VanFuel = (typeof VAN_FUELS)[number];
export type HgvType = (typeof HGV_TYPES)[number];
export type FlightHaul = (typeof FLIGHT_HAULS)[number];
export type FlightClass = (typeof FLIGHT_CLASSES)[number];
export type RailType = (typeof RAIL_TYPES)[number];
export type BusType = (typeof BUS_TYPES)[number];
export type TaxiType = (typeof TAXI_TYPES)[number];
/**
 * DESNZ's routes; where it renamed one, both names are accepted and either finds either year's factor
 *  (src/calculate/renames.ts): 'combustion' to 2024 is 'incineration-with-energy-recovery' from 2025, and 'reuse'
 * to 2017 was 're-use' in 2018–2019 (published for construction materials, tyres, wood and clothing until 2019).
 */
export const WASTE_ROUTES = ['landfill', 'combustion', 'incineration-with-energy-recovery', 'open-loop', 'closed-loop', 'composting', 'anaerobic-digestion', 're-use', 'reuse'] as const;

/** SIC groups of the spend sets that buy fuels and utilities: each fuel below names its own, or none. */
const REFINED_FUELS = 'sic-19';
const COAL = 'sic-5';
const ELECTRICITY = 'sic-35.1';
const GAS_AND_HEAT = 'sic-35.2-3';

const fuel = (family: FuelFamily, label: string, kind: FuelKind, dimensions: readonly Dimension[], spendGroup: string | undefined, refusedUnits?: RefusedUnits): SourceFamily => ({
  family, label, kind, dimensions, options: [],
  categories: kind === 'stationary-fuel' ? BUILDING_CATEGORIES : VEHICLE_CATEGORIES,
  ...(refusedUnits !== undefined ? { refusedUnits } : {}),
  ...(spendGroup !== undefined ? { spendGroup } : {}),
});

/**
 * Liquid biofuels replace gas oil in generators and boilers as well as diesel in vehicles, so they are accepted
 * under buildings and under vehicles. DESNZ costs them per litre, kg or GJ.
 */
const biofuel = (family: FuelFamily, label: string): SourceFamily => ({
  family, label, kind: 'stationary-fuel', dimensions: ['volume', 'energy', 'mass'], options: [],
  categories: [...new Set([...BUILDING_CATEGORIES, ...VEHICLE_CATEGORIES])],
  // Sold as fuel, by the suppliers of diesel and gas oil: their spend is in the refined fuels group.
  spendGroup: REFINED_FUELS,
});

/**
 * LPG, propane and CNG are gases at room temperature, but DESNZ costs them per litre of liquid (or compressed)
 * fuel, per kWh and per tonne, never per cubic metre of gas. A gas meter's m3 or ft3 read as litres of fuel
 * would be costed hundreds of times too high, and a volume in m3 does not say which it is, so it is refused.
 */
const gasVolumeRefused = (form: 'liquid' | 'compressed'): RefusedUnits => ({
  units: ['m3', 'ft3'],
  reason: `DESNZ publishes factors per litre of ${form} fuel, per kWh and per tonne, not per volume of gas, and a metered gas volume costed as ${form} fuel would be hundreds of times too high. Give litres of ${form} fuel, kWh from the bill, or kg or tonnes`,
});

/** The source catalogue: every family of source a record may name (`natural-gas`, `car:medium:diesel`, `spend:…`), with its options, units and categories. */
export const SOURCE_FAMILIES: readonly SourceFamily[] = [
  fuel('natural-gas', 'Natural gas', 'stationary-fuel', ['energy', 'volume', 'mass'], GAS_AND_HEAT, {
    // "Litres" in a gas row is a slip for m3 or kWh: a litre of mains gas is a thousandth of a cubic metre.
    units: ['litre'],
    reason: 'mains gas is metered in m3 (or cubic feet) and billed in kWh; a litre of gas is a thousandth of a cubic metre, so litres are almost certainly the wrong unit. Give m3, ft3 or kWh',
  }),
  fuel('gas-oil', 'Gas oil (red diesel)', 'stationary-fuel', ['volume', 'energy', 'mass'], REFINED_FUELS),
  fuel('burning-oil', 'Burning oil (kerosene, heating oil)', 'stationary-fuel', ['volume', 'energy', 'mass'], REFINED_FUELS),
  fuel('fuel-oil', 'Fuel oil', 'stationary-fuel', ['volume', 'energy', 'mass'], REFINED_FUELS),
  fuel('lpg', 'LPG', 'stationary-fuel', ['volume', 'energy', 'mass'], REFINED_FUELS, gasVolumeRefused('liquid')),
  fuel('propane', 'Propane', 'stationary-fuel', ['volume', 'energy', 'mass'], REFINED_FUELS, gasVolumeRefused('liquid')),
  fuel('coal-industrial', 'Coal (industrial)', 'stationary-fuel', ['mass', 'energy'], COAL),
  fuel('coal-domestic', 'Coal (domestic)', 'stationary-fuel', ['mass', 'energy'], COAL),
  fuel('wood-pellets', 'Wood pellets (biomass)', 'stationary-fuel', ['mass', 'energy'], undefined),
  fuel('wood-chips', 'Wood chips (biomass)', 'stationary-fuel', ['mass', 'energy'], undefined),
  fuel('wood-logs', 'Wood logs (biomass)', 'stationary-fuel', ['mass', 'energy'], undefined),
  fuel('biogas', 'Biogas', 'stationary-fuel', ['mass', 'energy'], undefined),
  fuel('diesel', 'Diesel (average biofuel blend, forecourt)', 'vehicle-fuel', ['volume', 'energy', 'mass'], REFINED_FUELS),
  fuel('petrol', 'Petrol (average biofuel blend, forecourt)', 'vehicle-fuel', ['volume', 'energy', 'mass'], REFINED_FUELS),
  fuel('diesel-mineral', 'Diesel (100% mineral)', 'vehicle-fuel', ['volume', 'energy', 'mass'], REFINED_FUELS),
  fuel('petrol-mineral', 'Petrol (100% mineral)', 'vehicle-fuel', ['volume', 'energy', 'mass'], REFINED_FUELS),
  biofuel('hvo', 'Biodiesel HVO (hydrotreated vegetable oil)'),
  biofuel('biodiesel-me', 'Biodiesel ME (FAME; DESNZ\'s "Biodiesel" to 2020)'),
  biofuel('biopropane', 'Biopropane'),
  fuel('cng', 'CNG', 'vehicle-fuel', ['mass', 'energy', 'volume'], undefined, gasVolumeRefused('compressed')),
  // Under business travel: public EV charging paid through staff expenses, known in kWh from the receipts.
  { family: 'electricity', label: 'Grid electricity', kind: 'electricity', dimensions: ENERGY, options: [], categories: ['buildings', 'street-lighting', 'fleet', 'business-travel', ...OWN_AND_LEASED], spendGroup: ELECTRICITY },
  { family: 'district-heat', label: 'District heat and steam', kind: 'heat', dimensions: ENERGY, options: [], categories: BUILDING_CATEGORIES, spendGroup: GAS_AND_HEAT },
  { family: 'onsite-heat', label: 'Purchased onsite heat and steam', kind: 'heat', dimensions: ENERGY, options: [], categories: BUILDING_CATEGORIES, spendGroup: GAS_AND_HEAT },
  { family: 'car', label: 'Car by size and fuel', kind: 'vehicle-distance', dimensions: ['distance'], options: [CAR_SIZES, CAR_FUELS], categories: VEHICLE_CATEGORIES },
  { family: 'van', label: 'Van by class and fuel', kind: 'vehicle-distance', dimensions: ['distance'], options: [VAN_CLASSES, VAN_FUELS], categories: VEHICLE_CATEGORIES },
  { family: 'hgv', label: 'HGV (diesel) by type and % laden', kind: 'vehicle-distance', dimensions: ['distance'], options: [HGV_TYPES, HGV_LOADS], categories: VEHICLE_CATEGORIES },
  // DESNZ's "HGVs refrigerated (all diesel)": the same types and loads on rows of their own. Their gases are CO2, CH4
  // and N2O only: refrigerant lost from the unit is a refrigerant record (fugitive emissions).
  { family: 'hgv-refrigerated', label: 'HGV refrigerated (diesel) by type and % laden', kind: 'vehicle-distance', dimensions: ['distance'], options: [HGV_TYPES, HGV_LOADS], categories: VEHICLE_CATEGORIES },
  { family: 'motorbike', label: 'Motorbike by size', kind: 'vehicle-distance', dimensions: ['distance'], options: [MOTORBIKE_SIZES], categories: VEHICLE_CATEGORIES },
  { family: 'flight', label: 'Flight by haul and class (with radiative forcing)', kind: 'passenger-distance', dimensions: ['passenger distance'], options: [FLIGHT_HAULS, FLIGHT_CLASSES], categories: TRAVEL_CATEGORIES },
  { family: 'rail', label: 'Rail', kind: 'passenger-distance', dimensions: ['passenger distance'], options: [RAIL_TYPES], categories: TRAVEL_CATEGORIES },
  { family: 'bus', label: 'Bus or coach', kind: 'passenger-distance', dimensions: ['passenger distance'], options: [BUS_TYPES], categories: TRAVEL_CATEGORIES },
  { family: 'taxi', label: 'Taxi', kind: 'passenger-distance', dimensions: ['passenger distance', 'distance'], options: [TAXI_TYPES], categories: TRAVEL_CATEGORIES },
  { family: 'hotel', label: 'Hotel stay by country (e.g. hotel:uk, hotel:uk-london)', kind: 'hotel', dimensions: ['room nights'], options: [freeText('country')], categories: TRAVEL_CATEGORIES },
  { family: 'homeworking', label: 'Homeworking (office equipment and heating)', kind: 'homeworking', dimensions: ['working hours'], options: [], categories: ['employee-commuting'] },
  { family: 'waste', label: 'Waste by material and route (e.g. waste:commercial-and-industrial-waste:landfill)', kind: 'waste', dimensions: ['mass'], options: [freeText('material'), WASTE_ROUTES], categories: ['waste'] },
  { family: 'water-supply', label: 'Water supply', kind: 'water', dimensions: ['volume'], options: [], categories: ['water', ...OWN_AND_LEASED], spendGroup: 'sic-36' },
  { family: 'water-treatment', label: 'Water treatment (wastewater)', kind: 'water', dimensions: ['volume'], options: [], categories: ['water', ...OWN_AND_LEASED], spendGroup: 'sic-37' },
  { family: 'refrigerant', label: 'Refrigerant or medical gas lost (e.g. refrigerant:r410a, refrigerant:nitrous-oxide)', kind: 'refrigerant', dimensions: ['mass'], options: [freeText('gas')], categories: ['fugitive-emissions', ...OWN_AND_LEASED] },
  { family: 'spend', label: 'Spend by category (needs a spend-based factor table)', kind: 'spend', dimensions: ['money'], options: [freeText('spend category')], categories: ['purchased-goods-and-services', 'capital-goods', 'outsourced-services'] },
  {
    family: 'reported-emissions', label: 'Emissions a supplier or fund reports for the council’s share, in kg or tonnes of CO2e (e.g. reported-emissions:county-pension-fund)',
    kind: 'reported', dimensions: ['mass'], options: [freeText('supplier, contract or fund')], categories: ['purchased-goods-and-services', 'capital-goods', 'outsourced-services', 'investments'],
  },
  { family: 'renewable-generation', label: 'Renewable electricity generated on site (memo)', kind: 'generation', dimensions: ENERGY, options: [[ 'used-on-site', 'exported' ]], categories: ['buildings', 'street-lighting', 'fleet', ...OWN_AND_LEASED] },
  { family: 'sequestration', label: 'Land-use sequestration, removals in CO2e (memo)', kind: 'removal', dimensions: ['mass'], options: [], categories: ['buildings', ...OWN_AND_LEASED] },
  { family: 'desnz', label: 'Any DESNZ factor path (e.g. desnz:fuels/liquid-fuels/marine-gas-oil)', kind: 'desnz', dimensions: ['energy', 'volume', 'mass', 'distance', 'passenger distance', 'vehicle distance', 'freight distance', 'room nights', 'working hours'], options: [freeText('factor path')], categories: ['buildings', 'street-lighting', 'fleet', 'fugitive-emissions', 'business-travel', 'employee-commuting', 'waste', 'water', 'purchased-goods-and-services', 'capital-goods', ...OWN_AND_LEASED] },
];

const byFamily = new Map(SOURCE_FAMILIES.map((f) => [f.family, f]));

export interface ParsedSource {
  readonly family: SourceFamily;
  readonly options: readonly string[];
}

export type SourceError = { readonly reason: string; readonly suggestions: readonly string[] };

/** Splits and checks a source id. 'desnz:' keeps the rest whole (paths contain no colons). */
export function parseSource(id: string): ParsedSource | SourceError {
  const text = id.trim().toLowerCase();
  const [head = '', ...rest] = text.split(':');
  const family = byFamily.get(head);
  if (family === undefined) {
    return { reason: `Unknown source '${id}'`, suggestions: nearestFamilies(head) };
  }
  const options = family.kind === 'desnz' ? [rest.join(':')] : rest;
  if (options.length !== family.options.length) {
    const shape = [family.family, ...family.options.map((o) => (isFreeText(o) ? `<${o.freeText}>` : `<${o.join('|')}>`))].join(':');
    return { reason: `Source '${id}' should look like ${shape}`, suggestions: [] };
  }
  for (const [i, option] of family.options.entries()) {
    const value = options[i]!;
    if (isFreeText(option) ? value === '' : !option.includes(value)) {
      const what = isFreeText(option) ? `the ${option.freeText} is missing` : `'${value}' is not one of ${option.join(', ')}`;
      return { reason: `Source '${id}': ${what}`, suggestions: [] };
    }
  }
  return { family, options };
}

export function isSourceError(value: ParsedSource | SourceError): value is SourceError {
  return 'reason' in value;
}

/**
 * Words councils use for a source that spelling alone would not find ("train" is nearer "taxi" than "rail" by
 * letters), each with the source ids it means.
 */
const SOURCE_SYNONYMS: Record<string, readonly string[]> = {
  train: ['rail:national', 'rail:international'],
  trains: ['rail:national', 'rail:international'],
  railway: ['rail:national'],
  tube: ['rail:underground'],
  underground: ['rail:underground'],
  tram: ['rail:light-rail-and-tram'],
  metro: ['rail:light-rail-and-tram', 'rail:underground'],
  plane: ['flight:domestic:average', 'flight:short-haul:average', 'flight:long-haul:average'],
  air: ['flight:domestic:average', 'flight:short-haul:average', 'flight:long-haul:average'],
  flights: ['flight:domestic:average', 'flight:short-haul:average', 'flight:long-haul:average'],
  coach: ['bus:coach'],
  reefer: ['hgv-refrigerated:all-hgvs:average'],
  cab: ['taxi:regular', 'taxi:black-cab'],
  gas: ['natural-gas'],
  'mains-gas': ['natural-gas'],
  kerosene: ['burning-oil'],
  'heating-oil': ['burning-oil'],
  'red-diesel': ['gas-oil'],
  biodiesel: ['biodiesel-me', 'hvo'],
  power: ['electricity'],
  elec: ['electricity'],
  'f-gas': ['refrigerant:r410a', 'refrigerant:r32'],
  'hotel-stay': ['hotel:uk'],
  'working-from-home': ['homeworking'],
  wfh: ['homeworking'],
  sewage: ['water-treatment'],
  water: ['water-supply', 'water-treatment'],
};

/** Synonyms first, then families sharing letters with what was typed. */
function nearestFamilies(head: string): string[] {
  const synonyms = SOURCE_SYNONYMS[head.replace(/\s+/g, '-')] ?? [];
  const bySpelling = SOURCE_FAMILIES.map((f) => f.family).filter((f) => f.includes(head) || head.includes(f) || f[0] === head[0]);
  return [...new Set([...synonyms, ...bySpelling])].slice(0, 5);
}
