import type { Readable } from 'node:stream';
import { readCsvText, type CsvDelimiter } from '../tables/read-csv.js';
import { streamCsvRows } from '../tables/read-csv-stream.js';
import { columnLetters, type SourceRow } from '../tables/table.js';
import { ImportCollector } from './collect.js';
import { decodeText, DecodeStream, type CsvEncoding } from './encoding.js';
import { checkFileSize, importLimits, RowLimiter, type ImportLimits } from './limits.js';
import { UnusableInputError, type ImportResult } from './result.js';
import { TableImporter } from './table-importer.js';

/** Options of `importCsv`. */
export interface CsvImportOptions {
  /** The name problems give the file (default: the basename of a path, else "input.csv"). */
  readonly file?: string;
  /** Detected when not stated: BOM, UTF-16 NUL pattern, valid UTF-8, else Windows-1252. */
  readonly encoding?: CsvEncoding;
  /** Detected from the first line when not stated. */
  readonly delimiter?: CsvDelimiter;
  /** maxFileBytes applies to text and bytes (held whole), not to a stream; the row limits apply to all three. */
  readonly limits?: Partial<ImportLimits>;
}

/**
 * Imports the long CSV table (one activity per line: Category, Source, Quantity, Unit, ...). "Label,value"
 * lines above the header (Council name, Reporting year, ...) fill the profile, as the About sheet does.
 * Text, bytes (encoding detected or stated) or a byte stream (read as it arrives, never held whole).
 * @example
 * const imported = await importCsv(createReadStream('baseline.csv'), { file: 'baseline.csv' });
 * const inventory = inventoryFromImport(imported);
 */
export async function importCsv(input: string | Uint8Array | Readable, options: CsvImportOptions = {}): Promise<ImportResult> {
  const file = options.file ?? 'input.csv';
  const limits = importLimits(options.limits);
  const collector = new ImportCollector();
  const cellOrigin = (line: number, i: number) => ({ file, line, column: columnLetters(i) });
  const table = new TableImporter({ file, reportingYear: () => collector.profile.reportingYear }, collector, (row) =>
    collector.aboutRow(row, { file, line: row.line }, (i) => cellOrigin(row.line, i), 'above the header'),
  );
  const limiter = new RowLimiter(limits, { row: (line) => ({ file, line }), cell: cellOrigin }, collector);
  const take = (row: SourceRow) => {
    if (limiter.admit(row)) table.row(row);
  };
  // A file name passed where the text belongs would otherwise be read as a one-line table with no header.
  if (typeof input === 'string' && /^[^\r\n,;\t]*\.(csv|tsv|txt)$/i.test(input.trim())) {
    throw new UnusableInputError(file, `'${input.trim()}' looks like a file name: importCsv takes the CSV's text, bytes or a stream, e.g. importCsv(createReadStream('${input.trim()}'), { file: '${input.trim()}' })`);
  }
  if (typeof input === 'string' || input instanceof Uint8Array) {
    checkFileSize(typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength, file, limits, 'pass the file as a stream');
    const decoded = typeof input === 'string' ? { text: input, problems: [] } : decodeText(input, file, options.encoding);
    decoded.problems.forEach((p) => collector.problem(p));
    for (const row of readCsvText(decoded.text, file, options.delimiter).rows) take(row);
  } else {
    // The longest line a row within the limits can take: every column a quoted cell of maximum length.
    const maxLine = limits.maxColumns * (limits.maxCellChars + 3);
    const decoder = new DecodeStream(options.encoding, maxLine);
    input.once('error', (e) => decoder.destroy(e));
    let openQuote: number | undefined;
    await streamCsvRows(input.pipe(decoder), {
      ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
      maxRecordChars: maxLine,
      onOverlong: (line) => (openQuote = line),
      onRows: (rows) => rows.forEach(take),
    });
    if (openQuote !== undefined) {
      collector.problem({
        severity: 'error',
        code: 'limit-exceeded',
        message: `A quote opened on this line is not closed within ${limits.maxColumns} × ${limits.maxCellChars} characters (limits.maxColumns, limits.maxCellChars): the file was not read from here on; put the cell's closing quote back, or remove its opening one`,
        origin: { file, line: openQuote },
      });
    }
    if (decoder.replaced > 0) {
      collector.problem({ severity: 'error', code: 'encoding', message: `${decoder.replaced} character(s) could not be read as ${decoder.textEncoding}: state the encoding the file was saved in (e.g. --encoding windows-1252)`, origin: { file } });
    }
    if (decoder.overlongAt !== undefined) {
      collector.problem({
        severity: 'error',
        code: 'limit-exceeded',
        message: `A line runs on for more than ${limits.maxColumns} × ${limits.maxCellChars} characters without a line break (limits.maxColumns, limits.maxCellChars): the file was not read after character ${decoder.overlongAt}`,
        origin: { file, line: decoder.overlongLine! },
      });
    }
  }
  limiter.finish({ file });
  finish(table, file);
  return collector.result(file);
}

function finish(table: TableImporter, file: string): void {
  const unread: SourceRow[] = table.end();
  if (!table.headerFound) {
    throw new UnusableInputError(file, `no recognisable header in any of its ${unread.length} non-blank lines: expected columns such as Category, Source, Quantity, Unit`);
  }
}
