import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Readable } from 'node:stream';
import { CATEGORIES, type Category } from '../activity/categories.js';
import { slug } from '../factors/key.js';
import { bundledSpendCategories } from '../factors/spend/bundled.js';
import { REPORTING_SPEND_CATEGORIES, type CouncilSpendCategory } from '../factors/spend/schema.js';
import type { ActivityRecordInput, SupplierFactor } from '../activity/record.js';
import { ZERO, type Decimal } from '../decimal.js';
import { readCsvText, type CsvDelimiter } from '../tables/read-csv.js';
import { findSplitNumber } from '../tables/split-number.js';
import { columnLetters } from '../tables/table.js';
import { malformedQuotesMessage } from './table-importer.js';
import { emptyProfile, type BaselineProfile } from './profile.js';
import { definedFields } from '../defined.js';
import { streamCsvRecords } from '../tables/read-csv-stream.js';
import { streamWorksheetRows } from '../tables/read-xlsx-stream.js';
import type { SourceRow } from '../tables/table.js';
import { DecodeStream, decodeText, type CsvEncoding } from './encoding.js';
import { normaliseHeader } from './headers.js';
import { ExactSum, isNegativePence, readPence } from './ledger-amount.js';
import { isNumberReading, readNumber } from './numbers.js';
import { UnusableInputError, type ImportProblem } from './result.js';
import { financialYearOf, readDate, type CalendarDate } from './years.js';
import type { ReportingYear } from '../activity/record.js';

const SPEND_CATEGORIES: readonly Category[] = REPORTING_SPEND_CATEGORIES;

export interface SpendMappingEntry {
  readonly spendCategory: string;
  readonly category: Category;
  /** The code's amounts include VAT at this rate (%), removed before costing; absent, they exclude it. */
  readonly includesVatAt?: Decimal;
  /** The supplier's own kgCO2e per £ for what this code buys (a mapping keyed by supplier, or one contract's code). */
  readonly supplierFactor?: SupplierFactor;
}

/** The council's own codes → spend categories: "Expense code,Spend category[,Reporting category]". */
export interface SpendMapping {
  /** The first column's heading: the ledger column the codes are in ("Expense code", "Supplier category"). */
  readonly keyHeader: string;
  readonly entries: ReadonlyMap<string, SpendMappingEntry>;
  /** Codes on mapping lines that were refused (each a problem), so the ledger does not call them unlisted. */
  readonly refused?: ReadonlySet<string>;
}

const mappingKey = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Reads a mapping CSV. Its first column names the ledger column to match (so one format serves expense codes,
 * cost centres and supplier categories); "Spend category" names a council spend category ("ICT software and
 * services", "R&M buildings") or a SIC group ("62", "SIC 41.2") of the spend factor set; an optional "Reporting
 * category" may say purchased-goods-and-services, capital-goods or outsourced-services (default: the one the
 * spend category table gives, else purchased goods and services). A code mapped twice to different categories is
 * a problem, never last-one-wins.
 */
