import { SUBMISSION_FORMAT, SUBMISSION_VERSION, type RegisterEntry, type Submission } from '../../src/benchmark/index.js';
import type { Region } from '../../src/activity/council.js';

/**
 * A synthetic council with this total (all scope 1), for hand-worked benchmark cases; `profile` names it and places it.
 */
export function syntheticCouncil(total: number | string, profile: Pick<Submission['profile'], 'onsCode' | 'name' | 'councilType' | 'region'>): Submission {
  const t = String(total);
  return {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    synthetic: true,
    profile: {
      ...profile,
      reportingYear: '2023/24',
      factorSetId: 'desnz-2023',
      boundary: { schoolsIncluded: false, scope3SpendIncluded: false, leasedAssetsIncluded: false, outsourcedServicesIncluded: false },
    },
    totals: { total: t, scope1: t, scope2Location: '0', scope2Market: '0', scope3: '0', byCategory: {} },
    denominators: {},
  };
}

/**
 * A synthetic district with this total (all scope 1), for hand-worked benchmark cases: districts of one region
 * and year, so every cohort they fall in holds the same councils.
 */
export function district(i: number, total: number | string, region: Region = 'south-west'): Submission {
  return syntheticCouncil(total, { onsCode: `E0790${String(i).padStart(4, '0')}`, name: `Test District ${i}`, councilType: 'district', region });
}

/**
 * A real council's submission as the council would make it (its register name with "District Council" after it),
 * totals all scope 1; `change` alters the profile, as a spoofer would.
 */
export function registered(entry: RegisterEntry, total: number | string, change: Partial<Submission['profile']> = {}): Submission {
  const t = String(total);
  return {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    profile: {
      onsCode: entry.onsCode,
      name: `${entry.name} District Council`,
      councilType: entry.councilType,
      region: entry.regions[0]!,
      reportingYear: entry.financialYear,
      factorSetId: 'desnz-2023',
      boundary: { schoolsIncluded: false, scope3SpendIncluded: false, leasedAssetsIncluded: false, outsourcedServicesIncluded: false },
      ...change,
    },
    totals: { total: t, scope1: t, scope2Location: '0', scope2Market: '0', scope3: '0', byCategory: {} },
    denominators: {},
  };
}
