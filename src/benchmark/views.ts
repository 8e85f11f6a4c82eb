import { z } from 'zod';
import { COUNCIL_TYPES, REGIONS } from '../activity/council.js';
import { BASES } from './metrics.js';
import { SUPPRESSION_REASONS } from './policy.js';

/**
 * The two views of a benchmark, as plain JSON-serialisable data (numbers as decimal strings, already rounded
 * as `method.rounding` states). The shared report names no council; the council report is for one council
 * only and shows its own figures beside the cohorts' published ones.
 */

/** A figure: its rounded value, or why it was withheld. */
export const PublishedSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('published'), value: z.string() }),
  z.strictObject({ status: z.literal('suppressed'), reason: z.enum(SUPPRESSION_REASONS) }),
]);
export type Published = z.infer<typeof PublishedSchema>;

export const CohortGroupSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('council-type'), councilType: z.enum(COUNCIL_TYPES) }),
  z.strictObject({ kind: z.literal('region'), region: z.enum(REGIONS) }),
]);

export const MetricInfoSchema = z.strictObject({ id: z.string(), label: z.string(), basis: z.enum(BASES), unit: z.string() });
export type MetricInfo = z.infer<typeof MetricInfoSchema>;

export const CohortMetricSchema = z.strictObject({
  metric: z.string(),
  count: PublishedSchema,
  lowerQuartile: PublishedSchema,
  median: PublishedSchema,
  upperQuartile: PublishedSchema,
  /** Only for the absolute total, in the all-councils and council-type cohorts (see README, "Benchmarking"). */
  total: PublishedSchema.optional(),
});
export type CohortMetric = z.infer<typeof CohortMetricSchema>;

/** How like-for-like a cohort is (members with incomplete inventories, differing boundaries); no council named. */
const CohortNotesSchema = z.array(z.string());

export const SharedCohortSchema = z.strictObject({ id: z.string(), label: z.string(), group: CohortGroupSchema, notes: CohortNotesSchema, metrics: z.array(CohortMetricSchema) });
export type SharedCohort = z.infer<typeof SharedCohortSchema>;

export const BaseGroupSummarySchema = z.strictObject({
  reportingYear: z.string(),
  factorSetId: z.string(),
  /** Councils in the base group, published like any count (threshold; noise under differential privacy). */
  councils: PublishedSchema,
  /** Councils here whose figures were recalculated from their activity data on this factor set (published like any count). */
  restated: PublishedSchema,
});

export const MethodSchema = z.strictObject({
  policy: z.strictObject({
    minCouncils: z.number(),
    dominance: z.array(z.strictObject({ contributors: z.number(), percent: z.number() })),
    significantFigures: z.number(),
    differentialPrivacy: z.strictObject({ epsilon: z.number(), noise: z.enum(['random', 'seeded']), clipTCO2e: z.string() }).optional(),
  }),
  quantiles: z.string(),
  percentile: z.string(),
  rounding: z.string(),
  secondarySuppression: z.string(),
  differentialPrivacy: z.string().optional(),
  reasons: z.record(z.enum(SUPPRESSION_REASONS), z.string()),
});
export type Method = z.infer<typeof MethodSchema>;

export const SharedReportSchema = z.strictObject({
  format: z.literal('council-ghg/benchmark-report'),
  version: z.literal(1),
  synthetic: z.boolean(),
  method: MethodSchema,
  /** How cohorts were formed: restatements on a common factor set, councils kept apart, exclusions. */
  notes: z.array(z.string()),
  metrics: z.array(MetricInfoSchema),
  baseGroups: z.array(BaseGroupSummarySchema.extend({ cohorts: z.array(SharedCohortSchema) })),
});
export type SharedReport = z.infer<typeof SharedReportSchema>;

export const CouncilMetricSchema = CohortMetricSchema.omit({ total: true }).extend({
  /** The council's own figure, rounded as the report states; absent where it did not report it. */
  ours: z.string().optional(),
  /** Mid-rank percentile in the cohort, 0 lowest emissions to 100 highest, rounded to a whole number. */
  percentile: PublishedSchema.optional(),
});
export type CouncilMetric = z.infer<typeof CouncilMetricSchema>;

export const CouncilReportSchema = z.strictObject({
  format: z.literal('council-ghg/benchmark-council-report'),
  version: z.literal(1),
  synthetic: z.boolean(),
  council: z.strictObject({ onsCode: z.string(), name: z.string() }),
  method: MethodSchema,
  notes: z.array(z.string()),
  metrics: z.array(MetricInfoSchema),
  years: z.array(
    BaseGroupSummarySchema.extend({
      restatedFrom: z.string().optional(),
      cohorts: z.array(z.strictObject({ id: z.string(), label: z.string(), group: CohortGroupSchema, notes: CohortNotesSchema, metrics: z.array(CouncilMetricSchema) })),
    }),
  ),
});
export type CouncilReport = z.infer<typeof CouncilReportSchema>;
