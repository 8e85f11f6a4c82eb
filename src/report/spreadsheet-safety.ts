/**
 * Spreadsheet (CSV/formula) injection: a cell whose text starts with one of these is read by Excel, LibreOffice or
 * Google Sheets as a formula (or, for tab and CR, can smuggle one past a naive check), so text that came from input
 * could run when the export is opened. Full-width forms are included because some locales' spreadsheets accept them.
 */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'] as const;

/** What is put in front of a dangerous cell: the apostrophe spreadsheets themselves use to mean "this is text". */
export const NEUTRALISING_PREFIX = "'";

/** The text, made inert as a spreadsheet cell: prefixed with an apostrophe when it could start a formula. */
export function neutraliseCell(text: string): string {
  return FORMULA_TRIGGERS.some((t) => text.startsWith(t)) ? NEUTRALISING_PREFIX + text : text;
}
