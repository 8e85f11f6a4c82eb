import { UnusableInputError } from './result.js';

/** Bounds on what an import will read, so a damaged or hostile file is refused instead of exhausting memory. */
export interface ImportLimits {
  /** Largest workbook read whole (larger ledgers are streamed). */
  readonly maxFileBytes: number;
  /** Largest total uncompressed size of a workbook's zip entries (zip bombs). */
  readonly maxUncompressedBytes: number;
  readonly maxZipEntries: number;
  /** Most rows on one sheet. */
  readonly maxRows: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 500 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxRows: 200_000,
};

const CONVERT = 'open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)';

/**
 * Checks a workbook's bytes before any parser sees them: an .xlsx is a zip holding xl/workbook.xml. Old .xls
 * files and password-protected workbooks are OLE compound files; .ods is a zip without xl/. The zip's central
 * directory gives entry count and uncompressed sizes without inflating anything.
 */
export function checkZip(bytes: Uint8Array, file: string, limits: ImportLimits): void {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length >= 8 && view.readUInt32BE(0) === 0xd0cf11e0) {
    throw new UnusableInputError(file, `an old binary .xls workbook or a password-protected file: remove any password and ${CONVERT}`);
  }
  if (view.length < 22 || view.readUInt32LE(0) !== 0x04034b50) throw new UnusableInputError(file, `not an .xlsx workbook (it is not a zip file); ${CONVERT}, or save a .csv`);
  const eocd = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd === -1 || eocd + 22 > view.length) throw new UnusableInputError(file, 'a damaged .xlsx workbook (its zip directory is missing or truncated)');
  const entries = view.readUInt16LE(eocd + 10);
  let offset = view.readUInt32LE(eocd + 16);
  if (entries === 0xffff || offset === 0xffffffff) throw new UnusableInputError(file, 'a ZIP64 workbook (over 4 GB or 65,535 parts), larger than any council baseline');
  if (entries > limits.maxZipEntries) throw new UnusableInputError(file, `the workbook has ${entries} parts, over the limit of ${limits.maxZipEntries} (limits.maxZipEntries)`);
  let total = 0;
  const names: string[] = [];
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > view.length || view.readUInt32LE(offset) !== 0x02014b50) throw new UnusableInputError(file, 'a damaged .xlsx workbook (its zip directory is corrupt)');
    total += view.readUInt32LE(offset + 24);
    const nameLength = view.readUInt16LE(offset + 28);
    names.push(view.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + view.readUInt16LE(offset + 30) + view.readUInt16LE(offset + 32);
  }
  if (total > limits.maxUncompressedBytes) {
    throw new UnusableInputError(file, `the workbook expands to ${total} bytes, over the limit of ${limits.maxUncompressedBytes} (limits.maxUncompressedBytes)`);
  }
  if (!names.includes('xl/workbook.xml')) {
    const ods = names.includes('content.xml') && names.includes('mimetype');
    throw new UnusableInputError(file, ods ? `an OpenDocument spreadsheet (.ods): in LibreOffice use File › Save As › Excel 2007-365 (.xlsx)` : `a zip file but not an .xlsx workbook; ${CONVERT}`);
  }
}
