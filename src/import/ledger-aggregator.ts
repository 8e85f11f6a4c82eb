import type { ReportingYear } from '../activity/record.js';
import { TOTALS_LABEL } from './totals-label.js';
import { definedFields } from '../defined.js';
import type { CsvDelimiter } from '../tables/read-csv.js';
import { findSplitNumber } from '../tables/split-number.js';
import { columnLetters, type SourceRow } from '../tables/table.js';
import type { CsvEncoding } from './encoding.js';
import { ExactSum, isCredit, readAmount } from './ledger-amount.js';
import { readLedgerColumns, type LedgerColumns } from './ledger-columns.js';
import { costedAlike, mappingKey, type SpendMapping, type SpendMappingEntry } from './ledger-mapping.js';
import { netCredits } from './ledger-netting.js';
import { spendRecord, unmappedProblems, type LedgerResult } from './ledger-result.js';
import { SupplierSums } from './ledger-suppliers.js';
import { CACHE_ENTRIES, detach } from './ledger-text.js';
import type { ImportLimits } from './limits.js';
import { emptyProfile } from './profile.js';
import { UnusableInputError, type ImportProblem } from './result.js';
import { malformedQuotesMessage } from './table-importer.js';
import { financialYearOf, readDate, type CalendarDate } from './years.js';

/**
 * Options for summing a spend ledger: the reporting year and a price year where the ledger has no dates, the name
 * problems give the file, how to read a CSV (encoding, delimiter, progress) and the limits for a workbook.
 */
export interface LedgerOptions {
  /** Price year for a ledger without a date column. */
  readonly priceYear?: number;
  /** The financial year reported: payments dated outside it are left out, counted and totalled in a warning. */
  readonly reportingYear?: ReportingYear;
  /** The name problems give the ledger (default: the basename of a path, else "ledger.csv"). */
  readonly file?: string;
  /** The CSV's text encoding; by default it is detected. */
  readonly encoding?: CsvEncoding;
  /** The CSV's delimiter; by default it is detected from the header line. */
  readonly delimiter?: CsvDelimiter;
  /** Called with the bytes read so far (CSV), for a progress bar. */
  readonly onProgress?: (bytesRead: number) => void;
  /** The workbook checks' limits for an .xlsx ledger (size, parts, inflated bytes, merged cells). */
  readonly limits?: Partial<ImportLimits>;
}

/** More problems than this are summarised, so a file of garbage cannot fill memory with messages. */
const MAX_LINE_PROBLEMS = 1000;

/**
 * Sums a transaction-level ledger by spend category and price year (the calendar year of each payment's date)
 * as rows arrive: memory grows with the number of distinct codes, never with the number of lines. The first
 * record is the header; the lines after it are summed by `LedgerLines`, which is made only once the header has
 * given the columns. `aggregateSpendLedger` drives one from a file; drive one yourself to read rows from
 * elsewhere (a browser worker's parser, a database).
 * @example
 * const aggregator = new LedgerAggregator(mapping, 'spend.csv', { reportingYear: '2023/24' });
 * rows.forEach((fields, i) => aggregator.record(fields, i + 1)); // the header first, each row its cells' text
 * const ledger = aggregator.result();
 */
export class LedgerAggregator {
  private lines: LedgerLines | undefined;

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
    if (this.lines === undefined) {
      this.lines = new LedgerLines(this.mapping, this.file, this.options.reportingYear, readLedgerColumns(fields, this.mapping, this.file, this.options.priceYear));
    } else {
      this.lines.record(fields, line, malformedQuotes);
    }
  }

  /** The ledger summed, with its problems and the account of its lines: call it after the last row. An empty ledger is an `UnusableInputError`. */
  result(): LedgerResult {
    if (this.lines === undefined) throw new UnusableInputError(this.file, 'the ledger is empty');
    return this.lines.result();
  }
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

/** The lines below a ledger's header, summed as they arrive. */
class LedgerLines {
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
  /** null: not a date. */
  private readonly dates = new Map<string, CalendarDate | null>();
  private readonly outside = { sum: new ExactSum(), firstLine: 0 };
  private readonly suppliers = new SupplierSums();

  constructor(
    private readonly mapping: SpendMapping,
    private readonly file: string,
    private readonly reportingYear: ReportingYear | undefined,
    private readonly columns: LedgerColumns,
  ) {}

  record(fields: readonly string[], line: number, malformedQuotes?: { readonly toLine: number }): void {
    if (isBlank(fields)) return;
    this.lines++;
    if (malformedQuotes !== undefined) return this.rejectLine(line, 'malformed-quotes', malformedQuotesMessage(line, malformedQuotes.toLine));
    const { headings, key, amount: amountAt, priceYear, supplier } = this.columns;
    if (fields.length > headings.length && this.refusedBeyondHeader(fields, line)) return;
    const slot = this.slotOf(fields[key] ?? '');
    const amountText = fields[amountAt] ?? '';
    const dateText = priceYear.kind === 'dated' ? fields[priceYear.column] ?? '' : '';
    // A blank-coded line is a totals line only when its first field says so and it has no payment date: a
    // supplier such as "Total Gas & Power" (in the first column or further along) is spend like any other.
    if (slot.totals || (slot.code === '' && dateText.trim() === '' && TOTALS_LABEL.test(fields.find((f) => f.trim() !== '')?.trim() ?? ''))) {
      return this.skip('totals row');
    }
    if (slot.header && amountText.trim() === headings[amountAt]) return this.skip('repeated header');
    const amount = readAmount(amountText);
    if (amount.kind === 'not-a-number') return this.reject(line, amountAt, `Amount: ${amount.reason}`, amountText);
    let year: number;
    if (priceYear.kind === 'dated') {
      const paid = this.dateOf(dateText);
      if (paid === null) return this.reject(line, priceYear.column, `'${dateText}' is not a date (use 31/03/2024 or 2024-03-31)`, dateText, 'invalid-date');
      if (this.reportingYear !== undefined && financialYearOf(paid) !== this.reportingYear) {
        if (this.outside.sum.lines === 0) this.outside.firstLine = line;
        this.outside.sum.add(amount);
        return this.skip(`dated outside ${this.reportingYear}`);
      }
      year = paid.year;
    } else {
      year = priceYear.year;
    }
    if (isCredit(amount)) this.credits++;
    this.sumOf(slot, year, line).add(amount);
    if (supplier !== undefined) this.suppliers.sumOf(fields[supplier] ?? '').add(amount);
  }

