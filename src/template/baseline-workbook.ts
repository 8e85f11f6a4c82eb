import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { APART_FROM_TOTALS, CATEGORIES, SCOPES, SCOPE_LABELS, type Category, type Scope } from '../activity/categories.js';
import { COUNCIL_TYPE_INFO, COUNCIL_TYPES, REGION_LABELS, REGIONS } from '../activity/council.js';
import { DATA_QUALITY_TIERS, reportingYearStart, type ActivityRecordInput, type ReportingYear } from '../activity/record.js';
import { Decimal } from '../decimal.js';
import { defaultFactorLibrary } from '../factors/default-library.js';
import { defaultSetId } from '../factors/library.js';
import { columnLetters } from '../tables/table.js';
import { LISTS_SHEET, previewHeader, SUMMARY_SHEET, SUMMARY_TOTAL_COLUMN, SUMMARY_TOTAL_LABEL } from '../import/displayed-totals.js';
import { CATEGORY_GROUPS, groupOfRecord, unitChoices, type CategoryGroup } from '../import/groups.js';
import { ACTIVITY_FIELDS, FIELD_HEADERS, type ActivityField } from '../import/headers.js';
import { ABOUT_FIELDS, aboutValueText, emptyProfile, type AboutField, type BaselineProfile } from '../import/profile.js';
import { sourceParts, type SourceChoice } from '../import/source-labels.js';
import { previewKey, templatePreviews, type TemplatePreviews } from './previews.js';
import { fuelListName, sheetEntry, type SheetEntry } from './sheet-entry.js';

/** Rows of each sheet: title, instructions, column help, the header, then input rows. */
export const HEADER_ROW = 4;
const INPUT_ROWS = 500;
/** Rows the print area covers beyond the filled ones: a blank template prints on a page or two per sheet. */
const PRINTED_BLANK_ROWS = 40;
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const PREVIEW_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
const TONNES_FORMAT = '#,##0.0';

/** Column help (row 3) and the input message Excel and LibreOffice show on each cell (at most 255 characters). */
const FIELD_HELP: Partial<Record<ActivityField, string>> = {
  id: 'Optional: your own reference for the row, kept in reports.',
  category: 'Reporting category: choose from the list, or leave blank for the sheet\u2019s usual one.',
  site: 'The building, site, vehicle group or contract (optional).',
  source: 'What was consumed: choose from the list.',
  vehicleFuel: 'For a car, van or HGV chosen in Source: its fuel, from those DESNZ publishes for it. Blank for anything else.',
  quantity: 'A number of 0 or more, without units: 1234.5. The unit goes in the Unit column.',
  unit: 'The unit of the quantity: choose from the list.',
  dataQuality: 'metered, invoiced, estimated or spend-based (blank: estimated).',
  priceYear: 'Year of the prices of the \u00a3, e.g. 2023 (blank: the first year of the reporting year).',
  market: 'Electricity only: renewable-backed (REGO or PPA) or supplier-specific.',
  marketFactor: 'Supplier-specific only: kgCO2e per kWh from the supplier\u2019s fuel mix disclosure.',
  marketEvidence: 'The REGO or PPA evidence, or the supplier.',
  supplier: 'Spend only: the supplier or contract.',
  supplierFactor: 'Spend only: the supplier\u2019s own kgCO2e per \u00a3 for this contract.',
  supplierEvidence: 'Spend only: what the supplier factor rests on.',
  includesVatAt: 'Spend only: blank if the \u00a3 exclude VAT; else the rate, e.g. 20.',
  returnToSewer: 'Water supply only: the % of the water returned to sewer (water companies commonly assume 95); adds its treatment. Blank: no treatment counted.',
  scope3Category: 'Optional override of the GHG Protocol scope 3 category, 1 to 15.',
  notes: 'Anything a reader of the figures should know.',
};

/** More to say about the Source column on a sheet whose list does not hold every choice. */
const SOURCE_HELP: Partial<Record<string, string>> = {
  Spend: ' A SIC group not in the list is typed as spend:sic-62; a supplier\u2019s reported emissions as reported-emissions:<supplier> in kg or tonnes.',
  Buildings: ' Any DESNZ factor may be typed as desnz:<path>.',
};

