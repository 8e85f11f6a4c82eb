import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FactorSet } from './factor-set.js';
import { once } from './once.js';
import { FACTORS_FILE, MANIFEST_FILE, parseManifest, parseSkipped, parseValues, SKIPPED_FILE } from './store.js';
import type { FactorManifest } from './schema.js';

export class UnknownFactorSetError extends Error {
  override readonly name = 'UnknownFactorSetError';
  constructor(
    readonly setId: string,
    readonly available: readonly string[],
  ) {
    super(`No factor set '${setId}'. Available: ${available.join(', ')}`);
  }
}

/** The emission-factors/ folder shipped with the package (found from this module's location). */
export function bundledFactorsDir(): string {
  const found = findBundledFactorsDir();
  if (found === undefined) throw new Error('The bundled emission-factors/ folder is missing from this installation of council-ghg');
  return found;
}

/** That folder, or undefined where it is not shipped (a bundle that passes its factor sets in loaded). */
export function findBundledFactorsDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'emission-factors');
    if (existsSync(join(candidate, MANIFEST_FILE))) return candidate;
    dir = resolve(dir, '..');
  }
  return undefined;
}

const manifests = new Map<string, FactorManifest>();
const sets = new Map<string, FactorSet>();

export function loadManifest(dir: string = bundledFactorsDir()): FactorManifest {
  return once(manifests, dir, () => parseManifest(readFileSync(join(dir, MANIFEST_FILE), 'utf8')));
}

/** Ids of the available sets, oldest first. */
export function factorSetIds(dir?: string): string[] {
  return loadManifest(dir).sets.map((s) => s.id);
}

/** Loads (once, then cached) a factor set by id, e.g. 'desnz-2023'. */
export function loadFactorSet(id: string, dir: string = bundledFactorsDir()): FactorSet {
  return once(sets, `${dir}\u0000${id}`, () => {
    const manifest = loadManifest(dir);
    const info = manifest.sets.find((s) => s.id === id);
    if (info === undefined) throw new UnknownFactorSetError(id, manifest.sets.map((s) => s.id));
    const skippedFile = join(dir, id, SKIPPED_FILE);
    const skipped = existsSync(skippedFile) ? parseSkipped(readFileSync(skippedFile, 'utf8')) : [];
    return new FactorSet(info, parseValues(readFileSync(join(dir, id, FACTORS_FILE), 'utf8')), skipped);
  });
}

/**
 * The documented default: the set published in the calendar year a reporting year starts (2023/24 →
 * desnz-2023, as DESNZ advises using the factors for the reporting period); for a year before the oldest
 * set, the oldest; after the newest (or with no year), the newest. The calculator warns when the year differs.
 */
export function defaultFactorSetId(reportingYearStart?: number, dir?: string): string {
  const byAge = [...loadManifest(dir).sets].sort((a, b) => a.year - b.year);
  const oldest = byAge[0];
  const newest = byAge.at(-1);
  if (oldest === undefined || newest === undefined) throw new UnknownFactorSetError('(default)', []);
  if (reportingYearStart === undefined) return newest.id;
  const chosen = byAge.find((s) => s.year === reportingYearStart) ?? (reportingYearStart < oldest.year ? oldest : newest);
  return chosen.id;
}
