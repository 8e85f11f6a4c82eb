import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setDefaultFactorLibrary } from './default-library.js';
import { FactorSet } from './factor-set.js';
import { defaultSetId, UnknownFactorSetError, type FactorLibrary } from './library.js';
import { once } from './once.js';
import { parseFactorSetId, type FactorSetId } from './set-id.js';
import { FACTORS_FILE, MANIFEST_FILE, parseManifest, parseSkipped, parseValues, SKIPPED_FILE } from './store.js';
import type { FactorManifest } from './schema.js';
import { bundledSpendCategories, loadSpendFactorSet } from './spend/bundled.js';

/**
 * The Node adapter at the edge: factor sets read from a folder on disk, by default the emission-factors/ folder
 * shipped with the package. The portable core never imports this module; the Node entry points make it the
 * default library.
 */
export { UnknownFactorSetError };

/** The emission-factors/ folder shipped with the package (found from this module's location). */
export function bundledFactorsDir(): string {
  const found = findBundledFactorsDir();
  if (found === undefined) throw new Error('The bundled emission-factors/ folder is missing from this installation of council-ghg');
  return found;
}

let found: { readonly dir: string | undefined } | undefined;

/** That folder, or undefined where it is not shipped (a bundle that passes its factor sets in loaded); looked for once. */
export function findBundledFactorsDir(): string | undefined {
  found ??= { dir: searchUpwards(dirname(fileURLToPath(import.meta.url))) };
  return found.dir;
}

function searchUpwards(from: string): string | undefined {
  let dir = from;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'emission-factors');
    if (existsSync(join(candidate, MANIFEST_FILE))) return candidate;
    dir = resolve(dir, '..');
  }
  return undefined;
}

const manifests = new Map<string, FactorManifest>();
const sets = new Map<string, FactorSet>();
const libraries = new Map<string, FactorLibrary>();

/** The manifest of a folder of factor sets (default: the bundled one), read once. */
export function loadManifest(dir: string = bundledFactorsDir()): FactorManifest {
  return once(manifests, dir, () => parseManifest(readFileSync(join(dir, MANIFEST_FILE), 'utf8')));
}

/** Ids of the available sets, oldest first. */
export function factorSetIds(dir?: string): FactorSetId[] {
  return loadManifest(dir).sets.map((s) => s.id);
}

/**
 * Loads (once, then cached) a factor set by id, e.g. 'desnz-2023'.
 * @example
 * const set = loadFactorSet('desnz-2023');
 * set.get('fuels/gaseous-fuels/natural-gas@kwh-gross-cv').values.get('kgCO2e');
 */
export function loadFactorSet(id: string, dir: string = bundledFactorsDir()): FactorSet {
  const setId = parseFactorSetId(id);
  return once(sets, `${dir}\u0000${setId}`, () => {
    const manifest = loadManifest(dir);
    const info = manifest.sets.find((s) => s.id === setId);
    if (info === undefined) throw new UnknownFactorSetError(setId, manifest.sets.map((s) => s.id));
    const skippedFile = join(dir, setId, SKIPPED_FILE);
    const skipped = existsSync(skippedFile) ? parseSkipped(readFileSync(skippedFile, 'utf8')) : [];
    return new FactorSet(info, parseValues(readFileSync(join(dir, setId, FACTORS_FILE), 'utf8')), skipped);
  });
}

/**
 * The documented default: the set published in the calendar year a reporting year starts (2023/24 →
 * desnz-2023, as DESNZ advises using the factors for the reporting period); for a year before the oldest
 * set, the oldest; after the newest (or with no year), the newest. The calculator warns when the year differs.
 */
export function defaultFactorSetId(reportingYearStart?: number, dir?: string): FactorSetId {
  return defaultSetId(loadManifest(dir).sets, reportingYearStart);
}

/**
 * The sets of a folder on disk (default: the bundled emission-factors/), each read when first asked for, with
 * the bundled spend-based data (a folder written by `council-ghg factors import` holds DESNZ sets only).
 * @example
 * const factors = bundledFactorLibrary('./my-factor-sets');
 * calculateInventory({ reportingYear: '2023/24', records }, { factors });
 */
export function bundledFactorLibrary(dir?: string): FactorLibrary {
  const folder = dir ?? bundledFactorsDir();
  return once(libraries, folder, () => ({
    where: dir === undefined ? 'in this version of council-ghg' : `in ${dir}`,
    sets: loadManifest(folder).sets,
    factorSet: (id) => loadFactorSet(id, folder),
    spendFactorSet: (id) => loadSpendFactorSet(id),
    spendCategories: () => bundledSpendCategories(),
  }));
}

/**
 * Makes the sets on disk the default for calls that name a set by id or give no set (the bundled sets, or
 * `factorSetsDir`'s). The Node entry points ('council-ghg', 'council-ghg/node') and the command line call it.
 * Where the package was bundled without its emission-factors/ folder there is no default: sets come loaded.
 */
export function useBundledFactorLibrary(): void {
  setDefaultFactorLibrary((dir) => (dir === undefined && findBundledFactorsDir() === undefined ? undefined : bundledFactorLibrary(dir)));
}