export function readSpendMapping(text: string, file: string, categories: readonly CouncilSpendCategory[] = bundledSpendCategories()): { mapping: SpendMapping; problems: ImportProblem[] } {
  const rows = readCsvText(text, file).rows;
  const header = rows[0];
  const headers = header?.cells.map((c) => normaliseHeader(c.text)) ?? [];
  const spendAt = headers.findIndex((h) => h === 'spend category' || h === 'category');
  const reportingAt = headers.findIndex((h) => h === 'reporting category');
  const keyHeader = header?.cells[0]?.text.trim() ?? '';
  if (header === undefined || spendAt <= 0 || keyHeader === '') {
    throw new UnusableInputError(file, 'a spend mapping needs a header: your code column first (e.g. "Expense code"), then "Spend category"');
  }
  const reportingOf = new Map(categories.flatMap((c) => [c.category, c.label, ...c.aliases.split('|')].map((name) => [slug(name), c.reporting_category] as const)));
  const entries = new Map<string, SpendMappingEntry>();
  const refused = new Set<string>();
  const problems: ImportProblem[] = [];
  for (const row of rows.slice(1)) {
    const cell = (i: number) => row.cells[i]?.text.trim() ?? '';
    const fail = (column: string, message: string, value: string) => problems.push({ severity: 'error', code: 'invalid-mapping', message, origin: { file, line: row.line, column }, value });
    const key = cell(0);
    // As a source option: a slug keeps letters, digits and the dots of SIC codes ("R&M buildings" → r-and-m-buildings).
    const spend = slug(cell(spendAt));
    if (key === '' && spend === '') continue;
    if (key === '') {
      fail(keyHeader, 'No code on a mapping line', cell(spendAt));
      continue;
    }
    if (spend === '') {
      refused.add(mappingKey(key));
      fail('Spend category', `'${cell(spendAt)}' is not a spend category such as legal-services or a SIC group such as 62`, cell(spendAt));
      continue;
    }
    // An id or its name, in any case, with or without the "(spend)" the labels carry: "Capital goods".
    const asId = (text: string) => text.toLowerCase().replace(/\(spend\)/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    const reportingText = reportingAt === -1 ? '' : asId(cell(reportingAt));
    const category = reportingText === '' ? reportingOf.get(spend) ?? SPEND_CATEGORIES[0]! : SPEND_CATEGORIES.find((c) => c === reportingText || asId(CATEGORIES[c]) === reportingText);
    if (category === undefined) {
      refused.add(mappingKey(key));
      fail('Reporting category', `'${cell(reportingAt)}' is not one of ${SPEND_CATEGORIES.join(', ')}`, cell(reportingAt));
      continue;
    }
    const extras = mappingExtras(row, headers, (column, message, value) => {
      refused.add(mappingKey(key));
      fail(column, message, value);
    });
    if (extras === undefined) continue;
    const entry: SpendMappingEntry = { spendCategory: spend, category, ...extras };
    const previous = entries.get(mappingKey(key));
    if (previous !== undefined && costedAlike(previous) !== costedAlike(entry)) {
      fail(keyHeader, `'${key}' is mapped twice, to ${previous.spendCategory} and to ${spend}${previous.spendCategory === spend ? ' with another VAT rate or supplier factor' : ''}`, key);
      continue;
    }
    entries.set(mappingKey(key), entry);
  }
  return { mapping: { keyHeader, entries, refused }, problems };
}

const VAT_HEADERS = ['vat included (%)', 'vat included', 'vat rate included', 'includes vat at'];
const SUPPLIER_FACTOR_HEADERS = ['supplier factor (kgco2e/gbp)', 'supplier factor (kgco2e/£)', 'supplier kgco2e per £', 'supplier kgco2e per gbp'];
const vatAt = (headers: readonly string[]) => headers.findIndex((h) => VAT_HEADERS.includes(h));
const supplierFactorAt = (headers: readonly string[]) => headers.findIndex((h) => SUPPLIER_FACTOR_HEADERS.includes(h));

/**
 * A mapping line's optional VAT rate and supplier factor (with "Supplier" and "Supplier evidence" beside it); a
 * bad one refuses the line with a problem, so its code is not costed at the wrong rate.
 */
function mappingExtras(row: SourceRow, headers: readonly string[], fail: (column: string, message: string, value: string) => void): Pick<SpendMappingEntry, 'includesVatAt' | 'supplierFactor'> | undefined {
  const cell = (i: number) => (i === -1 ? '' : row.cells[i]?.text.trim() ?? '');
  const number = (text: string) => {
    const n = readNumber(text.replace(/%$/, ''));
    return isNumberReading(n) && !n.value.isNegative() ? n.value : undefined;
  };
  const vatText = cell(vatAt(headers));
  const vat = vatText === '' ? undefined : number(vatText);
  if (vatText !== '' && (vat === undefined || vat.gte(100))) return void fail('VAT included (%)', `'${vatText}' is not a VAT rate in per cent, e.g. 20`, vatText);
  const factorText = cell(supplierFactorAt(headers));
  if (factorText === '') return definedFields({ includesVatAt: vat });
  const factor = number(factorText);
  const supplier = cell(headers.indexOf('supplier'));
  const evidence = cell(headers.indexOf('supplier evidence'));
  if (factor === undefined) return void fail('Supplier factor', `'${factorText}' is not a kgCO2e per £ of at least zero`, factorText);
  if (supplier === '' || evidence === '') return void fail('Supplier factor', 'A supplier factor needs the Supplier and the Supplier evidence beside it', factorText);
  return definedFields({ includesVatAt: vat, supplierFactor: { kgCO2ePerGBP: factor, supplier, evidence } });
}

/** One spend category's total in one price year, and how many ledger lines made it. */
export interface SpendTotal {
  readonly category: Category;
  readonly spendCategory: string;
  readonly priceYear: number;
  readonly total: Decimal;
  readonly lines: number;
  readonly includesVatAt?: Decimal;
  readonly supplierFactor?: SupplierFactor;
}

/** Totals that are costed alike: the same category, spend category, VAT and supplier figure. */
const costedAlike = (t: Pick<SpendTotal, 'category' | 'spendCategory' | 'includesVatAt' | 'supplierFactor'>) =>
  `${t.category}|${t.spendCategory}|${t.includesVatAt?.toFixed() ?? ''}|${t.supplierFactor === undefined ? '' : `${t.supplierFactor.supplier}|${t.supplierFactor.kgCO2ePerGBP.toFixed()}`}`;

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
  /** A ledger says nothing of the council; its reporting year is the option's: so `inventoryFromImport(ledger)` works. */
  readonly profile: BaselineProfile;
  /**
   * The suppliers paid most (net of credits, mapped or not), largest first, when the ledger has a supplier
   * column: whom to ask first for their own figures. Empty without one.
   */
  readonly largestSuppliers: readonly { readonly supplier: string; readonly total: Decimal; readonly lines: number }[];
}

