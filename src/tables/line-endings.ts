/**
 * Every line break as LF. Exports mix endings (a CRLF header pasted above LF rows, a lone CR from an old Mac
 * export), while a CSV parser takes one ending for the whole file: lines ended otherwise would be read into one
 * record. Each line's own ending is kept as one break, so line numbers are unchanged; a line break inside a
 * quoted cell reads as LF too.
 */
export function normaliseLineEndings(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/**
 * `normaliseLineEndings` for text arriving in chunks of any size: a CR at the end of a chunk waits for the next,
 * which may begin with the LF of the same CRLF.
 */
export class LineEndingStream {
  private pendingCr = false;

  push(chunk: string): string {
    let text = this.pendingCr ? `\r${chunk}` : chunk;
    this.pendingCr = text.endsWith('\r');
    if (this.pendingCr) text = text.slice(0, -1);
    return normaliseLineEndings(text);
  }

  end(): string {
    const rest = this.pendingCr ? '\n' : '';
    this.pendingCr = false;
    return rest;
  }
}
