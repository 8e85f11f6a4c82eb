/**
 * Who a council is, for benchmarking: its type and region. Each type has the GSS (ONS) code prefix its
 * councils carry, so a code that contradicts the stated type is caught before it lands in the wrong cohort.
 */
export const COUNCIL_TYPES = [
  'county',
  'district',
  'unitary',
  'metropolitan-district',
  'london-borough',
  'welsh-unitary',
  'scottish-unitary',
  'combined-authority',
] as const;
/** A kind of UK council (`district`, `county`, `unitary` …), as the benchmark groups them. */
export type CouncilType = (typeof COUNCIL_TYPES)[number];

/** Each council type's label and the prefix of its ONS (GSS) codes. */
export const COUNCIL_TYPE_INFO: Record<CouncilType, { readonly label: string; readonly gssPrefix: string }> = {
  county: { label: 'County councils', gssPrefix: 'E10' },
  district: { label: 'District councils', gssPrefix: 'E07' },
  unitary: { label: 'Unitary authorities (England)', gssPrefix: 'E06' },
  'metropolitan-district': { label: 'Metropolitan districts', gssPrefix: 'E08' },
  'london-borough': { label: 'London boroughs', gssPrefix: 'E09' },
  'welsh-unitary': { label: 'Welsh unitary authorities', gssPrefix: 'W06' },
  'scottish-unitary': { label: 'Scottish unitary authorities', gssPrefix: 'S12' },
  'combined-authority': { label: 'Combined authorities', gssPrefix: 'E47' },
};

/** The nine English regions (ITL 1), Wales and Scotland. */
export const REGIONS = [
  'north-east',
  'north-west',
  'yorkshire-and-the-humber',
  'east-midlands',
  'west-midlands',
  'east-of-england',
  'london',
  'south-east',
  'south-west',
  'wales',
  'scotland',
] as const;
/** An English region or a devolved nation, as the benchmark groups councils. */
export type Region = (typeof REGIONS)[number];

/** Each region as people write it ("North East", "Wales"). */
export const REGION_LABELS: Record<Region, string> = {
  'north-east': 'North East',
  'north-west': 'North West',
  'yorkshire-and-the-humber': 'Yorkshire and The Humber',
  'east-midlands': 'East Midlands',
  'west-midlands': 'West Midlands',
  'east-of-england': 'East of England',
  london: 'London',
  'south-east': 'South East',
  'south-west': 'South West',
  wales: 'Wales',
  scotland: 'Scotland',
};

/**
 * Regions a council of this type can be in: London boroughs (alone) in London, Welsh and Scottish councils
 * at home, every other type in an English region outside London.
 */
export function regionsFor(type: CouncilType): readonly Region[] {
  switch (type) {
    case 'london-borough':
      return ['london'];
    case 'welsh-unitary':
      return ['wales'];
    case 'scottish-unitary':
      return ['scotland'];
    default:
      return REGIONS.filter((r) => r !== 'wales' && r !== 'scotland' && r !== 'london');
  }
}
