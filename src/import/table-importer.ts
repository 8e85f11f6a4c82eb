import { Decimal } from '../decimal.js';
import { TOTALS_LABEL } from './totals-label.js';
import { definedFields } from '../defined.js';
import { CATEGORIES, CATEGORY_IDS, type Category } from '../activity/categories.js';
import { DATA_QUALITY_TIERS, recordFromFields, reportingYearStart, type ActivityRecordInput, type DataQuality, type MarketInstrument, type RecordFields, type ReportingYear, type SupplierFactor } from '../activity/record.js';
import { isSourceError, parseSource } from '../activity/sources.js';
import type { Origin } from '../problem.js';
import { findSplitNumber } from '../tables/split-number.js';
import { columnLetters, type CellText, type SourceRow } from '../tables/table.js';
import type { Unit } from '../units/units.js';
import { isPreviewHeader } from './displayed-totals.js';
import type { CategoryGroup } from './groups.js';
import { readHeader, type ActivityField } from './headers.js';
import { isNumberReading, readNumber, type NumberReading } from './numbers.js';
import type { ImportProblem, ImportProblemCode, RowAccount } from './result.js';
import { sourceWithFuel } from './source-labels.js';
import { readSource, sourceFromHeaderName } from './source-text.js';
import { readUnit } from '../units/unit-text.js';
import { EXCEL_SERIAL, financialYearOf, readDate, readFinancialYear } from './years.js';

/** Where the rows come from, for origins, and what the sheet implies. */
export interface TableContext {
  readonly file: string;
  readonly sheet?: string;
  /** The template group the sheet belongs to: gives the default category. */
  readonly group?: CategoryGroup;
  /** The profile's year: dated rows outside it are problems; spend's default price year is its first year. */
  readonly reportingYear?: () => ReportingYear | undefined;
}

/** Sink for everything the importer produces, shared by all tables of one file. */
export interface ImportSink {
  record(record: ActivityRecordInput): void;
  problem(problem: ImportProblem): void;
  account(account: RowAccount): void;
}

/** A quantity column: the Quantity column (unit maybe in its header) or a source column such as "Gas (kWh)". */
interface QuantityColumn {
  readonly index: number;
  readonly header: string;
  readonly unit?: Unit;
  readonly source?: string;
}

interface Columns {
  readonly fields: ReadonlyMap<ActivityField, number>;
  readonly quantities: readonly QuantityColumn[];
  readonly headers: readonly string[];
  /** The template's preview formula columns: generated, recalculated on import, never read. */
  readonly previews: ReadonlySet<number>;
  /** Up to the last heading: a value further right belongs to no column. */
  readonly width: number;
}

/** A header must name a quantity and say what it is of (a Source column, or a source in the quantity header). */
function readColumns(row: SourceRow): Columns | undefined {
  const fields = new Map<ActivityField, number>();
  const quantities: QuantityColumn[] = [];
  const previews = new Set<number>();
  const headers = row.cells.map((c) => c.text.trim());
  headers.forEach((text, index) => {
    if (text === '') return;
    if (isPreviewHeader(text)) {
      previews.add(index);
      return;
    }
    const h = readHeader(text);
    if (h.field === 'quantity') quantities.push({ index, header: text, ...(h.unit !== undefined ? { unit: h.unit } : {}) });
    else if (h.field !== undefined && h.unit === undefined) {
      if (!fields.has(h.field)) fields.set(h.field, index);
    } else if (h.unit !== undefined) {
      const source = sourceFromHeaderName(h.name);
      if (source !== undefined) quantities.push({ index, header: text, unit: h.unit, source });
    }
  });
  const plain = quantities.filter((q) => q.source === undefined);
  if (plain.length > 1) quantities.splice(0, quantities.length, ...quantities.filter((q) => q !== plain[1]));
  const describedBySource = fields.has('source') || quantities.some((q) => q.source !== undefined);
  let width = headers.length;
  while (width > 0 && headers[width - 1] === '') width--;
  return quantities.length > 0 && describedBySource ? { fields, quantities, headers, previews, width } : undefined;
}

/** Non-blank rows searched for a header: far more notes than any table has above it. */
export const HEADER_SEARCH_ROWS = 1000;

const NOTE = /^(notes?|n\.?b\.?|source|sources|\*)(\b|:)/i;

/**
 * Turns the rows of one table (a sheet, or the body of a CSV) into activity records, problems and an account
 * of every non-blank row. Push-based (`row`, then `end`) so a streamed file is never held whole. Rows before
 * the header go to `preamble` (the About lines of a CSV, or a sheet's title and instructions).
 */