const SUPPLIER_HEADERS = ['supplier', 'supplier name', 'payee', 'payee name', 'vendor', 'vendor name', 'creditor', 'creditor name', 'beneficiary', 'merchant'];
/** Suppliers named in the result; and distinct ones summed, beyond which the rest are one "other suppliers" sum. */
const LARGEST_SUPPLIERS = 20;
const OTHER_SUPPLIERS = '(other suppliers)';

const AMOUNT_HEADERS = ['amount', 'net amount', 'amount (£)', 'amount £', 'amount excluding vat', 'amount excl vat', 'net', 'value', 'value (£)', 'total', 'spend', 'payment amount', 'line amount', '£'];
const DATE_HEADERS = ['date', 'payment date', 'transaction date', 'date paid', 'paid date', 'invoice date', 'posting date'];
const TOTALS = /^(grand\s+|sub[-\s]?)?totals?\b/i;
/** More problems than this are summarised, so a file of garbage cannot fill memory with messages. */
const MAX_LINE_PROBLEMS = 1000;
/**
 * The longest ledger line read: a payment line is a few dozen fields, so this is far beyond any real one, yet it
 * stops one endless line (a damaged or hostile file) from being held and re-parsed as it grows.
 */
const LEDGER_LINE_CHARS = 1024 * 1024;
/** Unmapped codes named one problem each, the largest first; the rest are one problem with their count and £. */
const MAX_CODE_PROBLEMS = 200;

export interface LedgerOptions {
  /** Price year for a ledger without a date column. */
  readonly priceYear?: number;
  /** The financial year reported: payments dated outside it are left out, counted and totalled in a warning. */
  readonly reportingYear?: ReportingYear;
  readonly file?: string;
  readonly encoding?: CsvEncoding;
  readonly delimiter?: CsvDelimiter;
  /** Called with the bytes read so far (CSV), for a progress bar. */
  readonly onProgress?: (bytesRead: number) => void;
}

/** The sum of one spend category in one price year. */
interface SpendSum {
  readonly entry: SpendMappingEntry;
  readonly year: number;
  readonly sum: ExactSum;
}

/** Everything mapped to one spend category and reporting category, whichever codes it came from. */
interface SpendTarget {
  readonly entry: SpendMappingEntry;
  readonly years: Map<number, SpendSum>;
}

interface UnmappedSum {
  readonly code: string;
  readonly sum: ExactSum;
  readonly firstLine: number;
}

