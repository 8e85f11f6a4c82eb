import type ExcelJS from 'exceljs';
import { cellText } from './cell-text.js';
import { MergeFill, type MergeRange } from './merges.js';
import { columnIndex, type CellText, type SourceRow } from './table.js';
import { attribute, decodeCellText, decodeXml, ElementStream, elementPattern, stringItemText, WorkbookDamage } from './xlsx-xml.js';
import { inflatePart, partData, PartUnreadable, type ZipPart } from './zip-parts.js';

/** A workbook: a path (Node), or its bytes. */
export type XlsxInput = string | Uint8Array | ArrayBuffer;

/** A worksheet as the workbook lists it, in the workbook's order. */
export interface WorkbookSheet {
  readonly name: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  /** The zip part holding its cells. */
  readonly part: string;
}

export { WorkbookDamage };

export interface SheetReadOptions {
  /** At most this many cells of a row are read; the first non-blank one beyond is reported as `overflowColumn`. */
  readonly maxColumns?: number;
  /** The sheet's merged ranges (the sheet's XML gives them only after its rows). */
  readonly merges?: readonly MergeRange[];
}

/** Longest unfinished element held while reading (characters): one row of 1,000 cells of 32,767 characters fits. */
const MAX_PENDING = 64 * 1024 * 1024;
/** Built-in number formats that are dates or times (ECMA-376 §18.8.30), besides custom formats that say so. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const DAY_MS = 24 * 3600 * 1000;
const MAX_ROW = 1_048_576;
const CELL_REF = /^[A-Z]{1,3}\d{1,7}$/;
const NUMBER = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
const CELL = elementPattern('c');
const VALUE = elementPattern('v');
const FORMULA = /<(?:[\w.-]+:)?f(?=[\s/>])/;
const INLINE = elementPattern('is');

/**
 * Reads an .xlsx workbook sheet by sheet and row by row, holding one row at a time (plus the shared strings,
 * which every sheet refers to): a baseline of 100,000 rows is never a workbook object in memory. Values read as
 * exceljs reads them — numbers as the stored double, dates by the cell's number format, formulas by their cached
 * result, errors as errors — then go through the same `cellText`, so both readers give the same rows.
 */
export class XlsxRowReader {
  private constructor(
    private readonly bytes: Uint8Array,
    private readonly parts: ReadonlyMap<string, ZipPart>,
    readonly sheets: readonly WorkbookSheet[],
    private readonly dateStyles: readonly boolean[],
    private readonly sharedStrings: readonly string[],
    private readonly date1904: boolean,
  ) {}

  /** Reads the workbook's sheet list, styles and shared strings; `parts` from the zip directory (`checkZip`). */
  static async open(bytes: Uint8Array, parts: readonly ZipPart[]): Promise<XlsxRowReader> {
    const byName = new Map(parts.map((p) => [p.name, p]));
    const workbook = await partText(bytes, byName, 'xl/workbook.xml', true);
    const rels = await partText(bytes, byName, 'xl/_rels/workbook.xml.rels', true);
    const styles = await partText(bytes, byName, 'xl/styles.xml', false);
    const strings: string[] = [];
    const shared = byName.get('xl/sharedStrings.xml');
    if (shared !== undefined) {
      const items = new ElementStream('si', (_, content) => strings.push(content === undefined ? '' : stringItemText(content)), MAX_PENDING, tooLong('xl/sharedStrings.xml'));
      await inflateText(bytes, shared, (text) => items.push(text));
      items.finish();
    }
    const pr = /<(?:[\w.-]+:)?workbookPr\b([^>]*)>/.exec(workbook);
    const date1904 = pr !== null && ['1', 'true'].includes(attribute(pr[1]!, 'date1904') ?? '');
    return new XlsxRowReader(bytes, byName, sheetList(workbook, rels, byName), dateStyleList(styles), strings, date1904);
  }

