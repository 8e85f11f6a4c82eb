/** A table read from a file: rows of cell text, each row with the number people see in Excel or an editor. */
export interface SourceRow {
  /** 1-based sheet row, or 1-based CSV record line where the record starts. */
  readonly line: number;
  readonly cells: readonly CellText[];
  /**
   * Set when the reader stopped at a column limit: the 0-based index of the first non-blank cell it did not
   * read. `cells` then ends before it.
   */
  readonly overflowColumn?: number;
  /**
   * CSV only: the record's quotes are malformed (a quote closed mid-field, or never closed), so the parser may
   * have read the following lines into it, up to line `toLine`. The row is reported, never read as data.
   */
  readonly malformedQuotes?: { readonly toLine: number };
}

/** A cell as text, plus what the reader knew about it. `text` is '' for an empty cell. */
export interface CellText {
  readonly text: string;
  /** The cell held a formula whose cached value was missing (the text is then ''). */
  readonly formulaWithoutValue?: true;
  /** The cell held a spreadsheet error such as #DIV/0! (the text is the error). */
  readonly error?: true;
  /**
   * The cell lies inside a merged range but is not its top-left cell; `text` repeats the top-left value.
   * 'across': the range continues along this row (the value belongs to the cell on the left);
   * 'down': the range comes from a row above (the value fills down, e.g. a site name spanning its meters).
   */
  readonly merge?: 'across' | 'down';
}

export interface SourceTable {
  readonly file: string;
  readonly sheet?: string;
  readonly rows: readonly SourceRow[];
}

export function isBlankRow(row: SourceRow): boolean {
  return row.cells.every((c) => c.text.trim() === '' && c.formulaWithoutValue !== true);
}

/** Spreadsheet column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Spreadsheet column letters at the start of a reference as a 0-based index: 'AB12' → 27; -1 when none. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  return n - 1;
}
