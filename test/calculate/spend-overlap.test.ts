import { describe, expect, it } from 'vitest';
import type { ActivityRecord, ActivityRecordInput } from '../../src/activity/record.js';
import { SOURCE_FAMILIES } from '../../src/activity/sources.js';
import { Decimal } from '../../src/decimal.js';
import { groupsCoveredByActivity } from '../../src/calculate/spend-overlap.js';
import { loadSpendFactorSet } from '../../src/factors/spend/bundled.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';

/**
 * Spend on what the council measures as activity is the same purchase counted twice. Which spend group buys which
 * source is stated in the source catalogue, so a fuel family added there is covered by saying what buys it.
 */
const record = (id: string, source: string, extra: Partial<ActivityRecord> = {}): ActivityRecord =>
  ({ id, category: 'buildings', source, quantity: new Decimal(1), unit: 'litre', dataQuality: 'metered', origin: {}, ...extra }) as ActivityRecord;

describe('spend groups come from the source catalogue', () => {
  it('every fuel, energy and water family names the group that buys it, or is one of those no group buys alone', () => {
    const measured = SOURCE_FAMILIES.filter((f) => ['stationary-fuel', 'vehicle-fuel', 'electricity', 'heat', 'water'].includes(f.kind));
    // No spend group buys only these, so no spend is taken as theirs (a change here is a decision, made in the catalogue).
    expect(measured.filter((f) => f.spendGroup === undefined).map((f) => f.family)).toEqual(['wood-pellets', 'wood-chips', 'wood-logs', 'biogas', 'cng']);
  });

  it('each group named is a group of the bundled spend set (SIC 2007)', () => {
    const set = loadSpendFactorSet();
    for (const f of SOURCE_FAMILIES.filter((x) => x.spendGroup !== undefined)) expect(set.group(f.spendGroup!), f.family).toBeDefined();
  });

  it('the liquid biofuels added in round two (HVO, biodiesel ME, biopropane) cover refined fuels, SIC 19, as diesel does', () => {
    const covered = groupsCoveredByActivity([record('hvo', 'hvo'), record('fame', 'biodiesel-me'), record('bio-lpg', 'biopropane'), record('dg', 'diesel', { category: 'fleet' })]);
    expect([...covered]).toEqual([['sic-19', ['hvo', 'fame', 'bio-lpg', 'dg']]]);
  });

  it('water supply with a return-to-sewer share covers sewerage (SIC 37) too; without one, supply (SIC 36) only', () => {
    const covered = groupsCoveredByActivity([record('w', 'water-supply', { category: 'water', unit: 'm3' }), record('w2', 'water-supply', { category: 'water', unit: 'm3', returnToSewer: new Decimal(95) })]);
    expect([...covered]).toEqual([['sic-36', ['w', 'w2']], ['sic-37', ['w2']]]);
  });

  it('sewerage spend beside water costed with its share is left out, as a memo item and a warning', () => {
    const spend: ActivityRecordInput = { id: 'sewer-spend', category: 'purchased-goods-and-services', source: 'spend:sewerage-and-drainage', quantity: '800', unit: 'GBP', priceYear: 2023 };
    const inv = calculateInventory({ records: [{ id: 'w', category: 'water', source: 'water-supply', quantity: '100', unit: 'm3', returnToSewer: '95' }, spend] }, { factorSet: 'desnz-2023' });
    expect(inv.lines.some((l) => l.recordId === 'sewer-spend')).toBe(false);
    expect(inv.memo.map((m) => [m.recordId, m.kind])).toEqual([['sewer-spend', 'spend-counted-as-activity']]);
    expect(inv.problems.map((p) => [p.code, p.value])).toEqual([['spend-counted-as-activity', '800']]);
  });
});
