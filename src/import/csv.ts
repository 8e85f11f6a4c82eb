import type { Readable } from 'node:stream';
import { readCsvText, type CsvDelimiter } from '../tables/read-csv.js';
import { streamCsvRows } from '../tables/read-csv-stream.js';
import { columnLetters, type SourceRow } from '../tables/table.js';
import { ImportCollector } from './collect.js';
import { decodeText, DecodeStream, type CsvEncoding } from './encoding.js';
import { UnusableInputError, type ImportResult } from './result.js';
import { TableImporter } from './table-importer.js';

export interface CsvImportOptions {
  /** The name problems give the file (default: the basename of a path, else "input.csv"). */
  readonly file?: string;
  /** Detected when not stated: BOM, UTF-16 NUL pattern, valid UTF-8, else Windows-1252. */
  readonly encoding?: CsvEncoding;
  /** Detected from the first line when not stated. */
  readonly delimiter?: CsvDelimiter;
}

/**
 * Imports the long CSV table (one activity per line: Category, Source, Quantity, Unit, ...). "Label,value"
 * lines above the header (Council name, Reporting year, ...) fill the profile, as the About sheet does.
 * Text, bytes (encoding detected or stated) or a byte stream (read as it arrives, never held whole).
 */
export async function importCsv(input: string | Uint8Array | Readable, options: CsvImportOptions = {}): Promise<ImportResult> {
  const file = options.file ?? 'input.csv';
  const collector = new ImportCollector();
  const table = new TableImporter({ file, reportingYear: () => collector.profile.reportingYear }, collector, (row) =>
    collector.aboutRow(row, { file, line: row.line }, (i) => ({ file, line: row.line, column: columnLetters(i) }), 'above the header'),
  );
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const text = typeof input === 'string' ? input : decodeText(input, file, options.encoding);
    if (typeof text !== 'string') text.problems.forEach((p) => collector.problem(p));
    const body = typeof text === 'string' ? text : text.text;
    for (const row of readCsvText(body, file, options.delimiter).rows) table.row(row);
  } else {
    const decoder = new DecodeStream(options.encoding);
    input.once('error', (e) => decoder.destroy(e));
    await streamCsvRows(input.pipe(decoder), { ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}), onRows: (rows) => rows.forEach((r) => table.row(r)) });
    if (decoder.replaced > 0) {
      collector.problem({ severity: 'error', code: 'encoding', message: `${decoder.replaced} character(s) could not be read as ${decoder.textEncoding}: state the encoding the file was saved in (e.g. --encoding windows-1252)`, origin: { file } });
    }
  }
  finish(table, file);
  return collector.result();
}

function finish(table: TableImporter, file: string): void {
  const unread: SourceRow[] = table.end();
  if (!table.headerFound) {
    throw new UnusableInputError(file, `no recognisable header in the first ${unread.length} non-blank lines: expected columns such as Category, Source, Quantity, Unit`);
  }
}
