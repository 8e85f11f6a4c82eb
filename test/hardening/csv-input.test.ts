import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../src/import/csv.js';
import { UnusableInputError } from '../../src/import/result.js';
import { comparable, expectAccounted } from '../import/support.js';

const BODY = 'Category,Source,Quantity,Unit,Site\nbuildings,natural-gas,"£1,234.50",kWh,Café Nord\nfleet,diesel,500,litres,Depot\n';
const quantities = (records: readonly Parameters<typeof comparable>[0][]) => records.map((r) => comparable(r).quantity);
const oneByteChunks = (bytes: Buffer) => Readable.from([...bytes].map((b) => Buffer.from([b])));

describe('encodings beyond the common ones', () => {
  it.each([
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(BODY, 'utf16le').swap16()])],
    ['UTF-16BE without BOM', Buffer.from(BODY, 'utf16le').swap16()],
    ['UTF-16LE without BOM', Buffer.from(BODY, 'utf16le')],
  ])('%s, as bytes and as a stream arriving a byte at a time', async (_name, bytes) => {
    for (const input of [bytes, oneByteChunks(bytes)]) {
      const result = await importCsv(input, { file: 'u.csv' });
      expect(result.problems).toEqual([]);
      expect(quantities(result.records)).toEqual(['1234.5', '500']);
      expect(result.records[0]!.site).toBe('Café Nord');
    }
  });

  it('Windows-1252 streamed a byte at a time keeps "£" and "é"', async () => {
    const result = await importCsv(oneByteChunks(Buffer.from(BODY, 'latin1')), { file: 'w.csv' });
    expect(result.problems).toEqual([]);
    expect(result.records[0]!.site).toBe('Café Nord');
  });

  it('a stated encoding the bytes contradict is reported, never silently read', async () => {
    // UTF-8 read as UTF-16: no header can be found, so nothing is imported.
    await expect(importCsv(Buffer.from(BODY, 'utf8'), { file: 'x.csv', encoding: 'utf-16le' })).rejects.toBeInstanceOf(UnusableInputError);
    // Windows-1252 streamed as UTF-8: the unreadable "£" and "é" are counted and reported as an error, and the
    // quantity holding one is refused rather than read without its "£".
    const streamed = await importCsv(Readable.from([Buffer.from(BODY, 'latin1')]), { file: 'x.csv', encoding: 'utf-8' });
    expect(streamed.problems.map((p) => [p.code, p.severity, p.message])).toEqual([
      ['invalid-number', 'error', "Quantity: '\ufffd1,234.50' has a comma that is not a thousands separator (a decimal comma?)"],
      ['encoding', 'error', '2 character(s) could not be read as utf-8: state the encoding the file was saved in (e.g. --encoding windows-1252)'],
    ]);
  });

  it('a wrong delimiter finds no header; decimal commas are refused, not read as thousands', async () => {
    const semicolons = 'Category;Source;Quantity;Unit\nbuildings;natural-gas;1,5;kWh\nbuildings;natural-gas;1.234,5;kWh\n';
    await expect(importCsv(semicolons, { file: 's.csv', delimiter: ',' })).rejects.toThrow(/s.csv: no recognisable header/);
    const result = await importCsv(semicolons, { file: 's.csv' });
    expect(result.problems.map((p) => [p.code, p.origin.line, p.value])).toEqual([
      ['invalid-number', 2, '1,5'],
      ['invalid-number', 3, '1.234,5'],
    ]);
    expect(result.problems[0]!.message).toMatch(/not a thousands separator \(a decimal comma\?\)/);
  });
});

describe('quantities: negative, zero, huge, not a number', () => {
  it('each bad quantity is a problem naming line, column and value; zero is a record', async () => {
    const lines = ['-5', '(12.5)', '0', '1e15', '999999999999999999999999', 'NaN', 'Infinity', '-Infinity', '', '12 kWh'];
    const text = `Category,Source,Quantity,Unit,Site\n${lines.map((q, i) => `buildings,natural-gas,${q},kWh,Site ${i}`).join('\n')}\n`;
    const result = await importCsv(text, { file: 'q.csv' });
    expect(quantities(result.records)).toEqual(['0']);
    expect(result.problems.map((p) => [p.code, p.origin.line, p.origin.column, p.value])).toEqual([
      ['negative-quantity', 2, 'Quantity', '-5'],
      ['negative-quantity', 3, 'Quantity', '(12.5)'],
      ['implausible-quantity', 5, 'Quantity', '1000000000000000'],
      ['implausible-quantity', 6, 'Quantity', '999999999999999999999999'],
      ['invalid-number', 7, 'Quantity', 'NaN'],
      ['invalid-number', 8, 'Quantity', 'Infinity'],
      ['invalid-number', 9, 'Quantity', '-Infinity'],
      ['missing-value', 10, 'Quantity', undefined],
      ['invalid-number', 11, 'Quantity', '12 kWh'],
    ]);
    expect(result.problems[2]!.message).toMatch(/1000000000000000 kWh is beyond any council's year/);
    expectAccounted(result, lines.length + 1);
  });
});