export class TableImporter {
  private columns: Columns | undefined;
  private readonly before: SourceRow[] = [];
  private readonly seenIds = new Set<string>();
  private readonly sums = new RunningSums();
  /** Columns without a heading already reported as holding values. */
  private readonly unheaded = new Set<number>();
  private readonly reads = new Map<ActivityField, Map<string, unknown>>();

  constructor(
    private readonly context: TableContext,
    private readonly sink: ImportSink,
    private readonly preamble: (row: SourceRow) => RowAccount,
  ) {}

  get headerFound(): boolean {
    return this.columns !== undefined;
  }

  row(input: SourceRow): void {
    const row = this.columns === undefined ? input : withoutPreviews(input, this.columns.previews);
    if (isBlank(row)) {
      if (!isBlank(input)) this.sink.account({ origin: this.rowOrigin(row), outcome: 'skipped', records: 0, problems: 0, reason: 'template preview formulas only' });
      return;
    }
    if (row.malformedQuotes !== undefined) {
      this.sink.problem({ severity: 'error', code: 'malformed-quotes', message: malformedQuotesMessage(row.line, row.malformedQuotes.toLine), origin: this.rowOrigin(row) });
      this.sink.account({ origin: this.rowOrigin(row), outcome: 'problem', records: 0, problems: 1 });
      return;
    }
    if (this.columns === undefined) {
      // Looked for through a long preamble of notes (#11: a header on row 42), but not through a whole sheet: a
      // sheet with no header would otherwise be held whole (20 million cells exhausted memory). Past the limit
      // the rows are kept by line number only, to be listed as skipped.
      const columns = this.before.length < HEADER_SEARCH_ROWS ? readColumns(row) : undefined;
      if (columns === undefined) {
        this.before.push(this.before.length < HEADER_SEARCH_ROWS ? row : { line: row.line, cells: [] });
        return;
      }
      this.columns = columns;
      for (const r of this.before.splice(0)) this.sink.account(this.preamble(r));
      this.sink.account({ origin: this.rowOrigin(row), outcome: 'skipped', records: 0, problems: 0, reason: 'column headers' });
      this.reportIgnoredColumns(row, columns);
      return;
    }
    this.dataRow(row, this.columns);
  }

  /** Without a header, the rows held back are returned for the caller to account for. */
  end(): SourceRow[] {
    return this.columns === undefined ? this.before.splice(0) : [];
  }

  private reportIgnoredColumns(row: SourceRow, columns: Columns): void {
    const used = new Set([...columns.fields.values(), ...columns.quantities.map((q) => q.index), ...columns.previews]);
    columns.headers.forEach((h, i) => {
      if (h === '' || used.has(i) || row.cells[i]?.merge === 'across') return;
      const reason = readHeader(h).field !== undefined ? 'a second column for the same field' : 'a column heading not recognised';
      this.sink.problem({ severity: 'warning', code: 'ignored-column', message: `Column ignored: ${reason}; its values are not imported`, origin: this.cellOrigin(row.line, i, columns), value: h });
    });
  }

  private rowOrigin(row: SourceRow): Origin {
    const { file, sheet } = this.context;
    // Two literals rather than a spread: one of these is built for every row.
    return sheet !== undefined ? { file, sheet, line: row.line } : { file, line: row.line };
  }

  private cellOrigin(line: number, index: number, columns: Columns | undefined): Origin {
    const { file, sheet } = this.context;
    if (sheet !== undefined) return { file, sheet, cell: `${columnLetters(index)}${line}`, line };
    return { file, line, column: columns?.headers[index] || columnLetters(index) };
  }

