import type { Decimal } from '../decimal.js';
import { ExactSum } from './ledger-amount.js';
import { CACHE_ENTRIES, detach } from './ledger-text.js';

/** A supplier paid, with the net total and the lines that made it. */
export interface SupplierTotal {
  readonly supplier: string;
  readonly total: Decimal;
  readonly lines: number;
}

/** Suppliers named in the result. */
const LARGEST_SUPPLIERS = 20;
/** Where the payments to suppliers beyond the distinct names kept are summed. */
const OTHER_SUPPLIERS = '(other suppliers)';

/**
 * Each supplier's running total, mapped or not: whom to ask first for their own figures. Distinct names are
 * bounded like codes, so a garbage column cannot fill memory; beyond the bound they are one "other suppliers" sum.
 */
export class SupplierSums {
  private readonly sums = new Map<string, ExactSum>();

  sumOf(text: string): ExactSum {
    let sum = this.sums.get(text);
    if (sum === undefined) {
      const name = this.sums.size < CACHE_ENTRIES ? detach(text) : OTHER_SUPPLIERS;
      sum = this.sums.get(name) ?? new ExactSum();
      this.sums.set(name, sum);
    }
    return sum;
  }

  /** The suppliers paid most, largest first; the same name with different spacing or case is one supplier. */
  largest(): SupplierTotal[] {
    const byName = new Map<string, SupplierTotal>();
    for (const [text, sum] of this.sums) {
      const supplier = text.trim().replace(/\s+/g, ' ');
      if (supplier === '') continue;
      const key = supplier.toLowerCase();
      const previous = byName.get(key);
      byName.set(key, previous === undefined ? { supplier, total: sum.total(), lines: sum.lines } : { ...previous, total: previous.total.add(sum.total()), lines: previous.lines + sum.lines });
    }
    // "(other suppliers)" is never named first.
    return [...byName.values()]
      .sort((a, b) => Number(a.supplier === OTHER_SUPPLIERS) - Number(b.supplier === OTHER_SUPPLIERS) || b.total.comparedTo(a.total) || (a.supplier < b.supplier ? -1 : 1))
      .slice(0, LARGEST_SUPPLIERS);
  }
}
