import { Decimal } from '../decimal.js';
import { isNumberReading, readNumber } from './numbers.js';

const ZERO = 48;
const NINE = 57;
const SPACE = 32;
const COMMA = 44;
const POINT = 46;
const MINUS = 45;
const OPEN = 40;
const CLOSE = 41;
const POUND = 0xa3;
/** Whole-pound digits a safe integer of pence can hold exactly (10^13 pounds is 10^15 pence, under 2^53). */
const MAX_POUND_DIGITS = 13;

/**
 * The amounts a ledger is made of ("1,234.56", "£1,234.56", "-£12", "(1,234.56)", " 500 ") read straight to
 * pence, one character at a time with nothing allocated. At most 13 digits of pounds and 2 of pence are taken,
 * so the whole number is exact. Anything else ("1.2e3", "GBP 5", "12.345", "1,5", "n/a") is undefined: the
 * caller reads it with `readNumber`, which agrees with this wherever this gives a value (property-tested).
 * A negative zero ("(0.00)") is -0, so it still counts as a credit, as readNumber's -0 does.
 */
export function readPence(text: string): number | undefined {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === SPACE) start++;
  while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
  let negative = false;
  if (text.charCodeAt(start) === OPEN) {
    if (text.charCodeAt(end - 1) !== CLOSE) return undefined;
    negative = true;
    start++;
    end--;
  } else if (text.charCodeAt(start) === MINUS) {
    negative = true;
    start++;
  }
  if (text.charCodeAt(start) === POUND) start++;
  let pounds = 0;
  let digits = 0;
  /** Digits since the last thousands comma; -1 before the first comma. */
  let group = -1;
  let i = start;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= ZERO && c <= NINE) {
      pounds = pounds * 10 + (c - ZERO);
      digits++;
      if (group !== -1) group++;
    } else if (c === COMMA) {
      // "1,234": the first group one to three digits, every later group exactly three.
      if (group === -1 ? digits === 0 || digits > 3 : group !== 3) return undefined;
      group = 0;
    } else break;
  }
  if (digits === 0 || digits > MAX_POUND_DIGITS || (group !== -1 && group !== 3)) return undefined;
  let pence = 0;
  if (i < end) {
    if (text.charCodeAt(i) !== POINT || end - i > 3) return undefined;
    for (let j = i + 1; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c < ZERO || c > NINE) return undefined;
      pence += (c - ZERO) * (j === i + 1 ? 10 : 1);
    }
  }
  const total = pounds * 100 + pence;
  return negative ? -total : total;
}

/** A credit: below zero, or a negative zero such as "(0.00)". */
export function isNegativePence(pence: number): boolean {
  return pence < 0 || Object.is(pence, -0);
}

/**
 * A ledger line's amount, exact either way: whole pence from `readPence` (the common case, nothing allocated to
 * read it), or pounds as a Decimal from `readNumber` for the rare amount the fast reader leaves.
 */
export type LedgerAmount = { readonly kind: 'pence'; readonly pence: number } | { readonly kind: 'pounds'; readonly pounds: Decimal };

/** An amount, or why the text is none ("n/a"). */
export type AmountReading = LedgerAmount | { readonly kind: 'not-a-number'; readonly reason: string };

/** Reads a ledger amount: the fast reader first, `readNumber` for anything it leaves. */
export function readAmount(text: string): AmountReading {
  const pence = readPence(text);
  if (pence !== undefined) return { kind: 'pence', pence };
  const n = readNumber(text);
  return isNumberReading(n) ? { kind: 'pounds', pounds: n.value } : { kind: 'not-a-number', reason: n.reason };
}

/** A credit note or refund: below zero, or a negative zero such as "(0.00)" or "-0". */
export function isCredit(amount: LedgerAmount): boolean {
  return amount.kind === 'pence' ? isNegativePence(amount.pence) : amount.pounds.isNegative();
}

/**
 * A running sum of amounts, exact however many lines: pence as a BigInt, and the rare amount `readPence` leaves
 * to `readNumber` as a Decimal beside it.
 */
export class ExactSum {
  private pence = 0n;
  private other: Decimal | undefined;
  lines = 0;

  add(amount: LedgerAmount): void {
    if (amount.kind === 'pence') this.addPence(amount.pence);
    else this.addDecimal(amount.pounds);
  }

  addPence(pence: number): void {
    this.pence += BigInt(pence);
    this.lines++;
  }

  addDecimal(value: Decimal): void {
    this.other = this.other === undefined ? value : this.other.add(value);
    this.lines++;
  }

  total(): Decimal {
    const pounds = new Decimal(this.pence.toString()).div(100);
    return this.other === undefined ? pounds : pounds.add(this.other);
  }
}
