/**
 * council-ghg: UK council greenhouse-gas inventories from activity data, with exact decimal arithmetic and
 * versioned DESNZ conversion factors. The public API; everything else is internal.
 */
export { Decimal } from './decimal.js';
export type { Problem, Origin, Severity } from './problem.js';
export { formatProblem, formatOrigin } from './problem.js';

export * from './units/index.js';
export * from './factors/index.js';
export * from './factors/spend/index.js';

export { CATEGORIES, CATEGORY_IDS, SCOPES, SCOPE_LABELS, SCOPE3_CATEGORIES, type Category, type Scope, type Scope3Category } from './activity/categories.js';
export { SOURCE_FAMILIES, parseSource, isFreeText, type SourceFamily, type SourceKind, type SourceOption, type FreeTextOption } from './activity/sources.js';
export {
  ActivityRecordInputSchema, parseActivityRecords, DATA_QUALITY_TIERS, ReportingYearSchema,
  type ActivityRecord, type ActivityRecordInput, type ActivityProblem, type DataQuality, type ReportingYear, type MarketInstrument,
} from './activity/record.js';

export * from './calculate/index.js';
export * from './inventory/index.js';

export { COUNCIL_TYPES, COUNCIL_TYPE_INFO, REGIONS, REGION_LABELS, regionsFor, type CouncilType, type Region } from './activity/council.js';
export * from './import/index.js';
export * from './report/index.js';
export * from './benchmark/index.js';
