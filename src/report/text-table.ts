/**
 * A plain-text table with aligned columns for the terminal: reports and the CLI's listings. Numeric columns
 * (`right`) are right-aligned; `footer` rows (totals) are set off by a rule.
 */
export interface TextTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly footer?: readonly (readonly string[])[];
  readonly right?: readonly number[];
}

export function formatTextTable({ header, rows, footer = [], right = [] }: TextTable): string {
  const all = [header, ...rows, ...footer];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    widths.map((w, i) => (right.includes(i) ? (cells[i] ?? '').padStart(w) : (cells[i] ?? '').padEnd(w))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line), ...(footer.length > 0 ? [rule, ...footer.map(line)] : [])].join('\n');
}