  /** Hands `onRow` each row of the sheet that has a cell, in order, with merged ranges filled. */
  async readSheet(sheet: WorkbookSheet, onRow: (row: SourceRow) => void, options: SheetReadOptions = {}): Promise<void> {
    const part = this.parts.get(sheet.part);
    if (part === undefined) throw new WorkbookDamage(`the sheet '${sheet.name}' is listed but its part ${sheet.part} is missing`);
    const maxColumns = options.maxColumns ?? Number.POSITIVE_INFINITY;
    const merges = new MergeFill(options.merges ?? [], maxColumns);
    // Only the row read has cells beyond the limit; rows that merges make have none.
    let read: { line: number; overflowColumn: number } | undefined;
    const emit = (line: number, cells: CellText[]) => onRow(read?.line === line ? { line, cells, overflowColumn: read.overflowColumn } : { line, cells });
    let previous = 0;
    const rows = new ElementStream('row', (attributes, content) => {
      const r = attribute(attributes, 'r');
      const line = r === undefined ? previous + 1 : Number(r);
      if (!Number.isSafeInteger(line) || line < 1 || line > MAX_ROW) throw new WorkbookDamage(`${sheet.part} has a row numbered '${r ?? line}', not a row of a sheet`);
      previous = line;
      if (content === undefined) return;
      const { cells, overflowColumn } = this.rowCells(content, maxColumns);
      if (cells.length === 0 && overflowColumn === undefined) return;
      read = overflowColumn === undefined ? undefined : { line, overflowColumn };
      merges.rows(line, cells, emit);
    }, MAX_PENDING, tooLong(sheet.part), 'sheetData');
    await inflateText(this.bytes, part, (text) => rows.push(text));
    rows.finish();
    read = undefined;
    merges.finish(emit);
  }

  private rowCells(content: string, maxColumns: number): { cells: CellText[]; overflowColumn?: number } {
    const cells: CellText[] = [];
    let column = -1;
    let overflowColumn: number | undefined;
    CELL.lastIndex = 0;
    for (let m = CELL.exec(content); m !== null; m = CELL.exec(content)) {
      const attributes = m[1]!;
      const ref = attribute(attributes, 'r');
      if (ref !== undefined && !CELL_REF.test(ref)) throw new WorkbookDamage(`a cell is addressed '${ref.slice(0, 40)}', not a cell of a sheet`);
      column = ref === undefined ? column + 1 : columnIndex(ref);
      const text = this.cell(attributes, m[2]);
      if (column >= maxColumns) {
        if (overflowColumn === undefined && (text.text.trim() !== '' || text.formulaWithoutValue === true)) overflowColumn = column;
        continue;
      }
      while (cells.length < column) cells.push(EMPTY);
      cells[column] = text;
    }
    // A row of only empty, styled cells has no values: exceljs leaves such rows out, and so does this reader.
    const valued = cells.some((c) => c !== EMPTY);
    return { cells: valued ? cells : [], ...(overflowColumn !== undefined ? { overflowColumn } : {}) };
  }

  private cell(attributes: string, content: string | undefined): CellText {
    if (content === undefined) return EMPTY;
    const type = attribute(attributes, 't');
    const v = VALUE.exec(content);
    VALUE.lastIndex = 0;
    // An empty <v> is no value, except a formula's text result: a formula that gave "" shows an empty cell.
    const raw = v?.[2] === undefined || (v[2] === '' && type !== 'str') ? undefined : decodeXml(v[2]);
    if (FORMULA.test(content)) {
      const result = raw === undefined ? undefined : this.value(type, raw, attributes);
      return cellText({ formula: '', result } as ExcelJS.CellFormulaValue);
    }
    if (type === 'inlineStr') {
      const inline = INLINE.exec(content);
      INLINE.lastIndex = 0;
      return cellText(inline?.[2] === undefined ? null : stringItemText(inline[2]));
    }
    if (raw === undefined) return EMPTY;
    return cellText(this.value(type, raw, attributes));
  }

  private value(type: string | undefined, raw: string, attributes: string): ExcelJS.CellValue {
    switch (type) {
      case 's': {
        const text = /^\d+$/.test(raw) ? this.sharedStrings[Number(raw)] : undefined;
        if (text === undefined) throw new WorkbookDamage(`a cell refers to shared string ${raw}, which the workbook does not have`);
        return text;
      }
      case 'str':
      case 'inlineStr':
        return decodeCellText(raw);
      case 'b':
        return Number.parseInt(raw, 10) !== 0;
      case 'e':
        return { error: raw } as ExcelJS.CellErrorValue;
      case 'd':
        return new Date(raw);
      default: {
        // Only a number: markup or text inside a value is damage, never read as its leading digits.
        if (!NUMBER.test(raw)) throw new WorkbookDamage(`a cell's value '${raw.slice(0, 40)}' is not a number where the workbook says it holds one`);
        const n = Number(raw);
        const style = Number(attribute(attributes, 's') ?? 0);
        return this.dateStyles[style] === true ? new Date(Math.round((n - 25569 + (this.date1904 ? 1462 : 0)) * DAY_MS)) : n;
      }
    }
  }
}

