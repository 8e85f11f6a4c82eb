import { editDistance } from '../../edit-distance.js';
import { slug } from '../key.js';
import type { CouncilSpendCategory } from './schema.js';
import { sicGroupId } from './spend-set.js';

/** A council spend category resolved: the SIC group it is costed as, and why. */
export interface SpendCategory {
  readonly id: string;
  readonly label: string;
  /** Our id of the SIC group ("sic-41.2"). */
  readonly group: string;
  readonly reportingCategory: CouncilSpendCategory['reporting_category'];
  readonly reason: string;
  /** Where the mapping came from: the bundled table, or the council's own. */
  readonly from: 'bundled' | 'council';
}

/**
 * Council spend categories (ProClass-style names and ledger descriptions) → SIC groups. Looked up by id, label
 * or alias, ignoring case, spacing and punctuation ("R&M Buildings" finds "r-and-m-buildings"). A council's own
 * rows extend the table and take precedence over a bundled row of the same name.
 */
export class SpendCategoryMap {
  private readonly byName = new Map<string, SpendCategory>();

  constructor(bundled: readonly CouncilSpendCategory[], council: readonly CouncilSpendCategory[] = []) {
    for (const [rows, from] of [[bundled, 'bundled'], [council, 'council']] as const) {
      for (const row of rows) {
        const entry: SpendCategory = { id: row.category, label: row.label, group: sicGroupId(row.sic_group), reportingCategory: row.reporting_category, reason: row.reason, from };
        for (const name of [row.category, row.label, ...row.aliases.split('|')]) {
          const key = slug(name);
          if (key !== '') this.byName.set(key, entry);
        }
      }
    }
  }

  /** The category a name, label or alias stands for (case and punctuation ignored). */
  get(name: string): SpendCategory | undefined {
    return this.byName.get(slug(name));
  }

  /** Category ids nearest to `name`, for "did you mean". */
  nearest(name: string, n: number): string[] {
    const wanted = slug(name);
    return [...this.byName.entries()]
      .map(([key, entry]) => ({ id: entry.id, d: editDistance(wanted, key) }))
      .sort((a, b) => a.d - b.d)
      .map((x) => x.id)
      .filter((id, i, all) => all.indexOf(id) === i)
      .slice(0, n);
  }
}
