import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Decimal, ZERO } from '../../src/decimal.js';
import { aggregateSpendLedger, readSpendMapping } from '../../src/import/ledger.js';
import { inventoryFromImport } from '../../src/inventory/index.js';

const MAPPING = 'Expense code,Spend category,Reporting category\nE100,professional-services,\nE200,construction,capital-goods\nE300,ict-services,\ne400 ,Waste Collection,outsourced-services\n';
const MAPPED: Record<string, string> = { E100: 'purchased-goods-and-services|professional-services', E200: 'capital-goods|construction', E300: 'purchased-goods-and-services|ict-services', E400: 'outsourced-services|waste-collection' };

/** A deterministic generator (LCG), so the ledger is the same on every run. */
function* ledgerLines(count: number): Generator<{ code: string; amount: Decimal; text: string; date: string; year: number }> {
  let seed = 20240401;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const codes = ['E100', 'E200', 'E300', 'e400', 'X999', 'Y123'];
  for (let i = 0; i < count; i++) {
    const pence = BigInt(next(100_000_000)) - (next(20) === 0 ? 50_000_000n : 0n);
    const amount = new Decimal(pence.toString()).div(100);
    const abs = amount.abs().toFixed(2);
    const grouped = abs.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const style = next(4);
    const text = amount.isNegative() ? `(${grouped})` : style === 0 ? `£${grouped}` : style === 1 ? grouped : abs;
    const year = 2023 + next(2);
    const date = `${String(1 + next(28)).padStart(2, '0')}/${String(1 + next(12)).padStart(2, '0')}/${year}`;
    yield { code: codes[next(codes.length)]!, amount, text, date, year };
  }
}

function csvOf(lines: ReturnType<typeof ledgerLines>): string {
  const out = ['Body,Payment date,Supplier,Expense code,Amount'];
  for (const l of lines) out.push(`Testshire CC,${l.date},"Supplier, Ltd",${l.code},"${l.text}"`);
  return out.join('\r\n') + '\r\n';
}

/** The expected totals, summed directly from the generated values: no parsing involved. */
function expected(count: number) {
  const totals = new Map<string, Decimal>();
  const unmapped = new Map<string, Decimal>();
  for (const l of ledgerLines(count)) {
    const key = MAPPED[l.code.toUpperCase()];
    if (key === undefined) unmapped.set(l.code, (unmapped.get(l.code) ?? ZERO).add(l.amount));
    else totals.set(`${key}|${l.year}`, (totals.get(`${key}|${l.year}`) ?? ZERO).add(l.amount));
  }
  return { totals, unmapped };
}

const COUNT = 10_000;

