/** Benchmarking: many councils' submitted baselines aggregated into anonymised peer comparisons. */
export {
  SUBMISSION_FORMAT, SUBMISSION_VERSION, SubmissionSchema, SubmissionProfileSchema, SubmissionTotalsSchema, DenominatorsSchema, SubmittedActivitySchema, parseSubmission,
  type Submission, type SubmissionProfile, type SubmissionTotals, type Denominators, type SubmissionProblem, type SubmissionProblemCode, type SubmissionResult,
} from './submission.js';
export { submissionFromInventory, submissionTotals, type SubmissionProfileInput, type DenominatorsInput, type SubmissionOptions } from './from-inventory.js';
export { submissionFromImport } from './from-import.js';
export { submissionJsonSchema } from './json-schema.js';
export { screenBatch, submissionKey, type BatchOutcome, type Candidate } from './batch.js';
export { readSubmissionsDir, MAX_SUBMISSION_BYTES } from './load.js';
export { loadRegister, bundledRegisterDir, registerProblems, type Register, type RegisterEntry } from './register.js';
export { applyLedger, recordRelease, LedgerSchema, EMPTY_LEDGER, type Ledger } from './ledger.js';
export { parseIntake, intakeHolds, INTAKE_COLUMNS, type Intake, type IntakeEntry } from './intake.js';
export {
  DEFAULT_POLICY, DisclosurePolicySchema, resolvePolicy, SUPPRESSION_REASONS, SUPPRESSION_EXPLANATIONS,
  type DisclosurePolicy, type DisclosurePolicyInput, type DominanceRule, type SuppressionReason,
} from './policy.js';
export { METRICS, MEASURES as BENCHMARK_MEASURES, BASES, HEADLINE_METRICS, HISTOGRAM_METRICS, type Metric, type MetricId, type MetricValues, type Measure as BenchmarkMeasure, type Basis } from './metrics.js';
export { benchmark, TOTAL_METRIC, type BenchmarkOptions, type BenchmarkResult, type BaseGroupResult, type CohortResult, type Member } from './aggregate.js';
export { sharedView, councilView, auditView, position as positionBand, POSITION_METHOD, WITHHELD_METHOD } from './build-views.js';
export { QUANTILE_METHOD } from './quantiles.js';
export { HISTOGRAM_METHOD } from './histograms.js';
export { gridEdge, gridBand } from './bands.js';
export { groupLabel, type CohortGroup } from './cohorts.js';
export {
  PublishedSchema, AuditedSchema, HistogramSchema, AuditedHistogramSchema, HistogramBandSchema, AuditReportSchema, AuditedCohortMetricSchema, PositionSchema, POSITION_BANDS, POSITION_LABELS, SharedReportSchema, CouncilReportSchema, CohortMetricSchema, CouncilMetricSchema, MethodSchema, MetricInfoSchema,
  type Published, type Audited, type Histogram, type AuditedHistogram, type HistogramBand, type AuditReport, type AuditedCohortMetric, type Position, type PositionBand, type SharedReport, type SharedCohort, type CouncilReport, type CouncilMetric, type CohortMetric, type Method, type MetricInfo,
} from './views.js';