/** More to say about the Source column on a sheet where vehicles take their fuel in the next column. */
const VEHICLE_HELP = ' For a car, van or HGV choose the kind and size here, then its fuel in Vehicle fuel.';

/** A value that cannot be right is stopped as it is typed, with the reason. */
const NUMBER_CHECKS: Partial<Record<ActivityField, Pick<ExcelJS.DataValidation, 'type' | 'operator' | 'formulae' | 'error'>>> = {
  quantity: { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], error: 'The quantity must be a number of 0 or more, without units (the unit goes in the Unit column). Enter credits and corrections net.' },
  priceYear: { type: 'whole', operator: 'between', formulae: [1990, 2100], error: 'The price year is a calendar year such as 2023.' },
  includesVatAt: { type: 'decimal', operator: 'between', formulae: [0, 99.99], error: 'The VAT rate is a percentage such as 20, or blank if the \u00a3 exclude VAT.' },
  returnToSewer: { type: 'decimal', operator: 'between', formulae: [0, 100], error: 'The share returned to sewer is a percentage from 0 to 100, such as 95.' },
  marketFactor: { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], error: 'The supplier factor is a number of kgCO2e per kWh, 0 or more.' },
  supplierFactor: { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], error: 'The supplier factor is a number of kgCO2e per \u00a3, 0 or more.' },
  scope3Category: { type: 'whole', operator: 'between', formulae: [1, 15], error: 'A scope 3 category is a whole number from 1 to 15.' },
};

/**
 * The council baseline workbook: an About sheet (the scope sheet), a Summary of preview totals, one sheet per
 * category group with labelled drop-downs, input messages and checks, and a hidden Lists sheet holding the
 * drop-down values and the per-unit preview figures the formulas look up. With a profile and records it is
 * filled in (the examples are built so); without, it is the blank template. The previews default to the factor
 * set of the profile's reporting year (else the newest) in the default factor library, else a `NoFactorLibraryError`;
 * for another library, pass `templatePreviews(library.factorSet(id), reportingYear, records, library)`.
 */
export function buildBaselineWorkbook(profile: BaselineProfile = emptyProfile(), records: readonly ActivityRecordInput[] = [], previews: TemplatePreviews = previewsFor(profile, records)): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'council-ghg';
  // Excel recalculates the previews when the file is opened (they are written without results).
  workbook.calcProperties = { fullCalcOnLoad: true };
  const lists = new ListsSheet();
  writeAbout(workbook.addWorksheet('About'), profile, lists, previews.setIds);
  const summary = workbook.addWorksheet(SUMMARY_SHEET);
  const figures = figureTable(previews, lists);
  const choices = [...previews.choices.values()].flat();
  const columns = new Map<CategoryGroup, PreviewColumns>();
  for (const group of CATEGORY_GROUPS) {
    const sheet = workbook.addWorksheet(group.sheet);
    const rows = records.filter((r) => groupOfRecord(r.category as never, r.source) === group);
    const costed = new Set(previews.figures.filter((f) => group.categories.includes(f.category)).map((f) => f.choice.source));
    const entry = sheetEntry(group, previews.choices.get(group) ?? [], (c) => costed.has(c.source));
    columns.set(group, writeGroup(sheet, group, entry, lists, rows, choices, figures));
  }
  writeSummary(summary, previews, columns);
  lists.write(workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' }), workbook);
  return workbook;
}

/** The previews of the profile's factor set (its reporting year's, else the newest), at that year's prices, for the lists and the records. */
function previewsFor(profile: BaselineProfile, records: readonly ActivityRecordInput[]): TemplatePreviews {
  const factors = defaultFactorLibrary('the template\u2019s factor set');
  const start = profile.reportingYear === undefined ? undefined : reportingYearStart(profile.reportingYear);
  const set = factors.factorSet(profile.factorSetId ?? defaultSetId(factors.sets, start));
  const year = profile.reportingYear ?? (`${set.info.year}/${String((set.info.year + 1) % 100).padStart(2, '0')}` as ReportingYear);
  return templatePreviews(set, year, records, factors);
}

/** Columns of drop-down values and tables, each referred to by an absolute range; written last, as a hidden sheet. */
class ListsSheet {
  private readonly columns: (string | number)[][] = [];
  private readonly names = new Map<string, string>();

  /** A list under a defined name, for a formula to find by its name (INDIRECT). */
  named(name: string, title: string, values: readonly (string | number)[]): void {
    this.names.set(name, this.range(title, values));
  }

