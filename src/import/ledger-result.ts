import type { ActivityRecordInput } from '../activity/record.js';
import { ZERO, type Decimal } from '../decimal.js';
import { definedFields } from '../defined.js';
import { slug } from '../factors/key.js';
import { mappingKey, type SpendMapping } from './ledger-mapping.js';
import type { SpendTotal } from './ledger-netting.js';
import type { SupplierTotal } from './ledger-suppliers.js';
import type { BaselineProfile } from './profile.js';
import type { ImportProblem } from './result.js';

/** Ledger lines whose code the mapping does not list: kept, totalled, and reported. */
export interface UnmappedCode {
  readonly code: string;
  readonly total: Decimal;
  readonly lines: number;
  readonly firstLine: number;
}

/** How every non-blank line of a ledger was used: mapped, unmapped, rejected or skipped, and how many were credits. */
export interface LedgerAccount {
  /** Non-blank lines after the header. lines = mapped + unmapped + rejected + skipped. */
  readonly lines: number;
  readonly mapped: number;
  readonly unmapped: number;
  readonly rejected: number;
  /** Totals rows and repeated headers, by reason. */
  readonly skipped: ReadonlyMap<string, number>;
  /** Negative amounts (credit notes, refunds), netted into the totals. */
  readonly credits: number;
}

/**
 * A spend ledger summed: totals by spend category and price year, the activity records they give, the codes the
 * mapping lacks, the problems and the account of every line. Add it to a baseline with `withLedger`, or
 * calculate it alone with `inventoryFromImport`.
 */
export interface LedgerResult {
  readonly totals: SpendTotal[];
  readonly unmapped: UnmappedCode[];
  readonly problems: ImportProblem[];
  readonly account: LedgerAccount;
  /** The totals as activity records (source spend:<category>, GBP, spend-based), ready to calculate. */
  readonly records: ActivityRecordInput[];
  /** A ledger says nothing of the council; its reporting year is the option's: so `inventoryFromImport(ledger)` works. */
  readonly profile: BaselineProfile;
  /**
   * The suppliers paid most (net of credits, mapped or not), largest first, when the ledger has a supplier
   * column: whom to ask first for their own figures. Empty without one.
   */
  readonly largestSuppliers: readonly SupplierTotal[];
}

/** Unmapped codes named one problem each, the largest first; the rest are one problem with their count and £. */
const MAX_CODE_PROBLEMS = 200;

/**
 * One problem per unmapped code, the largest first, up to MAX_CODE_PROBLEMS; the rest as one, with their count
 * and £. `column` is the ledger's heading of the code column.
 */
export function unmappedProblems(unmapped: readonly UnmappedCode[], mapping: SpendMapping, file: string, column: string): ImportProblem[] {
  const { keyHeader } = mapping;
  const named = unmapped.slice(0, MAX_CODE_PROBLEMS).map((u): ImportProblem => ({
    severity: 'error',
    code: 'unmapped-spend',
    message: mapping.refused?.has(mappingKey(u.code)) === true
      ? `${u.lines} line(s) totalling £${u.total.toFixed()} have ${keyHeader} '${u.code}', whose mapping line was refused (see the mapping's problems): correct that line`
      : `${u.lines} line(s) totalling £${u.total.toFixed()} have ${keyHeader} '${u.code}', which the mapping does not list: add it to the mapping`,
    origin: { file, line: u.firstLine, column },
    value: u.code,
  }));
  const unlisted = unmapped.slice(MAX_CODE_PROBLEMS);
  if (unlisted.length === 0) return named;
  const total = unlisted.reduce((sum, u) => sum.add(u.total), ZERO);
  const lines = unlisted.reduce((n, u) => n + u.lines, 0);
  return [
    ...named,
    {
      severity: 'error',
      code: 'unmapped-spend',
      message: `${unlisted.length} more ${keyHeader} values the mapping does not list, on ${lines} line(s) totalling £${total.toFixed()}, are not named one by one (the ${MAX_CODE_PROBLEMS} with the largest totals are above): add them to the mapping`,
      origin: { file, column },
    },
  ];
}

/** A spend total as an activity record (source spend:<category>, GBP), ready to calculate. */
export function spendRecord(t: SpendTotal, file: string): ActivityRecordInput {
  return {
    id: `spend-${t.spendCategory}-${t.priceYear}${t.category === 'purchased-goods-and-services' ? '' : `-${t.category}`}${t.supplierFactor === undefined ? '' : `-${slug(t.supplierFactor.supplier)}`}`,
    category: t.category,
    source: `spend:${t.spendCategory}`,
    quantity: t.total,
    unit: 'GBP',
    priceYear: t.priceYear,
    dataQuality: t.supplierFactor === undefined ? 'spend-based' : 'invoiced',
    ...definedFields({ includesVatAt: t.includesVatAt, supplierFactor: t.supplierFactor }),
    origin: { file, note: `${t.lines} ledger lines` },
  };
}
