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

/** An error (the row or record is not used) or a warning (used, with a caveat). */
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

/** One line per problem: sheet names, headings, messages and values come from the file, so any may hold controls. */
export function formatProblem(p: Problem): string {
  const value = p.value === undefined ? '' : ` (value: ${JSON.stringify(p.value)})`;
  return escapeControls(`${p.severity} ${p.code} at ${formatOrigin(p.origin)}: ${p.message}${value}`);
}

/**
 * Text from a file made safe to print: C0 and C1 control characters (ESC starts a terminal's commands: colours,
 * cursor moves, a changed window title, or text hidden by a carriage return) and the bidirectional overrides
 * that reorder what is shown are written as \u escapes. `keep` names characters to pass through, such as the
 * line breaks of a multi-line message (keeping LF keeps CRLF too, as a CSV report ends its lines).
 */
export function escapeControls(text: string, keep = ''): string {
  return text.replace(/\r\n|[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (keep.includes(c) || (c === '\r\n' && keep.includes('\n'))) return c;
    return [...c].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  });
}
