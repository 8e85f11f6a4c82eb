export { SpendFactorSet, sicGroupId, type SpendFactor, type SpendGroup } from './spend-set.js';
export { SpendCategoryMap, type SpendCategory } from './categories.js';
export type { CouncilSpendCategory, SpendManifest, SpendSetManifestEntry } from './schema.js';
