import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { importCsv } from '../../src/import/csv.js';
import { decodeText, DecodeStream, type CsvEncoding } from '../../src/import/encoding.js';
import { UnusableInputError } from '../../src/import/result.js';
import { readCsvText, type CsvDelimiter } from '../../src/tables/read-csv.js';
import { streamCsvRows } from '../../src/tables/read-csv-stream.js';
import { isBlankRow } from '../../src/tables/table.js';
import { bounded, cellTextArbitrary, chunked, expectSound, fuzzParameters } from './support.js';

/** A valid baseline CSV as cells: About lines, header, data rows of several kinds, a totals and a notes row. */
const ABOUT = [['Council name', 'Fuzzshire District Council'], ['Reporting year', '2023/24'], ['Council type', 'district']];
const HEADER = ['Category', 'Source', 'Quantity', 'Unit', 'Site', 'Data quality', 'Notes'];
const ROWS = [
  ['buildings', 'natural-gas', '1234.5', 'kWh', 'Town Hall', 'invoiced', ''],
  ['buildings', 'electricity', '£12,000', 'kWh', 'Depot', 'metered', 'half-hourly'],
  ['street-lighting', 'electricity', '250000', 'kWh', '', 'estimated', ''],
  ['fleet', 'diesel', '5,000', 'litres', 'Depot', 'fuel card', ''],
  ['fleet', 'petrol', '0', 'litres', '', '', 'no petrol vehicles this year'],
  // No factor for this one: a record the calculator must name in an error rather than cost.
  ['waste', 'waste:refuse:landfill', '12.5', 'tonnes', '', '', ''],
  ['water', 'water-supply', '1840', 'm3', 'Café Nord', '', 'two\nlines'],
  ['business-travel', 'car:average:unknown', '1000', 'miles', '', '', ''],
  ['Total', '', '268498.5', '', '', '', ''],
  ['Notes: figures from invoices', '', '', '', '', '', ''],
];

interface CsvCase {
  readonly grid: string[][];
  readonly delimiter: CsvDelimiter;
  readonly lineEnds: readonly string[];
  readonly encoding: CsvEncoding | 'utf-8-bom';
  readonly bytesEdit: (bytes: Buffer) => Buffer;
  readonly asStream: readonly number[] | undefined;
  readonly stateDelimiter: boolean;
}

/** The grid as CSV, line i ending in lineEnds[i mod their count]: one ending for all, or a mix. */
function render(grid: readonly string[][], delimiter: string, lineEnds: readonly string[]): string {
  const quote = (t: string) => (/["\r\n,;\t]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  return grid.map((row, i) => row.map(quote).join(delimiter) + lineEnds[i % lineEnds.length]).join('');
}

const LINE_END = fc.constantFrom('\n', '\r\n', '\r');
/** One ending for the file, or a different one line by line (a CRLF header above LF rows). */
const lineEndsArbitrary = fc.oneof(LINE_END.map((e) => [e]), fc.array(LINE_END, { minLength: 2, maxLength: 12 }));

function encode(text: string, encoding: CsvCase['encoding']): Buffer {
  if (encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (encoding === 'utf-16le') return Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16be') return Buffer.from(text, 'utf16le').swap16();
  return Buffer.from(text, encoding === 'windows-1252' ? 'latin1' : 'utf8');
}

/** Structural mutations: shuffled columns, cells replaced by hostile text, rows dropped or repeated. */
const gridArbitrary: fc.Arbitrary<string[][]> = fc
  .record({
    order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6], { minLength: 7, maxLength: 7 }),
    shuffle: fc.boolean(),
    edits: fc.array(fc.record({ row: fc.nat(ROWS.length + ABOUT.length), column: fc.nat(8), text: cellTextArbitrary }), { maxLength: 8 }),
    repeat: fc.option(fc.nat(ROWS.length - 1)),
  })
  .map(({ order, shuffle, edits, repeat }) => {
    const columns = shuffle ? order : [0, 1, 2, 3, 4, 5, 6];
    const body = [HEADER, ...ROWS, ...(repeat === null ? [] : [ROWS[repeat]!])].map((r) => columns.map((i) => r[i]!));
    const grid = [...ABOUT.map((r) => [...r]), [], ...body];
    for (const e of edits) {
      const row = grid[(e.row + ABOUT.length + 2) % grid.length]!;
      row[e.column % Math.max(1, row.length + 1)] = e.text;
    }
    return grid.map((r) => Array.from(r, (c) => c ?? ''));
  });

/** Byte mutations: flips, a cut, an insertion, or none. */
const bytesEditArbitrary: fc.Arbitrary<(bytes: Buffer) => Buffer> = fc.oneof(
  fc.constant((b: Buffer) => b),
  fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 }).map((flips) => (b: Buffer) => {
    const out = Buffer.from(b);
    for (const f of flips) if (out.length > 0) out[f.at % out.length] = f.value;
    return out;
  }),
  fc.nat().map((at) => (b: Buffer) => b.subarray(0, at % (b.length + 1))),
  fc.record({ at: fc.nat(), insert: fc.uint8Array({ maxLength: 16 }) }).map(({ at, insert }) => (b: Buffer) => Buffer.concat([b.subarray(0, at % (b.length + 1)), insert, b.subarray(at % (b.length + 1))])),
);