  private dataRow(row: SourceRow, columns: Columns): void {
    const cells = row.cells.map((c) => (c.merge === 'across' ? { text: '' } : c));
    const quantityCells = columns.quantities.map((q) => cells[q.index] ?? { text: '' });
    // Each quantity cell is read as a number once, for the running sums and for its record.
    const readings = quantityCells.map(readingOf);
    const skip = (reason: string) => this.sink.account({ origin: this.rowOrigin(row), outcome: 'skipped', records: 0, problems: 0, reason });
    // A totals row is labelled in its first cell ("Total", "Sub-total: gas") and its figures are the sum of the
    // rows above; a site that merely begins with "Total" ("Total Fitness Gym") is data, even in the first cell.
    // Either way a warning names the cell, never silent.
    const first = cells.findIndex((c) => c.text.trim() !== '');
    const label = first === -1 || columns.quantities.some((q) => q.index === first) ? undefined : cells[first]!.text.trim();
    if (label !== undefined && TOTALS_LABEL.test(label)) {
      const origin = this.cellOrigin(row.line, first, columns);
      if (this.sums.isTotal(quantityCells, readings)) {
        this.sums.closeGroup();
        this.sink.problem({ severity: 'warning', code: 'totals-row', origin, value: label, message: 'Row skipped as a totals row: its figures are the sum of the rows above, which are counted on their own' });
        return skip('totals row');
      }
      this.sink.problem({ severity: 'warning', code: 'totals-label', origin, value: label, message: 'The row is labelled like a total, but its figures are not the sum of the rows above, so it was imported as data; delete it if it is a total' });
    }
    this.sums.add(readings);
    const filled = cells.filter((c) => c.text.trim() !== '' || c.formulaWithoutValue === true);
    const noQuantity = quantityCells.every((c) => c.text.trim() === '' && c.formulaWithoutValue !== true && c.merge === undefined);
    if (noQuantity && (filled.length === 1 || NOTE.test(filled[0]?.text.trim() ?? ''))) return skip('notes row');
    if (this.refusedBeyondHeader(row, cells, columns)) return;
    this.reportUnheaded(row, cells, columns);
    new RowReader(this, row, cells, columns, readings).read();
  }

  /**
   * A value right of the last heading belongs to no column. In a CSV it means the cells have shifted (an unquoted
   * 1,184,230 is three cells, so the Quantity reads 1); in a workbook it is data no heading says the meaning of.
   * Either way the row is refused, naming the cell, rather than read without it.
   */
  private refusedBeyondHeader(row: SourceRow, cells: readonly CellText[], columns: Columns): boolean {
    const at = cells.findIndex((c, i) => i >= columns.width && isFilled(c));
    const csv = this.context.sheet === undefined;
    // The cells a split number pushes past the header may be blank ones from the end of the line.
    const split = csv ? findSplitNumber(cells.map((c) => c.text), row.cells.length - columns.headers.length) : undefined;
    if (at === -1 && split === undefined) return false;
    const last = columns.headers[columns.width - 1]!;
    const problem: ImportProblem = split !== undefined
      ? {
          severity: 'error', code: 'extra-cells', origin: this.cellOrigin(row.line, split.start, columns), value: split.text,
          message: `'${split.text}' is a number with thousands separators but not in quotes, so its commas cut it into ${split.cells} cells and every cell after it is under the wrong heading: put it in quotes ("${split.text}") or write it without commas; the row was not imported`,
        }
      : {
          severity: 'error', code: 'extra-cells', origin: this.cellOrigin(row.line, at, columns), value: cells[at]!.text.trim(),
          message: csv
            ? `The line has ${row.cells.length} cells but the header has ${columns.headers.length}: this value is beyond the last heading (${last}), so the cells may have shifted (a comma in a cell that is not in quotes?); the row was not imported`
            : `A value right of the last heading (${last}, column ${columnLetters(columns.width - 1)}) belongs to no column: give the column a heading, or move or delete the value; the row was not imported`,
        };
    this.sink.problem(problem);
    this.sink.account({ origin: this.rowOrigin(row), outcome: 'problem', records: 0, problems: 1 });
    return true;
  }

  /** A column with values but no heading between headed ones is reported once, like a heading not recognised. */
  private reportUnheaded(row: SourceRow, cells: readonly CellText[], columns: Columns): void {
    cells.forEach((c, i) => {
      if (i >= columns.width || columns.headers[i] !== '' || !isFilled(c) || this.unheaded.has(i)) return;
      this.unheaded.add(i);
      this.sink.problem({ severity: 'warning', code: 'ignored-column', message: 'Column ignored: it has values but no heading (this is the first); give it a heading such as Site or Notes', origin: this.cellOrigin(row.line, i, columns), value: c.text.trim() });
    });
  }

  /** Used by RowReader. */
  emit(row: SourceRow, records: ActivityRecordInput[], problems: ImportProblem[]): void {
    for (const p of problems) this.sink.problem(p);
    for (const r of records) {
      if (r.id !== undefined) {
        if (this.seenIds.has(r.id)) this.sink.problem({ severity: 'warning', code: 'duplicate-id', message: 'This reference is used by an earlier row too', origin: this.rowOrigin(row), value: r.id });
        this.seenIds.add(r.id);
      }
      this.sink.record(r);
    }
    let rejected = 0;
    for (const p of problems) if (p.severity === 'error') rejected++;
    this.sink.account({ origin: this.rowOrigin(row), outcome: records.length > 0 ? 'record' : 'problem', records: records.length, problems: rejected });
  }

  origin(line: number, index: number): Origin {
    return this.cellOrigin(line, index, this.columns);
  }

