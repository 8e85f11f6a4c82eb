import { calculateInventory, type CalculationOptions } from '../inventory/calculate-inventory.js';
import { submissionTotals } from './from-inventory.js';
import type { Submission } from './submission.js';

export type Restatement =
  | { readonly ok: true; readonly submission: Submission; readonly from: string }
  | { readonly ok: false; readonly reason: string };

/**
 * A submission's activity recalculated on another factor set (what `recalculate` does for an inventory),
 * so councils that used different DESNZ years can be compared like for like. Refused, with the reason, when
 * there is no activity or when any record cannot be calculated on the common set (e.g. spend without a spend
 * factor table): a partial restatement would understate the council against its peers. `excludedRecords`
 * is kept: records the council's own inventory could not use (e.g. invalid ones) are not in the activity either.
 */
export function restate(submission: Submission, factorSet: NonNullable<CalculationOptions['factorSet']>): Restatement {
  if (submission.activity === undefined || submission.activity.length === 0) return { ok: false, reason: 'no activity data was submitted' };
  const inventory = calculateInventory({ records: submission.activity, reportingYear: submission.profile.reportingYear }, { factorSet });
  const errors = inventory.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, reason: `${errors.length} record(s) cannot be calculated on ${inventory.factorSet.id} (first: ${errors[0]!.message})` };
  return {
    ok: true,
    from: submission.profile.factorSetId,
    submission: { ...submission, profile: { ...submission.profile, factorSetId: inventory.factorSet.id }, totals: submissionTotals(inventory.totals) },
  };
}
