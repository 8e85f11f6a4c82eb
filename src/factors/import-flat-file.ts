import { parseDecimal, type Decimal } from '../decimal.js';
import type { Problem } from '../problem.js';
import { columnLetters, isBlankRow, type SourceRow, type SourceTable } from '../tables/table.js';
import { describePath, factorKey, type FactorPath } from './key.js';
import { MEASURES, measureOfLabel } from './measure.js';
import { FactorScopeSchema, type SkippedRow, type StoredFactorValue } from './schema.js';

export type FlatFileProblemCode =
  | 'no-header-row'
  | 'missing-column'
  | 'year-unknown'
  | 'year-mismatch'
  | 'unknown-scope'
  | 'unknown-measure'
  | 'missing-path'
  | 'duplicate-key'
  | 'formula-without-value'
  | 'non-numeric-value';

export type FlatFileProblem = Problem<FlatFileProblemCode>;

export interface FlatFileImport {
  readonly year: number;
  /** Imported values, sorted by key then measure, ready to store. */
  readonly values: readonly StoredFactorValue[];
  /** Source rows not imported, each with its reason (blank factor, non-numeric text, END marker). */
  readonly skipped: readonly SkippedRow[];
  /** Data rows read (non-blank rows below the header). Always values + skipped + rows with error problems. */
  readonly rowsRead: number;
  readonly problems: readonly FlatFileProblem[];
}

/** Columns of the DESNZ "flat file" layout. "GHG" was the name of "GHG/Unit" before 2022. */
const COLUMN_NAMES: Record<string, string> = {
  scope: 'Scope', level1: 'Level 1', level2: 'Level 2', level3: 'Level 3', level4: 'Level 4', columnText: 'Column Text', uom: 'UOM', ghg: 'GHG/Unit',
};
const REQUIRED_COLUMNS = {
  scope: ['scope'],
  level1: ['level 1'],
  level2: ['level 2'],
  level3: ['level 3'],
  level4: ['level 4'],
  columnText: ['column text'],
  uom: ['uom'],
  ghg: ['ghg/unit', 'ghg'],
} as const;
type Column = keyof typeof REQUIRED_COLUMNS | 'value' | 'id';
const VALUE_HEADER = /^ghg conversion factor(?:\s+(\d{4}))?$/;
const HEADER_SEARCH_ROWS = 30;

