import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Readable } from 'node:stream';
import { CATEGORIES, type Category } from '../activity/categories.js';
import type { ActivityRecordInput } from '../activity/record.js';
import type { Decimal } from '../decimal.js';
import { readCsvText, type CsvDelimiter } from '../tables/read-csv.js';
import { streamCsvRows } from '../tables/read-csv-stream.js';
import { streamWorksheetRows } from '../tables/read-xlsx-stream.js';
import type { SourceRow } from '../tables/table.js';
import { DecodeStream, decodeText, type CsvEncoding } from './encoding.js';
import { normaliseHeader } from './headers.js';
import { isNumberReading, readNumber } from './numbers.js';
import { UnusableInputError, type ImportProblem } from './result.js';
import { readDate } from './years.js';

const SPEND_CATEGORIES: readonly Category[] = ['purchased-goods-and-services', 'capital-goods', 'outsourced-services'];

export interface SpendMappingEntry {
  readonly spendCategory: string;
  readonly category: Category;
}

/** The council's own codes → spend categories: "Expense code,Spend category[,Reporting category]". */
export interface SpendMapping {
  /** The first column's heading: the ledger column the codes are in ("Expense code", "Supplier category"). */
  readonly keyHeader: string;
  readonly entries: ReadonlyMap<string, SpendMappingEntry>;
}

const mappingKey = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Reads a mapping CSV. Its first column names the ledger column to match (so one format serves expense codes,
 * cost centres and supplier categories); "Spend category" names the category of the spend-based factor table;
 * an optional "Reporting category" (default purchased-goods-and-services) may say capital-goods or
 * outsourced-services. A code mapped twice to different categories is a problem, never last-one-wins.
 */
export function readSpendMapping(text: string, file: string): { mapping: SpendMapping; problems: ImportProblem[] } {
  const rows = readCsvText(text, file).rows;
  const header = rows[0];
  const headers = header?.cells.map((c) => normaliseHeader(c.text)) ?? [];
  const spendAt = headers.findIndex((h) => h === 'spend category' || h === 'category');
  const reportingAt = headers.findIndex((h) => h === 'reporting category');
  const keyHeader = header?.cells[0]?.text.trim() ?? '';
  if (header === undefined || spendAt <= 0 || keyHeader === '') {
    throw new UnusableInputError(file, 'a spend mapping needs a header: your code column first (e.g. "Expense code"), then "Spend category"');
  }
  const entries = new Map<string, SpendMappingEntry>();
  const problems: ImportProblem[] = [];
  for (const row of rows.slice(1)) {
    const cell = (i: number) => row.cells[i]?.text.trim() ?? '';
    const fail = (column: string, message: string, value: string) => problems.push({ severity: 'error', code: 'invalid-mapping', message, origin: { file, line: row.line, column }, value });
    const key = cell(0);
    const spend = cell(spendAt).toLowerCase().replace(/\s+/g, '-');
    if (key === '' && spend === '') continue;
    if (key === '') {
      fail(keyHeader, 'No code on a mapping line', spend);
      continue;
    }
    if (!/^[a-z0-9][a-z0-9-]*$/.test(spend)) {
      fail('Spend category', `'${cell(spendAt)}' is not a spend category id such as professional-services`, cell(spendAt));
      continue;
    }
    const reportingText = reportingAt === -1 ? '' : cell(reportingAt).toLowerCase();
    const category = reportingText === '' ? SPEND_CATEGORIES[0]! : SPEND_CATEGORIES.find((c) => c === reportingText || CATEGORIES[c].toLowerCase() === reportingText);
    if (category === undefined) {
      fail('Reporting category', `'${cell(reportingAt)}' is not one of ${SPEND_CATEGORIES.join(', ')}`, cell(reportingAt));
      continue;
    }
    const previous = entries.get(mappingKey(key));
    if (previous !== undefined && (previous.spendCategory !== spend || previous.category !== category)) {
      fail(keyHeader, `'${key}' is mapped twice, to ${previous.spendCategory} and to ${spend}`, key);
      continue;
    }
    entries.set(mappingKey(key), { spendCategory: spend, category });
  }
  return { mapping: { keyHeader, entries }, problems };
}

/** One spend category's total in one price year, and how many ledger lines made it. */
export interface SpendTotal {
  readonly category: Category;
  readonly spendCategory: string;
  readonly priceYear: number;
  readonly total: Decimal;
  readonly lines: number;
}

/** Ledger lines whose code the mapping does not list: kept, totalled, and reported. */
export interface UnmappedCode {
  readonly code: string;
  readonly total: Decimal;
  readonly lines: number;
  readonly firstLine: number;
}

export interface LedgerAccount {
  /** Non-blank lines after the header. lines = mapped + unmapped + rejected + skipped. */
  readonly lines: number;
  readonly mapped: number;
  readonly unmapped: number;
  readonly rejected: number;
  /** Totals rows and repeated headers, by reason. */
  readonly skipped: ReadonlyMap<string, number>;
  /** Negative amounts (credit notes, refunds), netted into the totals. */
  readonly credits: number;
}

