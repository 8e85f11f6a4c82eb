import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../src/import/csv.js';
import { detectEncoding } from '../../src/import/encoding.js';
import { UnusableInputError, type ImportResult } from '../../src/import/result.js';
import { comparable, expectAccounted } from './support.js';

const BODY = 'Reporting year,2023/24\n\nCategory,Source,Quantity,Unit,Site,Notes\nbuildings,natural-gas,"£1,234.50",kWh,Café Nord,"two\nlines"\nfleet,diesel,500,litres,Depot,\n';
/** Non-blank lines of BODY as records (the quoted note spans two physical lines): about, header, two data rows. */
const NON_BLANK_RECORDS = 4;

const expectBody = (result: ImportResult) => {
  expect(result.problems).toEqual([]);
  expect(result.profile.reportingYear).toBe('2023/24');
  expect(result.records.map(comparable)).toEqual([
    { category: 'buildings', source: 'natural-gas', quantity: '1234.5', unit: 'kWh', site: 'Café Nord', notes: 'two\nlines' },
    { category: 'fleet', source: 'diesel', quantity: '500', unit: 'litre', site: 'Depot' },
  ]);
  // The second record starts on line 6: the quoted newline in line 4's notes is counted.
  expect(result.records.map((r) => r.origin)).toEqual([
    { file: 'f.csv', line: 4, column: 'Quantity' },
    { file: 'f.csv', line: 6, column: 'Quantity' },
  ]);
  expectAccounted(result, NON_BLANK_RECORDS);
};

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const win1252 = (text: string) => Buffer.from(text, 'latin1');

describe('importCsv: encodings, delimiters and line endings', () => {
  it.each([
    ['UTF-8 text', BODY],
    ['UTF-8 bytes without BOM', Buffer.from(BODY, 'utf8')],
    ['UTF-8 bytes with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BODY, 'utf8')])],
    ['UTF-16LE with BOM', utf16le(BODY)],
    ['Windows-1252 ("£" as byte A3)', win1252(BODY)],
    ['CRLF line endings', BODY.replace(/\n/g, '\r\n')],
    ['semicolons', BODY.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';')],
    ['tabs', BODY.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\t')],
  ])('%s', async (_name, input) => {
    const result = await importCsv(input, { file: 'f.csv' });
    // CRLF inside the quoted note is kept as written.
    expect(result.records[0]!.notes?.replace('\r\n', '\n')).toBe('two\nlines');
    expectBody({ ...result, records: result.records.map((r) => ({ ...r, ...(r.notes !== undefined ? { notes: r.notes.replace('\r\n', '\n') } : {}) })) });
  });

  it('detects each encoding', () => {
    expect(detectEncoding(Buffer.from(BODY, 'utf8'))).toBe('utf-8');
    expect(detectEncoding(utf16le(BODY))).toBe('utf-16le');
    expect(detectEncoding(Buffer.from(BODY, 'utf16le'))).toBe('utf-16le');
    expect(detectEncoding(win1252(BODY))).toBe('windows-1252');
  });

  it('reports a wrong stated encoding instead of mangling "£"', async () => {
    const asUtf8 = await importCsv(win1252(BODY), { file: 'f.csv', encoding: 'utf-8' });
    expect(asUtf8.problems[0]).toMatchObject({ code: 'encoding', origin: { file: 'f.csv', line: 4 } });
    const as1252 = await importCsv(Buffer.from(BODY, 'utf8'), { file: 'f.csv', encoding: 'windows-1252' });
    expect(as1252.problems[0]).toMatchObject({ code: 'encoding', message: expect.stringMatching(/is UTF-8/), origin: { line: 4 } });
  });

  it('reads a byte stream the same as the text', async () => {
    const chunks = [...Buffer.from(BODY, 'utf8')].map((b) => Buffer.from([b]));
    expectBody(await importCsv(Readable.from(chunks), { file: 'f.csv' }));
  });

  it('says so when given a file name instead of the text', async () => {
    await expect(importCsv('baseline-2023.csv')).rejects.toThrow(/'baseline-2023\.csv' looks like a file name: importCsv takes the CSV's text, bytes or a stream/);
  });

  it('refuses a file with no recognisable header', async () => {
    await expect(importCsv('a,b,c\n1,2,3\n', { file: 'f.csv' })).rejects.toBeInstanceOf(UnusableInputError);
    await expect(importCsv('a,b,c\n1,2,3\n', { file: 'f.csv' })).rejects.toThrow(/f.csv: no recognisable header/);
  });

  it('never takes a data row for a totals row because a site, supplier or note begins with "Total"', async () => {
    const result = await importCsv(
      'Reference,Category,Site,Source,Quantity,Unit,Evidence or supplier,Notes\n' +
        'gas-1,buildings,Total Fitness Leisure Centre,natural-gas,1000,kWh,,\n' +
        'elec-1,buildings,Depot,electricity,500,kWh,Total Gas & Power,Total for the year from invoices\n' +
        'Total,,,,1500,,,\n',
      { file: 't.csv' },
    );
    expect(result.records.map((r) => r.id)).toEqual(['gas-1', 'elec-1']);
    expect(result.problems.map((p) => [p.code, p.origin.line, p.value])).toEqual([['totals-row', 4, 'Total']]);
  });

  it('names line and column in every problem', async () => {
    const result = await importCsv('Category,Source,Quantity,Unit\nbuildings,natural-gas,1.2.3,kWh\nwaste,natural-gas,5,kWh\nbuildings,natural-gas,5,furlongs\n,,,\nTotal,,10,\n', { file: 'p.csv' });
    expect(result.problems.map((p) => [p.code, p.origin.line, p.origin.column, p.value])).toEqual([
      ['invalid-number', 2, 'Quantity', '1.2.3'],
      ['category-not-allowed', 3, 'Category', 'waste'],
      ['unknown-unit', 4, 'Unit', 'furlongs'],
      ['totals-row', 6, 'Category', 'Total'],
    ]);
    expect(result.accounting.map((a) => a.outcome)).toEqual(['skipped', 'problem', 'problem', 'problem', 'skipped']);
  });
});

describe('importCsv: quotes that do not pair up', () => {
  // "Estimated" at the start of an unquoted cell opens a quoted field that runs on into the next lines.
  const text = ['Reporting year,2023/24', '', 'Reference,Category,Source,Quantity,Unit,Notes', 'r1,buildings,natural-gas,1000,kWh,"Estimated" from Q1 bills', 'r2,buildings,electricity,500,kWh,', 'r3,fleet,diesel,100,litre,"ok"', 'r4,fleet,diesel,100,litre,', ''].join('\r\n');

  it('reports the row and the lines it swallowed, as text and as a stream in any chunks, never dropping them silently', async () => {
    const results = [
      await importCsv(text, { file: 'q.csv' }),
      await importCsv(Readable.from([...Buffer.from(text)].map((b) => Buffer.from([b]))), { file: 'q.csv' }),
      await importCsv(Readable.from([Buffer.from(text)]), { file: 'q.csv' }),
    ];
    for (const result of results) {
      expect(result.records.map((r) => r.id)).toEqual(['r4']);
      expect(result.problems.map((p) => [p.severity, p.code, p.origin.line])).toEqual([['error', 'malformed-quotes', 4]]);
      expect(result.problems[0]!.message).toContain('lines 4 to 6 were read as one row and not imported');
      expect(result.accounting.find((a) => a.origin.line === 4)).toMatchObject({ outcome: 'problem', problems: 1 });
    }
  });
});
