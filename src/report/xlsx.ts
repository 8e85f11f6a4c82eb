import ExcelJS from 'exceljs';
import { Decimal } from '../decimal.js';
import { roundHalfEven, sharePercent } from '../inventory/present.js';
import type { Inventory } from '../inventory/types.js';
import { formatOrigin } from '../problem.js';
import { ROUNDING_RULE, roundedKilograms, roundedTonnes } from './format.js';
import { LINE_COLUMNS } from './line-columns.js';
import { BOUNDARY_NOTES, METHOD_NOTES, SPEND_EXPLANATION, vatAndPriceNote } from './notes.js';
import { neutraliseCell } from './spreadsheet-safety.js';
import { withCharts, type ChartSpec } from './xlsx-charts.js';
import { MEMO_LABELS, summarise, type ReportSummary } from './summary.js';

/**
 * How a column is written. Emissions are numeric cells given twice: tCO2e rounded by the stated rule (what people read
 * and quote) and kgCO2e to the gram (for anyone re-adding them). Every total is a value, never a formula, equal to the
 * inventory's own total rounded the same way.
 */
export const XLSX_ROUNDING_RULE =
  `${ROUNDING_RULE} In this workbook tCO2e cells hold that rounded value; kgCO2e cells are rounded to the gram ` +
  '(0.001 kgCO2e, half to even); shares to 0.1%; quantities and factors are as published or entered.';

type Kind = 'text' | 'tCO2e' | 'kgCO2e' | 'kWh' | 'share' | 'decimal' | 'count' | 'GBP';
type Value = string | number | Decimal | undefined;
interface Column {
  readonly header: string;
  readonly kind: Kind;
  readonly width?: number;
}

const NUMBER_FORMATS: Partial<Record<Kind, string>> = { tCO2e: '#,##0.0', kgCO2e: '#,##0.000', share: '0.0%', count: '#,##0', kWh: '#,##0.###', GBP: '£#,##0.00' };

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };

/** The workbook for finance and CDP-ICLEI returns, as .xlsx bytes. Every text cell is neutralised. */
export async function renderXlsx(inventory: Inventory): Promise<Uint8Array> {
  const summary = summarise(inventory);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'council-ghg';
  workbook.title = summary.title;
  summarySheet(workbook, inventory, summary);
  const charts = [...byScopeSheet(workbook, summary), ...byCategorySheet(workbook, summary)];
  procurementSheet(workbook, summary);
  linesSheet(workbook, inventory);
  memoAndProblemsSheet(workbook, inventory);
  aboutSheet(workbook, inventory);
  // Bytes, not a Node Buffer, so the same report can be written by Node or downloaded in a browser.
  return withCharts(new Uint8Array(await workbook.xlsx.writeBuffer()), charts);
}

