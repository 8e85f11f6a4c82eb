/**
 * The parts of an .xlsx written with every entry stored (exceljs's `compression: 'STORE'`), read and written back
 * without a compression library: the report adds its chart parts to what exceljs writes, and exceljs cannot write
 * charts. Stored entries need no inflating, so this runs in Node and in the browser alike; the workbook is larger
 * than a deflated one, which Excel, LibreOffice and Power BI do not mind.
 */
export type ZipParts = Map<string, Uint8Array>;

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** The entries of a zip whose entries are all stored; anything else is a programming error, so it throws. */
export function readStoredZip(bytes: Uint8Array): ZipParts {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== END) end--;
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const parts: ZipParts = new Map();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error('damaged zip: central directory entry expected');
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (method !== 0) throw new Error(`zip entry ${name} is compressed: write the workbook with compression 'STORE'`);
    if (view.getUint32(offset, true) !== LOCAL) throw new Error(`damaged zip: no local header for ${name}`);
    const data = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    parts.set(name, bytes.subarray(data, data + size));
    at += 46 + skip;
  }
  return parts;
}

/** A zip of the parts, each stored, in the order given ([Content_Types].xml first, as Office writes it). */
export function writeStoredZip(parts: ZipParts): Uint8Array {
  const encoder = new TextEncoder();
  const entries = [...parts].map(([name, data]) => ({ name: encoder.encode(name), data, crc: crc32(data) }));
  const size = entries.reduce((n, e) => n + 30 + e.name.length + e.data.length + 46 + e.name.length, 22);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  const header = (signature: number, e: (typeof entries)[number], central: boolean) => {
    view.setUint32(at, signature, true);
    const p = central ? at + 2 : at; // the central entry has "version made by" before the fields they share
    if (central) view.setUint16(at + 4, 20, true);
    view.setUint16(p + 4, 20, true); // version needed: 2.0
    view.setUint16(p + 6, 0x0800, true); // names are UTF-8
    view.setUint16(p + 8, 0, true); // stored
    view.setUint16(p + 10, 0, true); // time 00:00
    view.setUint16(p + 12, 0x21, true); // date 1980-01-01
    view.setUint32(p + 14, e.crc, true);
    view.setUint32(p + 18, e.data.length, true);
    view.setUint32(p + 22, e.data.length, true);
    view.setUint16(p + 26, e.name.length, true);
  };
  for (const e of entries) {
    offsets.push(at);
    header(LOCAL, e, false);
    out.set(e.name, at + 30);
    out.set(e.data, at + 30 + e.name.length);
    at += 30 + e.name.length + e.data.length;
  }
  const centralStart = at;
  entries.forEach((e, i) => {
    header(CENTRAL, e, true);
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(e.name, at + 46);
    at += 46 + e.name.length;
  });
  view.setUint32(at, END, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}

let table: Uint32Array | undefined;

function crc32(data: Uint8Array): number {
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of data) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
