import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { COUNCIL_TYPES, REGIONS } from '../activity/council.js';
import { DATA_QUALITY_TIERS, type ActivityRecordInput } from '../activity/record.js';
import { Decimal } from '../decimal.js';
import { factorSetIds } from '../factors/bundled.js';
import { columnLetters } from '../tables/table.js';
import { CATEGORY_GROUPS, groupOfRecord, sourceChoices, unitChoices, type CategoryGroup } from './groups.js';
import { ACTIVITY_FIELDS, FIELD_HEADERS, type ActivityField } from './headers.js';
import { ABOUT_FIELDS, aboutValueText, emptyProfile, type AboutField, type BaselineProfile } from './profile.js';
import { LISTS_SHEET } from './workbook.js';

/** Rows of each sheet: title, instructions, a blank, the header, then input rows. */
export const HEADER_ROW = 4;
const INPUT_ROWS = 500;
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

const FIELD_HELP: Partial<Record<ActivityField, string>> = {
  id: 'Optional: your own reference, kept in reports',
  category: 'Reporting category (drop-down)',
  source: 'What was consumed (drop-down; complete ids ending in ":")',
  quantity: 'Number only: 1234.5 or 1,234.5',
  unit: 'Unit of the quantity (drop-down)',
  dataQuality: 'metered, invoiced, estimated or spend-based',
  priceYear: 'Year of the prices of the £, e.g. 2023 (blank: first year of the reporting year)',
  market: 'Electricity only: renewable-backed or supplier-specific',
  marketFactor: 'Supplier-specific only: kgCO2e per kWh from the fuel mix disclosure',
  marketEvidence: 'REGO/PPA evidence, or the supplier',
  supplier: 'Spend only: the supplier or contract',
  supplierFactor: 'Spend only: the supplier\u2019s own kgCO2e per £ for this contract',
  supplierEvidence: 'Spend only: what the supplier factor rests on',
  includesVatAt: 'Spend only: blank if the £ exclude VAT; else the rate, e.g. 20',
  scope3Category: 'Optional override, 1 to 15',
};

/**
 * The council baseline workbook: an About sheet (the scope sheet), one sheet per category group with drop-down
 * lists drawn from the source catalogue and units, and a hidden Lists sheet feeding the drop-downs. With a
 * profile and records it is filled in (the examples are built so); without, it is the blank template.
 */
export function buildBaselineWorkbook(profile: BaselineProfile = emptyProfile(), records: readonly ActivityRecordInput[] = []): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'council-ghg';
  const lists = new ListsSheet();
  writeAbout(workbook.addWorksheet('About'), profile, lists);
  for (const group of CATEGORY_GROUPS) {
    writeGroup(workbook.addWorksheet(group.sheet), group, lists, records.filter((r) => groupOfRecord(r.category as never, r.source) === group));
  }
  lists.write(workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' }));
  return workbook;
}

/** Columns of drop-down values, each referred to by an absolute range; written last, as a hidden sheet. */
class ListsSheet {
  private readonly columns: string[][] = [];

  range(title: string, values: readonly string[]): string {
    const index = this.columns.push([title, ...values]) - 1;
    const col = columnLetters(index);
    return `${LISTS_SHEET}!$${col}$2:$${col}$${values.length + 1}`;
  }

  write(sheet: ExcelJS.Worksheet): void {
    this.columns.forEach((values, c) => values.forEach((v, r) => (sheet.getCell(r + 1, c + 1).value = v)));
  }
}

function writeTitle(sheet: ExcelJS.Worksheet, title: string, instructions: string): void {
  sheet.getCell('A1').value = title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = instructions;
  sheet.getCell('A2').font = { italic: true };
}

function writeAbout(sheet: ExcelJS.Worksheet, profile: BaselineProfile, lists: ListsSheet): void {
  writeTitle(sheet, 'About this baseline (the scope sheet)', 'Record who the council is and the basis of the data, so later years are prepared the same way. Fill the yellow cells.');
  const header = sheet.getRow(HEADER_ROW - 1);
  header.values = ['Field', 'Value', 'Guidance'];
  header.font = { bold: true };
  const choices: Partial<Record<AboutField['kind'], string>> = {
    'council-type': lists.range('Council types', COUNCIL_TYPES),
    region: lists.range('Regions', REGIONS),
    'factor-set': lists.range('Factor sets', factorSetIds()),
    'yes-no': lists.range('Yes/No', ['Yes', 'No']),
  };
  ABOUT_FIELDS.forEach((field, i) => {
    const row = sheet.getRow(HEADER_ROW + i);
    row.getCell(1).value = field.labels[0];
    row.getCell(3).value = field.help;
    const value = row.getCell(2);
    const text = aboutValueText(profile, field);
    value.value = field.kind === 'number' && text !== '' ? cellNumber(new Decimal(text)) : text === '' ? null : text;
    value.fill = INPUT_FILL;
    const list = choices[field.kind];
    if (list !== undefined) value.dataValidation = { type: 'list', allowBlank: true, formulae: [list], showErrorMessage: true, errorStyle: 'warning' };
  });
  sheet.columns = [{ width: 32 }, { width: 48 }, { width: 70 }];
}

