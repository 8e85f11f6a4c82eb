/**
 * The few Node Buffer methods the library calls on bytes it is given (the workbook checks in src/import/limits.ts
 * and src/import/inflate-check.ts, and Buffer.byteLength in importCsv), on a Uint8Array. esbuild injects it for the
 * free name `Buffer` in the page's bundles; nothing else of Node's Buffer is provided.
 */
const utf8 = new TextEncoder();

/** Bytes with Node Buffer's reading methods; made by `Buffer.from` and friends below. */
class NodeBytes extends Uint8Array {
  private get view(): DataView {
    return new DataView(this.buffer, this.byteOffset, this.byteLength);
  }

  readUInt32LE(at: number): number {
    return this.view.getUint32(at, true);
  }

  readUInt32BE(at: number): number {
    return this.view.getUint32(at, false);
  }

  readUInt16LE(at: number): number {
    return this.view.getUint16(at, true);
  }

  /** A byte, or a run of bytes, last found at or before `from`. */
  override lastIndexOf(search: number | Uint8Array, from: number = this.length - 1): number {
    if (typeof search === 'number') return super.lastIndexOf(search, from);
    for (let i = Math.min(from, this.length - search.length); i >= 0; i--) if (this.matchesAt(search, i)) return i;
    return -1;
  }

  override indexOf(search: number | Uint8Array, from = 0): number {
    if (typeof search === 'number') return super.indexOf(search, from);
    for (let i = from; i <= this.length - search.length; i++) if (this.matchesAt(search, i)) return i;
    return -1;
  }

  override includes(search: number | Uint8Array, from = 0): boolean {
    return this.indexOf(search, from) !== -1;
  }

  private matchesAt(search: Uint8Array, at: number): boolean {
    for (let j = 0; j < search.length; j++) if (this[at + j] !== search[j]) return false;
    return true;
  }

  override toString(encoding = 'utf8', start = 0, end = this.length): string {
    const bytes = this.subarray(start, end);
    if (encoding === 'latin1' || encoding === 'binary') {
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return text;
    }
    return new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-8').decode(bytes);
  }
}

export const Buffer = {
  /** Buffer.from(arrayBuffer, offset, length) (a view), Buffer.from(bytes) (a copy), Buffer.from(text, encoding). */
  from(value: ArrayBufferLike | ArrayLike<number> | string, offsetOrEncoding?: number | string, length?: number): NodeBytes {
    if (typeof value === 'string') return fromString(value, typeof offsetOrEncoding === 'string' ? offsetOrEncoding : 'utf8');
    if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)) {
      const offset = typeof offsetOrEncoding === 'number' ? offsetOrEncoding : 0;
      return new NodeBytes(value as ArrayBuffer, offset, length ?? value.byteLength - offset);
    }
    const array = value as ArrayLike<number>;
    const copy = new NodeBytes(array.length);
    for (let i = 0; i < array.length; i++) copy[i] = array[i]!;
    return copy;
  },
  alloc(size: number): NodeBytes {
    return new NodeBytes(size);
  },
  byteLength(text: string): number {
    return utf8.encode(text).byteLength;
  },
  isBuffer(value: unknown): value is NodeBytes {
    return value instanceof NodeBytes;
  },
};
export type Buffer = NodeBytes;

function fromString(text: string, encoding: string): NodeBytes {
  if (encoding === 'utf16le' || encoding === 'ucs2') {
    const out = new NodeBytes(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[i * 2] = c & 0xff;
      out[i * 2 + 1] = c >> 8;
    }
    return out;
  }
  if (encoding === 'latin1' || encoding === 'binary') return Buffer.from(Array.from(text, (c) => c.charCodeAt(0) & 0xff));
  const bytes = utf8.encode(text);
  return new NodeBytes(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
