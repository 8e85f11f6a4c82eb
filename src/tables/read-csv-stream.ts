import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import Papa from 'papaparse';
import { definedFields } from '../defined.js';
import { LineEndingStream } from './line-endings.js';
import { detectDelimiter, lastLineOf, type CsvDelimiter } from './read-csv.js';
import type { SourceRow } from './table.js';

export interface CsvRecordStreamOptions {
  /** Force a delimiter; by default it is detected from the first line, as `readCsvText` does. */
  readonly delimiter?: CsvDelimiter;
  /**
   * Receives each record's fields in file order with the line where it starts; blank lines are not passed on.
   * A field shares its characters with the chunk it was cut from: copy any text kept beyond the call.
   */
  readonly onRecord: (fields: string[], line: number, malformedQuotes?: { readonly toLine: number }) => void;
  /**
   * The longest record waited for: a quote never closed would otherwise hold the rest of the file as one record,
   * re-parsed with every chunk. Past it `onOverlong` is told the record's line and nothing further is parsed.
   */
  readonly maxRecordChars?: number;
  readonly onOverlong?: (line: number) => void;
}

export interface CsvStreamOptions {
  /** Force a delimiter; by default it is detected from the first line, as `readCsvText` does. */
  readonly delimiter?: CsvDelimiter;
  /** Receives rows in file order, a chunk at a time; blank lines are not passed on. */
  readonly onRows: (rows: readonly SourceRow[]) => void;
  /** As for `streamCsvRecords`. */
  readonly maxRecordChars?: number;
  readonly onOverlong?: (line: number) => void;
}

const SNIFF_CHARS = 64 * 1024;
const BATCH_ROWS = 1000;

/**
 * Reads CSV from a stream of text (string chunks; Buffer chunks are read as UTF-8) without holding the file:
 * rows are handed over chunk by chunk, each with the line where its record starts (line breaks inside quoted
 * fields counted), exactly as `readCsvText` gives them, however the stream is chunked.
 */
export async function streamCsvRows(input: Readable, options: CsvStreamOptions): Promise<void> {
  let batch: SourceRow[] = [];
  await streamCsvRecords(input, {
    ...definedFields({ delimiter: options.delimiter, maxRecordChars: options.maxRecordChars, onOverlong: options.onOverlong }),
    onRecord: (fields, line, malformedQuotes) => {
      batch.push({ line, cells: fields.map((text) => ({ text })), ...(malformedQuotes !== undefined ? { malformedQuotes } : {}) });
      if (batch.length >= BATCH_ROWS) {
        options.onRows(batch);
        batch = [];
      }
    },
  });
  if (batch.length > 0) options.onRows(batch);
}

/**
 * `streamCsvRows` without a cell object per field, for callers that read a few columns of millions of lines.
 * Each text chunk is parsed as it is pulled from the stream by papaparse's core parser (the record cut off at
 * the chunk's end waits for the next chunk), so back-pressure holds memory to a chunk, not the file. Its
 * streaming front end is not used: it hands records over one at a time through an object stream, which costs
 * more than the parse itself.
 */
export async function streamCsvRecords(input: Readable, options: CsvRecordStreamOptions): Promise<void> {
  const chunks = textChunks(input);
  // The delimiter is chosen from the whole first line, never from a first chunk of a few bytes (papaparse
  // would guess from that chunk alone). Line endings need no choosing: they arrive as LF, whatever each was.
  let head = '';
  let next = await chunks.next();
  while (!next.done && !head.trimStart().includes('\n') && head.length < SNIFF_CHARS) {
    head += next.value;
    next = await chunks.next();
  }
  const delimiter = options.delimiter ?? detectDelimiter(head);
  const parser = new Papa.Parser({ delimiter, newline: '\n', skipEmptyLines: false });
  let line = 1;
  /** Parses `text`, hands over its complete records and returns the unparsed rest (a record cut off). */
  const parse = (text: string, last: boolean): string => {
    const result = parser.parse(text, 0, !last) as { data: string[][]; errors: { type: string; row?: number }[]; meta: { cursor: number } };
    const records = result.data;
    // Rare, so looked up only when papaparse reports one: a quote closed mid-field or never closed.
    const malformed = result.errors.length === 0 ? undefined : new Set(result.errors.filter((e) => e.type === 'Quotes' && e.row !== undefined).map((e) => e.row!));
    const end = last ? text.length : result.meta.cursor;
    // When every LF in the parsed text is a record's line ending, no field spans lines: the common case, which
    // spares looking into each field.
    const plain = !last && lineBreaks(text, end) === records.length;
    for (let r = 0; r < records.length; r++) {
      const record = records[r]!;
      const breaks = plain ? 0 : lineBreaksIn(record);
      if (!(record.length === 1 && record[0] === '')) options.onRecord(record, line, malformed?.has(r) === true ? { toLine: lastLineOf(record, line) } : undefined);
      line += 1 + breaks;
    }
    return end >= text.length ? '' : text.slice(end);
  };
  const max = options.maxRecordChars ?? Number.POSITIVE_INFINITY;
  let rest = parse(head.replace(/^\ufeff/, ''), false);
  for (let n = next; rest.length <= max; n = await chunks.next()) {
    if (n.done) return void parse(rest, true);
    rest = parse(rest + n.value, false);
  }
  options.onOverlong?.(line);
  // Read to the end unparsed, so the stream and anything piped into it finish as usual.
  while (!(await chunks.next()).done);
}

/** How many LFs `text` holds before `end`. */
function lineBreaks(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The stream's text with every line ending as LF (see `LineEndingStream`). */
async function* textChunks(input: Readable): AsyncGenerator<string, void, undefined> {
  const decoder = new StringDecoder('utf8');
  const endings = new LineEndingStream();
  for await (const chunk of input as AsyncIterable<string | Buffer>) yield endings.push(typeof chunk === 'string' ? chunk : decoder.write(chunk));
  const end = endings.push(decoder.end()) + endings.end();
  if (end !== '') yield end;
}

function lineBreaksIn(record: readonly string[]): number {
  let n = 0;
  for (const field of record) n += lineBreaks(field, field.length);
  return n;
}