export interface LedgerResult {
  readonly totals: SpendTotal[];
  readonly unmapped: UnmappedCode[];
  readonly problems: ImportProblem[];
  readonly account: LedgerAccount;
  /** The totals as activity records (source spend:<category>, GBP, spend-based), ready to calculate. */
  readonly records: ActivityRecordInput[];
}

const AMOUNT_HEADERS = ['amount', 'net amount', 'amount (£)', 'amount £', 'amount excluding vat', 'amount excl vat', 'net', 'value', 'value (£)', 'total', 'spend', 'payment amount', 'line amount', '£'];
const DATE_HEADERS = ['date', 'payment date', 'transaction date', 'date paid', 'paid date', 'invoice date', 'posting date'];
const TOTALS = /^(grand\s+|sub[-\s]?)?totals?\b/i;
/** More problems than this are summarised, so a file of garbage cannot fill memory with messages. */
const MAX_LINE_PROBLEMS = 1000;

export interface LedgerOptions {
  /** Price year for a ledger without a date column. */
  readonly priceYear?: number;
  readonly file?: string;
  readonly encoding?: CsvEncoding;
  readonly delimiter?: CsvDelimiter;
  /** Called with the bytes read so far (CSV), for a progress bar. */
  readonly onProgress?: (bytesRead: number) => void;
}

/**
 * Sums a transaction-level ledger by spend category and price year (the calendar year of each payment's date)
 * as rows arrive: memory grows with the number of distinct codes, never with the number of lines.
 */
export class LedgerAggregator {
  private columns: { key: number; amount: number; date: number } | undefined;
  private readonly sums = new Map<string, { entry: SpendMappingEntry; year: number; total: Decimal; lines: number }>();
  private readonly unmappedCodes = new Map<string, { code: string; total: Decimal; lines: number; firstLine: number }>();
  private readonly problems: ImportProblem[] = [];
  private lineProblems = 0;
  private lines = 0;
  private mapped = 0;
  private unmapped = 0;
  private rejected = 0;
  private credits = 0;
  private readonly skipped = new Map<string, number>();
  private headerCells: readonly string[] = [];
  private readonly years = new Map<string, number | undefined>();

  constructor(
    private readonly mapping: SpendMapping,
    private readonly file: string,
    private readonly options: LedgerOptions = {},
  ) {}

  row(row: SourceRow): void {
    const cells = row.cells;
    if (this.columns === undefined) {
      this.columns = this.readHeader(row);
      return;
    }
    if (cells.every((c) => c.text.trim() === '')) return;
    this.lines++;
    const { key, amount, date } = this.columns;
    const code = cells[key]?.text.trim() ?? '';
    const amountText = cells[amount]?.text ?? '';
    if (TOTALS.test(code) || (code === '' && cells.some((c) => TOTALS.test(c.text.trim())))) return this.skip('totals row');
    if (code === this.headerCells[key] && amountText.trim() === this.headerCells[amount]) return this.skip('repeated header');
    const n = readNumber(amountText);
    if (!isNumberReading(n)) return this.reject(row.line, amount, `Amount: ${n.reason}`, amountText);
    let year = this.options.priceYear;
    if (date !== -1) {
      const dateText = cells[date]?.text ?? '';
      const y = this.yearOf(dateText);
      if (y === undefined) return this.reject(row.line, date, `'${dateText}' is not a date (use 31/03/2024 or 2024-03-31)`, dateText);
      year = y;
    }
    if (n.value.isNegative()) this.credits++;
    const entry = this.mapping.entries.get(mappingKey(code));
    if (entry === undefined) {
      this.unmapped++;
      const u = this.unmappedCodes.get(code);
      if (u === undefined) this.unmappedCodes.set(code, { code, total: n.value, lines: 1, firstLine: row.line });
      else {
        u.total = u.total.add(n.value);
        u.lines++;
      }
      return;
    }
    this.mapped++;
    const sumKey = `${entry.category}|${entry.spendCategory}|${year}`;
    const s = this.sums.get(sumKey);
    if (s === undefined) this.sums.set(sumKey, { entry, year: year!, total: n.value, lines: 1 });
    else {
      s.total = s.total.add(n.value);
      s.lines++;
    }
  }

  private readHeader(row: SourceRow): { key: number; amount: number; date: number } {
    const headers = row.cells.map((c) => normaliseHeader(c.text));
    this.headerCells = row.cells.map((c) => c.text.trim());
    const key = headers.indexOf(normaliseHeader(this.mapping.keyHeader));
    const amount = headers.findIndex((h) => AMOUNT_HEADERS.includes(h));
    const date = headers.findIndex((h) => DATE_HEADERS.includes(h));
    const missing = [key === -1 ? `"${this.mapping.keyHeader}" (the mapping's first column)` : '', amount === -1 ? 'an amount column ("Amount", "Net amount")' : ''].filter((m) => m !== '');
    if (missing.length > 0) throw new UnusableInputError(this.file, `the first line of the ledger should be its header, with ${missing.join(' and ')}; found: ${this.headerCells.join(', ')}`);
    if (date === -1 && this.options.priceYear === undefined) {
      throw new UnusableInputError(this.file, 'the ledger has no date column ("Date", "Payment date"): state the price year of its amounts (--price-year)');
    }
    return { key, amount, date };
  }

