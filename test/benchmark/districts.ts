import { SUBMISSION_FORMAT, SUBMISSION_VERSION, type Submission } from '../../src/benchmark/index.js';
import type { Region } from '../../src/activity/council.js';

/**
 * A synthetic district with this total (all scope 1), for hand-worked benchmark cases: districts of one region
 * and year, so every cohort they fall in holds the same councils.
 */
export function district(i: number, total: number | string, region: Region = 'south-west'): Submission {
  const t = String(total);
  return {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    synthetic: true,
    profile: {
      onsCode: `E0790${String(i).padStart(4, '0')}`,
      name: `Test District ${i}`,
      councilType: 'district',
      region,
      reportingYear: '2023/24',
      factorSetId: 'desnz-2023',
      boundary: { schoolsIncluded: false, scope3SpendIncluded: false, leasedAssetsIncluded: false, outsourcedServicesIncluded: false },
    },
    totals: { total: t, scope1: t, scope2Location: '0', scope2Market: '0', scope3: '0', byCategory: {} },
    denominators: {},
  };
}
