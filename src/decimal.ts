import DecimalJs from 'decimal.js';
// Types by the named export: decimal.js's one declaration file is CommonJS to a project resolving with
// nodenext, where its default import is the module object, not the class, and cannot name a type.
import type { Decimal as DecimalClass } from 'decimal.js';

/**
 * The project's Decimal constructor. A private clone, so configuring it never changes the caller's
 * global decimal.js settings. 50 significant digits: the largest plausible council total (10^9 kgCO2e)
 * times a 15-significant-digit factor needs about 25, so no realistic figure loses a digit; a
 * non-terminating unit ratio (e.g. MJ → kWh) is correctly rounded at the 50th digit. Half-even
 * rounding (the IEEE/banker's rule) is used only where a result must be rounded.
 */
export const Decimal: typeof DecimalClass = DecimalJs.clone({
  precision: 50,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Decimal = DecimalClass;
export type DecimalValue = DecimalClass.Value;

export const ZERO = new Decimal(0);

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.add(v);
  return total;
}

/**
 * Strict decimal syntax for values read from data files: optional sign, digits, optional fraction,
 * optional exponent. Rejects '', 'NaN', 'Infinity', hex and binary literals that decimal.js would accept.
 */
const DECIMAL_SYNTAX = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Powers of ten beyond which no quantity, price or factor is real. Decimal holds "1e99999999" as a mere
 * exponent, but writing it out (in a message, a report) would build a string of a hundred million digits.
 */
export const MAX_EXPONENT = 100;

export function isDecimalSyntax(text: string): boolean {
  return DECIMAL_SYNTAX.test(text.trim());
}

/** The value of strict decimal text within 10^±MAX_EXPONENT, else undefined. */
export function parseDecimal(text: string): Decimal | undefined {
  const t = text.trim();
  if (!DECIMAL_SYNTAX.test(t)) return undefined;
  const value = new Decimal(t);
  return value.isZero() || Math.abs(value.e) <= MAX_EXPONENT ? value : undefined;
}