const caseArbitrary: fc.Arbitrary<CsvCase> = fc.record({
  grid: gridArbitrary,
  delimiter: fc.constantFrom<CsvDelimiter>(',', ';', '\t'),
  lineEnds: lineEndsArbitrary,
  encoding: fc.constantFrom<CsvCase['encoding']>('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'),
  bytesEdit: bytesEditArbitrary,
  asStream: fc.option(fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 4 }), { nil: undefined }),
  stateDelimiter: fc.boolean(),
});

/** The non-blank rows the table reader gives for these bytes, read the way the importer reads them. */
async function readerRows(bytes: Buffer, c: CsvCase): Promise<number> {
  const delimiter = c.stateDelimiter ? { delimiter: c.delimiter } : {};
  if (c.asStream === undefined) return readCsvText(decodeText(bytes, 'f.csv').text, 'f.csv', delimiter.delimiter).rows.filter((r) => !isBlankRow(r)).length;
  let n = 0;
  await streamCsvRows(Readable.from([bytes]).pipe(new DecodeStream()), { ...delimiter, onRows: (rows) => (n += rows.filter((r) => !isBlankRow(r)).length) });
  return n;
}

describe('fuzz: CSV import', () => {
  it('never crashes or hangs, and accounts for every row of mutated CSV', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c) => {
        const bytes = c.bytesEdit(encode(render(c.grid, c.delimiter, c.lineEnds), c.encoding));
        const options = { file: 'f.csv', ...(c.stateDelimiter ? { delimiter: c.delimiter } : {}) };
        const result = await bounded(() => importCsv(c.asStream === undefined ? bytes : chunked(bytes, c.asStream), options));
        if (result instanceof UnusableInputError) return;
        expectSound(result, await readerRows(bytes, c));
      }),
      fuzzParameters(300),
    );
  });

  it('mixed line endings lose no row: the accounting covers every non-blank line of the grid', async () => {
    await fc.assert(
      fc.asyncProperty(gridArbitrary, lineEndsArbitrary, fc.option(fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 4 }), { nil: undefined }), async (grid, lineEnds, asStream) => {
        const bytes = Buffer.from(render(grid, ',', lineEnds), 'utf8');
        const result = await bounded(() => importCsv(asStream === undefined ? bytes : chunked(bytes, asStream), { file: 'f.csv' }));
        if (result instanceof UnusableInputError) return;
        // Counted from the grid, not by any reader: every cell was quoted as needed, so each grid row is one row.
        expectSound(result, grid.filter((row) => row.some((cell) => cell.trim() !== '')).length);
      }),
      fuzzParameters(200),
    );
  });
});