  /** The sum a line of this code and year is added to: its spend category's, or its unmapped code's. */
  private sumOf(slot: CodeSlot, year: number, line: number): ExactSum {
    if (slot.target === undefined) {
      this.unmapped++;
      slot.unmapped ??= this.unmappedSum(slot.code, line);
      return slot.unmapped.sum;
    }
    this.mapped++;
    return this.spendSum(slot.target, year);
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
    const slot: CodeSlot = { code, totals: TOTALS_LABEL.test(code), header: code === this.columns.headings[this.columns.key], target, unmapped: undefined };
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
      this.problems.push({ severity: 'error', code, message: detach(message), origin: { file: this.file, line, column: this.columns.headings[index] ?? columnLetters(index) }, value: detach(value) });
    }
  }

  /**
   * A line with more cells than the header: an unquoted 1,234.56 is two cells, so the amount would read £1 and
   * the pence land under the next heading. Such a line is refused, naming the number, never costed misread.
   */
  private refusedBeyondHeader(fields: readonly string[], line: number): boolean {
    const { headings } = this.columns;
    const width = headings.length;
    const split = findSplitNumber(fields, fields.length - width);
    if (split !== undefined) {
      this.reject(line, split.start, `'${split.text}' is a number with thousands separators but not in quotes, so its commas cut it into ${split.cells} cells and the line would be misread: put it in quotes ("${split.text}") or write it without commas`, split.text, 'extra-cells');
      return true;
    }
    const beyond = fields.findIndex((f, i) => i >= width && f.trim() !== '');
    if (beyond === -1) return false;
    this.reject(line, beyond, `The line has ${fields.length} cells but the header has ${width}: this value is beyond the last heading (${headings[width - 1]}), so the cells may have shifted (a comma in a cell that is not in quotes?)`, fields[beyond] ?? '', 'extra-cells');
    return true;
  }

  private rejectLine(line: number, code: 'malformed-quotes', message: string): void {
    this.rejected++;
    if (++this.lineProblems <= MAX_LINE_PROBLEMS) this.problems.push({ severity: 'error', code, message, origin: { file: this.file, line } });
  }

  result(): LedgerResult {
    const problems = [...this.problems];
    if (this.lineProblems > MAX_LINE_PROBLEMS) {
      problems.push({ severity: 'error', code: 'invalid-number', message: `${this.lineProblems - MAX_LINE_PROBLEMS} further lines rejected like those above (only the first ${MAX_LINE_PROBLEMS} are listed)`, origin: { file: this.file } });
    }
    const unmapped = [...this.unmappedCodes.values()].map((u) => ({ code: u.code, total: u.sum.total(), lines: u.sum.lines, firstLine: u.firstLine })).sort((a, b) => b.total.comparedTo(a.total));
    problems.push(...unmappedProblems(unmapped, this.mapping, this.file, this.columns.headings[this.columns.key] ?? this.mapping.keyHeader));
    if (this.outside.sum.lines > 0) {
      const { priceYear } = this.columns;
      problems.push({
        severity: 'warning',
        code: 'outside-reporting-year',
        message: `${this.outside.sum.lines} line(s) totalling £${this.outside.sum.total().toFixed()} are dated outside ${this.reportingYear} (April to March) and were left out; the first is on this line`,
        origin: { file: this.file, line: this.outside.firstLine, column: (priceYear.kind === 'dated' ? this.columns.headings[priceYear.column] : undefined) ?? 'Date' },
      });
    }
    const { totals, problems: nettingProblems } = netCredits(
      this.sums.map((s) => ({ category: s.entry.category, spendCategory: s.entry.spendCategory, priceYear: s.year, total: s.sum.total(), lines: s.sum.lines, ...definedFields({ includesVatAt: s.entry.includesVatAt, supplierFactor: s.entry.supplierFactor }) })),
      this.file,
    );
    problems.push(...nettingProblems);
    return {
      profile: { ...emptyProfile(), ...definedFields({ reportingYear: this.reportingYear }) },
      totals,
      unmapped,
      problems,
      account: { lines: this.lines, mapped: this.mapped, unmapped: this.unmapped, rejected: this.rejected, skipped: this.skipped, credits: this.credits },
      largestSuppliers: this.suppliers.largest(),
      records: totals.filter((t) => !t.total.isNegative()).map((t) => spendRecord(t, this.file)),
    };
  }
}

function isBlank(fields: readonly string[]): boolean {
  for (const f of fields) if (f !== '' && f.trim() !== '') return false;
  return true;
}