/** What a line's code text means, worked out once per distinct text rather than on each of a million lines. */
interface CodeSlot {
  /** The code, trimmed. */
  readonly code: string;
  readonly totals: boolean;
  /** The header's own text: the line is a repeated header if its amount is too. */
  readonly header: boolean;
  readonly target: SpendTarget | undefined;
  unmapped: UnmappedSum | undefined;
}

/** Distinct code texts and dates remembered; a ledger has a few hundred of each, a garbage file is not held. */
const CACHE_ENTRIES = 10_000;

/**
 * Sums a transaction-level ledger by spend category and price year (the calendar year of each payment's date)
 * as rows arrive: memory grows with the number of distinct codes, never with the number of lines.
 */
export class LedgerAggregator {
  private columns: { key: number; amount: number; date: number; supplier: number } | undefined;
  private readonly targets = new Map<string, SpendTarget>();
  /** In order of first appearance. */
  private readonly sums: SpendSum[] = [];
  private readonly unmappedCodes = new Map<string, UnmappedSum>();
  private readonly slots = new Map<string, CodeSlot>();
  private readonly problems: ImportProblem[] = [];
  private lineProblems = 0;
  private lines = 0;
  private mapped = 0;
  private unmapped = 0;
  private rejected = 0;
  private credits = 0;
  private readonly skipped = new Map<string, number>();
  private headerCells: readonly string[] = [];
  /** null: not a date. */
  private readonly dates = new Map<string, CalendarDate | null>();
  private readonly outside = { sum: new ExactSum(), firstLine: 0 };
  private readonly suppliers = new Map<string, ExactSum>();

  constructor(
    private readonly mapping: SpendMapping,
    private readonly file: string,
    private readonly options: LedgerOptions = {},
  ) {}

  /** A sheet row from the streaming workbook reader. */
  row(row: SourceRow): void {
    this.record(row.cells.map((c) => c.text), row.line, row.malformedQuotes);
  }

  /** One CSV record or sheet row as its cells' text, with its line. */
  record(fields: readonly string[], line: number, malformedQuotes?: { readonly toLine: number }): void {
    if (this.columns === undefined) {
      this.columns = this.readHeader(fields);
      return;
    }
    if (isBlank(fields)) return;
    this.lines++;
    if (malformedQuotes !== undefined) return this.rejectLine(line, 'malformed-quotes', malformedQuotesMessage(line, malformedQuotes.toLine));
    if (fields.length > this.headerCells.length && this.refusedBeyondHeader(fields, line)) return;
    const { key, amount, date } = this.columns;
    const slot = this.slotOf(fields[key] ?? '');
    const amountText = fields[amount] ?? '';
    // A blank-coded line is a totals line only when its first field says so and it has no payment date: a
    // supplier such as "Total Gas & Power" (in the first column or further along) is spend like any other.
    if (slot.totals || (slot.code === '' && (date === -1 || (fields[date] ?? '').trim() === '') && TOTALS.test(fields.find((f) => f.trim() !== '')?.trim() ?? ''))) {
      return this.skip('totals row');
    }
    if (slot.header && amountText.trim() === this.headerCells[amount]) return this.skip('repeated header');
    const pence = readPence(amountText);
    let value: Decimal | undefined;
    if (pence === undefined) {
      const n = readNumber(amountText);
      if (!isNumberReading(n)) return this.reject(line, amount, `Amount: ${n.reason}`, amountText);
      value = n.value;
    }
    let year = this.options.priceYear!;
    if (date !== -1) {
      const dateText = fields[date] ?? '';
      const paid = this.dateOf(dateText);
      if (paid === null) return this.reject(line, date, `'${dateText}' is not a date (use 31/03/2024 or 2024-03-31)`, dateText, 'invalid-date');
      const { reportingYear } = this.options;
      if (reportingYear !== undefined && financialYearOf(paid) !== reportingYear) {
        if (this.outside.sum.lines === 0) this.outside.firstLine = line;
        addAmount(this.outside.sum, pence, value);
        return this.skip(`dated outside ${reportingYear}`);
      }
      year = paid.year;
    }
    if (value === undefined ? isNegativePence(pence!) : value.isNegative()) this.credits++;
    let sum: ExactSum;
    if (slot.target === undefined) {
      this.unmapped++;
      slot.unmapped ??= this.unmappedSum(slot.code, line);
      sum = slot.unmapped.sum;
    } else {
      this.mapped++;
      sum = this.spendSum(slot.target, year);
    }
    addAmount(sum, pence, value);
    if (this.columns.supplier !== -1) addAmount(this.supplierSum(fields[this.columns.supplier] ?? ''), pence, value);
  }