  /**
   * What each text of a column whose reading depends on the text alone read as, for RowReader: a column holds a
   * few distinct values (kWh, buildings, metered) down 100,000 rows, each read alike every time.
   */
  readsOf(field: ActivityField): Map<string, unknown> | undefined {
    if (!TEXT_ONLY_FIELDS.has(field)) return undefined;
    let reads = this.reads.get(field);
    if (reads === undefined) this.reads.set(field, (reads = new Map()));
    return reads;
  }

  get tableContext(): TableContext {
    return this.context;
  }
}

/** The row with the template's preview cells blanked: their formulas are the template's, not the council's data. */
function withoutPreviews(row: SourceRow, previews: ReadonlySet<number>): SourceRow {
  return previews.size === 0 ? row : { ...row, cells: row.cells.map((c, i) => (previews.has(i) ? { text: '' } : c)) };
}

/**
 * The sums of each quantity column, since the table began and since the last totals row, that tell a totals row
 * from data labelled "Total…": its every figure is one of those sums (to within rounding: 0.5, or 0.1% for large
 * figures, as totals are often shown rounded). A sum is taken of every number in the column, as SUM does, and of
 * the quantities the import keeps (no negatives). A totals row with no figure, or one that cannot be read (a
 * formula without a saved result), is taken as labelled.
 */
class RunningSums {
  private since: ColumnSums[] = [];
  /** The sums of the groups before the last totals row: the sums since the table began are these and `since`. */
  private before: (ColumnSums | undefined)[] = [];

  add(readings: readonly (NumberReading | undefined)[]): void {
    for (let i = 0; i < readings.length; i++) {
      const reading = readings[i];
      if (reading !== undefined && isNumberReading(reading)) (this.since[i] ??= new ColumnSums()).add(reading.value);
    }
  }

  isTotal(cells: readonly CellText[], readings: readonly (NumberReading | undefined)[]): boolean {
    return cells.every((cell, i) => {
      if (cell.formulaWithoutValue === true || cell.text.trim() === '') return true;
      const reading = readings[i];
      const n = reading !== undefined && isNumberReading(reading) ? reading.value : undefined;
      // Nothing summed yet in the column: nothing for the figure to be the total of, so the row is data.
      const sums = [this.since[i], this.all(i)].flatMap((s) => (s === undefined ? [] : [s.signed, s.kept]));
      return n !== undefined && sums.some((sum) => n.sub(sum).abs().lte(Decimal.max(HALF, sum.abs().mul(ROUNDING_SHARE))));
    });
  }

  closeGroup(): void {
    this.before = Array.from({ length: Math.max(this.before.length, this.since.length) }, (_, i) => this.all(i));
    this.since = [];
  }

  private all(i: number): ColumnSums | undefined {
    const [before, since] = [this.before[i], this.since[i]];
    return before === undefined || since === undefined ? (before ?? since) : before.plus(since);
  }
}

/** One column's sums: of every number, and of those the import keeps (no negatives). */
class ColumnSums {
  constructor(
    public signed = ZERO,
    public kept = ZERO,
  ) {}

  add(n: Decimal): void {
    // Until a negative comes, both sums are of the same numbers in the same order: one addition makes both.
    const same = this.kept === this.signed;
    this.signed = this.signed.add(n);
    if (!n.isNegative()) this.kept = same ? this.signed : this.kept.add(n);
  }

  plus(other: ColumnSums): ColumnSums {
    return new ColumnSums(this.signed.add(other.signed), this.kept.add(other.kept));
  }
}

const ZERO = new Decimal(0);
const HALF = new Decimal('0.5');
const ROUNDING_SHARE = new Decimal('0.001');

/** A quantity cell read as a number, or undefined for a blank, an error or a formula without a saved result. */
function readingOf(cell: CellText): NumberReading | undefined {
  return cell.error === true || cell.formulaWithoutValue === true || cell.text.trim() === '' ? undefined : readNumber(cell.text);
}

function isBlank(row: SourceRow): boolean {
  return row.cells.every((c) => !isFilled(c));
}

function isFilled(cell: CellText): boolean {
  return cell.text.trim() !== '' || cell.formulaWithoutValue === true;
}

type Read<T> = { readonly ok: true; readonly value: T | undefined } | { readonly ok: false };
/** Columns read by their text alone (see `TableImporter.readsOf`), and how many distinct texts of each are kept. */
const TEXT_ONLY_FIELDS: ReadonlySet<ActivityField> = new Set(['unit', 'category', 'dataQuality', 'reportingYear', 'date', 'priceYear', 'scope3Category']);
const READS_KEPT = 1000;
/** A field with no column, or a blank cell: one shared answer, as most of a row's fields are absent. */
const ABSENT: Read<never> = Object.freeze({ ok: true, value: undefined });
/** A parse of a cell's text: its value, or why it is not one. */
type Parsed<T> = { readonly value: T } | { readonly reason: string };
const found = <T>(value: T | undefined, reason: string): Parsed<T> => (value !== undefined ? { value } : { reason });

