import type { Decimal } from '../decimal.js';
import type { Problem } from '../problem.js';
import { columnLetters, type SourceRow } from '../tables/table.js';
import { isNumberReading, readNumber } from './numbers.js';

/**
 * The parts of the baseline template the library generates and the importer leaves alone: the Summary sheet
 * of preview totals, the hidden Lists sheet (drop-down values and the per-unit preview figures) and, on each
 * category sheet, the columns whose heading ends "(preview)". They are recalculated from the records on import,
 * never read as data; this module also compares the Summary's displayed total with the exact one.
 */
export const SUMMARY_SHEET = 'Summary';
export const LISTS_SHEET = 'Lists';
/** Why the rows of the template's Summary (a sheet with its preview total row) and hidden Lists are skipped. */
export const SUMMARY_REASON = 'template summary of preview totals (recalculated on import)';
export const LISTS_REASON = 'template drop-down lists and preview figures';

/** The Summary's row of totals (its first cell), and the column of the total among its cells (0-based). */
export const SUMMARY_TOTAL_LABEL = 'Total (preview)';
export const SUMMARY_TOTAL_COLUMN = 4;

const PREVIEW_SUFFIX = '(preview)';
export const previewHeader = (name: string): string => `${name} ${PREVIEW_SUFFIX}`;
/** A column heading of the template's preview formulas: its cells are never data. */
export const isPreviewHeader = (text: string): boolean => text.trim().toLowerCase().endsWith(PREVIEW_SUFFIX);

export type DisplayedTotalProblem = Problem<'displayed-total-differs'>;

/** Half the last digit the Summary shows (0.1 tCO2e): a smaller difference is only the rounding on screen. */
const SHOWN_TO_TONNES = '0.05';

/** The total a workbook's Summary showed when it was last saved: its cached value, in tCO2e, and the row. */
export interface DisplayedTotal {
  readonly tonnes: Decimal;
  readonly sheet: string;
  readonly line: number;
  readonly text: string;
}

/** Rows of a sheet with the template Summary's total row (calculated or not): the template's, not a council's. */
export function isTemplateSummary(rows: readonly SourceRow[]): boolean {
  return rows.some((r) => r.cells[0]?.text.trim() === SUMMARY_TOTAL_LABEL);
}

/**
 * Reads the displayed total from the Summary sheet's rows (as a workbook reader gives them): undefined when the
 * Summary was never calculated (a workbook written by a program and not opened since), shows an error, or has no
 * total row. Read on import, where the rows are; compared once the records are costed (`compareDisplayedTotal`).
 */
export function readDisplayedTotal(summaryRows: readonly SourceRow[], sheet: string = SUMMARY_SHEET): DisplayedTotal | undefined {
  const row = summaryRows.find((r) => r.cells[0]?.text.trim() === SUMMARY_TOTAL_LABEL);
  const cell = row?.cells[SUMMARY_TOTAL_COLUMN];
  if (row === undefined || cell === undefined || cell.error === true || cell.formulaWithoutValue === true) return undefined;
  const shown = readNumber(cell.text);
  return isNumberReading(shown) ? { tonnes: shown.value, sheet, line: row.line, text: cell.text } : undefined;
}

/**
 * A warning when the displayed total differs from the exact total of the records imported (location-based
 * kgCO2e, as `inventory.totals.total`) by more than the rounding of what is shown; undefined when it does not.
 */
export function compareDisplayedTotal(displayed: DisplayedTotal, exactKgCO2e: Decimal, file: string): DisplayedTotalProblem | undefined {
  const exact = exactKgCO2e.div(1000);
  if (displayed.tonnes.sub(exact).abs().lte(SHOWN_TO_TONNES)) return undefined;
  return {
    severity: 'warning',
    code: 'displayed-total-differs',
    origin: { file, sheet: displayed.sheet, cell: `${columnLetters(SUMMARY_TOTAL_COLUMN)}${displayed.line}`, line: displayed.line },
    value: displayed.text,
    message: `The workbook's Summary showed ${displayed.tonnes.toFixed(1)} tCO2e, but the exact calculation of the rows imported gives ${exact.toFixed(1)} tCO2e: `
      + 'the Summary is a preview from per-unit figures (it leaves out rows whose source was typed rather than chosen, and uses one factor set and price year), so report the exact figure',
  };
}
