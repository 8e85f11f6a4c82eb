/**
 * council-ghg/core: the portable calculation library, for browsers, Deno, workers and bundlers as well as Node.
 * Units, exact decimals, factor sets and the libraries that hold them, calculation and inventories; it imports no
 * Node module and reads no file: factor sets come loaded, or from a library fetched from a URL
 * (`fetchFactorLibrary`) or built from data in hand (`factorLibraryFromFiles`).
 *
 * @example
 * import { calculateInventory, fetchFactorLibrary, formatTonnes } from 'council-ghg/core';
 *
 * const factors = await fetchFactorLibrary('https://example.org/emission-factors/', { reportingYearStart: 2023 });
 * const inventory = calculateInventory(
 *   { reportingYear: '2023/24', records: [{ category: 'buildings', source: 'natural-gas', quantity: '1184230', unit: 'kWh' }] },
 *   { factors },
 * );
 * console.log(`${formatTonnes(inventory.totals.total)} tCO2e`);
 *
 * @module council-ghg/core
 */
export { Decimal } from '../decimal.js';
export type { Problem, Origin, Severity } from '../problem.js';
export { formatProblem, formatOrigin } from '../problem.js';

export * from '../units/index.js';
export * from '../factors/index.js';
export * from '../factors/spend/index.js';

export { CATEGORIES, CATEGORY_IDS, SCOPES, SCOPE_LABELS, SCOPE3_CATEGORIES, type Category, type Scope, type Scope3Category } from '../activity/categories.js';
export { SOURCE_FAMILIES, parseSource, isFreeText, type SourceFamily, type SourceKind, type SourceOption, type FreeTextOption } from '../activity/sources.js';
export {
  ActivityRecordInputSchema, parseActivityRecords, DATA_QUALITY_TIERS, ReportingYearSchema,
  type ActivityRecord, type ActivityRecordInput, type ActivityProblem, type DataQuality, type ReportingYear, type MarketInstrument,
} from '../activity/record.js';
export { COUNCIL_TYPES, COUNCIL_TYPE_INFO, REGIONS, REGION_LABELS, regionsFor, type CouncilType, type Region } from '../activity/council.js';

export * from '../calculate/index.js';
export * from '../inventory/index.js';
