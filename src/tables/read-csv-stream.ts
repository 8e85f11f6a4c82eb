import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { Readable, type Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import Papa from 'papaparse';
import { detectDelimiter, type CsvDelimiter } from './read-csv.js';
import type { SourceRow } from './table.js';

export interface CsvStreamOptions {
  /** Force a delimiter; by default it is detected from the first line, as `readCsvText` does. */
  readonly delimiter?: CsvDelimiter;
  /** Receives rows in file order, a chunk at a time; blank lines are not passed on. */
  readonly onRows: (rows: readonly SourceRow[]) => void;
}

const SNIFF_CHARS = 64 * 1024;
const BATCH_ROWS = 1000;

/**
 * Reads CSV from a stream of text (string chunks; Buffer chunks are read as UTF-8) without holding the file:
 * rows are handed over chunk by chunk, each with the line where its record starts (line breaks inside quoted
 * fields counted), exactly as `readCsvText` gives them, however the stream is chunked.
 */
export async function streamCsvRows(input: Readable, options: CsvStreamOptions): Promise<void> {
  const chunks = textChunks(input);
  // Delimiter and line ending are chosen from the whole first line, never from a first chunk of a few bytes
  // (papaparse would guess from that chunk alone).
  const lineEnd = /\r\n|\n|\r(?=[^\n])/;
  let head = '';
  let next = await chunks.next();
  while (!next.done && !lineEnd.test(head.trimStart()) && head.length < SNIFF_CHARS) {
    head += next.value;
    next = await chunks.next();
  }
  const delimiter = options.delimiter ?? detectDelimiter(head);
  const newline = (lineEnd.exec(head.trimStart())?.[0] ?? '\n') as '\r\n' | '\n' | '\r';
  async function* rest(): AsyncGenerator<string> {
    if (head !== '') yield head.replace(/^\ufeff/, '');
    for (let n = next; !n.done; n = await chunks.next()) yield n.value;
  }
  // papaparse's duplex stream honours back-pressure (its plain stream input queues the whole file when parsing
  // is slower than reading), so memory stays bounded by the batch size, not the file.
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter, newline, skipEmptyLines: false }) as unknown as Duplex;
  let line = 1;
  let batch: SourceRow[] = [];
  const source = Readable.from(rest());
  input.once('error', (e: Error) => source.destroy(e));
  const parsing = pipeline(source, parser);
  for await (const record of parser as AsyncIterable<string[]>) {
    if (!(record.length === 1 && record[0] === '')) batch.push({ line, cells: record.map((text) => ({ text })) });
    line += 1 + lineBreaksIn(record);
    if (batch.length >= BATCH_ROWS) {
      options.onRows(batch);
      batch = [];
    }
  }
  await parsing;
  if (batch.length > 0) options.onRows(batch);
}

async function* textChunks(input: Readable): AsyncGenerator<string, void, undefined> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of input as AsyncIterable<string | Buffer>) yield typeof chunk === 'string' ? chunk : decoder.write(chunk);
  const end = decoder.end();
  if (end !== '') yield end;
}

function lineBreaksIn(record: readonly string[]): number {
  let n = 0;
  for (const field of record) {
    if (field.indexOf('\n') === -1 && field.indexOf('\r') === -1) continue;
    for (let i = 0; i < field.length; i++) {
      if (field[i] === '\n' || (field[i] === '\r' && field[i + 1] !== '\n')) n++;
    }
  }
  return n;
}

export interface TextFile {
  readonly stream: Readable & { readonly bytesRead: number };
  /** Size in bytes, for progress. */
  readonly size: number;
  readonly encoding: 'utf8' | 'latin1';
}

const SNIFF_BYTES = 64 * 1024;

/**
 * Opens a text file as a stream of strings. Finance systems still export Windows-1252 ("£" as byte A3): a file
 * whose first 64 KiB are not valid UTF-8 is read as Latin-1, which agrees with Windows-1252 on "£" and on
 * every letter councils' supplier names use. A UTF-8 byte-order mark is skipped.
 */
export function openTextFile(path: string): TextFile {
  const size = statSync(path).size;
  const head = Buffer.alloc(Math.min(SNIFF_BYTES, size));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const encoding = isUtf8Prefix(head) ? 'utf8' : 'latin1';
  const bom = encoding === 'utf8' && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const stream = createReadStream(path, { start: bom ? 3 : 0, highWaterMark: 1024 * 1024 });
  stream.setEncoding(encoding);
  return { stream, size, encoding };
}

function isUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    // stream: true tolerates a character cut off at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