  /** A ledger repeats a few hundred payment dates: each is parsed once (the cache is bounded). */
  private yearOf(text: string): number | undefined {
    if (this.years.has(text)) return this.years.get(text);
    const year = readDate(text)?.year;
    if (this.years.size < 10_000) this.years.set(text, year);
    return year;
  }

  private skip(reason: string): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }

  private reject(line: number, index: number, message: string, value: string): void {
    this.rejected++;
    if (++this.lineProblems <= MAX_LINE_PROBLEMS) {
      this.problems.push({ severity: 'error', code: 'invalid-number', message, origin: { file: this.file, line, column: this.headerCells[index] ?? '' }, value });
    }
  }

  result(): LedgerResult {
    if (this.columns === undefined) throw new UnusableInputError(this.file, 'the ledger is empty');
    const problems = [...this.problems];
    if (this.lineProblems > MAX_LINE_PROBLEMS) {
      problems.push({ severity: 'error', code: 'invalid-number', message: `${this.lineProblems - MAX_LINE_PROBLEMS} further lines rejected like those above (only the first ${MAX_LINE_PROBLEMS} are listed)`, origin: { file: this.file } });
    }
    const unmapped = [...this.unmappedCodes.values()].sort((a, b) => b.total.comparedTo(a.total)).map((u) => ({ ...u }));
    for (const u of unmapped) {
      problems.push({
        severity: 'error',
        code: 'unmapped-spend',
        message: `${u.lines} line(s) totalling £${u.total.toFixed()} have ${this.mapping.keyHeader} '${u.code}', which the mapping does not list: add it to the mapping`,
        origin: { file: this.file, line: u.firstLine, column: this.headerCells[this.columns.key] ?? this.mapping.keyHeader },
        value: u.code,
      });
    }
    const totals = [...this.sums.values()]
      .map((s) => ({ category: s.entry.category, spendCategory: s.entry.spendCategory, priceYear: s.year, total: s.total, lines: s.lines }))
      .sort((a, b) => (a.category + a.spendCategory + a.priceYear < b.category + b.spendCategory + b.priceYear ? -1 : 1));
    return {
      totals,
      unmapped,
      problems,
      account: { lines: this.lines, mapped: this.mapped, unmapped: this.unmapped, rejected: this.rejected, skipped: this.skipped, credits: this.credits },
      records: totals.map((t) => ({
        id: `spend-${t.spendCategory}-${t.priceYear}${t.category === 'purchased-goods-and-services' ? '' : `-${t.category}`}`,
        category: t.category,
        source: `spend:${t.spendCategory}`,
        quantity: t.total,
        unit: 'GBP',
        priceYear: t.priceYear,
        dataQuality: 'spend-based',
        origin: { file: this.file, note: `${t.lines} ledger lines` },
      })),
    };
  }
}

/**
 * Streams a spend ledger (.csv, or .xlsx through exceljs's streaming reader) through a `LedgerAggregator`.
 * A path or a byte stream of CSV.
 */
export async function aggregateSpendLedger(input: string | Readable, mapping: SpendMapping, options: LedgerOptions = {}): Promise<LedgerResult> {
  const file = options.file ?? (typeof input === 'string' ? basename(input) : 'ledger.csv');
  const aggregator = new LedgerAggregator(mapping, file, options);
  if (typeof input === 'string' && ['.xlsx', '.xlsm'].includes(extname(input).toLowerCase())) {
    let sheets = 0;
    await streamWorksheetRows(input, {
      onSheet: () => {
        if (++sheets > 1) throw new UnusableInputError(file, 'a ledger workbook must have one sheet');
      },
      onRow: (_sheet, row) => aggregator.row(row),
    });
    return aggregator.result();
  }
  const bytes = typeof input === 'string' ? createReadStream(input, { highWaterMark: 1024 * 1024 }) : input;
  const decoder = new DecodeStream(options.encoding);
  let read = 0;
  bytes.on('data', (chunk: Buffer) => {
    read += chunk.length;
    options.onProgress?.(read);
  });
  bytes.once('error', (e: Error) => decoder.destroy(e));
  await streamCsvRows(bytes.pipe(decoder), { ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}), onRows: (rows) => rows.forEach((r) => aggregator.row(r)) });
  const result = aggregator.result();
  if (decoder.replaced > 0) {
    result.problems.push({ severity: 'error', code: 'encoding', message: `${decoder.replaced} character(s) could not be read as ${decoder.textEncoding}: state the encoding (e.g. --encoding windows-1252)`, origin: { file } });
  }
  return result;
}

/** Reads a mapping file from its bytes (encoding detected as for any CSV). */
export function readSpendMappingBytes(bytes: Uint8Array, file: string): { mapping: SpendMapping; problems: ImportProblem[] } {
  const decoded = decodeText(bytes, file);
  const read = readSpendMapping(decoded.text, file);
  return { mapping: read.mapping, problems: [...decoded.problems, ...read.problems] };
}


