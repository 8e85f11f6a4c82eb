import type { Category } from '../activity/categories.js';
import type { ActivityRecord } from '../activity/record.js';

/**
 * The SIC group whose spend buys what an activity source measures: electricity (35.1), gas and heat (35.2–3),
 * liquid fuels (19), coal (5), water supply (36) and sewerage (37). When the council reports a source as
 * activity (kWh, litres, m3), spend in its group is the same purchase counted a second time.
 */
const GROUP_OF_FAMILY: Readonly<Record<string, string>> = {
  electricity: 'sic-35.1',
  'natural-gas': 'sic-35.2-3',
  'district-heat': 'sic-35.2-3',
  'onsite-heat': 'sic-35.2-3',
  'gas-oil': 'sic-19',
  'burning-oil': 'sic-19',
  'fuel-oil': 'sic-19',
  lpg: 'sic-19',
  propane: 'sic-19',
  diesel: 'sic-19',
  petrol: 'sic-19',
  'diesel-mineral': 'sic-19',
  'petrol-mineral': 'sic-19',
  hvo: 'sic-19',
  'biodiesel-me': 'sic-19',
  biopropane: 'sic-19',
  'coal-industrial': 'sic-5',
  'coal-domestic': 'sic-5',
  'water-supply': 'sic-36',
  'water-treatment': 'sic-37',
};

const TRAVEL: ReadonlySet<Category> = new Set(['business-travel', 'employee-commuting']);

/** For each group the activity data covers, the ids of the records that cover it (for the warning). */
export function groupsCoveredByActivity(records: readonly ActivityRecord[]): ReadonlyMap<string, readonly string[]> {
  const covered = new Map<string, string[]>();
  for (const record of records) {
    // Staff travel is paid through expenses and mileage, not the utility and fuel bills a ledger's codes buy.
    if (TRAVEL.has(record.category)) continue;
    // The family is the source up to its first colon: no need to parse every option of 100,000 meters.
    const family = record.source.split(':', 1)[0]!;
    const group = Object.hasOwn(GROUP_OF_FAMILY, family) ? GROUP_OF_FAMILY[family] : undefined;
    if (group === undefined) continue;
    const ids = covered.get(group);
    if (ids === undefined) covered.set(group, [record.id]);
    else ids.push(record.id);
  }
  return covered;
}
