import type { SuppressionReason } from '../benchmark/policy.js';

/** One letter per reason a benchmark figure is withheld, shown in its cell and explained once in a legend. */
export const WITHHELD_MARKS: Record<SuppressionReason, string> = {
  'below-threshold': 'T',
  'small-cohort': 'N',
  dominance: 'D',
  secondary: 'S',
  'equals-council-value': 'E',
  'tied-values': 'V',
};