  /** A supplier's running total; distinct names are bounded like codes, so a garbage column cannot fill memory. */
  private largestSuppliers(): LedgerResult['largestSuppliers'] {
    return mergeSuppliers(this.suppliers).slice(0, LARGEST_SUPPLIERS);
  }

  private supplierSum(text: string): ExactSum {
    let sum = this.suppliers.get(text);
    if (sum === undefined) {
      const name = this.suppliers.size < CACHE_ENTRIES ? detach(text) : OTHER_SUPPLIERS;
      sum = this.suppliers.get(name) ?? new ExactSum();
      this.suppliers.set(name, sum);
    }
    return sum;
  }

  private slotOf(text: string): CodeSlot {
    const cached = this.slots.get(text);
    if (cached !== undefined) return cached;
    const key = detach(text);
    const code = key.trim();
    const entry = this.mapping.entries.get(mappingKey(code));
    let target: SpendTarget | undefined;
    if (entry !== undefined) {
      const targetKey = costedAlike(entry);
      target = this.targets.get(targetKey);
      if (target === undefined) this.targets.set(targetKey, (target = { entry, years: new Map() }));
    }
    const slot: CodeSlot = { code, totals: TOTALS.test(code), header: code === this.headerCells[this.columns!.key], target, unmapped: undefined };
    if (this.slots.size < CACHE_ENTRIES) this.slots.set(key, slot);
    return slot;
  }

  private unmappedSum(code: string, line: number): UnmappedSum {
    let u = this.unmappedCodes.get(code);
    if (u === undefined) this.unmappedCodes.set(code, (u = { code, sum: new ExactSum(), firstLine: line }));
    return u;
  }

  private spendSum(target: SpendTarget, year: number): ExactSum {
    let s = target.years.get(year);
    if (s === undefined) {
      s = { entry: target.entry, year, sum: new ExactSum() };
      target.years.set(year, s);
      this.sums.push(s);
    }
    return s.sum;
  }

  private readHeader(fields: readonly string[]): { key: number; amount: number; date: number; supplier: number } {
    const headers = fields.map(normaliseHeader);
    this.headerCells = fields.map((f) => f.trim());
    const key = headers.indexOf(normaliseHeader(this.mapping.keyHeader));
    const amount = headers.findIndex((h) => AMOUNT_HEADERS.includes(h));
    const date = headers.findIndex((h) => DATE_HEADERS.includes(h));
    const missing = [key === -1 ? `"${this.mapping.keyHeader}" (the mapping's first column)` : '', amount === -1 ? 'an amount column ("Amount", "Net amount")' : ''].filter((m) => m !== '');
    if (missing.length > 0) throw new UnusableInputError(this.file, `the first line of the ledger should be its header, with ${missing.join(' and ')}; found: ${this.headerCells.join(', ')}`);
    if (date === -1 && this.options.priceYear === undefined) {
      throw new UnusableInputError(this.file, 'the ledger has no date column ("Date", "Payment date"): state the price year of its amounts (--price-year)');
    }
    return { key, amount, date, supplier: headers.findIndex((h) => SUPPLIER_HEADERS.includes(h)) };
  }

  /** A ledger repeats a few hundred payment dates: each is parsed once (the cache is bounded). */
  private dateOf(text: string): CalendarDate | null {
    const cached = this.dates.get(text);
    if (cached !== undefined) return cached;
    const date = readDate(text) ?? null;
    if (this.dates.size < CACHE_ENTRIES) this.dates.set(detach(text), date);
    return date;
  }

