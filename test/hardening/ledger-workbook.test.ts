import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { calculateCommand } from '../../src/cli/commands/calculate.js';
import { EXIT } from '../../src/cli/io.js';
import { aggregateSpendLedger, readSpendMapping } from '../../src/import/ledger.js';
import { UnusableInputError } from '../../src/import/result.js';

/**
 * Ledger workbooks get the checks baseline workbooks get before any row is read, and what the reader finds
 * damaged in a file reaches the user as an UnusableInputError in words, never raw.
 */
const { mapping } = readSpendMapping('Expense code,Spend category\nE100,legal-services\n', 'map.csv');
const dir = mkdtempSync(join(tmpdir(), 'ledger-workbook-'));
const REPAIR = 'open it in Excel or LibreOffice, repair it and save it again';
let good: Buffer;

/** Writes the bytes as a ledger file and reads it, returning what it throws. */
async function refusal(name: string, bytes: Uint8Array | string, limits?: { maxUncompressedBytes: number }): Promise<unknown> {
  writeFileSync(join(dir, name), bytes);
  return aggregateSpendLedger(join(dir, name), mapping, { reportingYear: '2023/24', ...(limits !== undefined ? { limits } : {}) }).then(
    () => expect.fail(`${name} was read`),
    (error: unknown) => error,
  );
}

/** The zip's central directory entry for `name`: where its fields are (APPNOTE 4.3.12). */
function directoryEntry(bytes: Buffer, name: string): number {
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let offset = bytes.indexOf(signature); offset !== -1; offset = bytes.indexOf(signature, offset + 4)) {
    const nameLength = bytes.readUInt16LE(offset + 28);
    if (bytes.toString('utf8', offset + 46, offset + 46 + nameLength) === name) return offset;
  }
  throw new Error(`no ${name}`);
}

