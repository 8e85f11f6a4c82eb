import type { Category } from '../activity/categories.js';
import type { BusType, CarFuel, FlightClass, FlightHaul, FuelFamily, HgvType, ParsedSource, RailType, TaxiType, VanClass, VanFuel } from '../activity/sources.js';
import type { Factor } from '../factors/factor-set.js';
import { fuelPathNames, hotelCountryNames, wasteMaterialNames, wasteRouteNames } from './renames.js';

/**
 * Which DESNZ factors a source uses. Paths are factor-key stems (the key without "@unit"); the unit is chosen
 * from the record's quantity (src/calculate/resolve-factor.ts). Several stems are alternatives, first found
 * wins: DESNZ renamed some paths between years (e.g. "WTT- UK & overseas elec" became "WTT- UK electricity").
 * A '*' segment matches any one segment. These are names of published factors, never values.
 */
export type ComponentRole =
  | 'direct'
  | 'well-to-tank'
  | 'transmission-and-distribution'
  | 'ev-electricity'
  | 'ev-transmission-and-distribution'
  | 'without-radiative-forcing'
  | 'non-kyoto';

/**
 * What a missing component means: 'required', the record is a problem; 'optional', a warning; 'if-published',
 * nothing, as when a gas simply has no non-Kyoto part (the record still needs some line or memo item).
 */
export type ComponentPresence = 'required' | 'optional' | 'if-published';

export interface FactorComponent {
  readonly role: ComponentRole;
  readonly stems: readonly string[];
  readonly presence: ComponentPresence;
}

export interface FactorPlan {
  readonly components: readonly FactorComponent[];
  /** Look for DESNZ's "outside of scopes" biogenic CO2 beside the direct factor. */
  readonly biogenic: boolean;
}

const FUEL_STEMS = {
  'natural-gas': 'fuels/gaseous-fuels/natural-gas',
  'gas-oil': 'fuels/liquid-fuels/gas-oil',
  'burning-oil': 'fuels/liquid-fuels/burning-oil',
  'fuel-oil': 'fuels/liquid-fuels/fuel-oil',
  lpg: 'fuels/gaseous-fuels/lpg',
  propane: 'fuels/gaseous-fuels/propane',
  'coal-industrial': 'fuels/solid-fuels/coal-industrial',
  'coal-domestic': 'fuels/solid-fuels/coal-domestic',
  'wood-pellets': 'bioenergy/biomass/wood-pellets',
  'wood-chips': 'bioenergy/biomass/wood-chips',
  'wood-logs': 'bioenergy/biomass/wood-logs',
  biogas: 'bioenergy/biogas/biogas',
  diesel: 'fuels/liquid-fuels/diesel-average-biofuel-blend',
  petrol: 'fuels/liquid-fuels/petrol-average-biofuel-blend',
  'diesel-mineral': 'fuels/liquid-fuels/diesel-100-pct-mineral-diesel',
  'petrol-mineral': 'fuels/liquid-fuels/petrol-100-pct-mineral-petrol',
  hvo: 'bioenergy/biofuel/biodiesel-hvo',
  'biodiesel-me': 'bioenergy/biofuel/biodiesel-me',
  biopropane: 'bioenergy/biofuel/biopropane',
  cng: 'fuels/gaseous-fuels/cng',
} satisfies Record<FuelFamily, WithUpstream>;

/** DESNZ's well-to-tank Level 1 for each direct Level 1. */
const WTT_LEVEL1 = {
  fuels: 'wtt-fuels',
  bioenergy: 'wtt-bioenergy',
  'passenger-vehicles': 'wtt-pass-vehs-and-travel-land',
  'business-travel-land': 'wtt-pass-vehs-and-travel-land',
  'delivery-vehicles': 'wtt-delivery-vehs-and-freight',
  'business-travel-air': 'wtt-business-travel-air',
  'business-travel-sea': 'wtt-business-travel-sea',
  'freighting-goods': 'wtt-delivery-vehs-and-freight',
  'heat-and-steam': 'wtt-heat-and-steam',
} satisfies Record<string, `wtt-${string}`>;
/**
 * A direct path under a Level 1 with a well-to-tank section: every fuel and vehicle's path must be one (checked when
 * compiling), so a fuel or vehicle added under a new Level 1 cannot go without its upstream factor.
 */
type WithUpstream = `${keyof typeof WTT_LEVEL1}/${string}`;
// The table by any Level 1, for paths named directly (desnz:…), which may have no upstream section.
const wttLevel1: Readonly<Partial<Record<string, string>>> = WTT_LEVEL1;

