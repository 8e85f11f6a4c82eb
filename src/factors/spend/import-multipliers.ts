import { parseDecimal } from '../../decimal.js';
import type { Problem } from '../../problem.js';
import { columnLetters, isBlankRow, type SourceRow, type SourceTable } from '../../tables/table.js';
import { sicGroupId } from './spend-set.js';
import type { StoredSpendFactor } from './schema.js';

export type SpendImportProblemCode = 'no-header-row' | 'non-numeric-value' | 'negative-value' | 'duplicate-group' | 'missing-code';
export type SpendImportProblem = Problem<SpendImportProblemCode>;

export interface SpendMultipliersImport {
  /** Sorted by group then year. */
  readonly values: readonly StoredSpendFactor[];
  readonly years: { readonly first: number; readonly last: number };
  readonly groupCount: number;
  /** Data rows read below the header; each is imported whole or named by an error. */
  readonly rowsRead: number;
  readonly problems: readonly SpendImportProblem[];
}

const YEAR = /^(19|20)\d{2}$/;
const HEADER_SEARCH_ROWS = 30;

/**
 * Reads the Defra / University of Leeds multipliers table ("GHG_SIC_multipliers": SIC code, SIC category, one
 * column per year, kg CO2e per £) from any reader's rows. Every data row is imported whole (a value per year
 * column) or is an error naming its cell; the caller refuses the set on any error.
 */
export function importSpendMultipliers(table: SourceTable): SpendMultipliersImport {
  const problems: SpendImportProblem[] = [];
  const at = (row: SourceRow, column: number) => ({ file: table.file, ...(table.sheet !== undefined ? { sheet: table.sheet, cell: `${columnLetters(column)}${row.line}` } : { line: row.line, column: columnLetters(column) }) });
  const headerIndex = table.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => r.cells.filter((c) => YEAR.test(c.text.trim())).length > 0 && /sic|code/i.test(r.cells[0]?.text ?? ''));
  const header = table.rows[headerIndex];
  if (header === undefined) {
    problems.push({ severity: 'error', code: 'no-header-row', message: `No header row (a SIC code column, a title column and year columns such as 2023) in the first ${HEADER_SEARCH_ROWS} rows`, origin: { file: table.file } });
    return { values: [], years: { first: 0, last: 0 }, groupCount: 0, rowsRead: 0, problems };
  }
  const yearColumns = header.cells.flatMap((c, i) => (YEAR.test(c.text.trim()) ? [{ year: Number(c.text.trim()), column: i }] : []));
  const values: StoredSpendFactor[] = [];
  const seen = new Map<string, number>();
  let rowsRead = 0;
  for (const row of table.rows.slice(headerIndex + 1)) {
    if (isBlankRow(row)) continue;
    rowsRead++;
    const code = row.cells[0]?.text.trim() ?? '';
    const title = row.cells[1]?.text.trim() ?? '';
    if (code === '' || title === '') {
      problems.push({ severity: 'error', code: 'missing-code', message: 'A data row needs a SIC code and its title', origin: at(row, code === '' ? 0 : 1), value: code || title });
      continue;
    }
    const group = sicGroupId(code);
    const first = seen.get(group);
    if (first !== undefined) {
      problems.push({ severity: 'error', code: 'duplicate-group', message: `SIC group '${code}' appears twice (first on row ${first})`, origin: at(row, 0), value: code });
      continue;
    }
    seen.set(group, row.line);
    const rowValues: StoredSpendFactor[] = [];
    for (const { year, column } of yearColumns) {
      const text = row.cells[column]?.text.trim() ?? '';
      const value = parseDecimal(text);
      if (value === undefined) {
        problems.push({ severity: 'error', code: 'non-numeric-value', message: `${code} ${year}: '${text}' is not a number`, origin: at(row, column), value: text });
        continue;
      }
      // Published values are at least zero; a negative one would be a misread column, never a real multiplier.
      if (value.isNegative()) {
        problems.push({ severity: 'error', code: 'negative-value', message: `${code} ${year}: a multiplier cannot be negative`, origin: at(row, column), value: text });
        continue;
      }
      rowValues.push({ group, code, title, year, kgCO2e_per_gbp: value.toFixed(), source_row: row.line });
    }
    values.push(...rowValues);
  }
  values.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.year - b.year));
  const years = yearColumns.map((y) => y.year);
  return { values, years: { first: Math.min(...years), last: Math.max(...years) }, groupCount: seen.size, rowsRead, problems };
}
