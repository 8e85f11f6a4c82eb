/**
 * The little XML the workbook reader needs, on strings: SpreadsheetML is machine-written, flat and regular, so
 * elements are found with patterns rather than a general parser. Element names may carry any namespace prefix
 * (`<x:row>`), as some writers give them.
 */

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Excel's own escape for characters XML cannot hold (a carriage return is `_x000D_`). */
const OOXML_ESCAPE = /_x([0-9A-F]{4})_/g;

/** The workbook cannot be read as it stands: a part is missing, will not inflate, or is not the XML it should be. */
export class WorkbookDamage extends Error {
  override readonly name = 'WorkbookDamage';
}

/** An `&` that begins none of XML's entities: the part is not well-formed. */
const BARE_AMPERSAND = /&(?!(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);)/;

export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  const bare = BARE_AMPERSAND.exec(text);
  if (bare !== null) throw new WorkbookDamage(`one of its XML parts is not well-formed (an '&' that begins no entity: '${text.slice(bare.index, bare.index + 12)}')`);
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name]!;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The text of `<t>` elements, entities and Excel's `_xHHHH_` escapes decoded. */
export function decodeCellText(text: string): string {
  const decoded = decodeXml(text);
  return decoded.includes('_x') ? decoded.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : decoded;
}

/** An attribute's value (decoded), with or without a namespace prefix on its name. */
export function attribute(attributes: string, name: string): string | undefined {
  const at = attributes.indexOf(`${name}=`);
  if (at === -1) return undefined;
  const before = attributes.charCodeAt(at - 1);
  // The name must start the attribute (` r=` or `:id=`), not end a longer one (`spans=` for `s=`).
  if (before !== 32 && before !== 9 && before !== 10 && before !== 13 && before !== 58) return attributeSlow(attributes, name);
  const quote = attributes[at + name.length + 1];
  if (quote !== '"' && quote !== "'") return undefined;
  const end = attributes.indexOf(quote, at + name.length + 2);
  return end === -1 ? undefined : decodeXml(attributes.slice(at + name.length + 2, end));
}

function attributeSlow(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|[\\s:])${name}=(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return m === null ? undefined : decodeXml(m[1] ?? m[2]!);
}

/** Pattern for one element `name` (any prefix): group 1 its attributes, group 2 its content (undefined when empty). */
export function elementPattern(name: string): RegExp {
  return new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>)`, 'g');
}

const TEXT = elementPattern('t');
const PHONETIC = elementPattern('rPh');

/** A string item (`<si>` or `<is>`) as text: its runs' text joined, phonetic guides left out. */
export function stringItemText(content: string): string {
  const plain = content.includes('rPh') ? content.replace(PHONETIC, '') : content;
  let text = '';
  for (const m of plain.matchAll(TEXT)) if (m[2] !== undefined) text += decodeCellText(m[2]);
  return text;
}

/**
 * Feeds `onElement` each complete `name` element of a text arriving in chunks, holding only the unfinished tail.
 * Stops reading once `end` (a closing tag name such as 'sheetData') has passed; `finish` reads what is left. The
 * tail is held in pieces and each chunk is searched only where it is new, so a long row arriving in many chunks
 * costs its length, not its length squared. The tail is bounded by `maxPending` characters.
 */
export class ElementStream {
  private readonly pattern: RegExp;
  private readonly end: RegExp | undefined;
  /** What a complete element's closing tag ends with (`</row>` and `</x:row>` alike end in "row>"). */
  private readonly closing: string;
  private held: string[] = [];
  private heldLength = 0;
  private done = false;

  constructor(
    name: string,
    private readonly onElement: (attributes: string, content: string | undefined) => void,
    private readonly maxPending: number,
    private readonly tooLong: () => Error,
    end?: string,
  ) {
    this.pattern = elementPattern(name);
    // The end is the element's closing tag, or the element written empty (`<sheetData/>`).
    this.end = end === undefined ? undefined : new RegExp(`</(?:[\\w.-]+:)?${end}>|<(?:[\\w.-]+:)?${end}\\s*/>`);
    this.closing = `${name}>`;
  }

  push(text: string): void {
    if (this.done) return;
    // The new text, with enough of what is held before it to find a tag cut between the two.
    const tail = this.held.at(-1)?.slice(-64) ?? '';
    const probe = tail + text;
    const closed = this.end?.exec(probe);
    if (closed !== undefined && closed !== null) {
      this.done = true;
      this.read(this.held.join('') + text, this.heldLength - tail.length + closed.index);
    } else if (probe.includes(this.closing)) {
      const buffer = this.held.join('') + text;
      // Elements are read up to the last closing tag; an element written empty waits for the next one, or the end.
      this.read(buffer, buffer.lastIndexOf(this.closing) + this.closing.length);
    } else {
      this.held.push(text);
      this.heldLength += text.length;
    }
    if (this.heldLength > this.maxPending) throw this.tooLong();
  }

  /** Reads the elements the text ended with (a text with no end tag, such as the shared strings). */
  finish(): void {
    if (!this.done) {
      this.done = true;
      const buffer = this.held.join('');
      this.read(buffer, buffer.length);
    }
  }

  private read(buffer: string, upTo: number): void {
    const region = buffer.slice(0, upTo);
    this.pattern.lastIndex = 0;
    let consumed = 0;
    for (let m = this.pattern.exec(region); m !== null; m = this.pattern.exec(region)) {
      this.onElement(m[1]!, m[2]);
      consumed = this.pattern.lastIndex;
    }
    const rest = this.done ? '' : buffer.slice(consumed);
    this.held = rest === '' ? [] : [rest];
    this.heldLength = rest.length;
  }
}