/**
 * Well-to-tank Level 2 names that are neither the direct one nor it with "wtt-" before it: the upstream of
 * "HGVs refrigerated (all diesel)" is "WTT- HGV refrigerated (all diesel)" in every year 2016–2025.
 */
const WTT_LEVEL2: Readonly<Partial<Record<string, string>>> = { 'hgvs-refrigerated-all-diesel': 'wtt-hgv-refrigerated-all-diesel' };

/** "fuels/liquid-fuels/x" → ["wtt-fuels/liquid-fuels/x", "wtt-fuels/wtt-liquid-fuels/x"] (both namings used). */
function wttStems(stem: string): string[] {
  const [level1 = '', level2 = '', ...rest] = stem.split('/');
  const wtt = wttLevel1[level1];
  if (wtt === undefined) return [];
  const other = WTT_LEVEL2[level2];
  return [level2, `wtt-${level2}`, ...(other !== undefined ? [other] : [])].map((name) => [wtt, name, ...rest].join('/'));
}

const direct = (...stems: string[]): FactorComponent => ({ role: 'direct', stems, presence: 'required' });
const optional = (role: ComponentRole, stems: readonly string[]): FactorComponent => ({ role, stems, presence: 'optional' });
const withWtt = (...stems: string[]): FactorComponent[] => [direct(...stems), optional('well-to-tank', stems.flatMap(wttStems))];

const ELECTRICITY: FactorComponent[] = [
  direct('uk-electricity/electricity-generated/electricity-uk'),
  optional('transmission-and-distribution', ['transmission-and-distribution/t-and-d-uk-electricity/electricity-uk']),
  optional('well-to-tank', ['wtt-uk-electricity/wtt-uk-electricity-generation/electricity-uk', 'wtt-uk-and-overseas-elec/wtt-uk-electricity-generation/electricity-uk']),
  optional('well-to-tank', ['wtt-uk-electricity/wtt-uk-electricity-t-and-d/electricity-uk', 'wtt-uk-and-overseas-elec/wtt-uk-electricity-t-and-d/electricity-uk']),
];

/** The car and van fuels DESNZ names otherwise than we do; the rest are named alike ("diesel", "hybrid"). */
const CAR_FUEL_SEGMENT = { 'plug-in-hybrid': 'plug-in-hybrid-electric-vehicle', 'battery-electric': 'battery-electric-vehicle' } satisfies Partial<Record<CarFuel | VanFuel, string>>;
const VAN_CLASS_SEGMENT = {
  'class-i': 'class-i-up-to-1.305-tonnes',
  'class-ii': 'class-ii-1.305-to-1.74-tonnes',
  'class-iii': 'class-iii-1.74-to-3.5-tonnes',
  average: 'average-up-to-3.5-tonnes',
} satisfies Record<VanClass, string>;
const HGV_TYPE_SEGMENT = {
  'rigid-3.5-7.5t': 'rigid-gt-3.5-7.5-tonnes',
  'rigid-7.5-17t': 'rigid-gt-7.5-tonnes-17-tonnes',
  'rigid-over-17t': 'rigid-gt-17-tonnes',
  'all-rigids': 'all-rigids',
  'artic-3.5-33t': 'articulated-gt-3.5-33t',
  'artic-over-33t': 'articulated-gt-33t',
  'all-artics': 'all-artics',
  'all-hgvs': 'all-hgvs',
} satisfies Record<HgvType, string>;
const FLIGHT_HAUL_SEGMENT = {
  domestic: 'domestic-to-from-uk',
  'short-haul': 'short-haul-to-from-uk',
  'long-haul': 'long-haul-to-from-uk',
  international: 'international-to-from-non-uk',
} satisfies Record<FlightHaul, string>;
const FLIGHT_CLASS_SEGMENT = {
  average: 'average-passenger',
  economy: 'economy-class',
  'premium-economy': 'premium-economy-class',
  business: 'business-class',
  first: 'first-class',
} satisfies Record<FlightClass, string>;
const RAIL_SEGMENT = { national: 'national-rail', international: 'international-rail', 'light-rail-and-tram': 'light-rail-and-tram', underground: 'london-underground' } satisfies Record<RailType, string>;
const BUS_SEGMENT = { 'average-local': 'average-local-bus', 'local-london': 'local-london-bus', 'local-not-london': 'local-bus-not-london', coach: 'coach' } satisfies Record<BusType, string>;
const TAXI_SEGMENT = { regular: 'regular-taxi', 'black-cab': 'black-cab' } satisfies Record<TaxiType, string>;