/** A sheet written top to bottom: titles, notes and tables. */
class SheetWriter {
  private row = 1;
  constructor(readonly sheet: ExcelJS.Worksheet) {
    // Printed one page wide, as many pages tall as it needs.
    sheet.pageSetup = { ...sheet.pageSetup, paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  }

  title(text: string): this {
    const cell = this.sheet.getCell(this.row++, 1);
    cell.value = neutraliseCell(text);
    cell.font = { bold: true, size: 14 };
    return this;
  }

  /** A sentence or paragraph across the sheet's columns, wrapped, with a row tall enough to show it all. */
  note(text: string): this {
    const span = Math.max(1, this.columnWidths.length);
    const cell = this.sheet.getCell(this.row, 1);
    cell.value = neutraliseCell(text);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (span > 1) this.sheet.mergeCells(this.row, 1, this.row, span);
    // Excel does not grow a merged cell's row to fit: about one character per unit of column width.
    const perLine = Math.max(20, this.columnWidths.reduce((a, b) => a + b, 0));
    this.sheet.getRow(this.row).height = 15 * Math.max(1, Math.ceil(text.length / perLine));
    this.row++;
    return this;
  }

  /** Label / value pairs, e.g. "Factor set" / "desnz-2023". */
  facts(pairs: readonly (readonly [string, Value, Kind?])[]): this {
    for (const [label, value, kind = 'text'] of pairs) {
      this.sheet.getCell(this.row, 1).value = neutraliseCell(label);
      this.sheet.getCell(this.row, 1).font = { bold: true };
      write(this.sheet.getCell(this.row++, 2), value, kind);
    }
    return this.gap();
  }

  /**
   * A table: header, rows, then any totals in bold. Given a name, its rows are also an Excel Table of that name
   * (the totals below it, outside), so pivot tables and Power BI read them by column name.
   */
  table(columns: readonly Column[], rows: readonly (readonly Value[])[], totals: readonly (readonly Value[])[] = [], name?: string): this {
    columns.forEach((c, i) => {
      const cell = this.sheet.getCell(this.row, i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
    // A wrapped header needs a taller row, or LibreOffice draws its second line over the first row of data.
    const lines = Math.max(1, ...columns.map((c, i) => Math.ceil(c.header.length / Math.max(1, (this.columnWidths[i] ?? 10) - 2))));
    if (lines > 1) this.sheet.getRow(this.row).height = 15 * lines;
    this.row++;
    this.lastRows = { first: this.row, last: this.row + rows.length - 1 };
    for (const [values, bold] of [...rows.map((r) => [r, false] as const), ...totals.map((r) => [r, true] as const)]) {
      columns.forEach((c, i) => {
        const cell = this.sheet.getCell(this.row, i + 1);
        write(cell, values[i], c.kind);
        if (bold) cell.font = { bold: true };
      });
      this.row++;
    }
    if (name !== undefined && rows.length > 0) this.excelTable(name, columns);
    return this.gap();
  }

  private excelTable(name: string, columns: readonly Column[]): void {
    const { first, last } = this.lastRows;
    const values = Array.from({ length: last - first + 1 }, (_, r) => columns.map((_c, i) => this.sheet.getCell(first + r, i + 1).value));
    this.sheet.addTable({
      name, ref: `A${first - 1}`, headerRow: true,
      style: { theme: 'TableStyleLight9', showRowStripes: true },
      columns: columns.map((c) => ({ name: c.header, filterButton: false })),
      rows: values,
    });
  }

  private columnWidths: readonly number[] = [];
  /** The rows (1-based) of the last table's data, without its totals: what a chart of it plots. */
  lastRows: { readonly first: number; readonly last: number } = { first: 0, last: -1 };

  widths(widths: readonly number[]): this {
    this.columnWidths = widths;
    widths.forEach((w, i) => (this.sheet.getColumn(i + 1).width = w));
    return this;
  }

  gap(): this {
    this.row++;
    return this;
  }
}

function write(cell: ExcelJS.Cell, value: Value, kind: Kind): void {
  if (value === undefined) return;
  if (typeof value === 'string') cell.value = neutraliseCell(value);
  else if (typeof value === 'number') cell.value = value;
  // The only Decimal-to-number conversions: of values already rounded for display (or input quantities and factors).
  else if (kind === 'tCO2e') cell.value = roundedTonnes(value).toNumber();
  else if (kind === 'kgCO2e') cell.value = roundedKilograms(value).toNumber();
  else cell.value = value.toNumber();
  const format = NUMBER_FORMATS[kind];
  if (format !== undefined) cell.numFmt = format;
}

/** A share as a fraction for a "0.0%" cell, rounded half-even to 0.1% like the other reports. */
function share(part: Decimal, whole: Decimal): Decimal | undefined {
  return sharePercent(part, whole)?.div(100);
}

const FIGURE_COLUMNS: readonly Column[] = [
  { header: 'tCO2e', kind: 'tCO2e' },
  { header: 'kgCO2e (to the gram)', kind: 'kgCO2e' },
  { header: 'Share of total', kind: 'share' },
];

function summarySheet(workbook: ExcelJS.Workbook, inventory: Inventory, s: ReportSummary): void {
  new SheetWriter(workbook.addWorksheet('Summary'))
    .widths([60, 18, 18, 16])
    .title(s.title)
    .note(`Rounding: ${XLSX_ROUNDING_RULE}`)
    .gap()
    .facts([
      ['Total (scope 2 location-based), tCO2e', s.total, 'tCO2e'],
      ['Total (scope 2 market-based), tCO2e', s.totalMarketBased, 'tCO2e'],
      ['Total (scope 2 location-based), kgCO2e to the gram', s.total, 'kgCO2e'],
      ['Reporting year', inventory.reportingYear ?? 'not stated'],
      ['Emission factors', `${inventory.factorSet.title} (${inventory.factorSet.id})`],
      ['Records read', inventory.recordCount, 'count'],
      ['Emission lines', inventory.lines.length, 'count'],
      ['Problems: errors (records excluded)', s.problems.errors, 'count'],
      ['Problems: warnings (records included with a caveat)', s.problems.warnings, 'count'],
    ])
    .table(
      [{ header: 'Scope', kind: 'text' }, { header: 'Location-based tCO2e', kind: 'tCO2e' }, { header: 'Market-based tCO2e', kind: 'tCO2e' }, { header: 'Share of total', kind: 'share' }],
      s.scopes.map((r) => [r.label, r.locationBased, r.marketBased, share(r.locationBased, s.total)]),
      [['Total', s.total, s.totalMarketBased, share(s.total, s.total)]],
    )
    .table(
      [{ header: 'Data quality', kind: 'text' }, ...FIGURE_COLUMNS],
      s.dataQuality.map((r) => [r.label, r.kgCO2e, r.kgCO2e, share(r.kgCO2e, s.total)]),
    )
    .table(
      [{ header: 'Method', kind: 'text' }, ...FIGURE_COLUMNS],
      s.methods.map((r) => [r.label, r.kgCO2e, r.kgCO2e, share(r.kgCO2e, s.total)]),
    );
}

function procurementSheet(workbook: ExcelJS.Workbook, s: ReportSummary): void {
  const p = s.procurement;
  if (p.categories.length === 0) return;
  const columns: readonly Column[] = [{ header: 'Spend category (SIC group)', kind: 'text' }, { header: '£ excluding VAT', kind: 'GBP' }, ...FIGURE_COLUMNS];
  const sheet = new SheetWriter(workbook.addWorksheet('Procurement'))
    .widths([60, 18, 18, 18, 16])
    .title('Procurement: spend lines by category, largest first')
    .note(SPEND_EXPLANATION)
    .note(vatAndPriceNote(p))
    .gap()
    .table(columns, p.categories.map((r) => [r.label, r.pounds, r.kgCO2e, r.kgCO2e, share(r.kgCO2e, s.total)]), [['Procurement total', p.pounds, p.kgCO2e, p.kgCO2e, share(p.kgCO2e, s.total)]], 'ProcurementCategories');
  if (p.suppliers.length > 0) {
    sheet.title('Suppliers’ own figures used').table([{ header: 'Supplier', kind: 'text' }, { header: '£ excluding VAT', kind: 'GBP' }, ...FIGURE_COLUMNS], p.suppliers.map((r) => [r.label, r.pounds, r.kgCO2e, r.kgCO2e, share(r.kgCO2e, s.total)]));
  }
}

function byScopeSheet(workbook: ExcelJS.Workbook, s: ReportSummary): ChartSpec[] {
  const scope3 = s.scopes[2]!.locationBased;
  const writer = new SheetWriter(workbook.addWorksheet('By scope'))
    .widths([52, 18, 18, 16, 16])
    .title('Emissions by scope')
    .note('Scope 2 is reported both ways (GHG Protocol Scope 2 Guidance): location-based (grid average) and market-based (contracts).')
    .gap()
    .table(
      [{ header: 'Scope', kind: 'text' }, { header: 'Location-based tCO2e', kind: 'tCO2e' }, { header: 'Market-based tCO2e', kind: 'tCO2e' }, { header: 'Location-based kgCO2e (to the gram)', kind: 'kgCO2e' }, { header: 'Share of total', kind: 'share' }],
      s.scopes.map((r) => [r.label, r.locationBased, r.marketBased, r.locationBased, share(r.locationBased, s.total)]),
      [['Total', s.total, s.totalMarketBased, s.total, share(s.total, s.total)]],
      'ScopeTotals',
    );
  const scopes = writer.lastRows;
  writer
    .title('Scope 3 by GHG Protocol category')
    .table(
      [{ header: 'Category', kind: 'text' }, { header: 'tCO2e', kind: 'tCO2e' }, { header: 'kgCO2e (to the gram)', kind: 'kgCO2e' }, { header: 'Share of scope 3', kind: 'share' }],
      s.scope3Categories.map((r) => [r.label, r.kgCO2e, r.kgCO2e, share(r.kgCO2e, scope3)]),
      [['Scope 3 total', scope3, scope3, share(scope3, scope3)]],
      'Scope3Categories',
    );
  const chart = figureChart('By scope', 'column', 'Emissions by scope (tCO2e, scope 2 location-based)', scopes, s.scopes.map((r) => [r.label, r.locationBased]));
  return [{ ...chart, at: { col: 6, row: 1, cols: 7, rows: 18 } }];
}

/** A chart of a table's first two columns (labels, tCO2e) as written: the cached values are the cells' own, rounded by the stated rule. */
function figureChart(sheet: string, kind: ChartSpec['kind'], title: string, rows: SheetWriter['lastRows'], figures: readonly (readonly [string, Decimal])[]): Omit<ChartSpec, 'at'> {
  const ref = (col: string) => `'${sheet}'!$${col}$${rows.first}:$${col}$${rows.last}`;
  return {
    sheet, kind, title,
    categories: { ref: ref('A'), labels: figures.map(([label]) => neutraliseCell(label)) },
    series: { name: 'tCO2e', ref: ref('B'), values: figures.map(([, kg]) => roundedTonnes(kg).toNumber()), format: NUMBER_FORMATS.tCO2e! },
  };
}

function byCategorySheet(workbook: ExcelJS.Workbook, s: ReportSummary): ChartSpec[] {
  const writer = new SheetWriter(workbook.addWorksheet('By category'))
    .widths([60, 18, 18, 16])
    .title('Emissions by reporting category (scope 2 location-based)')
    .table([{ header: 'Category', kind: 'text' }, ...FIGURE_COLUMNS], s.categories.map((r) => [r.label, r.kgCO2e, r.kgCO2e, share(r.kgCO2e, s.total)]), [
      ['Total', s.total, s.total, share(s.total, s.total)],
    ], 'CategoryTotals');
  const categories = writer.lastRows;
  writer
    .title('Emissions by site')
    .table([{ header: 'Site', kind: 'text' }, ...FIGURE_COLUMNS], s.sites.map((r) => [r.label, r.kgCO2e, r.kgCO2e, share(r.kgCO2e, s.total)]), [], 'SiteTotals');
  // Every category is plotted from the table's own rows; a pie needs them all above zero to be honest.
  const positive = s.categories.every((r) => r.kgCO2e.gt(0));
  if (s.categories.length === 0 || !positive) return [];
  const chart = figureChart('By category', 'pie', 'Share of emissions by reporting category', categories, s.categories.map((r) => [r.label, r.kgCO2e]));
  return [{ ...chart, at: { col: 5, row: 1, cols: 8, rows: 22 } }];
}

function linesSheet(workbook: ExcelJS.Workbook, inventory: Inventory): void {
  const sheet = workbook.addWorksheet('Lines', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { paperSize: 9, orientation: 'landscape' } });
  const rows = inventory.lines.map((line) =>
    LINE_COLUMNS.map((c) => {
      const cell = c.cell(line);
      if (cell === undefined) return null;
      if ('text' in cell) return neutraliseCell(cell.text);
      // Per-line tCO2e is kgCO2e / 1000 exactly, so rounding it to 0.1 is the stated rule.
      return (c.unit === 'kgCO2e' ? roundedKilograms(cell.number) : c.unit === 'tCO2e' ? roundHalfEven(cell.number, 1) : cell.number).toNumber();
    }),
  );
  if (rows.length === 0) {
    // Excel repairs a table without data rows, so an empty inventory gets the header alone.
    sheet.addRow(LINE_COLUMNS.map((c) => c.header)).font = { bold: true };
  } else {
    // An Excel Table, so pivot tables and Power BI read the lines by name with typed columns.
    sheet.addTable({
      name: 'EmissionLines', ref: 'A1', headerRow: true,
      style: { theme: 'TableStyleLight9', showRowStripes: true },
      columns: LINE_COLUMNS.map((c) => ({ name: c.header, filterButton: true })),
      rows,
    });
  }
  LINE_COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width;
    const format = c.unit === undefined ? undefined : NUMBER_FORMATS[c.unit];
    if (format !== undefined) column.numFmt = format;
  });
}

function memoAndProblemsSheet(workbook: ExcelJS.Workbook, inventory: Inventory): void {
  new SheetWriter(workbook.addWorksheet('Memo and problems'))
    .widths([24, 44, 14, 14, 60])
    .title('Memo items: reported beside the inventory, not included in its totals')
    .table(
      [{ header: 'Record', kind: 'text' }, { header: 'Item', kind: 'text' }, { header: 'tCO2e', kind: 'tCO2e' }, { header: 'kWh', kind: 'kWh' }, { header: 'Note', kind: 'text' }],
      inventory.memo.map((m) => [m.recordId, MEMO_LABELS[m.kind], m.unit === 'kgCO2e' ? m.value : undefined, m.unit === 'kWh' ? m.value : undefined, m.note]),
    )
    .title('Problems: errors excluded a record from the totals; warnings qualify one')
    .table(
      [{ header: 'Severity', kind: 'text' }, { header: 'Code', kind: 'text' }, { header: 'Where', kind: 'text' }, { header: 'Message', kind: 'text' }, { header: 'Value', kind: 'text' }],
      inventory.problems.map((p) => [p.severity, p.code, formatOrigin(p.origin), p.message, p.value]),
    );
}

function aboutSheet(workbook: ExcelJS.Workbook, inventory: Inventory): void {
  const { council, factorSet } = inventory;
  const writer = new SheetWriter(workbook.addWorksheet('About')).widths([28, 110]).title('About this inventory');
  writer.facts([
    ['Council', council.name ?? 'not stated'],
    ['ONS code', council.onsCode ?? 'not stated'],
    ['Council type', council.councilType ?? 'not stated'],
    ['Reporting year', inventory.reportingYear ?? 'not stated'],
    ['Boundary', council.boundaryNotes ?? 'not stated'],
    ['Emission factor set', `${factorSet.title} (${factorSet.id}, ${factorSet.year})`],
    ['Factor source file', factorSet.sourceFile],
    ...(factorSet.provenanceNote === undefined ? [] : [['Factor note', factorSet.provenanceNote] as const]),
    ['Rounding', XLSX_ROUNDING_RULE],
  ]);
  writer.title('How to read it');
  for (const note of [...BOUNDARY_NOTES, ...METHOD_NOTES]) writer.note(note);
  writer.sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}
