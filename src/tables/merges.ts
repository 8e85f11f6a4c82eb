import type { CellText } from './table.js';

/** A merged range of a sheet: rows as Excel numbers them (1-based), columns 0-based. */
export interface MergeRange {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

interface Active {
  readonly range: MergeRange;
  readonly master: CellText;
}

/**
 * Fills a sheet's merged ranges into rows read in order, without holding the sheet: every cell of a range but
 * its top-left repeats the top-left value, marked 'across' on the range's first row and 'down' below it (a site
 * name merged over its meters' rows fills down). Rows that exist only because a range covers them are made too,
 * as Excel shows them. Ranges are bounded in number by the import limits, so this holds little.
 */
export class MergeFill {
  private readonly pending: MergeRange[];
  private active: Active[] = [];
  private last = 0;

  constructor(ranges: readonly MergeRange[], private readonly maxColumns: number) {
    this.pending = [...ranges].sort((a, b) => b.top - a.top);
  }

  /** The rows only merges make between the last row and this one, then this row with its merged cells filled. */
  rows(line: number, cells: CellText[], emit: (line: number, cells: CellText[]) => void): void {
    this.gap(line, emit);
    this.fill(line, cells);
    emit(line, cells);
    this.last = line;
  }

  /** The rows merges make below the sheet's last row. */
  finish(emit: (line: number, cells: CellText[]) => void): void {
    this.gap(Number.POSITIVE_INFINITY, emit);
  }

  private gap(before: number, emit: (line: number, cells: CellText[]) => void): void {
    for (let line = this.nextCovered(this.last + 1); line < before; line = this.nextCovered(line + 1)) {
      const cells: CellText[] = [];
      this.fill(line, cells);
      emit(line, cells);
      this.last = line;
    }
  }

  /** The first line at or after `from` that some range covers (infinity when none). */
  private nextCovered(from: number): number {
    let next = Number.POSITIVE_INFINITY;
    for (const a of this.active) if (a.range.bottom >= from) next = Math.min(next, Math.max(from, a.range.top));
    const upcoming = this.pending.at(-1);
    if (upcoming !== undefined) next = Math.min(next, Math.max(from, upcoming.top));
    return next;
  }

  private fill(line: number, cells: CellText[]): void {
    while (this.pending.length > 0 && this.pending.at(-1)!.top <= line) {
      const range = this.pending.pop()!;
      // A range whose first row was never written has an empty top-left cell.
      const master = range.top === line ? (cells[range.left] ?? { text: '' }) : { text: '' };
      this.active.push({ range, master });
    }
    if (this.active.length === 0) return;
    this.active = this.active.filter((a) => a.range.bottom >= line);
    for (const { range, master } of this.active) {
      const merge = range.top === line ? 'across' : 'down';
      for (let c = range.left; c <= Math.min(range.right, this.maxColumns - 1); c++) {
        if (c === range.left && range.top === line) continue;
        while (cells.length < c) cells.push({ text: '' });
        cells[c] = { ...master, merge };
      }
    }
  }
}
