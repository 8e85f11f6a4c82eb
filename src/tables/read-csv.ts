import Papa from 'papaparse';
import { normaliseLineEndings } from './line-endings.js';
import type { SourceRow, SourceTable } from './table.js';

export type CsvDelimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * Parses CSV text into rows that keep the line number where each record starts (line breaks inside quoted
 * fields counted), so a problem can say "line 12". A UTF-8 BOM is dropped; empty lines are not data rows.
 * Each line may end in CRLF, LF or CR, whatever the other lines end in.
 */
export function readCsvText(text: string, file: string, delimiter: CsvDelimiter = detectDelimiter(text)): SourceTable {
  const body = normaliseLineEndings(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const rows: SourceRow[] = [];
  let line = 1;
  let cursor = 0;
  Papa.parse<string[]>(body, {
    delimiter,
    newline: '\n',
    skipEmptyLines: false,
    step: (result) => {
      const record = result.data;
      const next = result.meta.cursor;
      const breaks = countLineBreaks(body, cursor, next);
      if (!(record.length === 1 && record[0] === '')) {
        const malformed = result.errors.some((e) => e.type === 'Quotes');
        rows.push({ line, cells: record.map((t) => ({ text: t })), ...(malformed ? { malformedQuotes: { toLine: lastLineOf(record, line) } } : {}) });
      }
      line += breaks;
      cursor = next;
    },
  });
  return { file, rows };
}

/** The delimiter that occurs most often outside quotes on the first non-empty line (comma on a tie). */
export function detectDelimiter(text: string): CsvDelimiter {
  const firstLine = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  let best: CsvDelimiter = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = unquoted.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/** Line breaks in normalised text (LF only). */
function countLineBreaks(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The line a malformed record ends on: its line breaks inside fields, less one the unclosed quote swallowed at
 * the very end of the file (the last line's own ending).
 */
export function lastLineOf(record: readonly string[], line: number): number {
  let breaks = 0;
  for (const field of record) breaks += (field.match(/\r\n|\n|\r/g) ?? []).length;
  const last = record.at(-1) ?? '';
  return line + breaks - (breaks > 0 && /(\r\n|\n|\r)$/.test(last) ? 1 : 0);
}
