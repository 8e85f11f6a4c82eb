/**
 * The parts of an .xlsx read and written back without a compression library: the report adds its chart parts to
 * what exceljs writes, and exceljs cannot write charts. Every part is inflated for reading (with the platform's
 * own `DecompressionStream`, in Node and browsers alike); on writing, a part left as it was is copied with its
 * compressed bytes, and only the parts added or changed (a few small XML files) are stored uncompressed, so the
 * report stays as small as exceljs made it.
 */
export class ZipParts {
  private readonly changed = new Set<string>();

  private constructor(
    private readonly parts: Map<string, Uint8Array>,
    private readonly original: ReadonlyMap<string, RawEntry>,
  ) {}

  /** Every entry of the zip, inflated; anything but a well-formed zip is a programming error, so it throws. */
  static async read(bytes: Uint8Array): Promise<ZipParts> {
    const entries = readEntries(bytes);
    const parts = new Map<string, Uint8Array>();
    for (const [name, entry] of entries) parts.set(name, entry.method === 0 ? entry.data : await inflateRaw(entry.data));
    return new ZipParts(parts, entries);
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  get(name: string): Uint8Array | undefined {
    return this.parts.get(name);
  }

  set(name: string, data: Uint8Array): void {
    this.parts.set(name, data);
    this.changed.add(name);
  }

  /** A zip of the parts in their order ([Content_Types].xml first, as Office writes it), new ones after. */
  write(): Uint8Array {
    const encoder = new TextEncoder();
    const entries = [...this.parts].map(([name, data]) => {
      const kept = this.changed.has(name) ? undefined : this.original.get(name);
      return kept !== undefined
        ? { name: encoder.encode(name), ...kept }
        : { name: encoder.encode(name), method: 0, crc: crc32(data), size: data.length, data };
    });
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
      view.setUint16(p + 8, e.method, true);
      view.setUint16(p + 10, 0, true); // time 00:00
      view.setUint16(p + 12, 0x21, true); // date 1980-01-01
      view.setUint32(p + 14, e.crc, true);
      view.setUint32(p + 18, e.data.length, true);
      view.setUint32(p + 22, e.size, true);
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
}

/** An entry as stored: its method (0 stored, 8 deflated), checksum and size of the data it holds, and its bytes. */
interface RawEntry {
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly data: Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

function readEntries(bytes: Uint8Array): Map<string, RawEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== END) end--;
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, RawEntry>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error('damaged zip: central directory entry expected');
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (method !== 0 && method !== 8) throw new Error(`zip entry ${name} uses compression method ${method}`);
    if (view.getUint32(offset, true) !== LOCAL) throw new Error(`damaged zip: no local header for ${name}`);
    const data = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    entries.set(name, { method, crc, size, data: bytes.subarray(data, data + compressed) });
    at += 46 + skip;
  }
  return entries;
}

/** Deflated bytes inflated by the platform (Node 18+ and browsers have DecompressionStream). */
async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
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