/** How a road vehicle is driven: by the fuel it burns, or by charging as well (a plug-in hybrid) or alone. */
type Drive = 'combustion' | 'plug-in-hybrid' | 'battery-electric';
const driveOf = (fuel: string | undefined): Drive => (fuel === 'plug-in-hybrid' || fuel === 'battery-electric' ? fuel : 'combustion');

/**
 * Road vehicles: tailpipe (scope 1 in an own fleet), plus for plug-ins the charging electricity and its losses. A
 * plug-in hybrid burns fuel too, so without its tailpipe factor (DESNZ leaves some classes blank) it is refused,
 * never costed on its charging alone.
 */
function vehicle(group: WithUpstream, tail: string, drive: Drive): FactorComponent[] {
  const stem = `${group}/${tail}`;
  const [, ...afterLevel1] = stem.split('/');
  return [
    { role: 'direct', stems: [stem], presence: drive === 'battery-electric' ? 'optional' : 'required' },
    optional('well-to-tank', wttStems(stem)),
    ...(drive !== 'combustion'
      ? [
          { role: 'ev-electricity' as const, stems: [`uk-electricity-for-evs/${afterLevel1.join('/')}`], presence: 'required' as const },
          optional('ev-transmission-and-distribution', [`uk-electricity-t-and-d-for-evs/${afterLevel1.join('/')}`]),
        ]
      : []),
  ];
}

/** An HGV by type and load, as DESNZ publishes both plain and refrigerated ones. */
const hgv = (group: WithUpstream, type: string | undefined, load: string | undefined): FactorComponent[] =>
  vehicle(group, `${seg(HGV_TYPE_SEGMENT, type)}/${load === 'average' ? 'average-laden' : `${load}-pct-laden`}`, 'combustion');

/** Trade names councils use for single-gas refrigerants, to DESNZ's names. */
const REFRIGERANT_NAMES: Record<string, string> = {
  r32: 'hfc-32',
  r125: 'hfc-125',
  r134a: 'hfc-134a',
  r143a: 'hfc-143a',
  r22: 'hcfc-22-r22-chlorodifluoromethane',
  r11: 'cfc-11-r11-trichlorofluoromethane',
  r12: 'cfc-12-r12-dichlorodifluoromethane',
  r744: 'carbon-dioxide',
  r290: 'r290-propane',
};

const KYOTO_ONLY = 'emissions-including-only-kyoto-products';
const NON_KYOTO_ONLY = 'emissions-including-only-non-kyoto-products';

/**
 * Whether a factor is for a gas outside the Kyoto basket, which the GHG Protocol reports apart from the scopes:
 * DESNZ's "Montreal protocol" groups (CFCs, HCFCs, halons and their blends; "- standard" and "- blends" to 2021,
 * "products" since) and, from 2022, any "Emissions including only non-Kyoto products" row.
 */
export function isNonKyotoFactor(factor: Factor): boolean {
  const [path = ''] = factor.key.split('@');
  const [level1, level2 = '', ...rest] = path.split('/');
  return level1 === 'refrigerant-and-other' && (level2.startsWith('montreal-protocol') || rest.includes(NON_KYOTO_ONLY));
}

/**
 * An option's segment of a DESNZ path: its entry in `table`, else the option itself (DESNZ names it alike). The
 * tables are typed by the option vocabularies of sources.ts; the option is any text parseSource has accepted.
 */
function seg(table: Readonly<Partial<Record<string, string>>>, option: string | undefined): string {
  return table[option ?? ''] ?? option ?? '';
}

/**
 * Travel in vehicles the council does not run: grey fleet, hire cars and commuting. DESNZ publishes the same cars
 * and motorbikes again under "Business travel- land", all scope 3 and, for plug-ins, with the charging
 * electricity and its losses already in the one figure; those are the rows it means for these categories.
 */
const TRAVEL: ReadonlySet<Category> = new Set(['business-travel', 'employee-commuting']);

/**
 * The factor components of a parsed source under a reporting category; spend, generation, removals and reported
 * emissions have none (see calculate-record.ts).
 */
