import { FactorSet } from './factor-set.js';
import { FactorManifestSchema, type FactorManifestInput, type FactorSetManifestEntry } from './schema.js';
import { parseFactorSetId, type FactorSetId } from './set-id.js';
import { parseManifest, parseSkipped, parseValues } from './store.js';
import type { CouncilSpendCategory, SpendManifest } from './spend/schema.js';
import { SpendFactorSet } from './spend/spend-set.js';
import { parseCouncilSpendCategories, parseSpendFactors, parseSpendManifest } from './spend/store.js';

/**
 * The factor sets a calculation may name by id: the bundled files read from disk in Node
 * (`bundledFactorLibrary()` in `council-ghg/node`), files fetched from a URL (`fetchFactorLibrary`) or data in
 * hand (`factorLibraryFromFiles`). The core reads nothing itself: it asks a library.
 */
export interface FactorLibrary {
  /** Where the sets come from, as a message says it: "in this version of council-ghg", "in ./my-sets". */
  readonly where: string;
  /** Every DESNZ set the library can give, in manifest order (oldest first). */
  readonly sets: readonly FactorSetManifestEntry[];
  /**
   * A DESNZ set by id (`desnz-2023`, or a `FactorSetId` the library gave); an `UnknownFactorSetError` when the library
   * has no such set, an `InvalidFactorSetIdError` when the text is not an id at all.
   */
  factorSet(id: string): FactorSet;
  /** A spend-based set by id, by default the newest; undefined when the library holds no spend-based sets. */
  spendFactorSet(id?: string): SpendFactorSet | undefined;
  /** The council spend categories mapped to SIC groups (none when the library holds no spend data). */
  spendCategories(): readonly CouncilSpendCategory[];
}

/** A factor set id the library does not hold. */
export class UnknownFactorSetError extends Error {
  override readonly name = 'UnknownFactorSetError';
  constructor(
    readonly setId: string,
    readonly available: readonly string[],
  ) {
    super(`No factor set '${setId}'. Available: ${available.join(', ')}`);
  }
}

/** A spend factor set id the library does not hold. */
export class UnknownSpendFactorSetError extends Error {
  override readonly name = 'UnknownSpendFactorSetError';
  constructor(
    readonly setId: string,
    readonly available: readonly string[],
  ) {
    super(`No spend factor set '${setId}'. Available: ${available.join(', ')}`);
  }
}

/** A set asked for by id (or by default) with no library to load it from: the portable core has no default. */
export class NoFactorLibraryError extends Error {
  override readonly name = 'NoFactorLibraryError';
  constructor(readonly wanted: string) {
    super(
      `No factor library to load ${wanted} from: pass a loaded set, or a library as the \`factors\` option ` +
        `(fetchFactorLibrary(url) or factorLibraryFromFiles(files)); in Node, 'council-ghg' and 'council-ghg/node' read the sets ` +
        `bundled in the package's emission-factors/ folder (absent where the package itself was bundled)`,
    );
  }
}

/**
 * The documented default: the set published in the calendar year a reporting year starts (2023/24 →
 * desnz-2023, as DESNZ advises using the factors for the reporting period); for a year before the oldest
 * set, the oldest; after the newest (or with no year), the newest.
 */
export function defaultSetId(sets: readonly FactorSetManifestEntry[], reportingYearStart?: number): FactorSetId {
  const byAge = [...sets].sort((a, b) => a.year - b.year);
  const oldest = byAge[0];
  const newest = byAge.at(-1);
  if (oldest === undefined || newest === undefined) throw new UnknownFactorSetError('(default)', []);
  if (reportingYearStart === undefined) return newest.id;
  return (byAge.find((s) => s.year === reportingYearStart) ?? (reportingYearStart < oldest.year ? oldest : newest)).id;
}

/** The newest spend-based edition: its year columns cover spend from its first year to its last. */
export function defaultSpendSetId(manifest: SpendManifest): string {
  const newest = [...manifest.sets].sort((a, b) => a.years.last - b.years.last).at(-1);
  if (newest === undefined) throw new UnknownSpendFactorSetError('(default)', []);
  return newest.id;
}

/**
 * The factor data as files hold it (emission-factors/ in the package): each file's text, or the parsed manifest.
 * Only the sets given are in the library; the manifest may list more.
 */
export interface FactorFiles {
  /** manifest.json: its text or its object (checked here, as the text is). */
  readonly manifest: string | FactorManifestInput;
  /** Each set's factors.csv text (and skipped.csv, which names values DESNZ printed as text or left blank), by set id. */
  readonly sets: Readonly<Record<string, { readonly factors: string; readonly skipped?: string }>>;
  /** The spend-based data (emission-factors/spend/): its manifest, each set's factors.csv, council-categories.csv. */
  readonly spend?: {
    readonly manifest: string | SpendManifest;
    readonly sets: Readonly<Record<string, { readonly factors: string }>>;
    readonly categories: string;
  };
}

/**
 * A library from factor data in hand (text read by any means, or a manifest object).
 * @example
 * const factors = factorLibraryFromFiles({ manifest, sets: { 'desnz-2023': { factors: csvText } } });
 * calculateInventory({ reportingYear: '2023/24', records }, { factors });
 */
