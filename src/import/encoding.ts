import { Transform } from 'node:stream';
import { TextDecoder } from 'node:util';
import type { ImportProblem } from './result.js';

/** The text encodings a CSV file may be in; `detectEncoding` tells which. */
export const CSV_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
/** One of `CSV_ENCODINGS`. */
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export interface DecodedText {
  readonly text: string;
  readonly encoding: CsvEncoding;
  readonly problems: ImportProblem[];
}

/**
 * Which encoding bytes are in: a byte-order mark decides; else UTF-16 shows as NUL bytes beside ASCII; else valid
 * UTF-8 is UTF-8; else Windows-1252, the encoding of older finance exports ("£" as the single byte A3).
 */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const sample = bytes.subarray(0, 4096);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenNul++ : oddNul++;
  if (oddNul > sample.length / 4) return 'utf-16le';
  if (evenNul > sample.length / 4) return 'utf-16be';
  return isUtf8(bytes) ? 'utf-8' : 'windows-1252';
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    // stream: true tolerates a character cut off at the end of a sample.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a CSV file's bytes, detecting the encoding unless it is stated. A stated encoding the bytes
 * contradict is reported (with the line of the first bad character) instead of silently mangling "£" into "Â£"
 * or "�": that line's values would otherwise be misread.
 */
export function decodeText(bytes: Uint8Array, file: string, stated?: CsvEncoding): DecodedText {
  const encoding = stated ?? detectEncoding(bytes);
  const text = stripBom(new TextDecoder(encoding).decode(bytes));
  return { text, encoding, problems: encodingProblems(text, bytes, encoding, file, stated !== undefined) };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function encodingProblems(text: string, bytes: Uint8Array, encoding: CsvEncoding, file: string, stated: boolean): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const bad = text.indexOf('\ufffd');
  if (bad !== -1) {
    problems.push({
      severity: 'error',
      code: 'encoding',
      message: `The file is not valid ${encoding}${stated ? ' as stated' : ''}: characters could not be read. State the encoding the file was saved in (e.g. --encoding windows-1252)`,
      origin: { file, line: lineAt(text, bad) },
      value: text.slice(Math.max(0, bad - 10), bad + 10),
    });
  }
  // Windows-1252 stated or guessed for bytes that are valid UTF-8 with multi-byte characters: "Â£" mojibake.
  if (encoding === 'windows-1252' && bytes.some((b) => b >= 0x80) && isUtf8(bytes)) {
    const at = text.search(/[ÂÃâ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/);
    problems.push({
      severity: 'error',
      code: 'encoding',
      message: 'The file was read as windows-1252 but is UTF-8 ("£" would read as "Â£"): read it as utf-8',
      origin: { file, ...(at !== -1 ? { line: lineAt(text, at) } : {}) },
      ...(at !== -1 ? { value: text.slice(at, at + 10) } : {}),
    });
  }
  return problems;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) line++;
  return line;
}

/** Bytes held back before guessing a stream's encoding: a first chunk of one byte cannot show a BOM or NULs. */
const DETECT_BYTES = 4096;

/**
 * A stream of bytes to a stream of text in `encoding` (detected from the first 4 KiB unless stated), the BOM
 * dropped. `replaced` counts characters that could not be decoded, for the caller to report. A physical line
 * longer than `maxLineChars` cannot be a row within the column and cell limits: the text from there on is
 * dropped (the stream still reads to the end) and `overlongAt` says after how many characters, so one endless
 * line cannot fill memory inside the CSV parser.
 */
export class DecodeStream extends Transform {
  private decoder: TextDecoder | undefined;
  textEncoding: CsvEncoding | undefined;
  replaced = 0;
  overlongAt: number | undefined;
  /** The line (as an editor numbers them) that ran past `maxLineChars`. */
  overlongLine: number | undefined;
  private first = true;
  private held: Buffer[] = [];
  private heldBytes = 0;
  private chars = 0;
  private lineChars = 0;
  private lineBreaks = 0;
  /** The text passed on so far ended in CR: an LF first in the next text completes that CRLF. */
  private endedInCr = false;

  constructor(
    stated?: CsvEncoding,
    private readonly maxLineChars = Number.POSITIVE_INFINITY,
  ) {
    super({ readableObjectMode: true });
    this.textEncoding = stated;
  }

  override _transform(chunk: Buffer | string, _enc: BufferEncoding, done: (error?: Error | null, data?: string) => void): void {
    if (typeof chunk === 'string') return done(null, this.pass(chunk));
    if (this.decoder === undefined && this.textEncoding === undefined && this.heldBytes + chunk.length < DETECT_BYTES) {
      this.held.push(chunk);
      this.heldBytes += chunk.length;
      return done();
    }
    done(null, this.decode(chunk));
  }

  override _flush(done: (error?: Error | null, data?: string) => void): void {
    const held = this.decoder === undefined ? this.decode(Buffer.alloc(0)) : '';
    done(null, held + this.pass(this.decoder!.decode()));
  }

  private decode(chunk: Buffer): string {
    const bytes = this.held.length > 0 ? Buffer.concat([...this.held, chunk]) : chunk;
    this.held = [];
    this.heldBytes = 0;
    this.textEncoding ??= detectEncoding(bytes);
    this.decoder ??= new TextDecoder(this.textEncoding);
    return this.pass(this.decoder.decode(bytes, { stream: true }));
  }

  private pass(text: string): string {
    if (this.overlongAt !== undefined) return '';
    let t = text;
    if (this.first && t.length > 0) {
      this.first = false;
      t = stripBom(t);
    }
    for (let i = t.indexOf('\ufffd'); i !== -1; i = t.indexOf('\ufffd', i + 1)) this.replaced++;
    const lastBreak = Math.max(t.lastIndexOf('\n'), t.lastIndexOf('\r'));
    this.lineChars = lastBreak === -1 ? this.lineChars + t.length : t.length - lastBreak - 1;
    if (this.lineChars > this.maxLineChars) {
      // Within this chunk the line started at most maxLineChars before its end: keep the text up to the limit.
      const keep = Math.max(0, t.length - (this.lineChars - this.maxLineChars));
      this.overlongAt = this.chars + keep;
      t = t.slice(0, keep);
    }
    this.chars += t.length;
    this.countLineBreaks(t);
    if (this.overlongAt !== undefined) this.overlongLine = this.lineBreaks + 1;
    return t;
  }

  /** CRLF, LF and CR each end a line, as `normaliseLineEndings` reads them. */
  private countLineBreaks(t: string): void {
    for (let i = t.indexOf('\r'); i !== -1; i = t.indexOf('\r', i + 1)) this.lineBreaks++;
    for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) if (i === 0 ? !this.endedInCr : t[i - 1] !== '\r') this.lineBreaks++;
    if (t.length > 0) this.endedInCr = t.endsWith('\r');
  }
}