  private skip(reason: string): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }

  private reject(line: number, index: number, message: string, value: string, code: 'invalid-number' | 'invalid-date' | 'extra-cells' = 'invalid-number'): void {
    this.rejected++;
    if (++this.lineProblems <= MAX_LINE_PROBLEMS) {
      this.problems.push({ severity: 'error', code, message: detach(message), origin: { file: this.file, line, column: this.headerCells[index] ?? columnLetters(index) }, value: detach(value) });
    }
  }

  /**
   * A line with more cells than the header: an unquoted 1,234.56 is two cells, so the amount would read £1 and
   * the pence land under the next heading. Such a line is refused, naming the number, never costed misread.
   */
  private refusedBeyondHeader(fields: readonly string[], line: number): boolean {
    const width = this.headerCells.length;
    const split = findSplitNumber(fields, fields.length - width);
    if (split !== undefined) {
      this.reject(line, split.start, `'${split.text}' is a number with thousands separators but not in quotes, so its commas cut it into ${split.cells} cells and the line would be misread: put it in quotes ("${split.text}") or write it without commas`, split.text, 'extra-cells');
      return true;
    }
    const beyond = fields.findIndex((f, i) => i >= width && f.trim() !== '');
    if (beyond === -1) return false;
    this.reject(line, beyond, `The line has ${fields.length} cells but the header has ${width}: this value is beyond the last heading (${this.headerCells[width - 1]}), so the cells may have shifted (a comma in a cell that is not in quotes?)`, fields[beyond]!, 'extra-cells');
    return true;
  }

  private rejectLine(line: number, code: 'malformed-quotes', message: string): void {
    this.rejected++;
    if (++this.lineProblems <= MAX_LINE_PROBLEMS) this.problems.push({ severity: 'error', code, message, origin: { file: this.file, line } });
  }

  result(): LedgerResult {
    if (this.columns === undefined) throw new UnusableInputError(this.file, 'the ledger is empty');
    const problems = [...this.problems];
    if (this.lineProblems > MAX_LINE_PROBLEMS) {
      problems.push({ severity: 'error', code: 'invalid-number', message: `${this.lineProblems - MAX_LINE_PROBLEMS} further lines rejected like those above (only the first ${MAX_LINE_PROBLEMS} are listed)`, origin: { file: this.file } });
    }
    const unmapped = [...this.unmappedCodes.values()].map((u) => ({ code: u.code, total: u.sum.total(), lines: u.sum.lines, firstLine: u.firstLine })).sort((a, b) => b.total.comparedTo(a.total));
    for (const u of unmapped.slice(0, MAX_CODE_PROBLEMS)) {
      problems.push({
        severity: 'error',
        code: 'unmapped-spend',
        message: this.mapping.refused?.has(mappingKey(u.code)) === true
          ? `${u.lines} line(s) totalling £${u.total.toFixed()} have ${this.mapping.keyHeader} '${u.code}', whose mapping line was refused (see the mapping's problems): correct that line`
          : `${u.lines} line(s) totalling £${u.total.toFixed()} have ${this.mapping.keyHeader} '${u.code}', which the mapping does not list: add it to the mapping`,
        origin: { file: this.file, line: u.firstLine, column: this.headerCells[this.columns.key] ?? this.mapping.keyHeader },
        value: u.code,
      });
    }
    const unlisted = unmapped.slice(MAX_CODE_PROBLEMS);
    if (unlisted.length > 0) {
      const total = unlisted.reduce((sum, u) => sum.add(u.total), ZERO);
      const lines = unlisted.reduce((n, u) => n + u.lines, 0);
      problems.push({
        severity: 'error',
        code: 'unmapped-spend',
        message: `${unlisted.length} more ${this.mapping.keyHeader} values the mapping does not list, on ${lines} line(s) totalling £${total.toFixed()}, are not named one by one (the ${MAX_CODE_PROBLEMS} with the largest totals are above): add them to the mapping`,
        origin: { file: this.file, column: this.headerCells[this.columns.key] ?? this.mapping.keyHeader },
      });
    }
    if (this.outside.sum.lines > 0) {
      problems.push({
        severity: 'warning',
        code: 'outside-reporting-year',
        message: `${this.outside.sum.lines} line(s) totalling £${this.outside.sum.total().toFixed()} are dated outside ${this.options.reportingYear} (April to March) and were left out; the first is on this line`,
        origin: { file: this.file, line: this.outside.firstLine, column: this.headerCells[this.columns.date] ?? 'Date' },
      });
    }
    const { totals, problems: nettingProblems } = netCredits(
      this.sums.map((s) => ({ category: s.entry.category, spendCategory: s.entry.spendCategory, priceYear: s.year, total: s.sum.total(), lines: s.sum.lines, ...definedFields({ includesVatAt: s.entry.includesVatAt, supplierFactor: s.entry.supplierFactor }) })),
      this.file,
    );
    problems.push(...nettingProblems);
    return {
      profile: { ...emptyProfile(), ...definedFields({ reportingYear: this.options.reportingYear }) },
      totals,
      unmapped,
      problems,
      account: { lines: this.lines, mapped: this.mapped, unmapped: this.unmapped, rejected: this.rejected, skipped: this.skipped, credits: this.credits },
      largestSuppliers: this.largestSuppliers(),
      records: totals.filter((t) => !t.total.isNegative()).map((t) => ({
        id: `spend-${t.spendCategory}-${t.priceYear}${t.category === 'purchased-goods-and-services' ? '' : `-${t.category}`}${t.supplierFactor === undefined ? '' : `-${slug(t.supplierFactor.supplier)}`}`,
        category: t.category,
        source: `spend:${t.spendCategory}`,
        quantity: t.total,
        unit: 'GBP',
        priceYear: t.priceYear,
        dataQuality: t.supplierFactor === undefined ? 'spend-based' : 'invoiced',
        ...definedFields({ includesVatAt: t.includesVatAt, supplierFactor: t.supplierFactor }),
        origin: { file: this.file, note: `${t.lines} ledger lines` },
      })),
    };
  }
}

