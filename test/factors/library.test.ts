import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledFactorLibrary, loadFactorSet, useBundledFactorLibrary } from '../../src/factors/bundled.js';
import { setDefaultFactorLibrary } from '../../src/factors/default-library.js';
import { factorLibraryFromFiles, fetchFactorLibrary, NoFactorLibraryError, UnknownFactorSetError, type FactorFiles } from '../../src/factors/library.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';

/**
 * Factor libraries: the portable core's one way to sets named by id. The same bundled files fetched from a URL,
 * given as text or read from disk cost the same; without a library the core says what to give, never looks for files.
 */
const DATA = join(import.meta.dirname, '..', '..', 'emission-factors');
const read = (path: string) => readFileSync(join(DATA, path), 'utf8');
const BASE = 'https://example.org/factors/';

/** A fetch serving the bundled folder at BASE, recording what was asked for. */
function folderFetch(requested: string[]) {
  return async (url: URL) => {
    const path = url.href.slice(BASE.length);
    requested.push(path);
    try {
      const text = read(path);
      return { ok: true, status: 200, text: async () => text };
    } catch {
      return { ok: false, status: 404, text: async () => '' };
    }
  };
}

const SPEND: FactorFiles['spend'] = {
  manifest: read('spend/manifest.json'),
  sets: { 'defra-leeds-2023': { factors: read('spend/defra-leeds-2023/factors.csv') } },
  categories: read('spend/council-categories.csv'),
};
const filesOf = (ids: readonly string[]): FactorFiles => ({
  manifest: read('manifest.json'),
  sets: Object.fromEntries(ids.map((id) => [id, { factors: read(`${id}/factors.csv`), skipped: read(`${id}/skipped.csv`) }])),
  spend: SPEND,
});
const EVERY_SET = readdirSync(DATA).filter((d) => d.startsWith('desnz-'));

const RECORDS = [
  { category: 'buildings', source: 'natural-gas', quantity: '1184230', unit: 'kWh' },
  { category: 'purchased-goods-and-services', source: 'spend:legal-services', quantity: '100000', unit: 'GBP' },
];
// HVO: in DESNZ's tables from 2021 (bioenergy › biofuel › biodiesel HVO), not in 2016's.
const HVO = { id: 'hvo', category: 'fleet', source: 'hvo', quantity: '100', unit: 'litre' };

afterEach(() => useBundledFactorLibrary());

describe('factor libraries', () => {
  it('fetched for a reporting year: the manifest, that year’s set and the spend data only, costing as the bundled files do', async () => {
    const requested: string[] = [];
    const factors = await fetchFactorLibrary(BASE, { reportingYearStart: 2023, fetch: folderFetch(requested) });
    expect(requested.sort()).toEqual(['desnz-2023/factors.csv', 'desnz-2023/skipped.csv', 'manifest.json', 'spend/council-categories.csv', 'spend/defra-leeds-2023/factors.csv', 'spend/manifest.json']);
    expect(factors.sets.map((s) => s.id)).toEqual(['desnz-2023']);
    const fetched = calculateInventory({ reportingYear: '2023/24', records: RECORDS }, { factors });
    const onDisk = calculateInventory({ reportingYear: '2023/24', records: RECORDS }, { factors: bundledFactorLibrary() });
    expect(fetched.factorSet.id).toBe('desnz-2023');
    expect(fetched.problems).toEqual([]);
    expect(fetched.lines).toEqual(onDisk.lines);
    expect(fetched.totals.total.eq(onDisk.totals.total)).toBe(true);
  });

  it('says where a year without its own set was costed from', async () => {
    const factors = await fetchFactorLibrary(BASE, { reportingYearStart: 2031, fetch: folderFetch([]) });
    const inventory = calculateInventory({ reportingYear: '2031/32', records: RECORDS.slice(0, 1) }, { factors });
    expect(inventory.factorSet.id).toBe('desnz-2025');
    expect(inventory.problems.map((p) => p.message)).toEqual([`No 2031 factor set is available at ${BASE}: the 2031/32 figures use desnz-2025, the newest available; choose a set explicitly to silence this`]);
  });

  it('refuses a set it does not hold, and a file the server does not have, by name', async () => {
    await expect(fetchFactorLibrary(BASE, { sets: ['desnz-1999'], fetch: folderFetch([]) })).rejects.toThrow(UnknownFactorSetError);
    await expect(fetchFactorLibrary('https://example.org/elsewhere/', { fetch: async () => ({ ok: false, status: 404, text: async () => '' }) })).rejects.toThrow(
      'Could not fetch the factor data https://example.org/elsewhere/manifest.json (HTTP 404)',
    );
    expect(() => factorLibraryFromFiles(filesOf(['desnz-2023'])).factorSet('desnz-2022')).toThrow(UnknownFactorSetError);
  });

  it('names the years that publish a missing factor from the sets it holds, and only what the set lacks when it holds no other', () => {
    const [one, every] = [factorLibraryFromFiles(filesOf(['desnz-2016'])), factorLibraryFromFiles(filesOf(EVERY_SET))];
    const message = (factors: typeof one) => calculateInventory({ records: [HVO] }, { factorSet: 'desnz-2016', factors }).problems.find((p) => p.code === 'factor-not-found')?.message;
    expect(message(every)).toContain(': DESNZ published it in 2021–2025, not in the 2016 factors.');
    expect(message(one)).toContain(': desnz-2016 publishes no such factor.');
  });

  it('without one, the core asks for a library or a loaded set rather than looking for files, and leaves spend uncosted', () => {
    setDefaultFactorLibrary(undefined);
    expect(() => calculateInventory({ reportingYear: '2023/24', records: RECORDS })).toThrow(NoFactorLibraryError);
    expect(() => calculateInventory({ records: RECORDS }, { factorSet: 'desnz-2023' })).toThrow(/No factor library to load factor set 'desnz-2023'/);
    const inventory = calculateInventory({ reportingYear: '2023/24', records: RECORDS }, { factorSet: loadFactorSet('desnz-2023') });
    expect(inventory.lines.every((l) => l.recordId === inventory.records[0]!.id)).toBe(true);
    expect(inventory.problems.map((p) => p.code)).toEqual(['no-spend-factor']);
  });
});
