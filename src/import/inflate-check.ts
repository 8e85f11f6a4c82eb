import type { MergeRange } from '../tables/merges.js';
import { columnIndex } from '../tables/table.js';
import { inflatePart, partData, type ZipPart } from '../tables/zip-parts.js';
import type { ImportLimits } from './limits.js';
import { UnusableInputError } from './result.js';

const MERGE = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref=["']([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?["']/g;
const MERGE_NAME = 'mergeCell';
/** Text kept from the end of one inflated chunk for the next, so a merge cut between chunks is still read. */
const CARRY = 256;

/**
 * Inflates every part of a workbook, counting what it really expands to and keeping none of it, before any row is
 * read: a zip directory can claim any sizes (3 MB claiming little became 3.1 GB in a reader that trusted it).
 * Stops as soon as the count passes limits.maxUncompressedBytes. The sheets' merged ranges are collected on the
 * way through, as the row reader needs them before the rows and a sheet gives them after; more than
 * limits.maxMergedCells cells merged refuses the workbook (one merge over A1:XFD1048576 would fill every row).
 * Returns each part's merged ranges, by part name.
 */
export async function checkInflated(bytes: Uint8Array, parts: readonly ZipPart[], file: string, limits: ImportLimits): Promise<Map<string, MergeRange[]>> {
  let total = 0;
  const merges = { cells: 0, largest: '', largestCells: 0 };
  const ranges = new Map<string, MergeRange[]>();
  const latin1 = new TextDecoder('latin1');
  for (const part of parts) {
    const data = partData(bytes, part);
    if (data === undefined) continue;
    // Any XML part: a workbook's relationships may put a sheet anywhere, and only sheets hold merged cells.
    const sheet = part.name.endsWith('.xml');
    let carry = '';
    total += await inflatePart(data, part.method, limits.maxUncompressedBytes - total, (chunk) => {
      if (!sheet) return;
      // Most of a long sheet is rows: a chunk with no part of a merge is decoded only for the text carried to the next.
      if (!mayHoldMerge(carry, chunk, latin1)) {
        carry = (carry + latin1.decode(chunk.subarray(Math.max(0, chunk.byteLength - CARRY)))).slice(-CARRY);
        return;
      }
      const text = carry + latin1.decode(chunk);
      for (const m of text.matchAll(MERGE)) {
        if (m.index + m[0].length <= carry.length) continue;
        const range = mergeRange(m);
        const cells = (range.bottom - range.top + 1) * (range.right - range.left + 1);
        if (cells > 1) {
          const list = ranges.get(part.name) ?? [];
          ranges.set(part.name, list);
          list.push(range);
        }
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
  return ranges;
}

function mergeRange(m: RegExpMatchArray): MergeRange {
  const [r1, c1] = [Number(m[2]), columnIndex(m[1]!)];
  const [r2, c2] = m[3] === undefined ? [r1, c1] : [Number(m[4]), columnIndex(m[3])];
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
}

/**
 * Whether the text carried over and the chunk after it can hold a merge: every merge names its element, so some of
 * the name is in the carried text, in the chunk, or across the edge between them.
 */
function mayHoldMerge(carry: string, chunk: Uint8Array, latin1: { decode(bytes: Uint8Array): string }): boolean {
  return (
    carry.includes(MERGE_NAME) ||
    Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).includes(MERGE_NAME) ||
    (carry.slice(-MERGE_NAME.length) + latin1.decode(chunk.subarray(0, MERGE_NAME.length))).includes(MERGE_NAME)
  );
}