function normaliseHeader(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Reads a published DESNZ/BEIS conversion factors table ("Factors by Category" sheet or its CSV export).
 * Every non-blank row below the header ends in exactly one place: `values`, `skipped` (with its reason),
 * or `problems` (an error naming the row). The caller decides to refuse the set if there are errors.
 */
export function importFlatFile(table: SourceTable, options: { year?: number } = {}): FlatFileImport {
  const problems: FlatFileProblem[] = [];
  const at = (row: SourceRow | undefined, column?: number) => ({
    file: table.file,
    ...(table.sheet !== undefined ? { sheet: table.sheet } : {}),
    ...(row !== undefined ? { line: row.line } : {}),
    ...(row !== undefined && column !== undefined && table.sheet !== undefined ? { cell: `${columnLetters(column)}${row.line}` } : {}),
  });
  const empty = (year: number): FlatFileImport => ({ year, values: [], skipped: [], rowsRead: 0, problems });

  const headerIndex = table.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => {
    const names = row.cells.map((c) => normaliseHeader(c.text));
    return names.includes('scope') && names.includes('level 1');
  });
  const header = table.rows[headerIndex];
  if (header === undefined) {
    problems.push({
      severity: 'error', code: 'no-header-row', origin: at(undefined),
      message: `No header row with "Scope" and "Level 1" in the first ${HEADER_SEARCH_ROWS} rows: this is not a DESNZ flat-file layout`,
    });
    return empty(options.year ?? 0);
  }

  const columns = locateColumns(header);
  const missing = Object.keys(REQUIRED_COLUMNS).filter((c) => columns[c as Column] === undefined).map((c) => COLUMN_NAMES[c]!);
  const valueColumn = columns.value;
  if (valueColumn === undefined) missing.push('GHG Conversion Factor YYYY');
  if (missing.length > 0 || valueColumn === undefined) {
    problems.push({
      severity: 'error', code: 'missing-column', origin: at(header),
      message: `Header row lacks column(s): ${missing.join(', ')}`,
      value: header.cells.map((c) => c.text).filter((t) => t !== '').join(' | '),
    });
    return empty(options.year ?? 0);
  }

  const headerYear = columns.valueYear;
  if (options.year !== undefined && headerYear !== undefined && options.year !== headerYear) {
    problems.push({
      severity: 'error', code: 'year-mismatch', origin: at(header, valueColumn),
      message: `--year ${options.year} disagrees with the value column's year ${headerYear}`,
    });
    return empty(options.year);
  }
  const year = options.year ?? headerYear;
  if (year === undefined) {
    problems.push({
      severity: 'error', code: 'year-unknown', origin: at(header, valueColumn),
      message: 'The value column names no year: give it with --year',
    });
    return empty(0);
  }

  const values: StoredFactorValue[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Map<string, number>();
  let rowsRead = 0;
  for (const row of table.rows.slice(headerIndex + 1)) {
    if (isBlankRow(row)) continue;
    rowsRead++;
    const text = (c: Column) => (columns[c] === undefined ? '' : (row.cells[columns[c]!]?.text ?? '').trim());
    const path: FactorPath = {
      level1: text('level1'), level2: text('level2'), level3: text('level3'), level4: text('level4'), columnText: text('columnText'),
    };
    const pathText = describePath(path);
    const rawValue = text('value');

    if (isEndMarker(row)) {
      skipped.push({ source_row: row.line, reason: 'end-marker', value: rowText(row), path: '' });
      continue;
    }
    if (path.level1 === '' || text('uom') === '') {
      problems.push({ severity: 'error', code: 'missing-path', origin: at(row), message: 'Row has no Level 1 or no UOM', value: rowText(row) });
      continue;
    }
    const scope = FactorScopeSchema.safeParse(text('scope'));
    if (!scope.success) {
      problems.push({ severity: 'error', code: 'unknown-scope', origin: at(row, columns.scope), message: `Scope must be one of Scope 1, Scope 2, Scope 3, Outside of Scopes`, value: text('scope') });
      continue;
    }
    const valueCell = row.cells[valueColumn];
    if (valueCell?.formulaWithoutValue === true) {
      problems.push({ severity: 'error', code: 'formula-without-value', origin: at(row, valueColumn), message: 'Factor cell is a formula with no saved value: open and save the file in Excel, then import again' });
      continue;
    }
    if (rawValue === '') {
      skipped.push({ source_row: row.line, reason: 'blank-value', value: '', path: pathText });
      continue;
    }
    const measure = measureOfLabel(text('ghg'));
    if (measure === undefined) {
      // E.g. a stray "`" in DESNZ 2020/2021 SECR rows: listed and reported, never guessed.
      skipped.push({ source_row: row.line, reason: 'unknown-measure', value: text('ghg'), path: pathText });
      problems.push({ severity: 'warning', code: 'unknown-measure', origin: at(row, columns.ghg), message: `GHG/Unit label of ${pathText} is not recognised; row skipped`, value: text('ghg') });
      continue;
    }
    const value = parseDecimal(rawValue);
    if (value === undefined) {
      // DESNZ publishes a few text values such as "< 1": kept out of the set, listed, never guessed.
      skipped.push({ source_row: row.line, reason: 'non-numeric-value', value: rawValue, path: pathText });
      problems.push({ severity: 'warning', code: 'non-numeric-value', origin: at(row, valueColumn), message: `Factor for ${pathText} is not a number; row skipped`, value: rawValue });
      continue;
    }
    const key = factorKey(path, text('uom'));
    const seenAt = seen.get(`${key}|${measure}`);
    if (seenAt !== undefined) {
      problems.push({
        severity: 'error', code: 'duplicate-key', origin: at(row),
        message: `Key ${key} (${measure}) already read from row ${seenAt}: the set would be ambiguous`,
        value: pathText,
      });
      continue;
    }
    seen.set(`${key}|${measure}`, row.line);
    values.push({
      key, measure, value: canonical(value), scope: scope.data,
      level_1: path.level1, level_2: path.level2, level_3: path.level3, level_4: path.level4, column_text: path.columnText,
      uom: text('uom'), source_row: row.line, source_id: text('id'),
    });
  }
  return { year, values: sortValues(values), skipped, rowsRead, problems };
}

/** DESNZ closes the table with a row holding only "END" (in one or two cells). */
function isEndMarker(row: SourceRow): boolean {
  const texts = row.cells.map((c) => c.text.trim()).filter((t) => t !== '');
  return texts.length > 0 && texts.every((t) => t.toUpperCase() === 'END');
}

function rowText(row: SourceRow): string {
  return row.cells.map((c) => c.text.trim()).filter((t) => t !== '').join(' ');
}

/** Plain notation, no exponent, trailing zeros dropped: the one spelling of a value in stored sets. */
export function canonical(value: Decimal): string {
  return value.toFixed();
}

function locateColumns(header: SourceRow): Partial<Record<Column, number>> & { valueYear?: number } {
  const names = header.cells.map((c) => normaliseHeader(c.text));
  const found: Partial<Record<Column, number>> & { valueYear?: number } = {};
  for (const [column, synonyms] of Object.entries(REQUIRED_COLUMNS)) {
    const index = names.findIndex((n) => (synonyms as readonly string[]).includes(n));
    if (index >= 0) found[column as Column] = index;
  }
  const id = names.indexOf('id');
  if (id >= 0) found.id = id;
  const valueIndex = names.findIndex((n) => VALUE_HEADER.test(n));
  if (valueIndex >= 0) {
    found.value = valueIndex;
    const year = VALUE_HEADER.exec(names[valueIndex]!)?.[1];
    if (year !== undefined) found.valueYear = Number(year);
  }
  return found;
}

function sortValues(values: StoredFactorValue[]): StoredFactorValue[] {
  return values.sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : MEASURES.indexOf(a.measure) - MEASURES.indexOf(b.measure),
  );
}

