/**
 * council-ghg: UK council greenhouse-gas inventories from activity data, with exact decimal arithmetic and
 * versioned DESNZ conversion factors. This entry point is the whole library for Node: the portable core
 * (also `council-ghg/core`), the importers (`council-ghg/import`), the reports (`council-ghg/report`), the
 * benchmark (`council-ghg/benchmark`) and the Node adapters (`council-ghg/node`), with the bundled factor sets
 * as the default, so a set can be named by id or left to the reporting year.
 *
 * @example
 * import { calculateInventory, formatTonnes } from 'council-ghg';
 *
 * const inventory = calculateInventory({
 *   reportingYear: '2023/24',
 *   records: [{ category: 'buildings', source: 'natural-gas', quantity: '1184230', unit: 'kWh' }],
 * });
 * console.log(`${formatTonnes(inventory.totals.total)} tCO2e using ${inventory.factorSet.id}`);
 *
 * @module council-ghg
 */
import { useBundledFactorLibrary } from './factors/bundled.js';

export * from './entries/core.js';
export * from './entries/import.js';
export * from './entries/report.js';
export * from './entries/benchmark.js';
export * from './entries/node-adapters.js';

// As in council-ghg/node: the entry point's one side effect (declared in package.json "sideEffects").
useBundledFactorLibrary();
