import type { Category } from '../activity/categories.js';
import type { SupplierFactor } from '../activity/record.js';
import type { Decimal } from '../decimal.js';
import { costedAlike } from './ledger-mapping.js';
import type { ImportProblem } from './result.js';

/** One spend category's total in one price year, and how many ledger lines made it. */
export interface SpendTotal {
  readonly category: Category;
  readonly spendCategory: string;
  readonly priceYear: number;
  readonly total: Decimal;
  readonly lines: number;
  readonly includesVatAt?: Decimal;
  readonly supplierFactor?: SupplierFactor;
}

/**
 * A credit note dated in a later calendar year than the invoice it reverses leaves that year's total for the
 * spend category below zero. It is netted into the same category's nearest other price year (the price-index
 * difference between neighbouring years is far smaller than leaving the credit out), with a warning; a category
 * whose credits exceed all its payments is an error naming it, and gives no record.
 */
export function netCredits(sums: readonly SpendTotal[], file: string): { totals: SpendTotal[]; problems: ImportProblem[] } {
  const byTarget = new Map<string, SpendTotal[]>();
  for (const t of sums) {
    const key = costedAlike(t);
    byTarget.set(key, [...(byTarget.get(key) ?? []), t]);
  }
  const problems: ImportProblem[] = [];
  const totals: SpendTotal[] = [];
  for (const group of byTarget.values()) {
    const years = [...group];
    for (const negative of group.filter((t) => t.total.isNegative())) {
      const others = years.filter((t) => t !== negative && !t.total.isNegative());
      const nearest = others.sort((a, b) => Math.abs(a.priceYear - negative.priceYear) - Math.abs(b.priceYear - negative.priceYear) || a.priceYear - b.priceYear)[0];
      if (nearest === undefined) continue;
      const merged = { ...nearest, total: nearest.total.plus(negative.total), lines: nearest.lines + negative.lines };
      years.splice(years.indexOf(nearest), 1, merged);
      years.splice(years.indexOf(negative), 1);
      problems.push({
        severity: 'warning',
        code: 'negative-quantity',
        message: `Spend category ${negative.spendCategory}: ${negative.lines} line(s) dated ${negative.priceYear} net to £${negative.total.toFixed()} (credits exceed payments, e.g. a credit note for an earlier invoice), netted against its ${nearest.priceYear} spend`,
        origin: { file, note: `${negative.spendCategory}, ${negative.priceYear}` },
        value: negative.total.toFixed(),
      });
    }
    for (const t of years) {
      if (t.total.isNegative()) {
        problems.push({
          severity: 'error',
          code: 'negative-quantity',
          message: `Spend category ${t.spendCategory}: its ${t.lines} line(s) dated ${t.priceYear} net to £${t.total.toFixed()}, more credited than paid, and it has no other spend to net against: check the mapping and the credit notes`,
          origin: { file, note: `${t.spendCategory}, ${t.priceYear}` },
          value: t.total.toFixed(),
        });
      }
      totals.push(t);
    }
  }
  totals.sort((a, b) => (a.category + a.spendCategory + a.priceYear < b.category + b.spendCategory + b.priceYear ? -1 : 1));
  return { totals, problems };
}
