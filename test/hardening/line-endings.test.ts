import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../src/import/csv.js';
import { aggregateSpendLedger, readSpendMapping } from '../../src/import/ledger.js';
import { readCsvText } from '../../src/tables/read-csv.js';
import { streamCsvRows } from '../../src/tables/read-csv-stream.js';
import type { SourceRow } from '../../src/tables/table.js';
import { expectAccounted } from '../import/support.js';

const HEADER = 'Category,Source,Quantity,Unit,Site';
/** 40 data lines, each 100 kWh of gas at its own site. */
const DATA = Array.from({ length: 40 }, (_, i) => `buildings,natural-gas,100,kWh,Site ${i + 1}`);

/** The file cut into pieces of `size` characters, as a stream would deliver it (a CRLF may be split). */
const chunked = (text: string, size: number) => Readable.from(Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size)));

async function streamed(text: string, size: number): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  await streamCsvRows(chunked(text, size), { onRows: (r) => rows.push(...r) });
  return rows;
}

describe('mixed line endings: each line ends where it ends, whatever the others end in', () => {
  const files: [string, string][] = [
    ['CRLF header, LF rows', `${HEADER}\r\n${DATA.join('\n')}\n`],
    ['CRLF header, CR rows', `${HEADER}\r\n${DATA.join('\r')}\r`],
    ['LF header, CRLF rows', `${HEADER}\n${DATA.join('\r\n')}`],
    ['every ending in turn', [HEADER, ...DATA].map((l, i) => `${l}${['\r\n', '\n', '\r'][i % 3]}`).join('')],
  ];

  it.each(files)('%s: 40 records, 41 lines accounted, as text and as a stream in any chunks', async (_name, text) => {
    const lines = Array.from({ length: 41 }, (_, i) => i + 1);
    expect(readCsvText(text, 'm.csv').rows.map((r) => r.line)).toEqual(lines);
    for (const size of [1, 2, 7, 64, text.length]) expect((await streamed(text, size)).map((r) => r.line), `chunks of ${size}`).toEqual(lines);
    for (const input of [text, Buffer.from(text), chunked(text, 5)]) {
      const result = await importCsv(input, { file: 'm.csv' });
      expect(result.problems).toEqual([]);
      expect(result.records.map((r) => r.site)).toEqual(DATA.map((_, i) => `Site ${i + 1}`));
      expectAccounted(result, 41);
    }
  });

  it('a quoted cell with line breaks inside a mixed file keeps its lines and the line numbers after it', async () => {
    const text = `${HEADER},Notes\r\nbuildings,natural-gas,100,kWh,A,"first\r\nsecond\nthird"\nbuildings,natural-gas,200,kWh,B,\r\n`;
    const rows = readCsvText(text, 'q.csv').rows;
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5]);
    expect(rows[1]!.cells[5]!.text).toBe('first\nsecond\nthird');
    expect(await streamed(text, 3)).toEqual(rows);
  });

  it('a quote left open across lines of mixed endings is named by its lines, not blamed on the endings', async () => {
    const text = `${HEADER}\r\nbuildings,natural-gas,100,kWh,"Smith\nbuildings,natural-gas,200,kWh,B\r\n`;
    const result = await importCsv(text, { file: 'o.csv' });
    expect(result.problems.map((p) => [p.code, p.origin.line])).toEqual([['malformed-quotes', 2]]);
    expect(result.problems[0]!.message).toMatch(/^A quote on this line does not close where its cell ends .*lines 2 to 3 were read as one row/);
    expectAccounted(result, 2);
  });

  it('a spend ledger with a CRLF header and LF lines: every line summed', async () => {
    const { mapping } = readSpendMapping('Expense code,Spend category\nE100,legal-services\n', 'map.csv');
    // 1,000 lines of £12.50, dated in 2023/24: £12,500.00 in all.
    const lines = Array.from({ length: 1000 }, () => '01/06/2023,E100,12.50');
    const text = `Payment date,Expense code,Amount\r\n${lines.join('\n')}\n`;
    for (const size of [3, 4096, text.length]) {
      const result = await aggregateSpendLedger(chunked(text, size), mapping, { file: 'l.csv', reportingYear: '2023/24' });
      expect(result.problems).toEqual([]);
      expect(result.account).toMatchObject({ lines: 1000, mapped: 1000, unmapped: 0, rejected: 0 });
      expect(result.totals.map((t) => [t.spendCategory, t.priceYear, t.total.toFixed(2), t.lines])).toEqual([['legal-services', 2023, '12500.00', 1000]]);
    }
  });
});
