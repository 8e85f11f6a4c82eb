import { Decimal } from '../decimal.js';
import { describePath, slug, type FactorKey, type FactorPath } from './key.js';
import type { Measure } from './measure.js';
import type { FactorScope, FactorSetManifestEntry, FactorSetManifestEntryInput, SkippedRow, StoredFactorValue } from './schema.js';
import { parseFactorSetId, type FactorSetId } from './set-id.js';
import { editDistance } from '../edit-distance.js';

/** Where a value was read: the set, the source file and its row (and DESNZ's row ID where published). */
export interface ValueSource {
  readonly row: number;
  readonly id?: string;
}

/** One factor: all values published for one path and unit, with provenance. */
export interface Factor {
  readonly key: FactorKey;
  readonly setId: FactorSetId;
  readonly scope: FactorScope;
  readonly path: FactorPath;
  /** Unit of measure as published ("kWh (Gross CV)", "litres", "passenger.km" ...). */
  readonly uom: string;
  readonly values: ReadonlyMap<Measure, Decimal>;
  readonly sources: ReadonlyMap<Measure, ValueSource>;
}

/** A factor key a set does not publish, with the nearest keys it does. */
export class FactorNotFoundError extends Error {
  override readonly name = 'FactorNotFoundError';
  constructor(
    readonly key: string,
    readonly setId: string,
    readonly suggestions: readonly FactorKey[],
  ) {
    super(
      `No factor ${key} in ${setId}` +
        (suggestions.length > 0 ? `. Nearest keys: ${suggestions.join(', ')}` : ''),
    );
  }
}

/** A loaded factor set: lookup by key, search, nearest-key suggestions. Immutable. */
export class FactorSet {
  readonly id: FactorSetId;
  readonly info: FactorSetManifestEntry;
  private readonly byKey: ReadonlyMap<string, Factor>;

  /**
   * Rows where DESNZ printed text instead of a number (e.g. "< 1" for R1234yf), keyed like factors but without the
   * unit (the skipped-rows file does not keep it): "refrigerant-and-other/other-refrigerants/r1234yf".
   */
  readonly printedText: ReadonlyMap<string, { readonly text: string; readonly row: number; readonly path: string }>;

  /**
   * Rows DESNZ lists with the value left blank (a plug-in hybrid van of class I, a hotel country in some years), keyed
   * as `printedText`, each by its first row: so a record can be refused as one DESNZ publishes no factor for.
   */
  readonly blankValues: ReadonlyMap<string, { readonly row: number; readonly path: string }>;