/** The same name with different spacing or case is one supplier; "(other suppliers)" is never named first. */
function mergeSuppliers(sums: ReadonlyMap<string, ExactSum>): { supplier: string; total: Decimal; lines: number }[] {
  const byName = new Map<string, { supplier: string; total: Decimal; lines: number }>();
  for (const [text, sum] of sums) {
    const supplier = text.trim().replace(/\s+/g, ' ');
    if (supplier === '') continue;
    const key = supplier.toLowerCase();
    const previous = byName.get(key);
    byName.set(key, previous === undefined ? { supplier, total: sum.total(), lines: sum.lines } : { ...previous, total: previous.total.add(sum.total()), lines: previous.lines + sum.lines });
  }
  return [...byName.values()].sort((a, b) => Number(a.supplier === OTHER_SUPPLIERS) - Number(b.supplier === OTHER_SUPPLIERS) || b.total.comparedTo(a.total) || (a.supplier < b.supplier ? -1 : 1));
}

/** An amount read by the fast path (pence) or by readNumber (a Decimal), added to its sum. */
function addAmount(sum: ExactSum, pence: ReturnType<typeof readPence>, value: Decimal | undefined): void {
  if (value === undefined) sum.addPence(pence!);
  else sum.addDecimal(value);
}

/**
 * A credit note dated in a later calendar year than the invoice it reverses leaves that year's total for the
 * spend category below zero. It is netted into the same category's nearest other price year (the price-index
 * difference between neighbouring years is far smaller than leaving the credit out), with a warning; a category
 * whose credits exceed all its payments is an error naming it, and gives no record.
 */
