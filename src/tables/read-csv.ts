import Papa from 'papaparse';
import type { SourceRow, SourceTable } from './table.js';

export type CsvDelimiter = ',' | ';' | '\t';
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * Parses CSV text into rows that keep the line number where each record starts (line breaks inside quoted
 * fields counted), so a problem can say "line 12". A UTF-8 BOM is dropped; empty lines are not data rows.
 */
export function readCsvText(text: string, file: string, delimiter: CsvDelimiter = detectDelimiter(text)): SourceTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: SourceRow[] = [];
  let line = 1;
  let cursor = 0;
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      const record = result.data;
      if (!(record.length === 1 && record[0] === '')) rows.push({ line, cells: record.map((t) => ({ text: t })) });
      const next = result.meta.cursor;
      line += countLineBreaks(body, cursor, next);
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

function countLineBreaks(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < Math.min(end, text.length); i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) n++;
  }
  return n;
}
