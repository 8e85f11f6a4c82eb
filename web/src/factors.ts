import { FactorSet } from '../../src/factors/factor-set.js';
import { parseManifest, parseSkipped, parseValues } from '../../src/factors/store.js';
import type { FactorManifest } from '../../src/factors/schema.js';
import { SpendFactorSet } from '../../src/factors/spend/spend-set.js';
import { parseCouncilSpendCategories, parseSpendFactors, parseSpendManifest } from '../../src/factors/spend/store.js';
import type { CouncilSpendCategory } from '../../src/factors/spend/schema.js';

/**
 * The bundled factor data, fetched from the page's own folder (data/, copied from emission-factors/ when the
 * page is built) instead of read from disk: the manifest first, then only the DESNZ set an inventory needs
 * (about 1.4 MB each, ten sets), so the page opens quickly and each set is fetched once.
 */
const DATA = new URL('../data/', import.meta.url);

async function text(path: string): Promise<string> {
  const response = await fetch(new URL(path, DATA));
  if (!response.ok) throw new Error(`The page could not load its factor data (${path}: HTTP ${response.status}); the page folder may be incomplete`);
  return response.text();
}

let manifest: Promise<FactorManifest> | undefined;
const sets = new Map<string, Promise<FactorSet>>();
let spend: Promise<{ set: SpendFactorSet; categories: CouncilSpendCategory[] }> | undefined;

export function factorManifest(): Promise<FactorManifest> {
  manifest ??= text('manifest.json').then(parseManifest);
  return manifest;
}

/** As the library's defaultFactorSetId: the set of the year the reporting year starts in, else the nearest end. */
export async function defaultSetId(reportingYearStart: number | undefined): Promise<string> {
  const byAge = [...(await factorManifest()).sets].sort((a, b) => a.year - b.year);
  const oldest = byAge[0]!;
  const newest = byAge.at(-1)!;
  if (reportingYearStart === undefined) return newest.id;
  return (byAge.find((s) => s.year === reportingYearStart) ?? (reportingYearStart < oldest.year ? oldest : newest)).id;
}

export function loadSet(id: string): Promise<FactorSet> {
  let set = sets.get(id);
  if (set === undefined) {
    set = (async () => {
      const info = (await factorManifest()).sets.find((s) => s.id === id);
      if (info === undefined) throw new Error(`No factor set '${id}'. Available: ${(await factorManifest()).sets.map((s) => s.id).join(', ')}`);
      const [values, skipped] = await Promise.all([text(`${id}/factors.csv`), text(`${id}/skipped.csv`)]);
      return new FactorSet(info, parseValues(values), parseSkipped(skipped));
    })();
    set.catch(() => sets.delete(id));
    sets.set(id, set);
  }
  return set;
}

/** The newest spend-based set (as defaultSpendFactorSetId chooses) and the council spend category table. */
export function loadSpend(): Promise<{ set: SpendFactorSet; categories: CouncilSpendCategory[] }> {
  spend ??= (async () => {
    const spendManifest = parseSpendManifest(await text('spend/manifest.json'));
    const info = [...spendManifest.sets].sort((a, b) => a.years.last - b.years.last).at(-1);
    if (info === undefined) throw new Error('The page has no spend factor set');
    const [values, categories] = await Promise.all([text(`spend/${info.id}/factors.csv`), text('spend/council-categories.csv')]);
    return { set: new SpendFactorSet(info, parseSpendFactors(values)), categories: parseCouncilSpendCategories(categories) };
  })();
  spend.catch(() => (spend = undefined));
  return spend;
}
