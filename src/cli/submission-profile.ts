import type { SubmissionProfileInput } from '../benchmark/index.js';
import type { BaselineProfile } from '../import/index.js';

const BOUNDARY_LABELS = {
  schoolsIncluded: 'Schools included',
  scope3SpendIncluded: 'Scope 3 spend included',
  leasedAssetsIncluded: 'Leased assets included',
  outsourcedServicesIncluded: 'Outsourced services included',
} as const;
const BOUNDARY_KEYS = Object.keys(BOUNDARY_LABELS) as (keyof typeof BOUNDARY_LABELS)[];

/**
 * The profile a submission needs. Who the council is and the year must be stated (else `missing` names them);
 * an unstated boundary flag is taken as "not included" and named in `missing` so the caller warns about it.
 */
export function submissionProfileOf(p: BaselineProfile): { profile: (SubmissionProfileInput & { reportingYear: string }) | undefined; missing: string[] } {
  const required = { 'ONS code': p.onsCode, 'council name': p.councilName, 'council type': p.councilType, region: p.region, 'reporting year': p.reportingYear };
  const absent = Object.entries(required).filter(([, v]) => v === undefined).map(([k]) => k);
  const boundaryMissing = BOUNDARY_KEYS.filter((k) => p.boundary[k] === undefined).map((k) => BOUNDARY_LABELS[k]);
  if (absent.length > 0 || p.onsCode === undefined || p.councilName === undefined || p.councilType === undefined || p.region === undefined || p.reportingYear === undefined) {
    return { profile: undefined, missing: absent };
  }
  return {
    profile: {
      onsCode: p.onsCode,
      name: p.councilName,
      councilType: p.councilType,
      region: p.region,
      reportingYear: p.reportingYear,
      boundary: Object.fromEntries(BOUNDARY_KEYS.map((k) => [k, p.boundary[k] ?? false])) as SubmissionProfileInput['boundary'],
    },
    missing: boundaryMissing,
  };
}

/** The categories each boundary flag covers, where the activity itself shows whether they are in. */
const BOUNDARY_EVIDENCE: readonly [keyof typeof BOUNDARY_LABELS, (r: { category: string; source: string }) => boolean][] = [
  ['scope3SpendIncluded', (r) => r.source.startsWith('spend:')],
  ['leasedAssetsIncluded', (r) => r.category === 'upstream-leased-assets' || r.category === 'downstream-leased-assets'],
  ['outsourcedServicesIncluded', (r) => r.category === 'outsourced-services'],
];

/** Boundary answers of No that the council's own records contradict, as sentences for a warning. */
export function boundaryContradictions(boundary: SubmissionProfileInput['boundary'], records: readonly { category: string; source: string }[]): string[] {
  return BOUNDARY_EVIDENCE.flatMap(([key, matches]) => {
    const count = records.filter(matches).length;
    return boundary[key] || count === 0 ? [] : [`${BOUNDARY_LABELS[key]} is No, but ${count} record(s) are of that kind: answer Yes on the About sheet, or leave them out, so peers compare like with like`];
  });
}