  range(title: string, values: readonly (string | number)[]): string {
    const index = this.columns.push([title, ...values]) - 1;
    return this.span(index, index, values.length);
  }

  /** A table of columns side by side: the range of each, and of the whole. */
  table(titles: readonly string[], rows: readonly (readonly (string | number)[])[]): { readonly columns: string[]; readonly whole: string } {
    const first = this.columns.length;
    const columns = titles.map((t, c) => this.range(t, rows.map((r) => r[c]!)));
    return { columns, whole: this.span(first, first + titles.length - 1, rows.length) };
  }

  private span(from: number, to: number, length: number): string {
    return `${LISTS_SHEET}!$${columnLetters(from)}$2:$${columnLetters(to)}$${Math.max(length, 1) + 1}`;
  }

  write(sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook): void {
    this.columns.forEach((values, c) => values.forEach((v, r) => {
      if (v !== '') sheet.getCell(r + 1, c + 1).value = v;
    }));
    for (const [name, range] of this.names) workbook.definedNames.add(range, name);
  }
}

/** Where the formulas find a figure: the column of keys and one column per scope. */
interface FigureRanges {
  readonly keys: string;
  readonly scopes: Readonly<Record<Scope, string>>;
}

/**
 * The per-unit figures on the Lists sheet, keyed by category label, source, vehicle fuel and unit: each source
 * whole with no fuel, and a vehicle also as its vehicle and fuel (an HGV's one fuel may be left blank). A double
 * holds each figure to about 15 digits: these are previews, and the import recalculates every record exactly.
 */
function figureTable(previews: TemplatePreviews, lists: ListsSheet): FigureRanges {
  const rows = previews.figures.flatMap((f) => {
    const parts = sourceParts(f.choice);
    const ways = [[f.choice.label, ''], ...(parts.fuel !== undefined ? [[parts.what, parts.fuel]] : [])];
    return ways.map(([what, fuel]) => [previewKey(f.category, what!, fuel!, f.unit), CATEGORIES[f.category], what!, fuel!, f.unit, ...SCOPES.map((s) => f.kgCO2e[s].toNumber())]);
  });
  const table = lists.table([`Preview key (${previews.set.id})`, 'Category', 'Source', 'Vehicle fuel', 'Unit', ...SCOPES.map((s) => `${SCOPE_LABELS[s]} kgCO2e per unit`)], rows);
  return { keys: table.columns[0]!, scopes: Object.fromEntries(SCOPES.map((s, i) => [s, table.columns[5 + i]!])) as Record<Scope, string> };
}

function writeTitle(sheet: ExcelJS.Worksheet, title: string, instructions: string): void {
  sheet.getCell('A1').value = title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = instructions;
  sheet.getCell('A2').font = { italic: true };
}

function writeAbout(sheet: ExcelJS.Worksheet, profile: BaselineProfile, lists: ListsSheet, setIds: readonly string[]): void {
  writeTitle(sheet, 'About this baseline (the scope sheet)', 'Record who the council is and the basis of the data, so later years are prepared the same way. Fill the yellow cells.');
  const header = sheet.getRow(HEADER_ROW - 1);
  header.values = ['Field', 'Value', 'Guidance'];
  header.font = { bold: true };
  // Council types and regions are listed by name; the import reads a name or an id.
  const named: Partial<Record<AboutField['kind'], (id: string) => string>> = {
    'council-type': (id) => COUNCIL_TYPE_INFO[id as (typeof COUNCIL_TYPES)[number]]?.label ?? id,
    region: (id) => REGION_LABELS[id as (typeof REGIONS)[number]] ?? id,
  };
  const choices: Partial<Record<AboutField['kind'], string>> = {
    'council-type': lists.range('Council types', COUNCIL_TYPES.map((c) => COUNCIL_TYPE_INFO[c].label)),
    region: lists.range('Regions', REGIONS.map((r) => REGION_LABELS[r])),
    'factor-set': lists.range('Factor sets', setIds),
    'yes-no': lists.range('Yes/No', ['Yes', 'No']),
  };
  ABOUT_FIELDS.forEach((field, i) => {
    const row = sheet.getRow(HEADER_ROW + i);
    row.getCell(1).value = field.labels[0];
    row.getCell(3).value = field.help;
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    const value = row.getCell(2);
    const text = aboutValueText(profile, field);
    value.value = field.kind === 'number' && text !== '' ? cellNumber(new Decimal(text)) : text === '' ? null : (named[field.kind]?.(text) ?? text);
    value.fill = INPUT_FILL;
    const list = choices[field.kind];
    if (list !== undefined) value.dataValidation = { type: 'list', allowBlank: true, formulae: [list], showErrorMessage: true, errorStyle: 'warning', showInputMessage: true, promptTitle: field.labels[0], prompt: truncate(field.help) };
  });
  sheet.columns = [{ width: 32 }, { width: 40 }, { width: 80 }];
  sheet.pageSetup = { ...PRINT, printArea: printArea('C', HEADER_ROW + ABOUT_FIELDS.length) };
}

