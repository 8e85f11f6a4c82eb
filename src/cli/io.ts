/** What a command may touch besides the file system: its two output streams. Tests pass a recorder. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export type Command = (args: string[], io: CliIO) => Promise<number>;

/** Exit codes: 0 clean, 1 done but with problems that excluded data, 2 unusable input or usage. */
export const EXIT = { ok: 0, problems: 1, unusable: 2 } as const;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A plain-text table with aligned columns; `right` lists columns to right-align (numbers). */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (right.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
