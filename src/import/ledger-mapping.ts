import { CATEGORIES, type Category } from '../activity/categories.js';
import type { SupplierFactor } from '../activity/record.js';
import type { Decimal } from '../decimal.js';
import { definedFields } from '../defined.js';
import { slug } from '../factors/key.js';
import { defaultFactorLibrary } from '../factors/default-library.js';
import { REPORTING_SPEND_CATEGORIES, type CouncilSpendCategory } from '../factors/spend/schema.js';
import { readCsvText } from '../tables/read-csv.js';
import type { SourceRow } from '../tables/table.js';
import { decodeText } from './encoding.js';
import { normaliseHeader } from './headers.js';
import { isNumberReading, readNumber } from './numbers.js';
import { UnusableInputError, type ImportProblem } from './result.js';

/**
 * What the mapping says of one code: the spend category and reporting category its spend is costed under, and any
 * VAT rate its amounts include or supplier factor that replaces the spend-based one.
 */
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

/** How a code is looked up: case and spacing do not matter ("E 100", "e 100"). */
export const mappingKey = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** What decides how spend is costed: two codes alike in these are summed together. */
export type Costing = Pick<SpendMappingEntry, 'category' | 'spendCategory' | 'includesVatAt' | 'supplierFactor'>;

/** Spend costed alike (the same category, spend category, VAT and supplier figure) has the same text. */
export const costedAlike = (t: Costing) =>
  `${t.category}|${t.spendCategory}|${t.includesVatAt?.toFixed() ?? ''}|${t.supplierFactor === undefined ? '' : `${t.supplierFactor.supplier}|${t.supplierFactor.kgCO2ePerGBP.toFixed()}`}`;

const defaultSpendCategories = () => defaultFactorLibrary('the council spend category table').spendCategories();

/**
 * Reads a mapping CSV. Its first column names the ledger column to match (so one format serves expense codes,
 * cost centres and supplier categories); "Spend category" names a council spend category ("ICT software and
 * services", "R&M buildings") or a SIC group ("62", "SIC 41.2") of the spend factor set; an optional "Reporting
 * category" may say purchased-goods-and-services, capital-goods or outsourced-services (default: the one the
 * spend category table gives, else purchased goods and services). A code mapped twice to different categories is
 * a problem, never last-one-wins. The table is the default factor library's unless given (`library.spendCategories()`);
 * with neither, a `NoFactorLibraryError`, as every code would otherwise fall to purchased goods and services unsaid.
 * @example
 * // Expense code,Spend category,Reporting category
 * // E100,ICT software and services,
 * // C200,Construction,capital-goods
 * const { mapping, problems } = readSpendMapping(readFileSync('mapping.csv', 'utf8'), 'mapping.csv');
 */
export function readSpendMapping(text: string, file: string, categories: readonly CouncilSpendCategory[] = defaultSpendCategories()): { mapping: SpendMapping; problems: ImportProblem[] } {
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
    const category: Category | undefined = reportingText === ''
      ? reportingOf.get(spend) ?? REPORTING_SPEND_CATEGORIES[0]
      : REPORTING_SPEND_CATEGORIES.find((c) => c === reportingText || asId(CATEGORIES[c]) === reportingText);
    if (category === undefined) {
      refused.add(mappingKey(key));
      fail('Reporting category', `'${cell(reportingAt)}' is not one of ${REPORTING_SPEND_CATEGORIES.join(', ')}`, cell(reportingAt));
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

/** Reads a mapping file from its bytes (encoding detected as for any CSV); the category table as `readSpendMapping` takes it. */
export function readSpendMappingBytes(bytes: Uint8Array, file: string, categories?: readonly CouncilSpendCategory[]): { mapping: SpendMapping; problems: ImportProblem[] } {
  const decoded = decodeText(bytes, file);
  const read = readSpendMapping(decoded.text, file, categories);
  return { mapping: read.mapping, problems: [...decoded.problems, ...read.problems] };
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
