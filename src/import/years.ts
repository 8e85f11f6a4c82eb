import { ReportingYearSchema, type ReportingYear } from '../activity/record.js';

/** A calendar date without time or zone. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug absorbed); serials from 1950 to 2100 only. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const SERIAL_RANGE = [18264, 73051] as const;
/** An Excel serial date as text; a date-time serial carries the time as a fraction of a day (45047.5 is noon). */
export const EXCEL_SERIAL = /^\d{5}(\.\d+)?$/;

/**
 * A date as councils write it: an Excel date cell (read as ISO text), "2023-05-31", UK "31/05/2023" or
 * "31-05-23", "31 May 2023", or an Excel serial number from a cell that lost its date format.
 */
export function readDate(text: string): CalendarDate | undefined {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})([T ][\d:.]+Z?)?$/.exec(t);
  if (m !== null) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  // A time after the date ("01/05/2023 00:00:00", as finance systems export it) does not change the day.
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  if (m !== null) return valid(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})[\s-]+(\d{2}|\d{4})$/.exec(t);
  if (m !== null) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    return month === 0 ? undefined : valid(fullYear(m[3]!), month, Number(m[1]));
  }
  if (EXCEL_SERIAL.test(t)) {
    const serial = Math.floor(Number(t));
    if (serial < SERIAL_RANGE[0] || serial > SERIAL_RANGE[1]) return undefined;
    const d = new Date(EXCEL_EPOCH_MS + serial * 86_400_000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  return undefined;
}

function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function valid(year: number, month: number, day: number): CalendarDate | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { year, month, day } : undefined;
}

/** The UK financial year (April to March) a date falls in. */
export function financialYearOf(date: CalendarDate): ReportingYear {
  const first = date.month >= 4 ? date.year : date.year - 1;
  return `${first}/${String((first + 1) % 100).padStart(2, '0')}`;
}

/** "2023/24", "2023-24", "2023/2024", "FY 2023/24", "23/24" → "2023/24"; undefined if not a consecutive pair. */
export function readFinancialYear(text: string): ReportingYear | undefined {
  const m = /^(?:fy\s*)?(\d{2}|\d{4})\s*[/-]\s*(\d{2}|\d{4})$/i.exec(text.trim());
  if (m === null) return undefined;
  const first = fullYear(m[1]!);
  const candidate = `${first}/${m[2]!.slice(-2)}`;
  if (m[2]!.length === 4 && Number(m[2]) !== first + 1) return undefined;
  return ReportingYearSchema.safeParse(candidate).success ? candidate : undefined;
}
