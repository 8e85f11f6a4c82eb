import type { ImportResult } from '../import/result.js';
import type { Inventory } from '../inventory/types.js';
import type { Origin } from '../problem.js';
import { submissionFromInventory, type SubmissionOptions, type SubmissionProfileInput } from './from-inventory.js';
import type { SubmissionProblem, SubmissionResult } from './submission.js';

const BOUNDARY_LABELS = {
  schoolsIncluded: 'Schools included',
  scope3SpendIncluded: 'Scope 3 spend included',
  leasedAssetsIncluded: 'Leased assets included',
  outsourcedServicesIncluded: 'Outsourced services included',
} as const;
type BoundaryKey = keyof typeof BOUNDARY_LABELS;
const BOUNDARY_KEYS = Object.keys(BOUNDARY_LABELS) as BoundaryKey[];

/** The records that show a boundary is in, whatever the About sheet says. */
const BOUNDARY_EVIDENCE: readonly [BoundaryKey, (r: { category: string; source: string }) => boolean][] = [
  ['scope3SpendIncluded', (r) => r.source.startsWith('spend:')],
  ['leasedAssetsIncluded', (r) => r.category === 'upstream-leased-assets' || r.category === 'downstream-leased-assets'],
  ['outsourcedServicesIncluded', (r) => r.category === 'outsourced-services'],
];

/**
 * An imported baseline and its inventory as a benchmark submission. Who the council is and the reporting year
 * must be on the About sheet (else the problem names what is missing). An unstated boundary flag is taken as
 * "not included", and a "No" the council's own records contradict is kept: both with a warning.
 * @example
 * const imported = await importWorkbook('baseline.xlsx');
 * const result = submissionFromImport(imported, inventoryFromImport(imported));
 * if (result.ok) writeFileSync('submission.json', JSON.stringify(result.submission, null, 2));
 * else result.problems.forEach((p) => console.error(formatProblem(p)));
 */
export function submissionFromImport(imported: Pick<ImportResult, 'profile'>, inventory: Inventory, options: SubmissionOptions & { readonly origin?: Origin } = {}): SubmissionResult {
  const p = imported.profile;
  const origin = options.origin ?? { note: 'About details' };
  const required = { 'ONS code': p.onsCode, 'council name': p.councilName, 'council type': p.councilType, region: p.region, 'reporting year': p.reportingYear };
  const missing = Object.entries(required).flatMap(([label, v]) => (v === undefined ? [label] : []));
  if (p.onsCode === undefined || p.councilName === undefined || p.councilType === undefined || p.region === undefined || p.reportingYear === undefined) {
    return { ok: false, problems: [{ severity: 'error', code: 'incomplete-profile', message: `The About details lack ${missing.join(', ')}`, origin }] };
  }
  const boundary = Object.fromEntries(BOUNDARY_KEYS.map((k) => [k, p.boundary[k] ?? false])) as SubmissionProfileInput['boundary'];
  const profile: SubmissionProfileInput = { onsCode: p.onsCode, name: p.councilName, councilType: p.councilType, region: p.region, reportingYear: p.reportingYear, boundary };
  const warnings: SubmissionProblem[] = [
    ...BOUNDARY_KEYS.filter((k) => p.boundary[k] === undefined).map(
      (k): SubmissionProblem => ({ severity: 'warning', code: 'boundary-assumed', message: `${BOUNDARY_LABELS[k]} not stated on the About sheet: taken as No`, origin }),
    ),
    ...BOUNDARY_EVIDENCE.flatMap(([k, matches]): SubmissionProblem[] => {
      const count = inventory.records.filter(matches).length;
      return boundary[k] || count === 0
        ? []
        : [{ severity: 'warning', code: 'boundary-contradicted', message: `${BOUNDARY_LABELS[k]} is No, but ${count} record(s) are of that kind: answer Yes on the About sheet, or leave them out, so peers compare like with like`, origin }];
    }),
  ];
  const result = submissionFromInventory(inventory, profile, p.denominators, options);
  return result.ok ? { ...result, warnings: [...warnings, ...result.warnings] } : { ok: false, problems: [...warnings, ...result.problems] };
}
