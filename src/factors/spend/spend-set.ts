import { Decimal } from '../../decimal.js';
import { editDistance } from '../../edit-distance.js';
import { slug } from '../key.js';
import type { SpendSetManifestEntry, StoredSpendFactor } from './schema.js';

/** Our id for a published SIC group code: "10.2 -3" → "sic-10.2-3", "23OTHER" → "sic-23other". */
export function sicGroupId(code: string): string {
  return slug(`sic-${code}`);
}

/** One product group of a spend factor set (a SIC 2007 group, or a category of a user's own table). */
export interface SpendGroup {
  readonly id: string;
  /** The code as published ("10.2 -3"). */
  readonly code: string;
  readonly title: string;
}

/** One multiplier: kgCO2e per £ of spend in the group, in the prices of its year's column. */
export interface SpendFactor {
  readonly group: SpendGroup;
  readonly year: number;
  readonly kgCO2ePerGBP: Decimal;
  readonly sourceRow: number;
}

/**
 * A loaded spend-based factor set: multipliers by product group and year column. Immutable. The Defra / Leeds
 * set has a column per year, each in that year's prices; a user's own table has one column.
 */
export class SpendFactorSet {
  readonly id: string;
  readonly info: SpendSetManifestEntry;
  private readonly byGroup: ReadonlyMap<string, { group: SpendGroup; years: Map<number, SpendFactor> }>;

  constructor(info: SpendSetManifestEntry, values: readonly StoredSpendFactor[]) {
    this.id = info.id;
    this.info = info;
    const byGroup = new Map<string, { group: SpendGroup; years: Map<number, SpendFactor> }>();
    for (const v of values) {
      let entry = byGroup.get(v.group);
      if (entry === undefined) {
        entry = { group: { id: v.group, code: v.code, title: v.title }, years: new Map() };
        byGroup.set(v.group, entry);
      }
      entry.years.set(v.year, { group: entry.group, year: v.year, kgCO2ePerGBP: new Decimal(v.kgCO2e_per_gbp), sourceRow: v.source_row });
    }
    this.byGroup = byGroup;
  }

  /** Every product group of the set. */
  groups(): SpendGroup[] {
    return [...this.byGroup.values()].map((e) => e.group);
  }

  /** A product group by id (`sic-41.2`). */
  group(id: string): SpendGroup | undefined {
    return this.byGroup.get(id)?.group;
  }

  /**
   * The column that costs spend of `priceYear`: that year's where published; else the nearest (the newest for
   * later spend, whose pounds must then be brought to that column's prices).
   */
  columnFor(priceYear: number): number {
    const { first, last } = this.info.years;
    return Math.min(last, Math.max(first, priceYear));
  }

  /** A group's multiplier in one year's column, where published. */
  factor(groupId: string, year: number): SpendFactor | undefined {
    return this.byGroup.get(groupId)?.years.get(year);
  }

  /** Group ids whose id or title is nearest to `text`, for "did you mean". */
  nearestGroups(text: string, n: number): SpendGroup[] {
    const wanted = slug(text);
    return this.groups()
      .map((g) => ({ g, d: Math.min(editDistance(wanted, g.id), editDistance(wanted, slug(g.title))) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, n)
      .map((x) => x.g);
  }
}
