import { definedFields } from '../defined.js';
import type { Origin } from '../problem.js';
import { isBlankRow, type SourceRow } from '../tables/table.js';
import type { ZipPart } from '../tables/zip-parts.js';
import { UnusableInputError, type ImportProblem, type RowAccount } from './result.js';

/** Bounds on what an import will read, so a damaged or hostile file is refused instead of exhausting memory. */
export interface ImportLimits {
  /** Largest file read whole: a workbook, or CSV given as text or bytes (a CSV stream is never held whole). */
  readonly maxFileBytes: number;
  /** Largest total uncompressed size of a workbook's zip entries (zip bombs). */
  readonly maxUncompressedBytes: number;
  readonly maxZipEntries: number;
  /** Most non-blank rows on one sheet or in one CSV file; later rows are not imported. */
  readonly maxRows: number;
  /** Most columns a row may use (up to its last non-blank cell). */
  readonly maxColumns: number;
  /** Longest text of one cell, in characters (Excel's own limit is 32,767). */
  readonly maxCellChars: number;
  /** Most cells a workbook's merged ranges may cover, together (the workbook reader holds each merged cell). */
  readonly maxMergedCells: number;
}

/** The import limits used unless a caller gives others: sizes, rows and cells beyond which a file is refused. */
export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 500 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxRows: 200_000,
  maxColumns: 1_000,
  maxCellChars: 32_767,
  maxMergedCells: 20_000,
};

/** The limits in force: the defaults, with any stated ones checked (a typo must not switch a limit off). */
export function importLimits(stated: Partial<ImportLimits> = {}): ImportLimits {
  for (const [name, value] of Object.entries(stated)) {
    if (!(name in DEFAULT_LIMITS)) throw new TypeError(`unknown import limit '${name}'; known: ${Object.keys(DEFAULT_LIMITS).join(', ')}`);
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 1)) throw new TypeError(`import limit ${name} must be a whole number of at least 1, not ${String(value)}`);
  }
  return { ...DEFAULT_LIMITS, ...definedFields(stated) };
}

/** Refuses a file held whole that is over `limits.maxFileBytes`. */
export function checkFileSize(bytes: number, file: string, limits: ImportLimits, hint: string): void {
  if (bytes > limits.maxFileBytes) throw new UnusableInputError(file, `the file is ${bytes} bytes, over the limit of ${limits.maxFileBytes} (limits.maxFileBytes); ${hint}`);
}

/** Where the rows of one table are, for the problems a limit raises. */
export interface RowPlaces {
  readonly row: (line: number) => Origin;
  readonly cell: (line: number, index: number) => Origin;
}

/**
 * Applies maxRows, maxColumns and maxCellChars to the non-blank rows of one table (a sheet, or a CSV file), before
 * the importer sees them. A row over a limit is accounted as rejected with a `limit-exceeded` problem naming the
 * limit and the cell; rows beyond maxRows are counted, not kept, and reported once by `finish`.
 */
export class RowLimiter {
  private rows = 0;
  private firstOver: number | undefined;

  constructor(
    private readonly limits: ImportLimits,
    private readonly places: RowPlaces,
    private readonly sink: { problem(p: ImportProblem): void; account(a: RowAccount): void },
  ) {}

  /** True when the row may be imported; blank rows pass (the importer ignores them). */
  admit(row: SourceRow): boolean {
    if (isBlankRow(row)) return true;
    this.rows++;
    if (this.rows > this.limits.maxRows) {
      this.firstOver ??= row.line;
      return false;
    }
    const reject = (index: number, message: string, value?: string) => {
      this.sink.problem({ severity: 'error', code: 'limit-exceeded', message, origin: this.places.cell(row.line, index), ...(value !== undefined ? { value } : {}) });
      this.sink.account({ origin: this.places.row(row.line), outcome: 'problem', records: 0, problems: 1 });
      return false;
    };
    const wide = row.overflowColumn ?? lastFilled(row);
    if (wide >= this.limits.maxColumns) {
      return reject(wide, `The row has a value in column ${wide + 1}, beyond the limit of ${this.limits.maxColumns} columns (limits.maxColumns): the row was not imported`);
    }
    const long = row.cells.findIndex((c) => c.text.length > this.limits.maxCellChars);
    if (long !== -1) {
      const text = row.cells[long]!.text;
      return reject(long, `The cell holds ${text.length} characters, over the limit of ${this.limits.maxCellChars} (limits.maxCellChars): the row was not imported`, `${text.slice(0, 40)}…`);
    }
    return true;
  }

