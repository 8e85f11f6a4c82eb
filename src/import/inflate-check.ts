import { createInflateRaw } from 'node:zlib';
import type { ImportLimits, ZipPart } from './limits.js';
import { UnusableInputError } from './result.js';

const MERGE = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"/g;
/** Text kept from the end of one inflated chunk for the next, so a merge cut between chunks is still read. */
const CARRY = 256;

/**
 * Inflates every part of a workbook, counting what it really expands to and keeping none of it, before exceljs
 * sees the file: a zip directory can claim any sizes, and exceljs inflates each part whole (3 MB claiming little
 * became 3.1 GB). Stops as soon as the count passes limits.maxUncompressedBytes. The sheets' merged ranges are
 * counted on the way through: exceljs builds an object of about 5 KB for every merged cell (one merge over
 * A1:J1000000 exhausted a 2 GB heap), so more than limits.maxMergedCells refuses the workbook.
 */
export async function checkInflated(bytes: Uint8Array, parts: readonly ZipPart[], file: string, limits: ImportLimits): Promise<void> {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  const merges = { cells: 0, largest: '', largestCells: 0 };
  for (const part of parts) {
    const data = partData(view, part);
    if (data === undefined) continue;
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/.test(part.name);
    let carry = '';
    total += await inflate(data, part.method, limits.maxUncompressedBytes - total, (chunk) => {
      if (!sheet) return;
      const text = carry + chunk.toString('latin1');
      for (const m of text.matchAll(MERGE)) {
        if (m.index + m[0].length <= carry.length) continue;
        const cells = mergeCells(m);
        merges.cells += cells;
        if (cells > merges.largestCells) Object.assign(merges, { largest: m[3] === undefined ? `${m[1]}${m[2]}` : `${m[1]}${m[2]}:${m[3]}${m[4]}`, largestCells: cells });
      }
      carry = text.slice(-CARRY);
      if (merges.cells > limits.maxMergedCells) {
        throw new UnusableInputError(file, `the workbook merges ${merges.cells} cells or more (the largest merge ${merges.largest}, ${merges.largestCells} cells), over the limit of ${limits.maxMergedCells} (limits.maxMergedCells): unmerge the cells (Merge & Centre) and save it again`);
      }
    });
    if (total > limits.maxUncompressedBytes) {
      throw new UnusableInputError(file, `the workbook expands to more than ${limits.maxUncompressedBytes} bytes when inflated, over the limit (limits.maxUncompressedBytes), whatever its zip directory claims`);
    }
  }
}

/** The part's bytes as stored, located by its local header (whose own lengths say where the data begins). */
function partData(view: Buffer, part: ZipPart): Buffer | undefined {
  const at = part.localOffset;
  if (at + 30 > view.length || view.readUInt32LE(at) !== 0x04034b50) return undefined;
  const start = at + 30 + view.readUInt16LE(at + 26) + view.readUInt16LE(at + 28);
  return view.subarray(start, Math.min(view.length, start + part.compressedSize));
}

function mergeCells(m: RegExpMatchArray): number {
  if (m[3] === undefined) return 1;
  const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
  const columns = Math.abs(columnNumber(m[3]) - columnNumber(m[1]!)) + 1;
  return rows * columns;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + c.charCodeAt(0) - 64;
  return n;
}

/**
 * The bytes a part inflates to, up to just past `budget`: each chunk is handed to `onChunk` and dropped. Data
 * that will not inflate is left for exceljs to report as damage; a method other than stored or deflated too.
 */
function inflate(data: Buffer, method: number, budget: number, onChunk: (chunk: Buffer) => void): Promise<number> {
  if (method === 0) {
    onChunk(data);
    return Promise.resolve(data.length);
  }
  if (method !== 8) return Promise.resolve(0);
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    let n = 0;
    inflater.on('data', (chunk: Buffer) => {
      n += chunk.length;
      try {
        onChunk(chunk);
      } catch (error) {
        inflater.destroy();
        reject(error);
        return;
      }
      if (n > budget) {
        inflater.destroy();
        resolve(n);
      }
    });
    inflater.on('end', () => resolve(n));
    inflater.on('error', () => resolve(n));
    inflater.end(data);
  });
}
