import { Decimal } from '../decimal.js';
import { formatShare, formatTonnes as formatRoundedTonnes, roundHalfEven, roundTonnes } from '../inventory/present.js';

/**
 * Presentation helpers on top of the inventory's own rounding rule (src/inventory/present.ts, ROUNDING_RULE): emissions
 * stay exact kgCO2e until a report prints them; this only adds thousands separators, signs and units.
 */
export { ROUNDING_RULE } from '../inventory/present.js';

/** Exact tCO2e (a division by 1000 that always terminates). */
export function tonnes(kgCO2e: Decimal): Decimal {
  return kgCO2e.div(1000);
}

/** tCO2e rounded by the stated rule, as a number a spreadsheet can sum or a chart can draw. */
export function roundedTonnes(kgCO2e: Decimal): Decimal {
  return roundTonnes(kgCO2e);
}

/**
 * kgCO2e to the gram (0.001 kgCO2e, half to even): the "exact" kgCO2e a spreadsheet cell can show, since a cell holds
 * about 15 significant digits and a product of a quantity and a factor can have many more.
 */
export function roundedKilograms(kgCO2e: Decimal): Decimal {
  return roundHalfEven(kgCO2e, 3);
}

/** "12,345.6": tCO2e by the stated rule, with thousands separators. */
export function formatTonnes(kgCO2e: Decimal): string {
  return groupThousands(formatRoundedTonnes(kgCO2e));
}

/** "+1,234.5" / "-12.0" / "0.0": a change, signed when it rounds to something other than zero. */
export function formatTonnesChange(kgCO2e: Decimal): string {
  const text = formatTonnes(kgCO2e);
  return text.startsWith('-') || roundedTonnes(kgCO2e).isZero() ? text : `+${text}`;
}

/** "23.4%" of the whole, or "–" when the whole is zero. */
export const formatPercent = formatShare;

/** "1,234,567.25" for a plain decimal text. */
export function groupThousands(decimalText: string): string {
  const [whole = '', fraction] = decimalText.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A memo item's amount: kgCO2e items in tCO2e like everything else; generated energy exactly, in kWh. */
export function formatMemoValue(m: { readonly unit: 'kgCO2e' | 'kWh'; readonly value: Decimal }): string {
  return m.unit === 'kWh' ? `${groupThousands(m.value.toFixed())} kWh` : `${formatTonnes(m.value)} tCO2e`;
}

/** "12,345.6 tCO2e" */
export function tonnesText(kgCO2e: Decimal): string {
  return `${formatTonnes(kgCO2e)} tCO2e`;
}

/** "£1,234,568": money to the whole pound (half to even), for tables of spend; the figures behind stay exact. */
export function formatPounds(pounds: Decimal): string {
  return `£${groupThousands(roundHalfEven(pounds, 0).toFixed(0))}`;
}

/** Procurement rows shown in a report: the largest, so a table stays readable; the CSV and XLSX list all. */
export const LARGEST_PROCUREMENT_ROWS = 10;