/** The good ledger with one part replaced (deflated). */
async function withPart(name: string, edit: (text: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(good);
  zip.file(name, edit(await zip.file(name)!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The good ledger with the start of its sheet's compressed data overwritten: 0xff is no deflate block type. */
function garbledSheet(): Buffer {
  const offset = good.readUInt32LE(directoryEntry(good, 'xl/worksheets/sheet1.xml') + 42);
  const dataStart = offset + 30 + good.readUInt16LE(offset + 26) + good.readUInt16LE(offset + 28);
  return Buffer.from(good).fill(0xff, dataStart, dataStart + 40);
}

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Ledger');
  sheet.addRow(['Payment date', 'Expense code', 'Amount']);
  for (let i = 0; i < 20; i++) sheet.addRow([new Date(Date.UTC(2023, 5, 1)), 'E100', 12.5]);
  good = Buffer.from(await wb.xlsx.writeBuffer());
});

describe('a ledger workbook', () => {
  it('that is sound is read (20 lines of £12.50 are £250)', async () => {
    writeFileSync(join(dir, 'good.xlsx'), good);
    const result = await aggregateSpendLedger(join(dir, 'good.xlsx'), mapping, { reportingYear: '2023/24' });
    expect(result.account).toMatchObject({ lines: 20, mapped: 20, rejected: 0 });
    expect(result.totals.map((t) => [t.spendCategory, t.priceYear, t.total.toFixed(2)])).toEqual([['legal-services', 2023, '250.00']]);
  });

  it('that is text with an .xlsx name is refused as no zip, with what to do (not "invalid signature: 0x65746144")', async () => {
    const error = await refusal('text.xlsx', 'Date,Amount\n01/06/2023,5\n');
    expect(error).toEqual(new UnusableInputError('text.xlsx', 'not an .xlsx workbook (it is not a zip file); open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx), or save a .csv'));
    expect(error).toBeInstanceOf(UnusableInputError);
  });

  it('cut short is refused as truncated (not "FILE_ENDED")', async () => {
    const error = await refusal('cut.xlsx', good.subarray(0, Math.floor(good.length / 2)));
    expect(error).toEqual(new UnusableInputError('cut.xlsx', 'a damaged .xlsx workbook (its zip directory is missing or truncated)'));
  });

  it('missing a piece from its middle is refused, naming the first part not where the directory says', async () => {
    // Cut out 100 bytes of the sheet's data, moving every later part; the directory is found where it now is.
    const at = directoryEntry(good, 'xl/worksheets/sheet1.xml');
    const offset = good.readUInt32LE(at + 42);
    const damaged = Buffer.concat([good.subarray(0, offset + 60), good.subarray(offset + 160)]);
    const end = damaged.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    damaged.writeUInt32LE(damaged.readUInt32LE(end + 16) - 100, end + 16);
    const error = await refusal('hole.xlsx', damaged);
    expect(error).toBeInstanceOf(UnusableInputError);
    expect((error as Error).message).toMatch(/^hole\.xlsx: a damaged \.xlsx workbook that cannot be read \(its part \S+ (is not where its zip directory says|will not inflate: .+)\); open it in Excel or LibreOffice, repair it and save it again$/);
  });

  it('whose sheet data will not inflate is refused, naming the part (the streaming reader would never finish)', async () => {
    const error = await refusal('garbled.xlsx', garbledSheet());
    expect(error).toBeInstanceOf(UnusableInputError);
    expect((error as Error).message).toMatch(/^garbled\.xlsx: a damaged \.xlsx workbook that cannot be read \(its part xl\/worksheets\/sheet1\.xml will not inflate: .+\); open it in Excel or LibreOffice, repair it and save it again$/);
  });

  it('whose sheet data will not inflate makes calculate exit 2 naming the damage (it ended silently with exit 0)', async () => {
    writeFileSync(join(dir, 'cli.xlsx'), garbledSheet());
    writeFileSync(join(dir, 'map.csv'), 'Expense code,Spend category\nE100,legal-services\n');
    const err: string[] = [];
    const code = await calculateCommand([join(dir, 'cli.xlsx'), '--mapping', join(dir, 'map.csv'), '--reporting-year', '2023/24'], { out: () => undefined, err: (t: string) => err.push(t) });
    expect(code).toBe(EXIT.unusable);
    expect(err.join('\n')).toMatch(/cli\.xlsx: a damaged \.xlsx workbook that cannot be read \(its part xl\/worksheets\/sheet1\.xml will not inflate: /);
  });

  it('whose local header gives another size than its zip directory is read by the directory, as Excel reads it, to the same result', async () => {
    // Found by fuzzing (one byte of it changed): the compressed size in the sheet's local header (offset 18), halved.
    // exceljs's streaming reader went by the local header and waited for ever; the directory is what zip readers trust.
    const offset = good.readUInt32LE(directoryEntry(good, 'xl/worksheets/sheet1.xml') + 42);
    const damaged = Buffer.from(good);
    damaged.writeUInt32LE(Math.floor(good.readUInt32LE(offset + 18) / 2), offset + 18);
    writeFileSync(join(dir, 'local.xlsx'), damaged);
    writeFileSync(join(dir, 'intact.xlsx'), good);
    const read = (name: string) => aggregateSpendLedger(join(dir, name), mapping, { reportingYear: '2023/24' });
    const [fromDamaged, fromIntact] = [await read('local.xlsx'), await read('intact.xlsx')];
    expect(fromDamaged.account).toEqual(fromIntact.account);
    expect(fromDamaged.records.map((r) => r.quantity.toString())).toEqual(fromIntact.records.map((r) => r.quantity.toString()));
    expect(fromIntact.records.length).toBeGreaterThan(0);
  });

  it('with an XML entity no XML defines is refused as not well-formed, naming it (not "2:194: undefined entity.")', async () => {
    const bytes = await withPart('xl/sharedStrings.xml', (xml) => xml.replace('E100', 'E100&bogus;'));
    const error = await refusal('entity.xlsx', bytes);
    expect(error).toBeInstanceOf(UnusableInputError);
    expect((error as Error).message).toMatch(new RegExp(`^entity\\.xlsx: a damaged \\.xlsx workbook that cannot be read \\(one of its XML parts is not well-formed \\(an '&' that begins no entity: '&bogus;'\\)\\); ${REPAIR}$`));
  });

  it('that inflates past the limit is refused by its directory before anything is inflated', async () => {
    // 2 MB of spaces in the sheet deflate to a few kB: an honest bomb, with a 1 MB limit.
    const bomb = await withPart('xl/worksheets/sheet1.xml', (xml) => xml.replace('<sheetData>', `<sheetData>${' '.repeat(2 * 1024 * 1024)}`));
    expect(bomb.length).toBeLessThan(100_000);
    const error = await refusal('bomb.xlsx', bomb, { maxUncompressedBytes: 1024 * 1024 });
    expect(error).toBeInstanceOf(UnusableInputError);
    expect((error as Error).message).toMatch(/^bomb\.xlsx: the workbook expands to \d+ bytes, over the limit of 1048576 \(limits\.maxUncompressedBytes\)$/);
  });

  it('that inflates past the limit while its directory claims little is refused when the inflated bytes pass it', async () => {
    const bomb = await withPart('xl/worksheets/sheet1.xml', (xml) => xml.replace('<sheetData>', `<sheetData>${' '.repeat(2 * 1024 * 1024)}`));
    // The directory's uncompressed size (offset 24) says 1,000 bytes.
    bomb.writeUInt32LE(1000, directoryEntry(bomb, 'xl/worksheets/sheet1.xml') + 24);
    const error = await refusal('liar.xlsx', bomb, { maxUncompressedBytes: 1024 * 1024 });
    expect(error).toEqual(new UnusableInputError('liar.xlsx', 'the workbook expands to more than 1048576 bytes when inflated, over the limit (limits.maxUncompressedBytes), whatever its zip directory claims'));
  });

  it('of two sheets, or without the columns a ledger needs, is refused as before, not called damaged', async () => {
    const twoSheets = new ExcelJS.Workbook();
    twoSheets.addWorksheet('A').addRow(['Payment date', 'Expense code', 'Amount']);
    twoSheets.addWorksheet('B').addRow(['Payment date', 'Expense code', 'Amount']);
    expect(await refusal('two.xlsx', Buffer.from(await twoSheets.xlsx.writeBuffer()))).toEqual(new UnusableInputError('two.xlsx', 'a ledger workbook must have one sheet'));
    const noAmount = new ExcelJS.Workbook();
    noAmount.addWorksheet('A').addRow(['Payment date', 'Expense code']);
    expect(await refusal('no-amount.xlsx', Buffer.from(await noAmount.xlsx.writeBuffer()))).toEqual(
      new UnusableInputError('no-amount.xlsx', 'the first line of the ledger should be its header, with an amount column ("Amount", "Net amount"); found: Payment date, Expense code'),
    );
  });
});