function writeGroup(sheet: ExcelJS.Worksheet, group: CategoryGroup, lists: ListsSheet, records: readonly ActivityRecordInput[]): void {
  writeTitle(sheet, group.sheet, `${group.instructions} Categories here: ${group.categories.join(', ')} (blank = ${group.categories[0]}).`);
  const fields = group.fields;
  const help = sheet.getRow(HEADER_ROW - 1);
  fields.forEach((f, i) => (help.getCell(i + 1).value = FIELD_HELP[f] ?? null));
  help.font = { italic: true, size: 9, color: { argb: 'FF595959' } };
  const header = sheet.getRow(HEADER_ROW);
  header.values = fields.map((f) => FIELD_HEADERS[f][0]);
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = HEADER_FILL));
  sheet.views = [{ state: 'frozen', ySplit: HEADER_ROW }];
  const validation: Partial<Record<ActivityField, string>> = {
    category: lists.range(`${group.sheet}: categories`, group.categories),
    source: lists.range(`${group.sheet}: sources`, sourceChoices(group)),
    unit: lists.range(`${group.sheet}: units`, unitChoices(group)),
    dataQuality: lists.range(`${group.sheet}: data quality`, DATA_QUALITY_TIERS),
    market: lists.range(`${group.sheet}: market`, ['renewable-backed', 'supplier-specific']),
  };
  const last = HEADER_ROW + Math.max(INPUT_ROWS, records.length);
  fields.forEach((f, i) => {
    const col = columnLetters(i);
    const list = validation[f];
    // A warning, not a stop: sources such as "waste:<material>:landfill" or "desnz:<path>" are typed in full.
    if (list !== undefined) validations(sheet).add(`${col}${HEADER_ROW + 1}:${col}${last}`, { type: 'list', allowBlank: true, formulae: [list], showErrorMessage: true, errorStyle: 'warning', errorTitle: 'Not in the list', error: 'Not a listed value: check it is a valid id (see the README)' });
    for (let r = HEADER_ROW + 1; r <= last; r++) sheet.getCell(r, i + 1).fill = INPUT_FILL;
  });
  records.forEach((record, n) => {
    const values = recordValues(record);
    fields.forEach((f, i) => {
      const v = values[f];
      if (v !== undefined) sheet.getCell(HEADER_ROW + 1 + n, i + 1).value = NUMBER_FIELDS.has(f) ? cellNumber(new Decimal(v)) : f === 'priceYear' || f === 'scope3Category' ? Number(v) : v;
    });
  });
  sheet.columns = fields.map((f) => ({ width: f === 'source' ? 40 : f === 'notes' || f === 'marketEvidence' || f === 'supplierEvidence' || f === 'supplier' || f === 'site' ? 30 : 16 }));
}

const NUMBER_FIELDS: ReadonlySet<ActivityField> = new Set(['quantity', 'marketFactor', 'supplierFactor', 'includesVatAt']);

/** exceljs supports range validations (one <dataValidation sqref="B5:B504">) but its types omit them. */
function validations(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

/** A number cell where the double holds the decimal exactly as Excel shows it (≤ 15 digits), else text. */
function cellNumber(value: Decimal): number | string {
  return value.precision(true) <= 15 && new Decimal(value.toNumber()).equals(value) ? value.toNumber() : value.toFixed();
}

/** A record's values as the template and the long CSV write them. */
export function recordValues(record: ActivityRecordInput): Partial<Record<ActivityField, string>> {
  const market = record.market;
  const q = record.quantity;
  const v: Partial<Record<ActivityField, string | number | undefined>> = {
    id: record.id,
    category: record.category,
    site: record.site,
    source: record.source,
    quantity: q instanceof Decimal ? q.toFixed() : String(q),
    unit: record.unit,
    priceYear: record.priceYear,
    reportingYear: record.reportingYear,
    dataQuality: record.dataQuality,
    market: market?.type,
    marketFactor: market?.type === 'supplier-specific' ? (market.kgCO2ePerKWh instanceof Decimal ? market.kgCO2ePerKWh.toFixed() : String(market.kgCO2ePerKWh)) : undefined,
    marketEvidence: market?.type === 'supplier-specific' ? market.supplier : market?.evidence,
    supplier: record.supplierFactor?.supplier,
    supplierFactor: record.supplierFactor === undefined ? undefined : new Decimal(record.supplierFactor.kgCO2ePerGBP).toFixed(),
    supplierEvidence: record.supplierFactor?.evidence,
    includesVatAt: record.includesVatAt === undefined ? undefined : new Decimal(record.includesVatAt).toFixed(),
    scope3Category: record.scope3Category,
    notes: record.notes,
  };
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, String(x)]));
}

/** Columns of the long CSV: every activity field but the date (a CSV row states its financial year instead). */
export const CSV_FIELDS: readonly ActivityField[] = ACTIVITY_FIELDS.filter((f) => f !== 'date');

/** The long CSV: every About line ("Label,value", blank if unknown), a blank line, then one activity per line. */
export function buildBaselineCsv(profile: BaselineProfile = emptyProfile(), records: readonly ActivityRecordInput[] = []): string {
  const about = ABOUT_FIELDS.map((f) => [f.labels[0], aboutValueText(profile, f)]);
  const header = CSV_FIELDS.map((f) => FIELD_HEADERS[f][0]);
  const rows = records.map((r) => {
    const values = recordValues(r);
    return CSV_FIELDS.map((f) => values[f] ?? '');
  });
  const table = Papa.unparse({ fields: header, data: rows }, { newline: '\r\n' });
  return `${Papa.unparse(about, { newline: '\r\n' })}\r\n\r\n${table}\r\n`;
}
