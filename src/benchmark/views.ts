import { z } from 'zod';
import { COUNCIL_TYPES, REGIONS } from '../activity/council.js';
import { POOL_IDS } from './cohorts.js';
import { BASES } from './metrics.js';
import { SUPPRESSION_REASONS } from './policy.js';

/**
 * The two views of a benchmark, as plain JSON-serialisable data (numbers as decimal strings, already rounded
 * as `method.rounding` states). The shared report names no council; the council report is for one council
 * only and shows its own figures beside the cohorts' published ones.
 */

/** A figure as the operator's audit sees it: its rounded value, or why it was withheld. */
export const AuditedSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('published'), value: z.string() }),
  z.strictObject({ status: z.literal('suppressed'), reason: z.enum(SUPPRESSION_REASONS) }),
]);
/**
 * A figure in the operator's audit: `{ status: 'published', value }` with its rounded value as a decimal string,
 * or `{ status: 'suppressed', reason }` saying which disclosure rule withheld it.
 */
export type Audited = z.infer<typeof AuditedSchema>;

/**
 * A figure as the views show it: its rounded value, or one marker that it is withheld. The reason stays in the
 * operator's audit: "dominance" says one council is most of a figure, "secondary" says which figures sit next
 * to a sensitive one, so the reasons would point at the councils the rules protect.
 */
export const PublishedSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('published'), value: z.string() }),
  z.strictObject({ status: z.literal('suppressed') }),
]);
/**
 * A figure in the shared and council views: `{ status: 'published', value }` with its rounded value as a decimal
 * string, or `{ status: 'suppressed' }` with no reason, so a reader sees that it is withheld but not why.
 */
export type Published = z.infer<typeof PublishedSchema>;

export const CohortGroupSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('council-type'), councilType: z.enum(COUNCIL_TYPES) }),
  z.strictObject({ kind: z.literal('region'), region: z.enum(REGIONS) }),
  z.strictObject({ kind: z.literal('pool'), pool: z.enum(POOL_IDS) }),
]);

/** Checks one entry of a report's list of metrics (id, label, basis, unit), as read back from a report's JSON. */
export const MetricInfoSchema = z.strictObject({ id: z.string(), label: z.string(), basis: z.enum(BASES), unit: z.string() });
/**
 * A metric as a report lists it: its id ("total/per-resident"), label, basis and unit ("tCO2e per resident"), so
 * that a reader of the JSON can label each figure without the library.
 */
export type MetricInfo = z.infer<typeof MetricInfoSchema>;

/** One band of a published histogram: from (absent for the lowest band, open below) up to but not including to (absent for the highest). */
export const HistogramBandSchema = z.strictObject({ from: z.string().optional(), to: z.string().optional(), count: z.number().int() });
/** A band of a histogram: how many councils have a figure from `from` up to but not including `to` (decimal strings; an open end is absent). */
export type HistogramBand = z.infer<typeof HistogramBandSchema>;
const PublishedHistogramSchema = z.strictObject({ status: z.literal('published'), bands: z.array(HistogramBandSchema) });
/** A histogram as the operator's audit sees it: its bands, or why it was withheld. */
export const AuditedHistogramSchema = z.discriminatedUnion('status', [PublishedHistogramSchema, z.strictObject({ status: z.literal('suppressed'), reason: z.enum(SUPPRESSION_REASONS) })]);
/** A histogram in the operator's audit: `{ status: 'published', bands }`, or `{ status: 'suppressed', reason }`. */
export type AuditedHistogram = z.infer<typeof AuditedHistogramSchema>;
/** A histogram as the views show it: its bands, or the one withheld marker. */
export const HistogramSchema = z.discriminatedUnion('status', [PublishedHistogramSchema, z.strictObject({ status: z.literal('suppressed') })]);
/**
 * How many councils of a cohort fall in each band of the fixed 1–2–5 grid, bands merged until each holds at least k
 * (see HISTOGRAM_METHOD): `{ status: 'published', bands }`, or `{ status: 'suppressed' }`.
 */