const EMPTY: CellText = Object.freeze({ text: '' });

function tooLong(part: string): () => Error {
  return () => new WorkbookDamage(`${part} holds one element of over ${MAX_PENDING} characters, longer than any row a workbook can hold`);
}

async function inflateText(bytes: Uint8Array, part: ZipPart, onText: (text: string) => void): Promise<void> {
  const data = partData(bytes, part);
  if (data === undefined) throw new WorkbookDamage(`its part ${part.name} is not where its zip directory says`);
  const decoder = new TextDecoder('utf-8');
  let size: number;
  try {
    size = await inflatePart(data, part.method, Number.POSITIVE_INFINITY, (chunk) => onText(decoder.decode(chunk, { stream: true })), true);
  } catch (error) {
    if (error instanceof PartUnreadable) throw new WorkbookDamage(`its part ${part.name} will not inflate: ${error.message}`);
    throw error;
  }
  if (size !== part.size) throw new WorkbookDamage(`its part ${part.name} inflates to ${size} bytes where its zip directory says ${part.size}: damaged in copying, or altered`);
  onText(decoder.decode());
}

async function partText(bytes: Uint8Array, parts: ReadonlyMap<string, ZipPart>, name: string, required: boolean): Promise<string> {
  const part = parts.get(name);
  if (part === undefined) {
    if (required) throw new WorkbookDamage(`the part ${name} is missing`);
    return '';
  }
  let text = '';
  await inflateText(bytes, part, (chunk) => (text += chunk));
  return text;
}

/** The worksheets in the workbook's order, each with its part (chart sheets and others left out, as exceljs does). */
function sheetList(workbook: string, rels: string, parts: ReadonlyMap<string, ZipPart>): WorkbookSheet[] {
  const targets = new Map<string, string>();
  for (const [, attributes] of rels.matchAll(elementPattern('Relationship'))) {
    const [id, type, target] = [attribute(attributes!, 'Id'), attribute(attributes!, 'Type'), attribute(attributes!, 'Target')];
    if (id !== undefined && target !== undefined && type?.endsWith('/worksheet') === true) targets.set(id, partName(target));
  }
  const sheets: WorkbookSheet[] = [];
  for (const [, attributes] of workbook.matchAll(elementPattern('sheet'))) {
    const name = attribute(attributes!, 'name');
    const part = targets.get(attribute(attributes!, 'id') ?? '');
    if (name === undefined || part === undefined) continue;
    if (!parts.has(part)) throw new WorkbookDamage(`the sheet '${name}' is listed but its part ${part} is missing`);
    const state = attribute(attributes!, 'state');
    sheets.push({ name, part, state: state === 'hidden' || state === 'veryHidden' ? state : 'visible' });
  }
  return sheets;
}

/** A relationship target as a zip part name: relative to xl/, or absolute from the package root. */
function partName(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const segments: string[] = [];
  for (const s of path.split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.' && s !== '') segments.push(s);
  }
  return segments.join('/');
}

/** For each cell style (the `s` of a cell), whether its number format shows a date or time. */
function dateStyleList(styles: string): boolean[] {
  const custom = new Map<number, string>();
  for (const [, attributes] of styles.matchAll(elementPattern('numFmt'))) {
    custom.set(Number(attribute(attributes!, 'numFmtId')), attribute(attributes!, 'formatCode') ?? '');
  }
  const xfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(styles)?.[1] ?? '';
  return [...xfs.matchAll(elementPattern('xf'))].map(([, attributes]) => {
    const id = Number(attribute(attributes!, 'numFmtId') ?? 0);
    const format = custom.get(id);
    return format !== undefined ? isDateFormat(format) : DATE_FORMAT_IDS.has(id);
  });
}

/** A format code shows a date or time when, outside quoted text and [brackets], it uses y, m, d, h, s or b. */
function isDateFormat(format: string): boolean {
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}
