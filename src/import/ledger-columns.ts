import { normaliseHeader } from './headers.js';
import type { SpendMapping } from './ledger-mapping.js';
import { UnusableInputError } from './result.js';

const AMOUNT_HEADERS = ['amount', 'net amount', 'amount (£)', 'amount £', 'amount excluding vat', 'amount excl vat', 'net', 'value', 'value (£)', 'total', 'spend', 'payment amount', 'line amount', '£'];
const DATE_HEADERS = ['date', 'payment date', 'transaction date', 'date paid', 'paid date', 'invoice date', 'posting date'];
const SUPPLIER_HEADERS = ['supplier', 'supplier name', 'payee', 'payee name', 'vendor', 'vendor name', 'creditor', 'creditor name', 'beneficiary', 'merchant'];

/** Where a line's price year comes from: its payment date, or the year stated for a ledger without dates. */
export type PriceYearSource = { readonly kind: 'dated'; readonly column: number } | { readonly kind: 'stated'; readonly year: number };

/** The columns a ledger's header names, found once; a ledger without one it needs is refused before any line. */
export interface LedgerColumns {
  /** The header's cells, trimmed: problems name columns by them. */
  readonly headings: readonly string[];
  /** The mapping's code column. */
  readonly key: number;
  readonly amount: number;
  readonly priceYear: PriceYearSource;
  readonly supplier: number | undefined;
}

/**
 * Reads a ledger's header line: the mapping's code column and an amount column must be there, and a date
 * column unless `statedPriceYear` says the year of every amount.
 */
export function readLedgerColumns(fields: readonly string[], mapping: SpendMapping, file: string, statedPriceYear: number | undefined): LedgerColumns {
  const headers = fields.map(normaliseHeader);
  const headings = fields.map((f) => f.trim());
  const key = headers.indexOf(normaliseHeader(mapping.keyHeader));
  const amount = headers.findIndex((h) => AMOUNT_HEADERS.includes(h));
  const date = headers.findIndex((h) => DATE_HEADERS.includes(h));
  const missing = [key === -1 ? `"${mapping.keyHeader}" (the mapping's first column)` : '', amount === -1 ? 'an amount column ("Amount", "Net amount")' : ''].filter((m) => m !== '');
  if (missing.length > 0) throw new UnusableInputError(file, `the first line of the ledger should be its header, with ${missing.join(' and ')}; found: ${headings.join(', ')}`);
  let priceYear: PriceYearSource;
  if (date !== -1) priceYear = { kind: 'dated', column: date };
  else if (statedPriceYear !== undefined) priceYear = { kind: 'stated', year: statedPriceYear };
  else throw new UnusableInputError(file, 'the ledger has no date column ("Date", "Payment date"): state the price year of its amounts (--price-year)');
  const supplier = headers.findIndex((h) => SUPPLIER_HEADERS.includes(h));
  return { headings, key, amount, priceYear, supplier: supplier === -1 ? undefined : supplier };
}