export type Histogram = z.infer<typeof HistogramSchema>;

const cohortMetricSchema = <Cell extends z.ZodType, Hist extends z.ZodType>(cell: Cell, histogram: Hist) =>
  z.strictObject({
    metric: z.string(),
    count: cell,
    lowerQuartile: cell,
    median: cell,
    upperQuartile: cell,
    /** Only for the absolute total, in the all-councils, council-type and pooled cohorts (see README, "Benchmarking"). */
    total: cell.optional(),
    /** Only for headline metrics in cohorts whose lower or upper quartile is withheld (see HISTOGRAM_METHOD). */
    histogram: histogram.optional(),
  });
/** Checks one metric's published figures for a cohort, as the shared view holds them. */
export const CohortMetricSchema = cohortMetricSchema(PublishedSchema, HistogramSchema);
/**
 * One metric's figures for a cohort, as published: how many councils have it, the lower quartile, median and
 * upper quartile, and for the absolute total only the cohort's total; each a rounded value or withheld.
 */
export type CohortMetric = z.infer<typeof CohortMetricSchema>;
/** Checks one metric's figures for a cohort as the operator's audit holds them, each withheld one with its reason. */
export const AuditedCohortMetricSchema = cohortMetricSchema(AuditedSchema, AuditedHistogramSchema);
/**
 * One metric's figures for a cohort as the benchmark works them out: as a `CohortMetric`, with the reason beside
 * each withheld figure. The audit shows these; the shared and council views drop the reasons.
 */
export type AuditedCohortMetric = z.infer<typeof AuditedCohortMetricSchema>;

/** How like-for-like a cohort is (members with incomplete inventories, differing boundaries); no council named. */
const CohortNotesSchema = z.array(z.string());

export const SharedCohortSchema = z.strictObject({ id: z.string(), label: z.string(), group: CohortGroupSchema, notes: CohortNotesSchema, metrics: z.array(CohortMetricSchema) });
/**
 * One cohort of the shared report (all councils, one council type, one region or a pool of types, within a
 * reporting year and factor set): its label, notes on how like-for-like its members are, and its published figures per metric.
 */
export type SharedCohort = z.infer<typeof SharedCohortSchema>;

export const BaseGroupSummarySchema = z.strictObject({
  reportingYear: z.string(),
  factorSetId: z.string(),
  /** Councils in the base group, published like any count (threshold rule). */
  councils: PublishedSchema,
  /** Councils here whose figures were recalculated from their activity data on this factor set (published like any count). */
  restated: PublishedSchema,
});

/** Checks a report's statement of method, as read back from a report's JSON. */
export const MethodSchema = z.strictObject({
  policy: z.strictObject({
    minCouncils: z.number(),
    dominance: z.array(z.strictObject({ contributors: z.number(), percent: z.number() })),
    significantFigures: z.number(),
    pPercent: z.number(),
  }),
  quantiles: z.string(),
  position: z.string(),
  rounding: z.string(),
  secondarySuppression: z.string(),
  /** How the histograms are banded and merged. */
  histograms: z.string(),
  /** What the one withheld marker means; the reason for each withheld figure is in the operator's audit only. */
  withheld: z.string(),
});
/**
 * How a report's figures were made, so that a reader can judge them: the disclosure policy in force, and a
 * sentence each on the quartiles, positions, rounding, secondary suppression and the withheld marker.
 */
export type Method = z.infer<typeof MethodSchema>;

/**
 * Checks a shared report (format council-ghg/benchmark-report, version 1), for example one read back from a
 * published JSON file before it is rendered again.
 * @example
 * const report = SharedReportSchema.parse(JSON.parse(text));
 * console.log(renderBenchmarkText(report));
 */
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
/**
 * The anonymised benchmark report for everyone, made by `sharedView`: per reporting year and factor set, every
 * cohort's published figures with the method and notes. It names no council and holds no council's own figure.
 */