export function factorLibraryFromFiles(files: FactorFiles, where = 'in the factor data given'): FactorLibrary {
  const manifest = typeof files.manifest === 'string' ? parseManifest(files.manifest) : FactorManifestSchema.parse(files.manifest);
  const sets = manifest.sets.filter((s) => files.sets[s.id] !== undefined);
  const loaded = new Map<FactorSetId, FactorSet>();
  const spendManifest = files.spend === undefined ? undefined : typeof files.spend.manifest === 'string' ? parseSpendManifest(files.spend.manifest) : files.spend.manifest;
  const spendSets = new Map<string, SpendFactorSet>();
  let categories: readonly CouncilSpendCategory[] | undefined;
  return {
    where,
    sets,
    factorSet(text) {
      const id = parseFactorSetId(text);
      const info = sets.find((s) => s.id === id);
      const data = files.sets[id];
      if (info === undefined || data === undefined) throw new UnknownFactorSetError(id, sets.map((s) => s.id));
      let set = loaded.get(id);
      if (set === undefined) loaded.set(id, (set = new FactorSet(info, parseValues(data.factors), data.skipped === undefined ? [] : parseSkipped(data.skipped))));
      return set;
    },
    spendFactorSet(id) {
      if (files.spend === undefined || spendManifest === undefined) return undefined;
      const available = spendManifest.sets.filter((s) => files.spend!.sets[s.id] !== undefined);
      const wanted = id ?? defaultSpendSetId({ ...spendManifest, sets: available });
      const info = available.find((s) => s.id === wanted);
      if (info === undefined) throw new UnknownSpendFactorSetError(wanted, available.map((s) => s.id));
      let set = spendSets.get(wanted);
      if (set === undefined) spendSets.set(wanted, (set = new SpendFactorSet(info, parseSpendFactors(files.spend.sets[wanted]!.factors))));
      return set;
    },
    spendCategories() {
      categories ??= files.spend === undefined ? [] : parseCouncilSpendCategories(files.spend.categories);
      return categories;
    },
  };
}

/** What to fetch: the sets by id (`'all'`: every set, about 1.4 MB each), else the one set a reporting year uses. */
export interface FetchFactorOptions {
  readonly sets?: readonly string[] | 'all';
  /** The year the financial year starts (2023/24 → 2023), to fetch its set as the calculation would choose; none: the newest. */
  readonly reportingYearStart?: number;
  /** Fetch the spend-based data too (the newest set and the category table). Default: true. */
  readonly spend?: boolean;
  /** The fetch to use (default: the global one): any function answering a URL with a response's status and text. */
  readonly fetch?: (url: URL) => Promise<FetchedText>;
}

/** The part of a fetch Response the loader reads. */
export interface FetchedText {
  readonly ok: boolean;
  readonly status: number;
  /** The body as text. */
  text(): Promise<string>;
}

/**
 * A library fetched from a copy of the package's emission-factors/ folder at `base` (any URL a fetch can read:
 * the page's own folder, a CDN): the manifest, then only the sets asked for.
 * @example
 * const factors = await fetchFactorLibrary(new URL('./emission-factors/', location.href), { reportingYearStart: 2023 });
 * const inventory = calculateInventory({ reportingYear: '2023/24', records }, { factors });
 */
export async function fetchFactorLibrary(base: URL | string, options: FetchFactorOptions = {}): Promise<FactorLibrary> {
  const root = new URL(base);
  if (!root.pathname.endsWith('/')) root.pathname += '/';
  const get = options.fetch ?? ((url: URL) => fetch(url));
  const text = async (path: string): Promise<string> => {
    const url = new URL(path, root);
    const response = await get(url);
    if (!response.ok) throw new Error(`Could not fetch the factor data ${url.href} (HTTP ${response.status})`);
    return response.text();
  };
  const manifest = parseManifest(await text('manifest.json'));
  const ids = options.sets === 'all' ? manifest.sets.map((s) => s.id) : (options.sets?.map(parseFactorSetId) ?? [defaultSetId(manifest.sets, options.reportingYearStart)]);
  for (const id of ids) if (!manifest.sets.some((s) => s.id === id)) throw new UnknownFactorSetError(id, manifest.sets.map((s) => s.id));
  const sets = Object.fromEntries(
    await Promise.all(ids.map(async (id) => [id, { factors: await text(`${id}/factors.csv`), skipped: await text(`${id}/skipped.csv`) }] as const)),
  );
  const spend = options.spend === false ? undefined : await fetchSpend(text);
  return factorLibraryFromFiles({ manifest, sets, ...(spend === undefined ? {} : { spend }) }, `at ${root.href}`);
}

async function fetchSpend(text: (path: string) => Promise<string>): Promise<NonNullable<FactorFiles['spend']>> {
  const manifest = parseSpendManifest(await text('spend/manifest.json'));
  const id = defaultSpendSetId(manifest);
  const [factors, categories] = await Promise.all([text(`spend/${id}/factors.csv`), text('spend/council-categories.csv')]);
  return { manifest, sets: { [id]: { factors } }, categories };
}
