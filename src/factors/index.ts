export { factorKey, isFactorKey, describePath, type FactorKey, type FactorPath } from './key.js';
export { MEASURES, GAS_MEASURES, type Measure, type GasMeasure } from './measure.js';
export { FactorSet, FactorNotFoundError, type Factor, type ValueSource } from './factor-set.js';
export type { FactorScope, FactorSetManifestEntry, FactorSetManifestEntryInput, FactorManifest, FactorManifestInput } from './schema.js';
export { parseFactorSetId, isFactorSetId, InvalidFactorSetIdError, type FactorSetId } from './set-id.js';
export {
  factorLibraryFromFiles, fetchFactorLibrary, defaultSetId, defaultSpendSetId, UnknownFactorSetError, UnknownSpendFactorSetError, NoFactorLibraryError,
  type FactorLibrary, type FactorFiles, type FetchFactorOptions, type FetchedText,
} from './library.js';