/** One data row: reads its common fields once, then one record per non-blank quantity cell. */
class RowReader {
  private readonly problems: ImportProblem[] = [];

  constructor(
    private readonly table: TableImporter,
    private readonly row: SourceRow,
    private readonly cells: readonly CellText[],
    private readonly columns: Columns,
    /** Each quantity column's cell read as a number (`readingOf`). */
    private readonly readings: readonly (NumberReading | undefined)[],
  ) {}

  read(): void {
    const common = this.common();
    const records: ActivityRecordInput[] = [];
    const filledQuantities = this.columns.quantities.filter((q) => {
      const c = this.cells[q.index];
      return c !== undefined && (c.text.trim() !== '' || c.formulaWithoutValue === true);
    });
    if (filledQuantities.length === 0) {
      const q = this.columns.quantities[0]!;
      this.fail('missing-value', q.index, `No ${q.header} on a row that has other values`);
    }
    for (const q of filledQuantities) {
      const record = common === undefined ? undefined : this.quantityRecord(common, q, this.readings[this.columns.quantities.indexOf(q)]);
      if (record !== undefined) records.push(record);
    }
    this.table.emit(this.row, records, this.problems);
  }

  private fail(code: ImportProblemCode, index: number, message: string, value?: string, severity: 'error' | 'warning' = 'error'): void {
    this.problems.push({ severity, code, message, origin: this.table.origin(this.row.line, index), ...(value !== undefined ? { value } : {}) });
  }

  /** A cell's text, or a problem for an error cell or a formula without a saved result. */
  private text(field: ActivityField): Read<string> {
    const index = this.columns.fields.get(field);
    if (index === undefined) return ABSENT;
    return this.cellText(index);
  }

  private cellText(index: number): Read<string> {
    const cell = this.cells[index];
    if (cell === undefined) return ABSENT;
    if (cell.error === true) {
      this.fail('error-cell', index, `The cell holds the spreadsheet error ${cell.text}`, cell.text);
      return { ok: false };
    }
    if (cell.formulaWithoutValue === true) {
      this.fail('formula-without-value', index, 'The cell holds a formula with no saved result: open and save the file in Excel or LibreOffice so results are stored');
      return { ok: false };
    }
    const t = cell.text.trim();
    return t === '' ? ABSENT : { ok: true, value: t };
  }

  /** Reads `field` through `parse`; a parse failure is a problem with the given code. */
  private parsed<T>(field: ActivityField, code: ImportProblemCode, parse: (t: string) => Parsed<T>): Read<T> {
    const t = this.text(field);
    if (!t.ok || t.value === undefined) return t.ok ? ABSENT : t;
    const memo = this.table.readsOf(field);
    let outcome = memo?.get(t.value) as Read<T> | { readonly reason: string } | undefined;
    if (outcome === undefined) {
      const result = parse(t.value);
      outcome = 'reason' in result ? result : { ok: true, value: result.value };
      if (memo !== undefined && memo.size < READS_KEPT) memo.set(t.value, outcome);
    }
    if ('reason' in outcome) {
      this.fail(code, this.columns.fields.get(field)!, outcome.reason, t.value);
      return { ok: false };
    }
    return outcome;
  }