export function factorPlan(source: ParsedSource, category: Category): FactorPlan {
  const [a, b] = source.options;
  const plan = (components: FactorComponent[], biogenic = false): FactorPlan => ({ components, biogenic });
  switch (source.family.kind) {
    case 'stationary-fuel':
    case 'vehicle-fuel':
      return plan(withWtt(...fuelPathNames(FUEL_STEMS[source.family.family])), true);
    case 'electricity':
      return plan(ELECTRICITY);
    case 'heat': {
      const kind = source.family.family === 'district-heat' ? 'district-heat-and-steam' : 'onsite-heat-and-steam';
      return plan([
        direct(`heat-and-steam/heat-and-steam/${kind}`),
        optional('well-to-tank', [`wtt-heat-and-steam/wtt-heat-and-steam/${kind}`]),
        ...(kind === 'district-heat-and-steam'
          ? [
              optional('transmission-and-distribution', ['transmission-and-distribution/distribution-district-heat-and-steam/5-pct-loss']),
              optional('well-to-tank', ['wtt-heat-and-steam/wtt-district-heat-and-steam-distribution/5-pct-loss']),
            ]
          : []),
      ]);
    }
    case 'vehicle-distance':
      switch (source.family.family) {
        case 'car':
          return TRAVEL.has(category)
            ? plan(withWtt(`business-travel-land/cars-by-size/${a}-car/${seg(CAR_FUEL_SEGMENT, b)}`))
            : plan(vehicle('passenger-vehicles/cars-by-size', `${a}-car/${seg(CAR_FUEL_SEGMENT, b)}`, driveOf(b)));
        case 'van':
          return plan(vehicle('delivery-vehicles/vans', `${seg(VAN_CLASS_SEGMENT, a)}/${seg(CAR_FUEL_SEGMENT, b)}`, driveOf(b)));
        case 'hgv':
          return plan(hgv('delivery-vehicles/hgv-all-diesel', a, b));
        case 'hgv-refrigerated':
          return plan(hgv('delivery-vehicles/hgvs-refrigerated-all-diesel', a, b));
        default:
          return TRAVEL.has(category) ? plan(withWtt(`business-travel-land/motorbike/${a}`)) : plan(vehicle('passenger-vehicles/motorbike', a ?? '', 'combustion'));
      }
    case 'passenger-distance':
      switch (source.family.family) {
        case 'flight': {
          const path = `business-travel-air/flights/${seg(FLIGHT_HAUL_SEGMENT, a)}/${seg(FLIGHT_CLASS_SEGMENT, b)}`;
          return plan([
            direct(`${path}/with-rf`),
            optional('well-to-tank', wttStems(`${path}/with-rf`)),
            optional('without-radiative-forcing', [`${path}/without-rf`]),
          ]);
        }
        case 'rail':
          return plan(withWtt(`business-travel-land/rail/${seg(RAIL_SEGMENT, a)}`));
        case 'bus':
          return plan(withWtt(`business-travel-land/bus/${seg(BUS_SEGMENT, a)}`));
        default:
          return plan(withWtt(`business-travel-land/taxis/${seg(TAXI_SEGMENT, a)}`));
      }
    case 'hotel':
      return plan([direct(...hotelCountryNames(a ?? '').map((country) => `hotel-stay/hotel-stay/${country}`))]);
    case 'homeworking':
      return plan([direct('homeworking/homeworking-office-equipment-plus-heating')]);
    case 'waste': {
      const materials = wasteMaterialNames(a ?? '');
      const routes = wasteRouteNames(b ?? '');
      return plan([direct(...materials.flatMap((material) => routes.map((route) => `waste-disposal/*/${material}/${route}`)))]);
    }
    case 'water':
      return plan([direct(source.family.family === 'water-supply' ? 'water-supply/water-supply/water-supply' : 'water-treatment/water-treatment/water-treatment')]);
    case 'refrigerant': {
      // From 2022 DESNZ splits a gas into its Kyoto and non-Kyoto parts (a blend may have both); to 2021 one row
      // per gas, whose group says which it is (see isNonKyotoFactor).
      const gas = seg(REFRIGERANT_NAMES, a);
      return plan([
        { role: 'direct', stems: [`refrigerant-and-other/*/${gas}/${KYOTO_ONLY}`, `refrigerant-and-other/*/${gas}`], presence: 'if-published' },
        { role: 'non-kyoto', stems: [`refrigerant-and-other/*/${gas}/${NON_KYOTO_ONLY}`], presence: 'if-published' },
      ]);
    }
    case 'desnz': {
      // A factor named directly brings its upstream line wherever DESNZ has a WTT section for it.
      const wtt = wttStems(a ?? '');
      return plan([direct(a ?? ''), ...(wtt.length > 0 ? [optional('well-to-tank', wtt)] : [])], true);
    }
    case 'spend':
    case 'generation':
    case 'removal':
    case 'reported':
      return plan([]);
  }
}
