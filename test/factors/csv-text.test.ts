import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readCsvObjects, writeCsv } from '../../src/factors/csv-text.js';

/**
 * The factor data files' own small CSV reader and writer (so loading factor sets needs no CSV library) against
 * papaparse, which wrote the bundled files: the same text out, the same fields back, for any field text.
 */
const field = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', '"', '\n', '\r', '\r\n', '›', '£', '\uFEFF'), maxLength: 8 });
const table = fc.integer({ min: 2, max: 5 }).chain((width) =>
  fc.record({
    fields: fc.uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b', '_', '1'), minLength: 1, maxLength: 6 }), { minLength: width, maxLength: width }),
    // At least one row: with none, papaparse writes a blank line after the header (a factor file always has rows).
    rows: fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }),
  }),
);

describe('factor data CSV', () => {
  it('writes what papaparse writes (quoting only where a field needs it)', () => {
    fc.assert(
      fc.property(table, ({ fields, rows }) => {
        expect(writeCsv(fields, rows)).toBe(`${Papa.unparse({ fields, data: rows }, { newline: '\n', quotes: false })}\n`);
      }),
      { numRuns: 500 },
    );
  });

  it('reads back every field it wrote, as papaparse reads it', () => {
    fc.assert(
      fc.property(table, ({ fields, rows }) => {
        const text = writeCsv(fields, rows);
        const read = readCsvObjects(text);
        expect(read).toEqual(rows.map((row) => Object.fromEntries(fields.map((f, i) => [f, row[i]]))));
        expect(read).toEqual(Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data);
      }),
      { numRuns: 500 },
    );
  });

  it('reads CRLF line ends and skips blank lines', () => {
    expect(readCsvObjects('key,value\r\na,1\r\n\r\nb,"2,5"\r\n')).toEqual([{ key: 'a', value: '1' }, { key: 'b', value: '2,5' }]);
  });
});
