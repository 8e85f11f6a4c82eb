import type ExcelJS from 'exceljs';
import type { CellText } from './table.js';

/**
 * One spreadsheet cell as text. Numbers are written with at most 15 significant digits: Excel itself keeps
 * 15, and the stored binary double (0.20707428859060403) would otherwise show noise digits no one typed.
 */
export function cellText(value: ExcelJS.CellValue): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: numberText(value) };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  // A date-formatted cell whose number is beyond any date (1e999, damage) reads as an invalid Date: it is
  // refused as Excel's out-of-range error, never turned into text that might parse.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { text: '#NUM!', error: true } : { text: value.toISOString() };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('error' in value) return { text: String(value.error), error: true };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) return { text: '', formulaWithoutValue: true };
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) return { text: String(result.error), error: true };
    return cellText(result as ExcelJS.CellValue);
  }
  if ('text' in value) return { text: String(value.text) };
  return { text: '' };
}

/** A finite double as a plain decimal string with at most 15 significant digits. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  // Most cells hold numbers someone typed: their shortest text has 15 digits or fewer, and is then exactly what
  // rounding to 15 gives (a double resolves finer than 15 digits), so the rounding below is skipped for them.
  if (Math.abs(n) < 1e15) {
    const shortest = String(n);
    if (!shortest.includes('e') && significantDigits(shortest) <= 15) return shortest;
  }
  const precise = n.toPrecision(15);
  // toPrecision pads with zeros and may use exponent form; normalise without leaving decimal arithmetic.
  const [mantissa, exponent] = precise.split('e');
  const trimmed = mantissa!.includes('.') ? mantissa!.replace(/0+$/, '').replace(/\.$/, '') : mantissa!;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}

function significantDigits(plain: string): number {
  let digits = 0;
  let leading = true;
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    if (leading && c === 48) continue;
    leading = false;
    digits++;
  }
  return digits;
}
