import type { CouncilType, Region } from '../activity/council.js';
import type { ReportingYear } from '../activity/record.js';
import { Decimal, type DecimalValue } from '../decimal.js';
import type { Inventory, InventoryTotals } from '../inventory/types.js';
import { parseSubmission, SUBMISSION_FORMAT, SUBMISSION_VERSION, type SubmissionProblem, type SubmissionProfile, type SubmissionResult, type SubmissionTotals } from './submission.js';

/** Who the council is; the reporting year and factor set come from the inventory unless given. */
export interface SubmissionProfileInput {
  readonly onsCode: string;
  readonly name: string;
  readonly councilType: CouncilType;
  readonly region: Region;
  readonly reportingYear?: ReportingYear;
  readonly boundary: SubmissionProfile['boundary'];
}

/**
 * A council's denominators for the per-resident, per-FTE, per-£m and per-m2 metrics, as decimals or their text.
 * One left out gives the council no figure on that basis (missing is not zero).
 */
export interface DenominatorsInput {
  readonly population?: DecimalValue;
  readonly staffFte?: DecimalValue;
  readonly grossRevenueExpenditureGbpMillions?: DecimalValue;
  readonly floorAreaM2?: DecimalValue;
}

/** Options for making a submission: whether it carries the activity records, and whether it is made-up data. */
export interface SubmissionOptions {
  /** Include the activity records so the benchmark can recalculate on a common factor set (default true). */
  readonly includeActivity?: boolean;
  /** Made-up data (examples, tests): a batch of only such submissions skips the register check, which refuses one beside real councils. */
  readonly synthetic?: boolean;
}

/** Exact kgCO2e totals as exact tCO2e decimal strings (dividing by 1000 never rounds). */
export function submissionTotals(totals: InventoryTotals): SubmissionTotals {
  const t = (kg: Decimal) => kg.div(1000).toFixed();
  return {
    total: t(totals.total),
    scope1: t(totals.byScope['scope-1']),
    scope2Location: t(totals.byScope['scope-2']),
    scope2Market: t(totals.scope2MarketBased),
    scope3: t(totals.byScope['scope-3']),
    byCategory: Object.fromEntries([...totals.byCategory].map(([c, kg]) => [c, t(kg)])),
  };
}

/**
 * An inventory as a benchmark submission, validated as any submitted file is (so the result is either a
 * submission or the reasons it cannot be one). An inventory whose errors excluded records gives a warning
 * and carries the number in `excludedRecords`: its totals cover only the records that could be calculated,
 * and the benchmark tells readers of each cohort how many of its members are incomplete.
 * @example
 * const result = submissionFromInventory(
 *   inventory,
 *   { onsCode: 'E07000223', name: 'Adur District Council', councilType: 'district', region: 'south-east',
 *     boundary: { schoolsIncluded: false, scope3SpendIncluded: true, leasedAssetsIncluded: false, outsourcedServicesIncluded: false } },
 *   { population: '64500', staffFte: '312' },
 * );
 */
export function submissionFromInventory(inventory: Inventory, profile: SubmissionProfileInput, denominators: DenominatorsInput, options: SubmissionOptions = {}): SubmissionResult {
  const origin = { note: `inventory of ${profile.name}` };
  const reportingYear = profile.reportingYear ?? inventory.reportingYear;
  const excluded = inventory.problems.filter((p) => p.severity === 'error').length;
  const json = {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    ...(options.synthetic === true ? { synthetic: true } : {}),
    profile: {
      onsCode: profile.onsCode,
      name: profile.name,
      councilType: profile.councilType,
      region: profile.region,
      reportingYear,
      factorSetId: inventory.factorSet.id,
      boundary: profile.boundary,
    },
    totals: submissionTotals(inventory.totals),
    denominators: Object.fromEntries(Object.entries(denominators).filter(([, v]) => v !== undefined).map(([k, v]) => [k, new Decimal(v as DecimalValue).toFixed()])),
    ...(excluded > 0 ? { excludedRecords: excluded } : {}),
    ...(options.includeActivity === false ? {} : { activity: inventory.records.map(activityJson) }),
  };
  const result = parseSubmission(json, origin);
  if (!result.ok || excluded === 0) return result;
  const warning: SubmissionProblem = {
    severity: 'warning',
    code: 'incomplete-inventory',
    message: `${excluded} problem(s) excluded records from the inventory; the totals cover only the records that could be calculated`,
    origin,
  };
  return { ...result, warnings: [...result.warnings, warning] };
}

/** A validated record as JSON: Decimals as strings (their toJSON), without its origin (a path on the council's machine). */
function activityJson(record: Inventory['records'][number]): Record<string, unknown> {
  const { origin: _origin, ...rest } = record;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}
