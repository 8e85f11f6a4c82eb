import { Decimal, isDecimalSyntax, MAX_EXPONENT, parseDecimal } from '../decimal.js';

export type NumberReading = { readonly value: Decimal } | { readonly reason: string };

/** Thousands groups as councils write them: "1,234", "12,000.50" (commas only between groups of three). */
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const CURRENCY = /^[£$€]|^GBP\s*|\s*GBP$/i;
const ACCOUNTANCY_NEGATIVE = /^\((.*)\)$/;
/** Finance systems' credit and debit markers: "1,234.56 CR", "1,234.56 DR", and a trailing minus "1234.56-". */
const CREDIT_DEBIT = /^(.*?\d)\s*(CR|DR|-)$/i;
/**
 * Reads a number as a council writes it, exactly: surrounding spaces, "£" or "GBP", thousands commas, exponent
 * ("1.2e3"), accountancy negatives "(1,200)" and finance systems' "CR"/"DR" and trailing minus are understood. Anything else ("1,5", "12 kWh", "n/a") is a
 * reason, never a guess. Whether a negative is acceptable is the caller's decision.
 */
export function readNumber(raw: string): NumberReading {
  let text = raw.replace(/[\u00a0\u202f]/g, ' ').trim();
  if (text === '') return { reason: 'is blank' };
  let negative = false;
  const bracketed = ACCOUNTANCY_NEGATIVE.exec(text);
  if (bracketed !== null) {
    negative = true;
    text = bracketed[1]!.trim();
  }
  const marked = CREDIT_DEBIT.exec(text);
  if (marked !== null && !/e-?$/i.test(marked[1]!)) {
    if (marked[2]!.toUpperCase() !== 'DR') negative = !negative;
    text = marked[1]!.trim();
  }
  if (text.startsWith('-') && CURRENCY.test(text.slice(1))) {
    negative = !negative;
    text = text.slice(1);
  }
  text = text.replace(CURRENCY, '').trim();
  if (GROUPED.test(text)) text = text.replace(/,/g, '');
  else if (text.includes(',')) return { reason: `'${raw.trim()}' has a comma that is not a thousands separator (a decimal comma?)` };
  const value = parseDecimal(text);
  if (value === undefined) {
    if (!isDecimalSyntax(text)) return { reason: `'${raw.trim()}' is not a number` };
    return { reason: `'${raw.trim()}' is too ${/e-/i.test(text) ? 'small' : 'large'} to be a real figure (beyond 10^±${MAX_EXPONENT})` };
  }
  return { value: negative ? value.negated() : value };
}

export function isNumberReading(r: NumberReading): r is { readonly value: Decimal } {
  return 'value' in r;
}
