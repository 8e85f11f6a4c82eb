import type { DisplayedTotal } from './displayed-totals.js';
import type { ActivityRecordInput, ActivityProblemCode } from '../activity/record.js';
import type { Origin, Problem } from '../problem.js';
import type { BaselineProfile, ProfileProblemCode } from './profile.js';

/** The stable code of an import problem. */
export type ImportProblemCode =
  | ActivityProblemCode
  | ProfileProblemCode
  | 'invalid-number'
  | 'negative-quantity'
  | 'formula-without-value'
  | 'error-cell'
  | 'missing-value'
  | 'unknown-category'
  | 'unknown-unit'
  | 'unit-conflict'
  | 'invalid-date'
  | 'invalid-year'
  | 'outside-reporting-year'
  | 'unknown-quality'
  | 'unknown-market-instrument'
  | 'market-conflict'
  | 'totals-row'
  | 'totals-label'
  | 'invalid-scope3-category'
  | 'merged-quantity'
  | 'duplicate-id'
  | 'ignored-column'
  | 'no-header'
  | 'encoding'
  | 'limit-exceeded'
  | 'hidden-sheet'
  | 'invalid-mapping'
  | 'unmapped-spend'
  | 'no-records'
  | 'malformed-quotes'
  | 'extra-cells'
  | 'spend-in-baseline-and-ledger';

/** A problem with one row, cell or file of an import, naming where. */
export type ImportProblem = Problem<ImportProblemCode>;

/**
 * What became of one non-blank input row. 'record': it gave one or more records (a row with several quantity
 * columns, "Gas (kWh)" and "Electricity (kWh)", gives one each, and may also have problems); 'problem': it gave
 * no record and `problems` > 0 name why; 'profile': an About field; 'skipped': read and deliberately not used
 * (header, title, notes, totals), with the reason.
 */
export interface RowAccount {
  readonly origin: Origin;
  readonly outcome: 'record' | 'problem' | 'profile' | 'skipped';
  readonly records: number;
  readonly problems: number;
  readonly reason?: string;
}

/** An imported baseline: its About profile, the records read, the problems, and how every row was accounted for. */
export interface ImportResult {
  readonly profile: BaselineProfile;
  readonly records: ActivityRecordInput[];
  readonly problems: ImportProblem[];
  /** One entry per non-blank row read, so rows in = records + problems + profile + skipped can be checked. */
  readonly accounting: RowAccount[];
  /** A template workbook's Summary total as last shown in Excel or LibreOffice (a preview), where it has one. */
  readonly displayedTotal?: DisplayedTotal & { readonly file: string };
}

/** Input that cannot be read as a baseline at all (not a workbook, no recognisable header). */
export class UnusableInputError extends Error {
  override readonly name = 'UnusableInputError';
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** A summary such as "40 rows: 35 records, 2 with problems, 1 profile, 2 skipped (1 totals row, 1 header)". */
export function describeAccounting(accounting: readonly RowAccount[]): string {
  const count = (o: RowAccount['outcome']) => accounting.filter((a) => a.outcome === o).length;
  const reasons = new Map<string, number>();
  for (const a of accounting) if (a.outcome === 'skipped') reasons.set(a.reason ?? '', (reasons.get(a.reason ?? '') ?? 0) + 1);
  const skipped = [...reasons].map(([r, n]) => `${n} ${r}`).join(', ');
  return `${accounting.length} rows: ${count('record')} gave records, ${count('problem')} rejected with problems, ${count('profile')} profile, ${count('skipped')} skipped${skipped === '' ? '' : ` (${skipped})`}`;
}