  private common(): Omit<ActivityRecordInput, 'quantity' | 'unit' | 'source'> & { source?: string; unit?: Unit } | undefined {
    const { group, reportingYear } = this.table.tableContext;
    const id = this.text('id');
    const site = this.text('site');
    const notes = this.text('notes');
    const source = this.source();
    const unit = this.parsed('unit', 'unknown-unit', readUnitCell);
    const category = this.parsed('category', 'unknown-category', readCategory);
    const dataQuality = this.parsed('dataQuality', 'unknown-quality', readQuality);
    const year = this.parsed('reportingYear', 'invalid-year', readYearCell);
    const date = this.parsed('date', 'invalid-date', readDateCell);
    const priceYear = this.parsed('priceYear', 'invalid-year', readPriceYear);
    const scope3Category = this.parsed('scope3Category', 'invalid-scope3-category', readScope3Category);
    const market = this.market();
    const supplierFactor = this.supplierFactor();
    const includesVatAt = this.parsed('includesVatAt', 'invalid-number', readVatRate);
    const returnToSewer = this.parsed('returnToSewer', 'invalid-number', readReturnShare);
    const reads = [id, site, notes, source, unit, category, dataQuality, year, date, priceYear, scope3Category, market, supplierFactor, includesVatAt, returnToSewer];
    if (reads.some((r) => !r.ok)) return undefined;
    const value = <T>(r: Read<T>) => (r.ok ? r.value : undefined);

    const expected = reportingYear?.();
    for (const [field, stated] of [['reportingYear', value(year)], ['date', value(date)]] as const) {
      if (stated !== undefined && expected !== undefined && stated !== expected) {
        this.fail('outside-reporting-year', this.columns.fields.get(field)!, `Falls in ${stated}, outside the reporting year ${expected} on the About sheet`, this.text(field).ok ? (this.cells[this.columns.fields.get(field)!]?.text ?? '') : '');
        return undefined;
      }
    }
    const chosenCategory = value(category) ?? (group === undefined ? undefined : defaultCategory(group, value(source)));
    if (chosenCategory === undefined) {
      this.fail('missing-value', this.columns.fields.get('category') ?? 0, `No category: give one of ${CATEGORY_IDS.join(', ')}`);
      return undefined;
    }
    const isSpend = (value(source) ?? '').startsWith('spend:');
    const defaultPriceYear = isSpend && expected !== undefined ? reportingYearStart(expected) : undefined;
    const chosenPriceYear = value(priceYear) ?? defaultPriceYear;
    const optional = {
      id: value(id),
      site: value(site),
      notes: value(notes),
      source: value(source),
      unit: value(unit),
      dataQuality: value(dataQuality),
      reportingYear: value(year),
      priceYear: chosenPriceYear,
      scope3Category: value(scope3Category),
      market: value(market),
      supplierFactor: value(supplierFactor),
      includesVatAt: value(includesVatAt),
      returnToSewer: value(returnToSewer),
    };
    return { category: chosenCategory, ...definedFields(optional) } as never;
  }

  /** The Source cell's source; with a vehicle's fuel in a column of its own (the template's vehicle sheets), the pair's. */
  private source(): Read<string> {
    const named = this.text('source');
    if (!named.ok) return named;
    const paired = this.parsed('vehicleFuel', 'unknown-source', (fuel) => sourceWithFuel(named.value, fuel));
    return paired.ok && paired.value === undefined ? { ok: true, value: named.value === undefined ? undefined : readSource(named.value) } : paired;
  }

  private market(): Read<MarketInstrument> {
    const kind = this.parsed('market', 'unknown-market-instrument', readMarketKind);
    const evidence = this.text('marketEvidence');
    if (!kind.ok || !evidence.ok) return { ok: false };
    const factorIndex = this.columns.fields.get('marketFactor');
    const factorGiven = factorIndex !== undefined && (this.cells[factorIndex]?.text.trim() ?? '') !== '';
    if (kind.value === undefined && !factorGiven) return { ok: true, value: undefined };
    if (kind.value === 'renewable-backed') {
      if (factorGiven) this.fail('market-conflict', factorIndex, 'A renewable-backed tariff counts as zero: the supplier factor beside it is not used', this.cells[factorIndex]!.text, 'warning');
      return { ok: true, value: { type: 'renewable-backed', ...(evidence.value !== undefined ? { evidence: evidence.value } : {}) } };
    }
    if (kind.value === undefined) this.fail('unknown-market-instrument', factorIndex!, 'A supplier factor without a market instrument is read as a supplier-specific tariff', this.cells[factorIndex!]!.text, 'warning');
    const factor = this.parsed('marketFactor', 'invalid-number', (t) => {
      const n = readNumber(t);
      return isNumberReading(n) ? (n.value.isNegative() ? { reason: `'${t}' is negative` } : n) : n;
    });
    if (!factor.ok) return factor;
    if (factor.value === undefined) {
      this.fail('missing-value', this.columns.fields.get('marketFactor') ?? this.columns.fields.get('market')!, 'A supplier-specific tariff needs the supplier factor in kgCO2e per kWh');
      return { ok: false };
    }
    return { ok: true, value: { type: 'supplier-specific', kgCO2ePerKWh: factor.value, ...(evidence.value !== undefined ? { supplier: evidence.value } : {}) } };
  }

