/**
 * Spend ledgers: a council's transaction-level payments, summed by spend category and price year through the
 * council's own mapping of codes, as a stream (memory grows with distinct codes, never with lines).
 * - ledger-mapping.ts: the mapping file, and how a code is looked up;
 * - ledger-amount.ts: reading an amount exactly, and summing amounts;
 * - ledger-columns.ts: the header, and the columns it names;
 * - ledger-suppliers.ts: the suppliers paid most;
 * - ledger-aggregator.ts: the lines summed, rejected or skipped;
 * - ledger-result.ts: what a ledger gives: totals, records, unmapped codes and the account of its lines;
 * - ledger-netting.ts: credits netted across price years;
 * - ledger-stream.ts and ledger-workbook.ts: reading a CSV or workbook file, within limits.
 */
export { readSpendMapping, readSpendMappingBytes, type SpendMapping, type SpendMappingEntry } from './ledger-mapping.js';
export { LedgerAggregator, type LedgerOptions } from './ledger-aggregator.js';
export type { LedgerAccount, LedgerResult, UnmappedCode } from './ledger-result.js';
export type { SpendTotal } from './ledger-netting.js';
export { aggregateSpendLedger } from './ledger-stream.js';
