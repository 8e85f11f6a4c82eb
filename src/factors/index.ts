export { factorKey, isFactorKey, describePath, type FactorKey, type FactorPath } from './key.js';
export { MEASURES, GAS_MEASURES, type Measure, type GasMeasure } from './measure.js';
export { FactorSet, FactorNotFoundError, type Factor, type ValueSource } from './factor-set.js';
export type { FactorScope, FactorSetManifestEntry, FactorManifest } from './schema.js';
export { loadFactorSet, factorSetIds, defaultFactorSetId, loadManifest, bundledFactorsDir, UnknownFactorSetError } from './bundled.js';
export { importFactorFile, writeFactorSet, type FactorImportOptions, type FactorImportResult } from './import-file.js';
