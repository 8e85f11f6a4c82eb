import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledFactorsDir } from '../bundled.js';
import type { CouncilSpendCategory, SpendManifest } from './schema.js';
import { SpendFactorSet } from './spend-set.js';
import { once } from '../once.js';
import { defaultSpendSetId, UnknownSpendFactorSetError } from '../library.js';
import { COUNCIL_CATEGORIES_FILE, parseCouncilSpendCategories, parseSpendFactors, parseSpendManifest, SPEND_DIR, SPEND_FACTORS_FILE, SPEND_MANIFEST_FILE } from './store.js';

/** The Node adapter for the bundled spend-based data: emission-factors/spend/ read from disk. */
export { UnknownSpendFactorSetError };

/** The bundled emission-factors/spend/ folder. */
export function bundledSpendDir(): string {
  return join(bundledFactorsDir(), SPEND_DIR);
}

const manifests = new Map<string, SpendManifest>();
const sets = new Map<string, SpendFactorSet>();
let categories: CouncilSpendCategory[] | undefined;

/** The spend-based manifest of a folder (default: the bundled one), read once. */
export function loadSpendManifest(dir: string = bundledSpendDir()): SpendManifest {
  return once(manifests, dir, () => parseSpendManifest(readFileSync(join(dir, SPEND_MANIFEST_FILE), 'utf8')));
}

/**
 * The documented default: the newest bundled edition (its year columns cover spend from the first to the last
 * year; spend of a year after the last is costed with the last column, brought to its prices by a price index).
 */
export function defaultSpendFactorSetId(dir?: string): string {
  return defaultSpendSetId(loadSpendManifest(dir));
}

/** Loads (once, then cached) a spend factor set by id, e.g. 'defra-leeds-2023'. */
export function loadSpendFactorSet(id: string = defaultSpendFactorSetId(), dir: string = bundledSpendDir()): SpendFactorSet {
  return once(sets, `${dir}\u0000${id}`, () => {
    const manifest = loadSpendManifest(dir);
    const info = manifest.sets.find((s) => s.id === id);
    if (info === undefined) throw new UnknownSpendFactorSetError(id, manifest.sets.map((s) => s.id));
    return new SpendFactorSet(info, parseSpendFactors(readFileSync(join(dir, id, SPEND_FACTORS_FILE), 'utf8')));
  });
}

/** The bundled council spend categories → SIC groups (emission-factors/spend/council-categories.csv). */
export function bundledSpendCategories(): readonly CouncilSpendCategory[] {
  categories ??= parseCouncilSpendCategories(readFileSync(join(bundledSpendDir(), COUNCIL_CATEGORIES_FILE), 'utf8'));
  return categories;
}