export type SharedReport = z.infer<typeof SharedReportSchema>;

/**
 * Where a council's own figure lies among the cohort's published quartiles: a quarter when the lower and upper
 * quartiles are published, else a half of the median. Never an exact rank (see POSITION_METHOD).
 */
export const POSITION_BANDS = ['lowest-quarter', 'second-quarter', 'third-quarter', 'highest-quarter', 'lower-half', 'upper-half'] as const;
/** One of `POSITION_BANDS`: a quarter of the cohort, or a half where only its median is published. */
export type PositionBand = (typeof POSITION_BANDS)[number];

/** Each position band in words, for reports ("lowest quarter"); the lowest band has the lowest emissions. */
export const POSITION_LABELS: Record<PositionBand, string> = {
  'lowest-quarter': 'lowest quarter',
  'second-quarter': 'second quarter',
  'third-quarter': 'third quarter',
  'highest-quarter': 'highest quarter',
  'lower-half': 'lower half',
  'upper-half': 'upper half',
};

/** Checks a council's position in a cohort: a band, or withheld. */
export const PositionSchema = z.discriminatedUnion('status', [z.strictObject({ status: z.literal('published'), value: z.enum(POSITION_BANDS) }), z.strictObject({ status: z.literal('suppressed') })]);
/**
 * Where a council's own figure lies among a cohort's published quartiles: `{ status: 'published', value }` with
 * its band, or `{ status: 'suppressed' }` where the cohort's median or count is withheld (see `POSITION_METHOD`).
 */
export type Position = z.infer<typeof PositionSchema>;

/** Checks one metric of a council report: the cohort's published figures, with the council's own beside them. */
export const CouncilMetricSchema = CohortMetricSchema.omit({ total: true }).extend({
  /** The council's own figure, rounded as the report states; absent where it did not report it. */
  ours: z.string().optional(),
  /** Which band of the cohort (by its published quartiles) the council's own figure is in, lowest emissions first. */
  position: PositionSchema.optional(),
});
/**
 * One metric of a council report: the cohort's published count and quartiles, and, where the council has the
 * figure, its own value (rounded as the report states) and its position among the quartiles.
 */
export type CouncilMetric = z.infer<typeof CouncilMetricSchema>;

/**
 * Checks a council report (format council-ghg/benchmark-council-report, version 1), for example one read back
 * from the file a council was sent.
 */
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
/**
 * "Where we stand" for one council, made by `councilView`: per reporting year, each cohort the council is in,
 * with its own figures and positions beside the cohort's published ones. For that council only.
 */
export type CouncilReport = z.infer<typeof CouncilReportSchema>;

/**
 * The operator's audit of a run: every figure of every cohort with the reason it was withheld, and every file not
 * used with its reasons. For the organiser only: the reasons point at the councils the rules protect.
 */
export const AuditReportSchema = z.strictObject({
  format: z.literal('council-ghg/benchmark-audit'),
  version: z.literal(1),
  method: MethodSchema,
  reasons: z.record(z.enum(SUPPRESSION_REASONS), z.string()),
  excluded: z.array(z.strictObject({ source: z.string(), problems: z.array(z.strictObject({ severity: z.enum(['error', 'warning']), code: z.string(), message: z.string() })) })),
  baseGroups: z.array(
    z.strictObject({
      reportingYear: z.string(),
      factorSetId: z.string(),
      councils: AuditedSchema,
      restated: AuditedSchema,
      cohorts: z.array(z.strictObject({ id: z.string(), label: z.string(), group: CohortGroupSchema, metrics: z.array(AuditedCohortMetricSchema) })),
    }),
  ),
});
/**
 * The organiser's audit of a run, made by `auditView`: every figure with the reason it was withheld, and every
 * submission not used with its problems. Not for publication: the reasons point at the councils they protect.
 */
export type AuditReport = z.infer<typeof AuditReportSchema>;
