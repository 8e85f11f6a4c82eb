import { describe, expect, it } from 'vitest';
import { submissionFromImport, submissionFromInventory, type SubmissionProfileInput } from '../../src/benchmark/index.js';
import { restate } from '../../src/benchmark/restate.js';
import { Decimal } from '../../src/decimal.js';
import type { BaselineProfile } from '../../src/import/profile.js';
import { calculateInventory } from '../../src/inventory/index.js';

/**
 * A submission made from an inventory or an imported baseline, and restated on another factor set
 * (src/benchmark/from-inventory.ts, from-import.ts, restate.ts; issue 17, mutation testing). The tCO2e figures
 * are worked by hand from the published DESNZ rows quoted.
 */

/**
 * 1,000 kWh of natural gas. DESNZ 2023 (emission-factors/desnz-2023, ID 1_100_1004_6_1, row 83): 0.182928926174497
 * kgCO2e per kWh (gross CV), so scope 1 is 182.928926174497 kg = 0.182928926174497 t; its well-to-tank (ID
 * 11_100_1004_6_1, row 3261) 0.03021, so scope 3 is 30.21 kg = 0.03021 t; total 0.213138926174497 t.
 */
const gas = { id: 'g', category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh' } as const;
const REPORTING_YEAR = '2023/24';
const inventory2023 = () => calculateInventory({ records: [gas], reportingYear: REPORTING_YEAR }, { factorSet: 'desnz-2023' });

const NO_BOUNDARY = { schoolsIncluded: false, scope3SpendIncluded: false, leasedAssetsIncluded: false, outsourcedServicesIncluded: false };
const profile: SubmissionProfileInput = { onsCode: 'E07000223', name: 'Adur District Council', councilType: 'district', region: 'south-east', boundary: NO_BOUNDARY };

describe('a submission from an inventory', () => {
  it('gives the totals in exact tCO2e, by scope and category, and the factor set and year of the inventory', () => {
    const r = submissionFromInventory(inventory2023(), profile, {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.submission.totals).toEqual({
      total: '0.213138926174497',
      scope1: '0.182928926174497',
      scope2Location: '0',
      scope2Market: '0',
      scope3: '0.03021',
      byCategory: { buildings: '0.213138926174497' },
    });
    expect(r.submission.profile).toEqual({ ...profile, reportingYear: '2023/24', factorSetId: 'desnz-2023' });
    expect(r.warnings).toEqual([]);
    expect(r.submission.excludedRecords).toBeUndefined();
    expect(r.submission.synthetic).toBeUndefined();
  });

  it('takes a reporting year given with the profile over the inventory’s', () => {
    const r = submissionFromInventory(inventory2023(), { ...profile, reportingYear: '2022/23' }, {});
    expect(r.ok && r.submission.profile.reportingYear).toBe('2022/23');
  });

  it('writes the denominators given as exact text, leaving out those not given', () => {
    const r = submissionFromInventory(inventory2023(), profile, { population: 64500, staffFte: '312.50', grossRevenueExpenditureGbpMillions: new Decimal('41.2') });
    expect(r.ok && r.submission.denominators).toEqual({ population: '64500', staffFte: '312.5', grossRevenueExpenditureGbpMillions: '41.2' });
  });

  it('carries the activity records without their origin unless asked not to, and marks made-up data only when asked', () => {
    const withActivity = submissionFromInventory(inventory2023(), profile, {});
    expect(withActivity.ok && withActivity.submission.activity).toEqual([{ id: 'g', category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh', dataQuality: 'estimated' }]);
    const without = submissionFromInventory(inventory2023(), profile, {}, { includeActivity: false, synthetic: true });
    expect(without.ok && without.submission.activity).toBeUndefined();
    expect(without.ok && without.submission.synthetic).toBe(true);
    const notSynthetic = submissionFromInventory(inventory2023(), profile, {}, { synthetic: false });
    expect(notSynthetic.ok && 'synthetic' in notSynthetic.submission).toBe(false);
  });

  it('counts each error that excluded data, and warns that the totals understate the council', () => {
    // Two records in a source no catalogue has: two errors, and the totals are the gas alone.
    const records = [gas, { id: 'x', category: 'buildings', source: 'unobtainium', quantity: '1', unit: 'kWh' }, { id: 'y', category: 'buildings', source: 'moonbeams', quantity: '1', unit: 'kWh' }] as const;
    const inventory = calculateInventory({ records: [...records], reportingYear: REPORTING_YEAR }, { factorSet: 'desnz-2023' });
    const r = submissionFromInventory(inventory, profile, {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.submission.excludedRecords).toBe(2);
    expect(r.submission.totals.total).toBe('0.213138926174497');
    expect(r.warnings.map((w) => [w.severity, w.code, w.message, w.origin.note])).toEqual([
      ['warning', 'incomplete-inventory', '2 problem(s) excluded records from the inventory; the totals cover only the records that could be calculated', 'inventory of Adur District Council'],
    ]);
  });

  it('gives the submission’s own problems when the profile is not a valid one', () => {
    const r = submissionFromInventory(inventory2023(), { ...profile, onsCode: 'E10000032' }, {});
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['code-does-not-match-type']);
  });
});

describe('a submission from an imported baseline', () => {
  /** The About details, those named in `without` left blank. */
  const about = (changes: Partial<BaselineProfile> = {}, without: readonly (keyof BaselineProfile)[] = []): { profile: BaselineProfile } => {
    const full: BaselineProfile = { councilName: 'Adur District Council', onsCode: 'E07000223', councilType: 'district', region: 'south-east', reportingYear: '2023/24', boundary: { ...NO_BOUNDARY }, denominators: { population: new Decimal(64500) }, ...changes };
    return { profile: Object.fromEntries(Object.entries(full).filter(([k]) => !without.includes(k as keyof BaselineProfile))) as unknown as BaselineProfile };
  };

  it('takes the About details and the denominators, with no warning when every boundary flag is stated', () => {
    const r = submissionFromImport(about(), inventory2023());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    expect(r.submission.profile).toEqual({ ...profile, reportingYear: '2023/24', factorSetId: 'desnz-2023' });
    expect(r.submission.denominators).toEqual({ population: '64500' });
  });

  it('takes an unstated boundary flag as No, saying so for each, in the About sheet’s order', () => {
    const r = submissionFromImport(about({ boundary: { schoolsIncluded: true, leasedAssetsIncluded: false } }), inventory2023(), { origin: { file: 'about.csv' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.submission.profile.boundary).toEqual({ schoolsIncluded: true, scope3SpendIncluded: false, leasedAssetsIncluded: false, outsourcedServicesIncluded: false });
    expect(r.warnings.map((w) => [w.code, w.message, w.origin.file])).toEqual([
      ['boundary-assumed', 'Scope 3 spend included not stated on the About sheet: taken as No', 'about.csv'],
      ['boundary-assumed', 'Outsourced services included not stated on the About sheet: taken as No', 'about.csv'],
    ]);
  });

  it('warns when a "No" is contradicted by the council’s own records, counting them; a "Yes" is not questioned', () => {
    const records = [
      gas,
      { id: 'u', category: 'upstream-leased-assets', source: 'natural-gas', quantity: '10', unit: 'kWh' },
      { id: 'd', category: 'downstream-leased-assets', source: 'natural-gas', quantity: '10', unit: 'kWh' },
      { id: 'o', category: 'outsourced-services', source: 'natural-gas', quantity: '10', unit: 'kWh' },
    ] as const;
    const inventory = calculateInventory({ records: [...records], reportingYear: REPORTING_YEAR }, { factorSet: 'desnz-2023' });
    const r = submissionFromImport(about(), inventory);
    expect(r.ok ? r.warnings.map((w) => [w.code, w.message]) : r.problems).toEqual([
      ['boundary-contradicted', 'Leased assets included is No, but 2 record(s) are of that kind: answer Yes on the About sheet, or leave them out, so peers compare like with like'],
      ['boundary-contradicted', 'Outsourced services included is No, but 1 record(s) are of that kind: answer Yes on the About sheet, or leave them out, so peers compare like with like'],
    ]);
    const yes = submissionFromImport(about({ boundary: { ...NO_BOUNDARY, leasedAssetsIncluded: true, outsourcedServicesIncluded: true } }), inventory);
    expect(yes.ok && yes.warnings).toEqual([]);
  });

  it('names each About detail that is missing, and keeps its warnings beside the submission’s own problems', () => {
    const r = submissionFromImport(about({}, ['onsCode', 'region']), inventory2023());
    expect(r.ok ? [] : r.problems.map((p) => [p.code, p.message, p.origin.note])).toEqual([['incomplete-profile', 'The About details lack ONS code, region', 'About details']]);
    const invalid = submissionFromImport(about({ onsCode: 'E10000032', boundary: {} }), inventory2023());
    expect(invalid.ok ? [] : invalid.problems.map((p) => p.code)).toEqual(['boundary-assumed', 'boundary-assumed', 'boundary-assumed', 'boundary-assumed', 'code-does-not-match-type']);
  });
});

describe('restating a submission on another factor set', () => {
  const submission = () => {
    const r = submissionFromInventory(inventory2023(), profile, {});
    if (!r.ok) throw new Error('the fixture is valid');
    return r.submission;
  };

  it('recalculates its totals from the activity, saying which set it was on', () => {
    // DESNZ 2024 (emission-factors/desnz-2024): natural gas 0.1829 (row 83, ID 1_100_1004_6_1), its WTT 0.03021
    // (row 3477): 0.1829 t + 0.03021 t = 0.21311 t for 1,000 kWh.
    const r = restate(submission(), 'desnz-2024');
    expect(r).toMatchObject({ ok: true, from: 'desnz-2023' });
    if (!r.ok) return;
    expect(r.submission.profile.factorSetId).toBe('desnz-2024');
    expect(r.submission.totals).toEqual({ total: '0.21311', scope1: '0.1829', scope2Location: '0', scope2Market: '0', scope3: '0.03021', byCategory: { buildings: '0.21311' } });
    expect(r.submission.profile.onsCode).toBe('E07000223');
  });

  it('is refused without activity, and when any record cannot be calculated on the set, counting them', () => {
    const s = submission();
    expect(restate({ ...s, activity: undefined }, 'desnz-2024')).toEqual({ ok: false, reason: 'no activity data was submitted' });
    expect(restate({ ...s, activity: [] }, 'desnz-2024')).toEqual({ ok: false, reason: 'no activity data was submitted' });
    // Homeworking has no factor before DESNZ 2022 (its first row is in desnz-2022, row 7982).
    const home = { id: 'h', category: 'employee-commuting' as const, source: 'homeworking', quantity: '100', unit: 'per FTE Working Hour' };
    const r = restate({ ...s, activity: [...s.activity!, home, { ...home, id: 'h2' }] }, 'desnz-2021');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toMatch(/^2 record\(s\) cannot be calculated on desnz-2021 \(first: Record h: /);
  });
});
