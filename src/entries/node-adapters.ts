/** The Node adapters' exports, shared by 'council-ghg/node' and the root entry point (each makes them the default). */
export {
  bundledFactorLibrary, useBundledFactorLibrary, loadFactorSet, factorSetIds, defaultFactorSetId, loadManifest, bundledFactorsDir,
} from '../factors/bundled.js';
export { importFactorFile, writeFactorSet, type FactorImportOptions, type FactorImportResult } from '../factors/import-file.js';
export { loadSpendFactorSet, defaultSpendFactorSetId, loadSpendManifest, bundledSpendCategories, bundledSpendDir } from '../factors/spend/bundled.js';
export { importSpendFactorFile, writeSpendFactorSet, type SpendImportOptions, type SpendImportResult } from '../factors/spend/import-file.js';
