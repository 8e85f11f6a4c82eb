import { z } from 'zod';

/** Why a published figure was withheld. */
export const SUPPRESSION_REASONS = ['below-threshold', 'small-cohort', 'dominance', 'secondary', 'equals-council-value', 'tied-values', 'earlier-release'] as const;
/** Why a figure was withheld, one of `SUPPRESSION_REASONS`; only the operator's audit gives it. */
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** Each suppression reason in plain words, as the audit report gives them to the organiser. */
export const SUPPRESSION_EXPLANATIONS: Record<SuppressionReason, string> = {
  'below-threshold': 'fewer councils than the threshold contributed',
  'small-cohort':
    'the cohort is too small for this quartile: each quartile is the mean of a window of councils, and the windows and the rest of the cohort must each hold at least the threshold number of councils (2 x threshold for the median, 4 x threshold + 1 for the lower and upper quartiles)',
  dominance:
    'one or two councils make up too much of the figure (the (n, k) rule on totals, or the p% rule on totals, quartile windows and a cohort total less its windows), or the total is zero, so it would describe them',
  secondary: 'withheld so that another withheld figure, or the figures of fewer councils than the threshold, cannot be worked out by adding and subtracting published ones',
  'equals-council-value': "the rounded figure would equal one council's own figure",
  'tied-values': 'too many councils in the quartile window share the same figure (e.g. several at zero), so they would know one another\'s and could work out the rest',
  'earlier-release': 'its councils differ from those of the same figure in an earlier release (the ledger) by fewer than the threshold, so the two could be differenced',
};

/** The (n, k) dominance rule: a total is withheld when its n largest contributors make up more than k% of it. */
export const DominanceRuleSchema = z.strictObject({
  contributors: z.number().int().min(1).max(4),
  percent: z.number().gt(0).lt(100),
});
/** An (n, k) dominance rule: `{ contributors: 1, percent: 50 }` withholds a total one council makes up more than half of. */
export type DominanceRule = z.output<typeof DominanceRuleSchema>;

/**
 * Disclosure control, with UK official-statistics style defaults (GSS/ONS disclosure control guidance for
 * tables; see README, "Benchmarking"):
 * - minCouncils 5 (threshold rule): every published figure, and every figure that can be worked out from
 *   published ones, rests on at least five councils;
 * - dominance (1, 50%) and (2, 85%): a total is withheld when one council is more than half of it, or two
 *   councils more than 85%, as it would then mostly describe them (the second rule stops the second
 *   largest council estimating the largest to better than 15% of the total);
 * - significantFigures 3: published figures are rounded (half-even), so subtracting published figures gives
 *   a range, never a council's exact figure;
 * - pPercent 10: the p% rule, on totals and quartile windows.
 */
export const DisclosurePolicySchema = z.strictObject({
  minCouncils: z.number().int().min(3).default(5),
  dominance: z
    .array(DominanceRuleSchema)
    .default([
      { contributors: 1, percent: 50 },
      { contributors: 2, percent: 85 },
    ]),
  significantFigures: z.number().int().min(1).max(15).default(3),
  /**
   * The p% rule (GSS/ONS guidance): a sum is withheld when the others besides its two largest contributors add up
   * to less than p% of the largest, since the second largest, subtracting its own figure, would then know the
   * largest to within p%. Applied to cohort totals and to every quartile window (a mean is a sum over k). 0 turns it off.
   */
  pPercent: z.number().min(0).max(100).default(10),
});
/** The disclosure policy a benchmark runs under, every default filled in (see `DisclosurePolicySchema` for the rules). */
export type DisclosurePolicy = z.output<typeof DisclosurePolicySchema>;
/**
 * A disclosure policy as a caller writes it: every field optional, the defaults filling the rest.
 * @example
 * const strict: DisclosurePolicyInput = { minCouncils: 7, pPercent: 15 };
 * const result = benchmark(submissions, strict);
 */
export type DisclosurePolicyInput = z.input<typeof DisclosurePolicySchema>;

/**
 * The policy with every default: at least 5 councils behind each figure, dominance rules (1, 50%) and (2, 85%),
 * 3 significant figures and the p% rule at 10%.
 */
export const DEFAULT_POLICY: DisclosurePolicy = DisclosurePolicySchema.parse({});

/** A policy is configuration, not data: an invalid one throws (zod's message says which field). */
export function resolvePolicy(input: DisclosurePolicyInput = {}): DisclosurePolicy {
  return DisclosurePolicySchema.parse(input);
}