  /** `info.id` is checked here (an `InvalidFactorSetIdError`), so an entry built in code may give it as text. */
  constructor(info: FactorSetManifestEntryInput, values: readonly StoredFactorValue[], skipped: readonly SkippedRow[] = []) {
    this.id = parseFactorSetId(info.id);
    this.info = { ...info, id: this.id };
    this.printedText = new Map(skipped.filter((r) => r.reason === 'non-numeric-value')
      .map((r) => [r.path.split(' › ').map(slug).join('/'), { text: r.value, row: r.source_row, path: r.path }]));
    // Reversed so that the first row of a path is the one kept.
    this.blankValues = new Map(skipped.filter((r) => r.reason === 'blank-value').reverse()
      .map((r) => [r.path.split(' › ').map(slug).join('/'), { row: r.source_row, path: r.path }]));
    const byKey = new Map<string, { factor: Factor; values: Map<Measure, Decimal>; sources: Map<Measure, ValueSource> }>();
    for (const v of values) {
      let entry = byKey.get(v.key);
      if (entry === undefined) {
        const valuesMap = new Map<Measure, Decimal>();
        const sources = new Map<Measure, ValueSource>();
        const factor: Factor = {
          key: v.key as FactorKey, setId: this.id, scope: v.scope, uom: v.uom, values: valuesMap, sources,
          path: { level1: v.level_1, level2: v.level_2, level3: v.level_3, level4: v.level_4, columnText: v.column_text },
        };
        entry = { factor, values: valuesMap, sources };
        byKey.set(v.key, entry);
      }
      entry.values.set(v.measure, new Decimal(v.value));
      entry.sources.set(v.measure, v.source_id === '' ? { row: v.source_row } : { row: v.source_row, id: v.source_id });
    }
    this.byKey = new Map([...byKey].map(([k, e]) => [k, e.factor]));
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Whether the set publishes a factor under the key. */
  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /**
   * The factor for `key`, where a '*' in the key stands for any one path segment (e.g. a waste material's
   * Level 2 group, which DESNZ varies); the first match in key order. Wildcard lookups are cached.
   */
  find(key: string): Factor | undefined {
    if (!key.includes('*')) return this.byKey.get(key);
    if (!this.wildcardCache.has(key)) {
      const pattern = new RegExp(`^${key.split('*').map(escapeRegExp).join('[^/@]+')}$`);
      this.wildcardCache.set(key, this.all().find((f) => pattern.test(f.key)));
    }
    return this.wildcardCache.get(key);
  }

  private readonly wildcardCache = new Map<string, Factor | undefined>();

  /** The factor for `key`; a FactorNotFoundError with the nearest keys when this set has none. */
  get(key: string): Factor {
    const factor = this.byKey.get(key);
    if (factor === undefined) throw new FactorNotFoundError(key, this.id, this.nearestKeys(key));
    return factor;
  }

  /** Every factor of the set. */
  all(): Factor[] {
    return [...this.byKey.values()];
  }

  /** Factors whose key or path contains every word of `text` (case and punctuation ignored). */
  search(text: string): Factor[] {
    const words = slug(text).split('-').filter((w) => w !== '');
    return this.all().filter((f) => {
      const hay = `${f.key} ${slug(describePath(f.path))} ${slug(f.uom)}`;
      return words.every((w) => hay.includes(w));
    });
  }

  /**
   * The biogenic CO2 DESNZ publishes "outside of scopes" for a factor (bioenergy, biofuel blends, grid
   * electricity's biomass share): the Outside-of-Scopes row with the same fuel and unit, matched on the key
   * below Level 2 ("bioenergy/biofuel/bioethanol@litres" ↔ "outside-of-scopes/biofuel/bioethanol@litres").
   */
  outsideOfScopesFor(factor: Factor): Factor | undefined {
    if (factor.scope === 'Outside of Scopes') return undefined;
    this.outsideByTail ??= new Map(this.all().filter((f) => f.scope === 'Outside of Scopes').map((f) => [keyTail(f.key), f]));
    return this.outsideByTail.get(keyTail(factor.key));
  }

  private outsideByTail: Map<string, Factor> | undefined;

  /**
   * Up to `limit` keys closest to `key`: shared path words and the same unit first, then edit distance, which is
   * costly, so only among the best few dozen by words. Cached: a missing factor is usually missing for many rows.
   */
  nearestKeys(key: string, limit = 5): FactorKey[] {
    const cacheKey = `${limit}|${key}`;
    const cached = this.nearestCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const [pathPart = '', unitPart = ''] = key.toLowerCase().split('@');
    const segments = new Set(pathPart.split('/').flatMap((s) => s.split('-')));
    const byWords = this.all().map((f) => {
      const [fPath = '', fUnit = ''] = f.key.split('@');
      const shared = fPath.split('/').flatMap((s) => s.split('-')).filter((w) => segments.has(w)).length;
      return { key: f.key, fPath, words: shared * 10 + (fUnit === unitPart ? 5 : 0) };
    });
    const shortlist = byWords.sort((a, b) => b.words - a.words || (a.key < b.key ? -1 : 1)).slice(0, Math.max(limit * 10, 50));
    const nearest = shortlist
      .map((c) => ({ key: c.key, score: c.words - editDistance(pathPart, c.fPath) / 10 }))
      .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1))
      .slice(0, limit)
      .map((s) => s.key);
    this.nearestCache.set(cacheKey, nearest);
    return nearest;
  }

  private readonly nearestCache = new Map<string, FactorKey[]>();
}

/** The key without its first two path segments. */
function keyTail(key: string): string {
  return key.split('/').slice(2).join('/');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