  /** A supplier's own kgCO2e per £ needs the supplier and its evidence beside it, or it is not used. */
  private supplierFactor(): Read<SupplierFactor> {
    const supplier = this.text('supplier');
    const evidence = this.text('supplierEvidence');
    const factor = this.parsed('supplierFactor', 'invalid-number', (t) => {
      const n = readNumber(t);
      return isNumberReading(n) ? (n.value.isNegative() ? { reason: `'${t}' is negative` } : n) : n;
    });
    if (!supplier.ok || !evidence.ok || !factor.ok) return { ok: false };
    if (factor.value === undefined) return { ok: true, value: undefined };
    const at = this.columns.fields.get('supplierFactor')!;
    if (supplier.value === undefined || evidence.value === undefined) {
      this.fail('missing-value', at, `A supplier factor needs the supplier and its evidence (${[supplier.value === undefined ? 'Supplier' : '', evidence.value === undefined ? 'Supplier evidence' : ''].filter((x) => x !== '').join(' and ')} missing)`, this.cells[at]?.text ?? '');
      return { ok: false };
    }
    return { ok: true, value: { kgCO2ePerGBP: factor.value, supplier: supplier.value, evidence: evidence.value } };
  }

  private quantityRecord(common: Omit<ActivityRecordInput, 'quantity' | 'unit' | 'source'> & { source?: string; unit?: Unit }, q: QuantityColumn, reading: NumberReading | undefined): ActivityRecordInput | undefined {
    const cell = this.cells[q.index]!;
    if (cell.merge === 'down') {
      this.fail('merged-quantity', q.index, 'The quantity is a merged cell spanning rows: it is counted once, on the first row of the merge, so give this row its own quantity');
      return undefined;
    }
    const text = this.cellText(q.index);
    if (!text.ok || text.value === undefined) return undefined;
    const n = reading ?? readNumber(text.value);
    if (!isNumberReading(n)) {
      this.fail('invalid-number', q.index, `${q.header}: ${n.reason}`, text.value);
      return undefined;
    }
    if (n.value.isNegative()) {
      this.fail('negative-quantity', q.index, `${q.header} is negative; activity quantities cannot be below zero (enter credits and corrections net)`, text.value);
      return undefined;
    }
    const unitIndex = this.columns.fields.get('unit');
    if (common.unit !== undefined && q.unit !== undefined && common.unit !== q.unit) {
      this.fail('unit-conflict', unitIndex!, `The Unit cell says ${common.unit} but the column heading '${q.header}' says ${q.unit}`, common.unit);
      return undefined;
    }
    const unit = common.unit ?? q.unit;
    const source = q.source ?? common.source;
    if (unit === undefined) {
      this.fail('missing-value', unitIndex ?? q.index, 'No unit: fill the Unit column or put the unit in the heading, e.g. "Quantity (kWh)"');
      return undefined;
    }
    if (source === undefined) {
      this.fail('missing-value', this.columns.fields.get('source') ?? q.index, 'No source (what was consumed, e.g. natural-gas, electricity, diesel)');
      return undefined;
    }
    const origin = this.table.origin(this.row.line, q.index);
    const id = common.id !== undefined && q.source !== undefined && this.columns.quantities.length > 1 ? `${common.id}-${q.source}` : common.id;
    // Each cell was read into its type above, so the record is checked as typed fields, not parsed again; the
    // record it gives is frozen, and the calculation takes it as it is. Object.assign, not a spread of `common`
    // followed by fields: V8 gave every record built that way a hidden class of its own (some 300 bytes each).
    // The quantity is copied to a Decimal of its own digits: parsing leaves spare room in its digit array.
    const quantity = new Decimal(n.value);
    const checked = recordFromFields(Object.assign({}, common, id !== undefined ? { id, source, quantity, unit, origin } : { source, quantity, unit, origin }) as RecordFields);
    if ('problem' in checked) {
      const p = checked.problem;
      const index = this.problemColumn(p.code, q);
      this.problems.push({ severity: p.severity, code: p.code, message: p.message, origin: this.table.origin(this.row.line, index), ...(p.value !== undefined ? { value: p.value } : {}) });
      return undefined;
    }
    return checked.record;
  }

  private problemColumn(code: string, q: QuantityColumn): number {
    const f = this.columns.fields;
    switch (code) {
      case 'unknown-source':
        return q.source !== undefined ? q.index : (f.get('source') ?? q.index);
      case 'unit-not-allowed':
        return f.get('unit') ?? q.index;
      case 'category-not-allowed':
        return f.get('category') ?? f.get('source') ?? q.index;
      case 'missing-price-year':
        return f.get('priceYear') ?? q.index;
      default:
        return q.index;
    }
  }
}

const categoryByText = new Map<string, Category>(
  CATEGORY_IDS.flatMap((c) => [[c, c], [CATEGORIES[c].toLowerCase(), c], [c.replace(/-/g, ' '), c]] as const),
);

