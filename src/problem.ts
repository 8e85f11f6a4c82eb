/**
 * Where a value came from: a file and, inside it, a sheet cell or a CSV line and column.
 * Shared by every stage so a problem found late (a missing factor) still points at the input cell.
 */
export interface Origin {
  readonly file?: string;
  readonly sheet?: string;
  /** A1-style cell reference within `sheet`, e.g. "D14". */
  readonly cell?: string;
  /** 1-based line (CSV) or row (sheet) number. */
  readonly line?: number;
  readonly column?: string;
  /** Free-form origin for records built in code, e.g. "examples/council.ts". */
  readonly note?: string;
}

export type Severity = 'error' | 'warning';

/** A data problem: a value, not an exception. `code` is stable and documented; `message` is for people. */
export interface Problem<Code extends string = string> {
  readonly severity: Severity;
  readonly code: Code;
  readonly message: string;
  readonly origin: Origin;
  readonly value?: string;
}

/** "budget.xlsx › Fleet!D14", "spend.csv line 12, column Amount", or the note. */
export function formatOrigin(origin: Origin): string {
  const where: string[] = [];
  if (origin.sheet !== undefined) where.push(origin.cell !== undefined ? `${quoteSheet(origin.sheet)}!${origin.cell}` : `sheet ${origin.sheet}`);
  else {
    if (origin.line !== undefined) where.push(`line ${origin.line}`);
    if (origin.column !== undefined) where.push(`column ${origin.column}`);
  }
  if (origin.sheet !== undefined && origin.cell === undefined && origin.line !== undefined) where.push(`row ${origin.line}`);
  const place = where.join(', ');
  const head = origin.file ?? origin.note ?? '';
  return [head, place].filter((s) => s !== '').join(' › ') || '(unknown origin)';
}

function quoteSheet(sheet: string): string {
  return /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function formatProblem(p: Problem): string {
  const value = p.value === undefined ? '' : ` (value: ${JSON.stringify(p.value)})`;
  return `${p.severity} ${p.code} at ${formatOrigin(p.origin)}: ${p.message}${value}`;
}
