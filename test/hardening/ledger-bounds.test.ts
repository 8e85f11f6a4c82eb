import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../src/import/csv.js';
import { aggregateSpendLedger, readSpendMapping } from '../../src/import/ledger.js';
import { UnusableInputError } from '../../src/import/result.js';

const { mapping } = readSpendMapping('Expense code,Spend category\nE100,legal-services\n', 'map.csv');
const HEADER = 'Payment date,Expense code,Amount';
/** The text as a byte stream in chunks of `size` bytes. */
const stream = (text: string, size = 64 * 1024) => {
  const bytes = Buffer.from(text);
  return Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)));
};

describe('a ledger line without end', () => {
  it('is cut off at 1 MiB characters: the lines above are summed, the line is named, nothing after it is read', async () => {
    const good = Array.from({ length: 10 }, () => '01/06/2023,E100,12.50');
    const text = [HEADER, ...good, `01/06/2023,E100,"${'x'.repeat(3_000_000)}"`, ...good].join('\r\n');
    for (const size of [64 * 1024, 1024 * 1024]) {
      const result = await aggregateSpendLedger(stream(text, size), mapping, { file: 'long.csv', reportingYear: '2023/24' });
      expect(result.account).toMatchObject({ lines: 10, mapped: 10, rejected: 0 });
      expect(result.totals.map((t) => t.total.toFixed(2))).toEqual(['125.00']);
      expect(result.problems.map((p) => [p.code, p.severity, p.origin.line, p.message])).toEqual([
        ['limit-exceeded', 'error', 12, 'The line runs on for more than 1048576 characters without a line break, longer than any payment line: the ledger was not read from here on (the lines above it are summed); check the file is a ledger saved as CSV'],
      ]);
    }
  });

  it('a quote never closed stops at the same bound, naming the line it opens on', async () => {
    // 60,000 lines of 22 characters after the open quote: 1.3 million characters, past the bound.
    const after = Array.from({ length: 60_000 }, () => '01/06/2023,E100,12.50');
    const text = [HEADER, '01/06/2023,E100,12.50', '01/06/2023,E100,"12.50', ...after].join('\n');
    const result = await aggregateSpendLedger(stream(text), mapping, { file: 'q.csv', reportingYear: '2023/24' });
    expect(result.account).toMatchObject({ lines: 1, mapped: 1 });
    expect(result.problems.map((p) => [p.code, p.origin.line, p.message])).toEqual([
      ['limit-exceeded', 3, 'The line runs on for more than 1048576 characters inside a quote that is not closed, longer than any payment line: the ledger was not read from here on (the lines above it are summed); check the file is a ledger saved as CSV'],
    ]);
  });

  it('as the first line, the file is refused as no ledger', async () => {
    await expect(aggregateSpendLedger(stream('x'.repeat(2_000_000)), mapping, { file: 'x.csv', reportingYear: '2023/24' })).rejects.toThrow(
      new UnusableInputError('x.csv', 'line 1 runs on for more than 1048576 characters, before any header: not a ledger saved as CSV'),
    );
  });
});

describe('a baseline CSV stream with a quote never closed', () => {
  it('stops at the longest line the limits allow, naming the line; the rows above are imported', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `buildings,natural-gas,100,kWh,Site ${i}`);
    const text = ['Category,Source,Quantity,Unit,Site', rows[0], 'buildings,natural-gas,100,kWh,"Depot', ...rows].join('\n');
    const result = await importCsv(stream(text, 16), { file: 'b.csv', limits: { maxColumns: 5, maxCellChars: 100 } });
    expect(result.records.map((r) => r.site)).toEqual(['Site 0']);
    expect(result.problems.map((p) => [p.code, p.origin.line, p.message])).toEqual([
      ['limit-exceeded', 3, "A quote opened on this line is not closed within 5 × 100 characters (limits.maxColumns, limits.maxCellChars): the file was not read from here on; put the cell's closing quote back, or remove its opening one"],
    ]);
  });
});

describe('unmapped codes', () => {
  it('1,000 distinct codes: the 200 largest named, the other 800 in one problem with their lines and £', async () => {
    // Code C<i> has one line of £(i + 1): C999 is the largest, C800 the 200th; C0 to C799 hold £1 + … + £800 = £320,400.
    const lines = Array.from({ length: 1000 }, (_, i) => `01/06/2023,C${i},${i + 1}.00`);
    const result = await aggregateSpendLedger(stream([HEADER, ...lines].join('\n')), mapping, { file: 'u.csv', reportingYear: '2023/24' });
    expect(result.account).toMatchObject({ lines: 1000, mapped: 0, unmapped: 1000 });
    expect(result.unmapped).toHaveLength(1000);
    const named = result.problems.filter((p) => p.value !== undefined);
    expect(named).toHaveLength(200);
    expect([named[0]!.value, named[199]!.value]).toEqual(['C999', 'C800']);
    expect(named[0]!.message).toBe("1 line(s) totalling £1000 have Expense code 'C999', which the mapping does not list: add it to the mapping");
    expect(result.problems.filter((p) => p.value === undefined).map((p) => [p.code, p.severity, p.origin, p.message])).toEqual([
      ['unmapped-spend', 'error', { file: 'u.csv', column: 'Expense code' }, '800 more Expense code values the mapping does not list, on 800 line(s) totalling £320400, are not named one by one (the 200 with the largest totals are above): add them to the mapping'],
    ]);
  });
});