function readCategory(text: string): Parsed<Category> {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return found(categoryByText.get(t) ?? categoryByText.get(t.replace(/ /g, '-')), `'${text}' is not a reporting category; use one of ${CATEGORY_IDS.join(', ')}`);
}

const QUALITY_SYNONYMS: Record<string, DataQuality> = {
  metered: 'metered', meter: 'metered', 'meter reading': 'metered', actual: 'metered', measured: 'metered', a: 'metered', hh: 'metered', 'half-hourly': 'metered',
  invoiced: 'invoiced', invoice: 'invoiced', bill: 'invoiced', billed: 'invoiced', 'fuel card': 'invoiced',
  estimated: 'estimated', estimate: 'estimated', est: 'estimated', e: 'estimated', modelled: 'estimated', survey: 'estimated',
  'spend-based': 'spend-based', 'spend based': 'spend-based', spend: 'spend-based',
};

function readQuality(text: string): Parsed<DataQuality> {
  return found(QUALITY_SYNONYMS[text.trim().toLowerCase()], `'${text}' is not a data quality; use one of ${DATA_QUALITY_TIERS.join(', ')}`);
}

function readMarketKind(text: string): Parsed<MarketInstrument['type']> {
  const t = text.trim().toLowerCase();
  if (['renewable-backed', 'renewable', 'rego', 'rego-backed', 'green tariff', 'ppa'].includes(t)) return { value: 'renewable-backed' };
  if (['supplier-specific', 'supplier', 'supplier specific', 'fuel mix', 'fuel mix disclosure'].includes(t)) return { value: 'supplier-specific' };
  return { reason: `'${text}' is not a market instrument; use renewable-backed or supplier-specific` };
}

// The readers of a row's cells, defined once rather than as closures built for every row.
const readUnitCell = (t: string) => found(readUnit(t), `'${t}' is not a unit this library knows (e.g. kWh, litre, m3, tonne, km, passenger.km, GBP)`);
const readYearCell = (t: string) => found(readFinancialYear(t) ?? dateYear(t), `'${t}' is not a financial year such as 2023/24`);

function readDateCell(t: string): Parsed<ReportingYear> {
  const d = readDate(t);
  return found(d === undefined ? undefined : financialYearOf(d), `'${t}' is not a date (use 31/03/2024 or 2024-03-31)`);
}

function readScope3Category(t: string): Parsed<number> {
  const n = /^(?:category\s*)?(\d{1,2})\b/i.exec(t);
  return found(n !== null && Number(n[1]) >= 1 && Number(n[1]) <= 15 ? Number(n[1]) : undefined, `'${t}' is not a scope 3 category number from 1 to 15`);
}

function readVatRate(t: string): NumberReading {
  const n = readNumber(t.replace(/%$/, ''));
  return isNumberReading(n) ? (n.value.isNegative() || n.value.gte(100) ? { reason: `'${t}' is not a VAT rate in per cent (e.g. 20)` } : n) : n;
}

function readReturnShare(t: string): NumberReading {
  const n = readNumber(t.replace(/%$/, ''));
  return isNumberReading(n) ? (n.value.isNegative() || n.value.gt(100) ? { reason: `'${t}' is not a share in per cent (e.g. 95)` } : n) : n;
}

function readPriceYear(text: string): Parsed<number> {
  const t = text.trim();
  if (/^\d{4}$/.test(t) && Number(t) >= 1990 && Number(t) <= 2100) return { value: Number(t) };
  const d = readDate(t);
  return found(d !== undefined && !EXCEL_SERIAL.test(t) ? d.year : undefined, `'${text}' is not a price year such as 2023`);
}

function dateYear(text: string): ReportingYear | undefined {
  const d = readDate(text);
  return d === undefined || EXCEL_SERIAL.test(text.trim()) ? undefined : financialYearOf(d);
}

/** A row with no Category on a sheet of several ("Waste and water"): the sheet's category its source belongs to. */
function defaultCategory(group: CategoryGroup, source: string | undefined): Category | undefined {
  const parsed = source === undefined ? undefined : parseSource(source);
  const allowed = parsed === undefined || isSourceError(parsed) ? [] : parsed.family.categories;
  return group.categories.find((c) => allowed.includes(c)) ?? group.categories[0];
}

/** A CSV record whose quotes do not pair up: what happened, and how to write such a cell. */
export function malformedQuotesMessage(line: number, toLine: number): string {
  const span = toLine > line ? `lines ${line} to ${toLine} were read as one row and not imported` : 'the row was not imported';
  return `A quote on this line does not close where its cell ends (e.g. "Estimated" from bills), so ${span}: put the whole cell in quotes and double the quotes inside it ("""Estimated"" from bills"), or remove them`;
}