function netCredits(sums: readonly SpendTotal[], file: string): { totals: SpendTotal[]; problems: ImportProblem[] } {
  const byTarget = new Map<string, SpendTotal[]>();
  for (const t of sums) {
    const key = costedAlike(t);
    byTarget.set(key, [...(byTarget.get(key) ?? []), t]);
  }
  const problems: ImportProblem[] = [];
  const totals: SpendTotal[] = [];
  for (const group of byTarget.values()) {
    const years = [...group];
    for (const negative of group.filter((t) => t.total.isNegative())) {
      const others = years.filter((t) => t !== negative && !t.total.isNegative());
      const nearest = others.sort((a, b) => Math.abs(a.priceYear - negative.priceYear) - Math.abs(b.priceYear - negative.priceYear) || a.priceYear - b.priceYear)[0];
      if (nearest === undefined) continue;
      const merged = { ...nearest, total: nearest.total.plus(negative.total), lines: nearest.lines + negative.lines };
      years.splice(years.indexOf(nearest), 1, merged);
      years.splice(years.indexOf(negative), 1);
      problems.push({
        severity: 'warning',
        code: 'negative-quantity',
        message: `Spend category ${negative.spendCategory}: ${negative.lines} line(s) dated ${negative.priceYear} net to £${negative.total.toFixed()} (credits exceed payments, e.g. a credit note for an earlier invoice), netted against its ${nearest.priceYear} spend`,
        origin: { file, note: `${negative.spendCategory}, ${negative.priceYear}` },
        value: negative.total.toFixed(),
      });
    }
    for (const t of years) {
      if (t.total.isNegative()) {
        problems.push({
          severity: 'error',
          code: 'negative-quantity',
          message: `Spend category ${t.spendCategory}: its ${t.lines} line(s) dated ${t.priceYear} net to £${t.total.toFixed()}, more credited than paid, and it has no other spend to net against: check the mapping and the credit notes`,
          origin: { file, note: `${t.spendCategory}, ${t.priceYear}` },
          value: t.total.toFixed(),
        });
      }
      totals.push(t);
    }
  }
  totals.sort((a, b) => (a.category + a.spendCategory + a.priceYear < b.category + b.spendCategory + b.priceYear ? -1 : 1));
  return { totals, problems };
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
  const decoder = new DecodeStream(options.encoding, LEDGER_LINE_CHARS);
  let read = 0;
  bytes.on('data', (chunk: Buffer) => {
    read += chunk.length;
    options.onProgress?.(read);
  });
  bytes.once('error', (e: Error) => decoder.destroy(e));
  let records = 0;
  let openQuote: number | undefined;
  await streamCsvRecords(bytes.pipe(decoder), {
    ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
    maxRecordChars: LEDGER_LINE_CHARS,
    onOverlong: (line) => (openQuote = line),
    onRecord: (fields, line, malformed) => {
      // The start of a line cut off at the limit is no payment: the problem below names it instead.
      if (decoder.overlongLine !== undefined && line >= decoder.overlongLine) return;
      records++;
      aggregator.record(fields, line, malformed);
    },
  });
  const overlong = decoder.overlongLine ?? openQuote;
  if (records === 0 && overlong !== undefined) {
    throw new UnusableInputError(file, `line ${overlong} runs on for more than ${LEDGER_LINE_CHARS} characters, before any header: not a ledger saved as CSV`);
  }
  const result = aggregator.result();
  if (decoder.replaced > 0) {
    result.problems.push({ severity: 'error', code: 'encoding', message: `${decoder.replaced} character(s) could not be read as ${decoder.textEncoding}: state the encoding (e.g. --encoding windows-1252)`, origin: { file } });
  }
  if (overlong !== undefined) {
    const why = decoder.overlongLine !== undefined ? 'without a line break' : 'inside a quote that is not closed';
    result.problems.push({
      severity: 'error',
      code: 'limit-exceeded',
      message: `The line runs on for more than ${LEDGER_LINE_CHARS} characters ${why}, longer than any payment line: the ledger was not read from here on (the lines above it are summed); check the file is a ledger saved as CSV`,
      origin: { file, line: overlong },
    });
  }
  return result;
}

/**
 * A copy of text cut from a parsed chunk. V8 shares a substring's characters with the whole chunk, so text kept
 * to the end of the file (cache keys, codes, problems) would otherwise keep every chunk it came from in memory.
 */
function detach(text: string): string {
  return text.split('').join('');
}

function isBlank(fields: readonly string[]): boolean {
  for (const f of fields) if (f !== '' && f.trim() !== '') return false;
  return true;
}

/** Reads a mapping file from its bytes (encoding detected as for any CSV). */
export function readSpendMappingBytes(bytes: Uint8Array, file: string, categories?: readonly CouncilSpendCategory[]): { mapping: SpendMapping; problems: ImportProblem[] } {
  const decoded = decodeText(bytes, file);
  const read = readSpendMapping(decoded.text, file, categories);
  return { mapping: read.mapping, problems: [...decoded.problems, ...read.problems] };
}


