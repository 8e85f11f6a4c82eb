import { UnusableInputError } from './result.js';

/**
 * Why a workbook reader failed, in words a person can act on where the readers' own are known: the zip readers'
 * ("Bug : …", "invalid signature: 0x65746144", "FILE_ENDED"), the XML parser's ("4:288: undefined entity") and
 * a part too large to hold (RangeError). Anything else is given as the reader said it.
 */
export function damage(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  if (/size mismatch|crc32|corrupted zip|unexpected signature|end of data/i.test(reason)) return 'its zip parts do not match the sizes or checksums its directory gives: damaged in copying, or altered';
  if (/^invalid signature/i.test(reason)) return 'its zip parts are not where its directory says: damaged in copying, or altered';
  if (/^FILE_ENDED$/.test(reason)) return 'the file ends part-way through one of its zip parts: it was cut short, as by an incomplete download or copy';
  const xml = /^(\d+):(\d+): (.*?)\.?$/.exec(reason);
  if (xml !== null) return `one of its XML parts is not well-formed (line ${xml[1]}, column ${xml[2]}: ${xml[3]})`;
  if (error instanceof RangeError) return `one of its parts is too large to read (${reason})`;
  return reason;
}

/** A workbook no reader could read, with the reason and what to do. */
export function damagedWorkbook(file: string, reason: string): UnusableInputError {
  return new UnusableInputError(file, `a damaged .xlsx workbook that cannot be read (${reason}); open it in Excel or LibreOffice, repair it and save it again`);
}