  /** Reports the rows beyond maxRows, if any. */
  finish(table: Origin): void {
    if (this.firstOver === undefined) return;
    const over = this.rows - this.limits.maxRows;
    this.sink.problem({
      severity: 'error',
      code: 'limit-exceeded',
      message: `${this.rows} non-blank rows, over the limit of ${this.limits.maxRows} (limits.maxRows): the last ${over}, from line ${this.firstOver} on, were not imported`,
      origin: { ...table, line: this.firstOver },
    });
  }
}

function lastFilled(row: SourceRow): number {
  for (let i = row.cells.length - 1; i >= 0; i--) if (row.cells[i]!.text.trim() !== '' || row.cells[i]!.formulaWithoutValue === true) return i;
  return -1;
}

const CONVERT = 'open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)';
/** "EncryptionInfo" as UTF-16LE: the stream an encrypted Office file's compound-file directory names. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/**
 * Checks a workbook's bytes before any parser sees them: an .xlsx is a zip holding xl/workbook.xml. Old .xls
 * files and password-protected workbooks are OLE compound files (told apart by the EncryptionInfo stream);
 * .ods is a zip without xl/. The zip's central directory gives entry count and uncompressed sizes without
 * inflating anything; those sizes may lie, so the parts are returned for `checkInflated` to measure.
 */
export function checkZip(bytes: Uint8Array, file: string, limits: ImportLimits): ZipPart[] {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length >= 8 && view.readUInt32BE(0) === 0xd0cf11e0) {
    if (view.includes(ENCRYPTION_INFO)) throw new UnusableInputError(file, 'a password-protected (encrypted) workbook: open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it) and save it again');
    throw new UnusableInputError(file, `an old binary .xls workbook (or another password-protected Office file): remove any password and ${CONVERT}`);
  }
  if (view.length < 22 || view.readUInt32LE(0) !== 0x04034b50) throw new UnusableInputError(file, `not an .xlsx workbook (it is not a zip file); ${CONVERT}, or save a .csv`);
  const eocd = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd === -1 || eocd + 22 > view.length) throw new UnusableInputError(file, 'a damaged .xlsx workbook (its zip directory is missing or truncated)');
  const entries = view.readUInt16LE(eocd + 10);
  let offset = view.readUInt32LE(eocd + 16);
  if (entries === 0xffff || offset === 0xffffffff) throw new UnusableInputError(file, 'a ZIP64 workbook (over 4 GB or 65,535 parts), larger than any council baseline');
  if (entries > limits.maxZipEntries) throw new UnusableInputError(file, `the workbook has ${entries} parts, over the limit of ${limits.maxZipEntries} (limits.maxZipEntries)`);
  let total = 0;
  const parts: ZipPart[] = [];
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > view.length || view.readUInt32LE(offset) !== 0x02014b50) throw new UnusableInputError(file, 'a damaged .xlsx workbook (its zip directory is corrupt)');
    total += view.readUInt32LE(offset + 24);
    const nameLength = view.readUInt16LE(offset + 28);
    parts.push({ name: view.toString('utf8', offset + 46, offset + 46 + nameLength), method: view.readUInt16LE(offset + 10), compressedSize: view.readUInt32LE(offset + 20), size: view.readUInt32LE(offset + 24), localOffset: view.readUInt32LE(offset + 42) });
    offset += 46 + nameLength + view.readUInt16LE(offset + 30) + view.readUInt16LE(offset + 32);
  }
  const names = parts.map((p) => p.name);
  if (total > limits.maxUncompressedBytes) {
    throw new UnusableInputError(file, `the workbook expands to ${total} bytes, over the limit of ${limits.maxUncompressedBytes} (limits.maxUncompressedBytes)`);
  }
  if (!names.includes('xl/workbook.xml')) {
    const ods = names.includes('content.xml') && names.includes('mimetype');
    throw new UnusableInputError(file, ods ? `an OpenDocument spreadsheet (.ods): in LibreOffice use File › Save As › Excel 2007-365 (.xlsx)` : `a zip file but not an .xlsx workbook; ${CONVERT}`);
  }
  return parts;
}
