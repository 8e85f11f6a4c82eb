/**
 * council-ghg/node: the Node adapters at the edge: the factor sets shipped in the package's emission-factors/
 * folder read from disk (made the default library on import, so sets can be named by id), and the importers of
 * DESNZ and spend-based factor files that write new sets.
 *
 * @example
 * import { calculateInventory } from 'council-ghg/core';
 * import { bundledFactorLibrary } from 'council-ghg/node';
 *
 * const inventory = calculateInventory({ reportingYear: '2023/24', records }, { factors: bundledFactorLibrary() });
 *
 * @module council-ghg/node
 */
import { useBundledFactorLibrary } from '../factors/bundled.js';

export * from './node-adapters.js';

// The one side effect of a Node entry point (declared in package.json "sideEffects"): sets named by id are the bundled ones.
useBundledFactorLibrary();