const PRINT: Partial<ExcelJS.PageSetup> = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

/** A print area from A1: exceljs puts a '$' before each end's column only, so the rows carry their own (A$1:L$57). */
const printArea = (lastColumn: string, lastRow: number): string => `A$1:${lastColumn}$${lastRow}`;

const truncate = (text: string): string => (text.length <= 255 ? text : `${text.slice(0, 254)}\u2026`);

/** Where a group sheet's preview formulas put each figure, for the Summary to add up. */
interface PreviewColumns {
  readonly category: string;
  readonly estimate: string;
  readonly scopes: Readonly<Record<Scope, string>>;
}

function writeGroup(sheet: ExcelJS.Worksheet, group: CategoryGroup, entry: SheetEntry, lists: ListsSheet, records: readonly ActivityRecordInput[], allChoices: readonly SourceChoice[], figures: FigureRanges): PreviewColumns {
  const usual = CATEGORIES[group.categories[0]];
  writeTitle(sheet, group.sheet, `${group.instructions} A blank Category means ${usual}. The green column previews each row\u2019s kgCO2e; the Summary sheet adds them up.`);
  const fields = entry.fields;
  const help = sheet.getRow(HEADER_ROW - 1);
  fields.forEach((f, i) => (help.getCell(i + 1).value = FIELD_HELP[f] ?? null));
  help.font = { italic: true, size: 9, color: { argb: 'FF595959' } };
  help.alignment = { wrapText: true, vertical: 'top' };
  help.height = 48;
  const header = sheet.getRow(HEADER_ROW);
  const previewNames = ['Estimated kgCO2e', 'Category used', 'Figure row', ...SCOPES.map((s) => `${SCOPE_LABELS[s]} kgCO2e`)];
  header.values = [...fields.map((f) => FIELD_HEADERS[f][0]), ...previewNames.map(previewHeader)];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'bottom' };
  header.eachCell((c) => (c.fill = HEADER_FILL));
  sheet.views = [{ state: 'frozen', ySplit: HEADER_ROW }];
  const dropDowns: Partial<Record<ActivityField, string>> = {
    category: lists.range(`${group.sheet}: categories`, group.categories.map((c) => CATEGORIES[c])),
    source: lists.range(`${group.sheet}: sources`, entry.sources.map((c) => c.what)),
    ...(entry.vehicles.length > 0 ? { vehicleFuel: fuelLists(group, entry, lists, `$${columnLetters(fields.indexOf('source'))}${HEADER_ROW + 1}`) } : {}),
    unit: lists.range(`${group.sheet}: units`, unitChoices(group)),
    dataQuality: lists.range(`${group.sheet}: data quality`, DATA_QUALITY_TIERS),
    market: lists.range(`${group.sheet}: market`, ['renewable-backed', 'supplier-specific']),
  };
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + Math.max(INPUT_ROWS, records.length);
  fields.forEach((f, i) => {
    const col = columnLetters(i);
    const more = f !== 'source' ? '' : entry.vehicles.length > 0 ? VEHICLE_HELP : (SOURCE_HELP[group.sheet] ?? '');
    const prompt = { showInputMessage: true, promptTitle: FIELD_HEADERS[f][0], prompt: truncate(`${FIELD_HELP[f] ?? ''}${more}`) };
    const list = dropDowns[f];
    const check = NUMBER_CHECKS[f];
    // A list is a warning, not a stop: the import also reads ids and the names councils use ("mains gas", "KWH").
    const validation: ExcelJS.DataValidation = list !== undefined
      ? { type: 'list', allowBlank: true, formulae: [list], showErrorMessage: true, errorStyle: 'warning', errorTitle: 'Not in the list', error: 'Not one of the listed values: the import will try to read it, and name the cell if it cannot.', ...prompt }
      : check !== undefined
        ? { ...check, allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: 'Not a valid value', ...prompt }
        : { type: 'textLength', operator: 'lessThanOrEqual', formulae: [32767], allowBlank: true, showErrorMessage: false, ...prompt };
    validations(sheet).add(`${col}${first}:${col}${last}`, validation);
    for (let r = first; r <= last; r++) sheet.getCell(r, i + 1).fill = INPUT_FILL;
  });
  records.forEach((record, n) => {
    const values = recordValues(record);
    fields.forEach((f, i) => {
      const v = values[f];
      const cell = sheet.getCell(first + n, i + 1);
      if (v === undefined) return;
      if (f === 'source') {
        const choice = allChoices.find((c) => c.source === v.trim().toLowerCase());
        const parts = choice === undefined ? { what: v } : entry.parts(choice);
        cell.value = parts.what;
        const fuel = fields.indexOf('vehicleFuel');
        if (parts.fuel !== undefined && fuel !== -1) sheet.getCell(first + n, fuel + 1).value = parts.fuel;
      } else if (f === 'category') cell.value = CATEGORIES[v as Category] ?? v;
      else cell.value = NUMBER_FIELDS.has(f) ? cellNumber(new Decimal(v)) : f === 'priceYear' || f === 'scope3Category' ? Number(v) : v;
    });
  });
  const previews = writePreviewFormulas(sheet, fields, first, last, figures, defaultsRange(group, entry, lists));
  sheet.columns = [
    ...fields.map((f) => ({ width: f === 'source' ? 48 : f === 'vehicleFuel' ? 20 : f === 'notes' || f === 'marketEvidence' || f === 'supplierEvidence' || f === 'supplier' || f === 'site' || f === 'category' ? 30 : 16 })),
    { width: 18 }, ...previewNames.slice(1).map(() => ({ width: 14, hidden: true })),
  ];
  sheet.pageSetup = { ...PRINT, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`, printArea: printArea(previews.estimate, HEADER_ROW + records.length + PRINTED_BLANK_ROWS) };
  return previews;
}

/**
 * Each Source list entry's category where a row leaves Category blank: the sheet's first its family allows (as
 * the import reads it). A vehicle's whole label (the earlier layout's "Car – medium – diesel") is listed too.
 */
function defaultsRange(group: CategoryGroup, entry: SheetEntry, lists: ListsSheet): string {
  const usual = (c: SourceChoice) => group.categories.find((g) => c.family.categories.includes(g)) ?? group.categories[0];
  const whole = entry.vehicles.length === 0 ? [] : entry.choices.filter((c) => c.label !== sourceParts(c).what);
  const rows = new Map([...entry.sources, ...whole.map((choice) => ({ what: choice.label, choice }))].map((e) => [e.what, CATEGORIES[usual(e.choice)]]));
  return lists.table([`${group.sheet}: source`, `${group.sheet}: category when blank`], [...rows]).whole;
}

/**
 * A vehicle's Vehicle fuel list, row by row: each vehicle's fuels under a defined name, and a table from the
 * vehicle as the Source list names it to that name, for the validation to look up (INDIRECT of the name).
 */
function fuelLists(group: CategoryGroup, entry: SheetEntry, lists: ListsSheet, sourceCell: string): string {
  for (const v of entry.vehicles) lists.named(fuelListName(group.sheet, v.vehicle), `${group.sheet}: fuels of ${v.what}`, v.fuels);
  const table = lists.table([`${group.sheet}: vehicle`, `${group.sheet}: name of its fuel list`], entry.vehicles.map((v) => [v.what, fuelListName(group.sheet, v.vehicle)]));
  return `INDIRECT(VLOOKUP(${sourceCell},${table.whole},2,FALSE))`;
}

/**
 * The preview formulas right of a sheet's fields: the row's category (the blank default looked up), the row of
 * its per-unit figure, kgCO2e by scope (hidden) and their sum (shown, or "no preview" where no figure fits).
 * Spend is taken net of any VAT stated, and a supplier's own kgCO2e per £ replaces the average, as on import.
 */
function writePreviewFormulas(sheet: ExcelJS.Worksheet, fields: readonly ActivityField[], first: number, last: number, figures: FigureRanges, defaults: string): PreviewColumns {
  const at = (f: ActivityField) => {
    const i = fields.indexOf(f);
    return i === -1 ? undefined : `${columnLetters(i)}${first}`;
  };
  // Every group sheet has these four columns (COMMON in groups.ts).
  const [q, c, s, u] = [at('quantity')!, at('category')!, at('source')!, at('unit')!];
  const vat = at('includesVatAt');
  const supplier = at('supplierFactor');
  const fuel = at('vehicleFuel') ?? '""';
  const n = fields.length;
  const letter = (i: number) => columnLetters(n + i);
  const [estimate, category, figure] = [letter(0), letter(1), letter(2)];
  const scopes = Object.fromEntries(SCOPES.map((sc, i) => [sc, letter(3 + i)])) as Record<Scope, string>;
  const amount = vat === undefined ? q : `${q}/(1+N(${vat})/100)`;
  const perUnit = (sc: Scope) => `IF(${figure}${first}="","",IFERROR(${amount}*INDEX(${figures.scopes[sc]},${figure}${first}),""))`;
  const formulas: Record<string, string> = {
    [category]: `IF(${q}="","",IF(${c}<>"",${c},IFERROR(VLOOKUP(${literal(s)},${defaults},2,FALSE),"")))`,
    [figure]: `IF(${category}${first}="","",IFERROR(MATCH(${literal(`${category}${first}&"|"&${s}&"|"&${fuel}&"|"&${u}`)},${figures.keys},0),""))`,
    ...Object.fromEntries(SCOPES.map((sc) => [scopes[sc], sc === 'scope-3' && supplier !== undefined ? `IF(AND(${q}<>"",${supplier}<>""),IFERROR(${amount}*${supplier},""),${perUnit(sc)})` : perUnit(sc)])),
    [estimate]: `IF(${q}="","",IF(ISNUMBER(${scopes['scope-3']}${first}),N(${scopes['scope-1']}${first})+N(${scopes['scope-2']}${first})+${scopes['scope-3']}${first},"no preview"))`,
  };
  // Rows not yet filled in carry the "" their formulas give, so a reader sees them blank, as Excel shows them;
  // filled rows are left for Excel and LibreOffice to calculate on opening.
  const quantityColumn = fields.indexOf('quantity') + 1;
  // exceljs's types allow only a string or number result, but it writes none for undefined, as wanted here.
  const saved = ((row: number) => (sheet.getCell(row, quantityColumn).value === null ? '' : undefined)) as (row: number) => string;
  for (const [col, formula] of Object.entries(formulas)) sheet.fillFormula(`${col}${first}:${col}${last}`, formula, saved);
  for (let r = first; r <= last; r++) {
    const cell = sheet.getCell(`${estimate}${r}`);
    cell.fill = PREVIEW_FILL;
    cell.numFmt = '#,##0';
  }
  return { category, estimate, scopes };
}

/** A lookup value matched as written: Excel and LibreOffice read * ? ~ in it as wildcards (DESNZ names "R1234yf*"). */
const literal = (expression: string): string => `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${expression},"~","~~"),"*","~*"),"?","~?")`;

/** Totals by category and scope, in tCO2e, added up from every sheet's preview columns as the officer types. */
function writeSummary(sheet: ExcelJS.Worksheet, previews: TemplatePreviews, columns: ReadonlyMap<CategoryGroup, PreviewColumns>): void {
  writeTitle(sheet, 'Summary (preview)', 'Totals of the green preview column of every sheet, recalculated as you type. They are previews from per-unit figures: council-ghg recalculates every row exactly when it imports the workbook, and says if its total differs from the one shown here.');
  sheet.getCell('A2').alignment = { wrapText: true, vertical: 'top' };
  sheet.mergeCells('A2:E2');
  sheet.getRow(2).height = 45;
  const header = sheet.getRow(HEADER_ROW);
  header.values = ['Category', ...SCOPES.map((s) => `${SCOPE_LABELS[s]}${s === 'scope-2' ? ' location-based' : ''} (tCO2e)`), 'Total (tCO2e)'];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'bottom' };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  const groups = [...columns.entries()];
  const categories = [...new Set(CATEGORY_GROUPS.flatMap((g) => g.categories))].filter((c) => !APART_FROM_TOTALS.has(c));
  const sheetRef = (g: CategoryGroup) => `'${g.sheet.replace(/'/g, "''")}'`;
  const first = HEADER_ROW + 1;
  categories.forEach((category, i) => {
    const r = first + i;
    const row = sheet.getRow(r);
    row.getCell(1).value = CATEGORIES[category];
    SCOPES.forEach((scope, j) => {
      const sums = groups.map(([g, p]) => `SUMIFS(${sheetRef(g)}!$${p.scopes[scope]}:$${p.scopes[scope]},${sheetRef(g)}!$${p.category}:$${p.category},$A${r})`);
      row.getCell(2 + j).value = { formula: `(${sums.join('+')})/1000` };
    });
    row.getCell(5).value = { formula: `SUM(B${r}:D${r})` };
  });
  const lastCategory = first + categories.length - 1;
  const total = sheet.getRow(lastCategory + 1);
  total.getCell(1).value = SUMMARY_TOTAL_LABEL;
  ['B', 'C', 'D', 'E'].forEach((col, j) => (total.getCell(2 + j).value = { formula: `SUM(${col}${first}:${col}${lastCategory})` }));
  total.font = { bold: true };
  total.border = { top: { style: 'thin' } };
  for (let r = first; r <= lastCategory + 1; r++) for (let c = 2; c <= SUMMARY_TOTAL_COLUMN + 1; c++) sheet.getCell(r, c).numFmt = TONNES_FORMAT;
  const missing = sheet.getRow(lastCategory + 3);
  missing.getCell(1).value = 'Rows without a preview (source typed rather than chosen, or no factor for its unit)';
  missing.getCell(5).value = { formula: groups.map(([g, p]) => `COUNTIF(${sheetRef(g)}!$${p.estimate}:$${p.estimate},"no preview")`).join('+') };
  const year = previews.reportingYear === undefined ? '' : `; spend at ${reportingYearStart(previews.reportingYear)} prices`;
  const notes = [
    `Per-unit figures: ${previews.set.info.title} (${previews.set.id})${year}; scope 2 location-based. A different reporting year or factor set on the About sheet is applied on import.`,
    'Investments (scope 3 category 15) are reported apart from these totals.',
    'This sheet is protected, without a password, to keep its formulas intact: Review \u203a Unprotect Sheet in Excel (Tools \u203a Protect Sheet in LibreOffice) lifts it.',
  ];
  notes.forEach((note, i) => {
    const r = lastCategory + 5 + i;
    const cell = sheet.getCell(r, 1);
    cell.value = note;
    cell.font = { italic: true, size: 9 };
    cell.alignment = { wrapText: true, vertical: 'top' };
    sheet.mergeCells(r, 1, r, SUMMARY_TOTAL_COLUMN + 1);
    // A merged cell's row does not grow to fit its text: about 110 characters a line across the five columns.
    sheet.getRow(r).height = 13 * Math.ceil(note.length / 110);
  });
  sheet.columns = [{ width: 56 }, { width: 14 }, { width: 18 }, { width: 14 }, { width: 14 }];
  sheet.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
  sheet.views = [{ state: 'frozen', ySplit: HEADER_ROW }];
  sheet.pageSetup = { ...PRINT, orientation: 'portrait', printArea: printArea('E', lastCategory + 4 + notes.length) };
  // Without a password, so an officer can lift it deliberately; nothing is hashed, so the promise settles at once.
  void sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

const NUMBER_FIELDS: ReadonlySet<ActivityField> = new Set(['quantity', 'marketFactor', 'supplierFactor', 'includesVatAt', 'returnToSewer']);

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
    returnToSewer: record.returnToSewer === undefined ? undefined : new Decimal(record.returnToSewer).toFixed(),
    scope3Category: record.scope3Category,
    notes: record.notes,
  };
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, String(x)]));
}

/** Columns of the long CSV: every activity field but the date (a CSV row states its financial year instead) and a vehicle's fuel (its Source holds it). */
export const CSV_FIELDS: readonly ActivityField[] = ACTIVITY_FIELDS.filter((f) => f !== 'date' && f !== 'vehicleFuel');

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
