import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { streamCsvRecords } from '../tables/read-csv-stream.js';
import { DecodeStream } from './encoding.js';
import { LedgerAggregator, type LedgerOptions } from './ledger-aggregator.js';
import type { SpendMapping } from './ledger-mapping.js';
import type { LedgerResult } from './ledger-result.js';
import { isWorkbookName, LEDGER_WORKBOOK_TOO_BIG, readLedgerWorkbook } from './ledger-workbook.js';
import { checkFileSize, importLimits } from './limits.js';
import { UnusableInputError } from './result.js';

/**
 * The longest ledger line read: a payment line is a few dozen fields, so this is far beyond any real one, yet it
 * stops one endless line (a damaged or hostile file) from being held and re-parsed as it grows.
 */
const LEDGER_LINE_CHARS = 1024 * 1024;

/**
 * Streams a spend ledger (.csv, or .xlsx read row by row with the workbook checks) through a `LedgerAggregator`.
 * A path or a byte stream of CSV.
 * @example
 * const { mapping, problems } = readSpendMapping(readFileSync('mapping.csv', 'utf8'), 'mapping.csv');
 * const ledger = await aggregateSpendLedger('spend-over-500.csv', mapping, { reportingYear: '2023/24' });
 * console.log(`${ledger.account.mapped} of ${ledger.account.lines} lines mapped`, [...problems, ...ledger.problems].length, 'problems');
 * const inventory = inventoryFromImport(withLedger(await importWorkbook('baseline.xlsx'), ledger));
 */
export async function aggregateSpendLedger(input: string | Readable, mapping: SpendMapping, options: LedgerOptions = {}): Promise<LedgerResult> {
  const file = options.file ?? (typeof input === 'string' ? basename(input) : 'ledger.csv');
  const aggregator = new LedgerAggregator(mapping, file, options);
  if (typeof input === 'string' && isWorkbookName(input)) {
    const limits = importLimits(options.limits);
    // Its size is checked before it is read whole.
    checkFileSize(statSync(input).size, file, limits, LEDGER_WORKBOOK_TOO_BIG);
    await readLedgerWorkbook(readFileSync(input), file, limits, (row) => aggregator.row(row));
    return aggregator.result();
  }
  return aggregateCsv(typeof input === 'string' ? createReadStream(input) : input, aggregator, file, options);
}

/**
 * A CSV ledger, decoded and read record by record, no line longer than LEDGER_LINE_CHARS. Read in the stream's
 * default 64 KiB chunks: each chunk's records are parsed at once, and with 1 MiB chunks they outlived the young
 * generation, so a million lines peaked at 250-270 MB of RSS (and ran slower) against about 145 MB now.
 */
async function aggregateCsv(bytes: Readable, aggregator: LedgerAggregator, file: string, options: LedgerOptions): Promise<LedgerResult> {
  const decoder = new DecodeStream(options.encoding, LEDGER_LINE_CHARS);
  let read = 0;
  bytes.on('data', (chunk: Buffer) => {
    read += chunk.length;
    options.onProgress?.(read);
  });
  bytes.once('error', (e: Error) => decoder.destroy(e));
  let records = 0;
  let openQuote: number | undefined;
  await streamCsvRecords(bytes.pipe(decoder), {
    ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
    maxRecordChars: LEDGER_LINE_CHARS,
    onOverlong: (line) => (openQuote = line),
    onRecord: (fields, line, malformed) => {
      // The start of a line cut off at the limit is no payment: the problem below names it instead.
      if (decoder.overlongLine !== undefined && line >= decoder.overlongLine) return;
      records++;
      aggregator.record(fields, line, malformed);
    },
  });
  const overlong = decoder.overlongLine ?? openQuote;
  if (records === 0 && overlong !== undefined) {
    throw new UnusableInputError(file, `line ${overlong} runs on for more than ${LEDGER_LINE_CHARS} characters, before any header: not a ledger saved as CSV`);
  }
  const result = aggregator.result();
  if (decoder.replaced > 0) {
    result.problems.push({ severity: 'error', code: 'encoding', message: `${decoder.replaced} character(s) could not be read as ${decoder.textEncoding}: state the encoding (e.g. --encoding windows-1252)`, origin: { file } });
  }
  if (overlong !== undefined) {
    const why = decoder.overlongLine !== undefined ? 'without a line break' : 'inside a quote that is not closed';
    result.problems.push({
      severity: 'error',
      code: 'limit-exceeded',
      message: `The line runs on for more than ${LEDGER_LINE_CHARS} characters ${why}, longer than any payment line: the ledger was not read from here on (the lines above it are summed); check the file is a ledger saved as CSV`,
      origin: { file, line: overlong },
    });
  }
  return result;
}
