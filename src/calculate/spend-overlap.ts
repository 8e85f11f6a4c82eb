import type { Category } from '../activity/categories.js';
import type { ActivityRecord } from '../activity/record.js';
import { SOURCE_FAMILIES } from '../activity/sources.js';

/**
 * The SIC group whose spend buys what each activity source measures, as the source catalogue states it
 * (`spendGroup`: electricity 35.1, gas and heat 35.2–3, refined and liquid bio- fuels 19, coal 5, water supply 36
 * and sewerage 37). When the council reports a source as activity (kWh, litres, m3), spend in its group is the
 * same purchase counted a second time. A family added to the catalogue is covered by saying what buys it there.
 */
const GROUP_OF_FAMILY: ReadonlyMap<string, string> = new Map(SOURCE_FAMILIES.flatMap((f) => (f.spendGroup === undefined ? [] : [[f.family, f.spendGroup] as const])));

/** A water-supply record with a return-to-sewer share is costed for its sewerage too (calculate-record.ts). */
const TREATED_WITH_SUPPLY = GROUP_OF_FAMILY.get('water-treatment');

const TRAVEL: ReadonlySet<Category> = new Set(['business-travel', 'employee-commuting']);

/** For each group the activity data covers, the ids of the records that cover it (for the warning). */
export function groupsCoveredByActivity(records: readonly ActivityRecord[]): ReadonlyMap<string, readonly string[]> {
  const covered = new Map<string, string[]>();
  for (const record of records) {
    // Staff travel is paid through expenses and mileage, not the utility and fuel bills a ledger's codes buy.
    if (TRAVEL.has(record.category)) continue;
    // The family is the source up to its first colon: no need to parse every option of 100,000 meters.
    const family = record.source.split(':', 1)[0]!;
    const groups = [GROUP_OF_FAMILY.get(family), family === 'water-supply' && record.returnToSewer !== undefined ? TREATED_WITH_SUPPLY : undefined];
    for (const group of groups) {
      if (group === undefined) continue;
      const ids = covered.get(group);
      if (ids === undefined) covered.set(group, [record.id]);
      else ids.push(record.id);
    }
  }
  return covered;
}
