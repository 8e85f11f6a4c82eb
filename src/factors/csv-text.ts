/**
 * The CSV of the factor data files (RFC 4180: comma-separated, fields quoted where they hold a comma, a quote,
 * a line break or an edge space), read and written here in a few lines so that loading factor sets needs no
 * CSV library: the portable core stays small and runs anywhere. People's own CSV files go through src/tables/.
 */

/** Rows of named fields from CSV text whose first line is the header; blank lines are skipped. */
export function readCsvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = readCsvRows(text);
  if (header === undefined) return [];
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

function readCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endRow = () => {
    row.push(field);
    // A blank line is one empty field: no data, so no row.
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    field = '';
  };
  // A run of characters with no special meaning is taken as one slice: a character at a time, loading a set's
  // 1.4 MB file built its fields by a million concatenations (0.1 s of the 0.28 s desnz-2023 took to load).
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') {
        const end = text.indexOf('"', i);
        const stop = end === -1 ? text.length : end;
        field += text.slice(i, stop);
        i = stop - 1;
      } else if (text[i + 1] === '"') (field += '"'), i++;
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') endRow();
    else if (c === '\r') {
      if (text[i + 1] !== '\n') field += c;
    } else {
      let end = i + 1;
      while (end < text.length && !isSpecial(text.charCodeAt(end))) end++;
      field += text.slice(i, end);
      i = end - 1;
    }
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** A quote, comma, LF or CR: the characters that end a run of a field's text outside quotes. */
const isSpecial = (code: number) => code === 0x22 || code === 0x2c || code === 0x0a || code === 0x0d;

const NEEDS_QUOTES = /[",\r\n\uFEFF]|^ | $/;

/** CSV text of a header and rows, '\n' between lines and after the last; a field is quoted only where it must be. */
export function writeCsv(fields: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (value: string) => (NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [fields, ...rows].map((row) => row.map(cell).join(',')).join('\n') + '\n';
}
