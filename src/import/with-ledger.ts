import { Decimal } from '../decimal.js';
import type { LedgerResult } from './ledger.js';
import type { ImportProblem, ImportResult } from './result.js';

const spendCategoryOf = (source: string) => /^spend:(.+)$/.exec(source.trim().toLowerCase())?.[1];

/**
 * A baseline and a transaction ledger as one import, so they give one inventory: the baseline's council, year
 * and activity, and the ledger's spend totals beside them (ids prefixed `ledger-` so neither renames the other).
 * A spend category in both is kept in both, with a warning naming it and both amounts: they may be the same
 * payments twice (a baseline often holds the capital programme or a contract the ledger does not).
 * @example
 * const baseline = await importWorkbook('baseline.xlsx');
 * const ledger = await aggregateSpendLedger('spend-over-500.csv', mapping, { reportingYear: '2023/24' }); // the baseline's year
 * const inventory = inventoryFromImport(withLedger(baseline, ledger, 'spend-over-500.csv'));
 */
export function withLedger(baseline: ImportResult, ledger: LedgerResult, ledgerFile = 'the ledger'): ImportResult {
  const inBaseline = new Map<string, Decimal>();
  for (const r of baseline.records) {
    const category = spendCategoryOf(r.source);
    if (category !== undefined) inBaseline.set(category, (inBaseline.get(category) ?? new Decimal(0)).add(new Decimal(String(r.quantity))));
  }
  const inBoth = new Map<string, Decimal>();
  for (const t of ledger.totals) if (inBaseline.has(t.spendCategory)) inBoth.set(t.spendCategory, (inBoth.get(t.spendCategory) ?? new Decimal(0)).add(t.total));
  const twice: ImportProblem[] = [...inBoth].map(([category, ledgerTotal]) => ({
    severity: 'warning',
    code: 'spend-in-baseline-and-ledger',
    message: `Spend category ${category} is in the baseline (£${inBaseline.get(category)!.toFixed()}) and in ${ledgerFile} (£${ledgerTotal.toFixed()}): both are counted, so check they are not the same payments`,
    origin: { file: ledgerFile, note: category },
    value: category,
  }));
  return {
    profile: baseline.profile,
    records: [...baseline.records, ...ledger.records.map((r) => ({ ...r, id: `ledger-${r.id}` }))],
    problems: [...baseline.problems, ...ledger.problems, ...twice],
    accounting: baseline.accounting,
  };
}
