import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/decimal.js';
import { ExactSum, isNegativePence, readPence } from '../../src/import/ledger-amount.js';
import { aggregateSpendLedger, readSpendMapping } from '../../src/import/ledger.js';
import { isNumberReading, readNumber } from '../../src/import/numbers.js';
import { readCsvText, type CsvDelimiter } from '../../src/tables/read-csv.js';
import { streamCsvRecords, streamCsvRows } from '../../src/tables/read-csv-stream.js';
import type { SourceRow } from '../../src/tables/table.js';

/** Amounts as ledgers write them, then mangled: characters readNumber treats specially, inserted or dropped anywhere. */
const amountText = fc
  .record({
    pence: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 17n }), fc.bigInt({ min: 0n, max: 100_000n })),
    decimals: fc.constantFrom(0, 1, 2, 3),
    trailingPoint: fc.boolean(),
    grouped: fc.boolean(),
    style: fc.constantFrom('', '£', '-', '-£', '()', '(£)', '(-)', '£-', 'GBP ', ' GBP', '$', '+'),
    spaces: fc.constantFrom('', ' ', '  ', '\t', '\u00a0'),
    zeros: fc.constantFrom('', '0', '00'),
  })
  .map(({ pence, decimals, trailingPoint, grouped, style, spaces, zeros }) => {
    const whole = zeros + (pence / 100n).toString();
    const digits = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
    const fraction = (pence % 100n).toString().padStart(2, '0').padEnd(3, '7').slice(0, decimals);
    const number = decimals > 0 ? `${digits}.${fraction}` : trailingPoint ? `${digits}.` : digits;
    const styled = style === '()' ? `(${number})` : style === '(£)' ? `(£${number})` : style === '(-)' ? `(-${number})` : style.endsWith(' GBP') ? number + style : style + number;
    return spaces + styled + spaces;
  });
const mangled = fc.tuple(amountText, fc.nat(), fc.constantFrom('', '£', '-', '(', ')', ',', '.', ' ', 'e', 'e3', '1', '0', '\t', 'GBP', '$', '+'), fc.boolean()).map(([text, at, insert, drop]) => {
  const i = at % (text.length + 1);
  return text.slice(0, i) + insert + text.slice(drop ? i + 1 : i);
});

/** Digits, commas and points in any order: every way of grouping thousands right and wrong. */
const separatorSoup = fc.stringMatching(/^ ?[(£-]{0,2}[0-9,.]{1,16}\)? ?$/);

describe('readPence: the ledger’s fast amount reader', () => {
  it('agrees with readNumber on every amount it reads, value and sign (credits), and leaves the rest to it', () => {
    fc.assert(
      fc.property(fc.oneof(amountText, mangled, separatorSoup, fc.string({ maxLength: 12 })), (text) => {
        const pence = readPence(text);
        if (pence === undefined) return;
        const reading = readNumber(text);
        expect(isNumberReading(reading), text).toBe(true);
        if (!isNumberReading(reading)) return;
        expect(reading.value.equals(new Decimal(pence).div(100)), text).toBe(true);
        expect(isNegativePence(pence), text).toBe(reading.value.isNegative());
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads the shapes ledgers use', () => {
    expect(readPence('£1,234.56')).toBe(123456);
    expect(readPence('(1,234.5)')).toBe(-123450);
    expect(readPence(' -£12 ')).toBe(-1200);
    expect(readPence('1,234.')).toBe(123400);
    expect(Object.is(readPence('(0.00)'), -0)).toBe(true);
    expect(readPence('9999999999999.99')).toBe(999999999999999);
    for (const other of ['1.2e3', '12.345', '1,5', '12,34', '1234,567', '£-12', '(-12)', '( 12 )', 'GBP 5', '+5', '.5', '£', '()', 'n/a', '', '99999999999999']) {
      expect(readPence(other), other).toBeUndefined();
    }
  });

  it('sums exactly past the range of a double', () => {
    const sum = new ExactSum();
    for (let i = 0; i < 1000; i++) sum.addPence(999_999_999_999_999);
    sum.addDecimal(new Decimal('0.001'));
    expect(sum.total().toFixed()).toBe('9999999999999990.001');
    expect(sum.lines).toBe(1001);
  });
});

describe('the ledger with amounts readPence leaves to readNumber', () => {
  it('totals, credits and problems as readNumber alone gives them', async () => {
    const { mapping } = readSpendMapping('Expense code,Spend category\nE1,professional-services\n', 'mapping.csv');
    const amounts = ['£1,234.56', '1.2e3', '12.345', '(0.00)', '-0', 'GBP 5', ' 7 ', '99999999999999.5', '(£-3)', '£ 4', '1,5', '€2'];
    const csv = ['Expense code,Amount,Date', ...amounts.flatMap((a, i) => [`E1,"${a}",01/04/2023`, `Z${i % 2},"${a}",01/04/2023`])].join('\n');
    const result = await aggregateSpendLedger(Readable.from([Buffer.from(csv)]), mapping, { file: 'l.csv' });
    const values = amounts.map(readNumber).filter(isNumberReading).map((r) => r.value);
    const want = values.reduce((a, b) => a.add(b), new Decimal(0));
    expect(result.totals.map((t) => t.total.toFixed())).toEqual([want.toFixed()]);
    expect(result.account.credits).toBe(2 * values.filter((v) => v.isNegative()).length);
    expect(result.account.rejected).toBe(2);
    expect(result.problems.filter((p) => p.code === 'invalid-number').map((p) => [p.origin.line, p.value])).toEqual([
      [22, '1,5'],
      [23, '1,5'],
    ]);
    expect(result.unmapped.map((u) => [u.code, u.lines])).toEqual(expect.arrayContaining([['Z0', 5], ['Z1', 6]]));
  });
});

/** CSV as spreadsheets write it: fields with delimiters, quotes and line breaks quoted, blank lines between records. */
const csvFile = fc
  .record({
    delimiter: fc.constantFrom<CsvDelimiter>(',', ';', '\t'),
    newline: fc.constantFrom('\r\n', '\n'),
    records: fc.array(fc.array(fc.stringMatching(/^[ab1£ ,;"\r\n\t]{0,6}$/), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 30 }),
    blank: fc.array(fc.boolean(), { maxLength: 30 }),
    finalNewline: fc.boolean(),
  })
  .map(({ delimiter, newline, records, blank, finalNewline }) => {
    const quote = (f: string) => (/[,;"\r\n\t]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f);
    const lines = records.map((r, i) => (i > 0 && blank[i] === true ? newline : '') + r.map(quote).join(delimiter));
    return { delimiter, text: `head${delimiter}x${newline}${lines.join(newline)}${finalNewline ? newline : ''}` };
  });

describe('streamCsvRecords', () => {
  it('gives the records and lines readCsvText gives, however the text is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(csvFile, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }), async ({ delimiter, text }, sizes) => {
        const whole = readCsvText(text, 'f.csv', delimiter).rows;
        const chunks: string[] = [];
        for (let at = 0, i = 0; at < text.length; at += sizes[i++ % sizes.length]!) chunks.push(text.slice(at, at + sizes[i % sizes.length]!));
        const records: SourceRow[] = [];
        await streamCsvRecords(Readable.from(chunks), { delimiter, onRecord: (fields, line) => records.push({ line, cells: fields.map((t) => ({ text: t })) }) });
        expect(records).toEqual(whole);
        const rows: SourceRow[] = [];
        await streamCsvRows(Readable.from(chunks), { delimiter, onRows: (r) => rows.push(...r) });
        expect(rows).toEqual(whole);
      }),
      { numRuns: 500 },
    );
  });
});