describe('spend ledger: streamed, mapped and aggregated exactly', () => {
  const { mapping, problems } = readSpendMapping(MAPPING, 'mapping.csv');
  const want = expected(COUNT);

  it('reads the mapping', () => {
    expect(problems).toEqual([]);
    expect(mapping.keyHeader).toBe('Expense code');
    expect(mapping.entries.get('e400')).toEqual({ spendCategory: 'waste-collection', category: 'outsourced-services' });
  });

  it('takes reporting categories by name too, and says a code on a refused mapping line was refused, not unlisted', async () => {
    const named = readSpendMapping('Expense code,Spend category,Reporting category\nA1,construction,Capital goods\nA2,consultancy,Purchased goods and services (spend)\nA3,cleaning,Gardening\n', 'm.csv');
    expect([...named.mapping.entries.values()].map((e) => e.category)).toEqual(['capital-goods', 'purchased-goods-and-services']);
    expect(named.problems.map((p) => [p.code, p.origin.line, p.value])).toEqual([['invalid-mapping', 4, 'Gardening']]);
    const result = await aggregateSpendLedger(Readable.from([Buffer.from('Expense code,Amount,Date\nA3,10,01/05/2023\n')]), named.mapping, { file: 'l.csv' });
    expect(result.problems[0]!.message).toBe("1 line(s) totalling £10 have Expense code 'A3', whose mapping line was refused (see the mapping's problems): correct that line");
  });

  it('aggregates 10,000 generated lines from a chunked stream to the exact sums, listing unmapped codes with totals', async () => {
    const text = csvOf(ledgerLines(COUNT));
    // Chunks of 777 characters cut lines (and quoted fields) in the middle.
    const chunks = Array.from({ length: Math.ceil(text.length / 777) }, (_, i) => Buffer.from(text.slice(i * 777, (i + 1) * 777)));
    const result = await aggregateSpendLedger(Readable.from(chunks), mapping, { file: 'ledger.csv' });
    expect(new Map(result.totals.map((t) => [`${t.category}|${t.spendCategory}|${t.priceYear}`, t.total.toFixed()]))).toEqual(new Map([...want.totals].map(([k, v]) => [k, v.toFixed()])));
    expect(result.unmapped.map((u) => [u.code, u.total.toFixed()]).sort()).toEqual([...want.unmapped].map(([k, v]) => [k, v.toFixed()]).sort());
    const a = result.account;
    expect(a.lines).toBe(COUNT);
    expect(a.mapped + a.unmapped + a.rejected + [...a.skipped.values()].reduce((x, y) => x + y, 0)).toBe(COUNT);
    expect(a.rejected).toBe(0);
    expect(a.credits).toBeGreaterThan(0);
    expect(result.problems.filter((p) => p.code === 'unmapped-spend').map((p) => p.value).sort()).toEqual(['X999', 'Y123']);
    expect(result.records.find((r) => r.source === 'spend:construction' && r.priceYear === 2023)).toMatchObject({ category: 'capital-goods', unit: 'GBP', dataQuality: 'spend-based' });
  });

  it('gives the same totals from a file path and from an .xlsx ledger read by the streaming reader', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
    const csvPath = join(dir, 'ledger.csv');
    writeFileSync(csvPath, csvOf(ledgerLines(2000)));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, 'ledger.xlsx'), useSharedStrings: true });
    const sheet = wb.addWorksheet('Spend over 500');
    sheet.addRow(['Body', 'Payment date', 'Supplier', 'Expense code', 'Amount']).commit();
    for (const l of ledgerLines(2000)) sheet.addRow(['Testshire CC', l.date, 'Supplier, Ltd', l.code, l.amount.isNegative() ? l.text : l.amount.toNumber()]).commit();
    sheet.addRow(['', '', '', 'Total', 123]).commit();
    await wb.commit();
    const fromCsv = await aggregateSpendLedger(csvPath, mapping);
    const fromXlsx = await aggregateSpendLedger(join(dir, 'ledger.xlsx'), mapping);
    const totals = (r: typeof fromCsv) => r.totals.map((t) => `${t.spendCategory} ${t.priceYear} ${t.total.toFixed()}`);
    expect(totals(fromXlsx)).toEqual(totals(fromCsv));
    const want2000 = expected(2000);
    expect(new Map(fromCsv.totals.map((t) => [`${t.category}|${t.spendCategory}|${t.priceYear}`, t.total.toFixed()]))).toEqual(new Map([...want2000.totals].map(([k, v]) => [k, v.toFixed()])));
    expect(fromXlsx.account.skipped).toEqual(new Map([['totals row', 1]]));
  });

  it('rejects bad amounts and dates line by line, naming them', async () => {
    const text = 'Expense code,Amount,Date\nE100,12.50,01/04/2023\nE100,twelve,01/04/2023\nE100,5,someday\nE100,"1,5",01/04/2023\n';
    const result = await aggregateSpendLedger(Readable.from([Buffer.from(text)]), mapping, { file: 'l.csv' });
    expect(result.problems.map((p) => [p.origin.line, p.origin.column, p.value])).toEqual([
      [3, 'Amount', 'twelve'],
      [4, 'Date', 'someday'],
      [5, 'Amount', '1,5'],
    ]);
    expect(result.totals.map((t) => t.total.toFixed())).toEqual(['12.5']);
  });

  it('skips totals rows and repeated headers, and counts a code however it is spaced as one code', async () => {
    // A blank-coded line is a totals line only when its first field says so: "Grand total" only in the Note is spend
    // like any other, and a supplier named "Total Gas & Power" must never be taken for a total.
    const text = ['Expense code,Amount,Date,Note', 'E100,10,01/04/2023,', ' E100 ,5.5,02/04/2023,', 'X9,1,01/04/2023,', ' X9,(2),01/04/2023,', '', 'Total,16.5,,', 'Grand total,16.5,,', 'Expense code,Amount,Date,Note', 'Expense code,3,01/04/2023,', ',2500,03/04/2023,Total Gas & Power'].join('\n');
    const result = await aggregateSpendLedger(Readable.from([Buffer.from(text)]), mapping, { file: 'l.csv' });
    expect(result.totals.map((t) => [t.spendCategory, t.total.toFixed(), t.lines])).toEqual([['professional-services', '15.5', 2]]);
    expect(result.unmapped.map((u) => [u.code, u.total.toFixed(), u.lines, u.firstLine])).toEqual([
      ['', '2500', 1, 11],
      ['Expense code', '3', 1, 10],
      ['X9', '-1', 2, 4],
    ]);
    expect(result.account).toMatchObject({ lines: 9, mapped: 2, unmapped: 4, rejected: 0, credits: 1, skipped: new Map([['totals row', 2], ['repeated header', 1]]) });
  });

  it('nets a credit note dated in a later year against the category’s nearest year, and refuses a category that only has credits', async () => {
    const text = ['Expense code,Amount,Date', 'E100,900,15/05/2023', 'E100,(1500),10/02/2024', 'E100,600,01/03/2024', 'E200,(40),01/05/2023'].join('\n');
    const result = await aggregateSpendLedger(Readable.from([Buffer.from(text)]), mapping, { file: 'l.csv' });
    // 2024: 600 − 1500 = −900, netted into 2023: 900 − 900 = 0. Construction: −40 with nothing to net against.
    expect(result.totals.map((t) => [t.spendCategory, t.priceYear, t.total.toFixed(), t.lines])).toEqual([
      ['construction', 2023, '-40', 1],
      ['professional-services', 2023, '0', 3],
    ]);
    expect(result.problems.map((p) => [p.severity, p.code, p.origin.note, p.value])).toEqual([
      ['warning', 'negative-quantity', 'professional-services, 2024', '-900'],
      ['error', 'negative-quantity', 'construction, 2023', '-40'],
    ]);
    expect(result.problems[0]!.message).toBe('Spend category professional-services: 2 line(s) dated 2024 net to £-900 (credits exceed payments, e.g. a credit note for an earlier invoice), netted against its 2023 spend');
    expect(result.records.map((r) => [r.source, String(r.quantity), r.priceYear])).toEqual([['spend:professional-services', '0', 2023]]);
  });

  it('with a reporting year, leaves out payments dated outside it, totalled in one warning', async () => {
    const text = ['Expense code,Amount,Date', 'E100,100,31/03/2023', 'E100,200,01/04/2023', 'E100,300,31/03/2024', 'E100,"1,000.50",15/04/2024', 'X9,7,20/04/2024'].join('\n');
    const result = await aggregateSpendLedger(Readable.from([Buffer.from(text)]), mapping, { file: 'l.csv', reportingYear: '2023/24' });
    expect(result.totals.map((t) => [t.priceYear, t.total.toFixed()])).toEqual([[2023, '200'], [2024, '300']]);
    expect(result.account).toMatchObject({ lines: 5, mapped: 2, unmapped: 0, skipped: new Map([['dated outside 2023/24', 3]]) });
    // The result is ready for inventoryFromImport: for that year, on its factor set.
    const inventory = inventoryFromImport(result, { spendFactors: { id: 's', title: 'S', priceYear: 2023, kgCO2ePerGBP: { 'professional-services': '0.5' }, priceIndex: { name: 'I', values: { '2023': '100', '2024': '100' } } } });
    expect([inventory.reportingYear, inventory.factorSet.id, inventory.totals.total.toFixed()]).toEqual(['2023/24', 'desnz-2023', '250']);
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        code: 'outside-reporting-year',
        message: '3 line(s) totalling £1107.5 are dated outside 2023/24 (April to March) and were left out; the first is on this line',
        origin: { file: 'l.csv', line: 2, column: 'Date' },
      },
    ]);
  });

  it('rejects a line whose quotes do not pair up, naming the lines it swallowed, and counts it', async () => {
    const text = ['Supplier,Expense code,Amount,Date', '"Smith" & Sons Ltd,E100,50,01/05/2023', 'Acme,E100,70,02/05/2023', 'Beta,E100,30,03/05/2023'].join('\n');
    const path = join(mkdtempSync(join(tmpdir(), 'ledger-')), 'quotes.csv');
    writeFileSync(path, text);
    for (const input of [path, Readable.from([Buffer.from(text)])]) {
      const result = await aggregateSpendLedger(input, mapping, { file: 'l.csv' });
      expect(result.problems.map((p) => [p.code, p.origin.line])).toEqual([['malformed-quotes', 2]]);
      // No later quote closes it, so the rest of the file is one malformed line: said, never summed.
      expect(result.problems[0]!.message).toContain('lines 2 to 4 were read as one row and not imported');
      expect(result.account).toMatchObject({ lines: 1, rejected: 1, mapped: 0 });
      expect(result.totals).toEqual([]);
    }
  });

  it('takes a dated payment to a supplier named "Total …" in the first column for spend, not a totals row', async () => {
    const text = ['Supplier,Expense code,Amount,Date', 'Total Gas & Power,,25000,02/06/2023', 'Total Fitness Ltd,E100,800,03/06/2023', 'Total,,25800,'].join('\n');
    const result = await aggregateSpendLedger(Readable.from([Buffer.from(text)]), mapping, { file: 'l.csv' });
    expect(result.totals.map((t) => [t.spendCategory, t.total.toFixed()])).toEqual([['professional-services', '800']]);
    expect(result.unmapped.map((u) => [u.code, u.total.toFixed(), u.firstLine])).toEqual([['', '25000', 2]]);
    expect(result.account).toMatchObject({ lines: 3, mapped: 1, unmapped: 1, skipped: new Map([['totals row', 1]]) });
  });

  it('refuses a ledger without the mapping’s code column', async () => {
    await expect(aggregateSpendLedger(Readable.from([Buffer.from('Cost centre,Amount,Date\nA,1,01/04/2023\n')]), mapping, { file: 'l.csv' })).rejects.toThrow(/"Expense code" \(the mapping's first column\)/);
  });
});
