export { SpendFactorSet, sicGroupId, type SpendFactor, type SpendGroup } from './spend-set.js';
export { SpendCategoryMap, type SpendCategory } from './categories.js';
export { loadSpendFactorSet, defaultSpendFactorSetId, loadSpendManifest, bundledSpendCategories, bundledSpendDir, UnknownSpendFactorSetError } from './bundled.js';
export { importSpendFactorFile, writeSpendFactorSet, type SpendImportOptions, type SpendImportResult } from './import-file.js';
export type { CouncilSpendCategory, SpendManifest, SpendSetManifestEntry } from './schema.js';
