import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflatePart } from '../../src/tables/zip-parts.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A deflated part of `size` bytes of XML-like text. */
const deflated = (size: number) => deflateRawSync(Buffer.from('<row><c><v>1</v></c></row>'.repeat(Math.ceil(size / 26)).slice(0, size)));

describe('inflatePart', () => {
  it('hands every inflated byte to the reader, in chunks, and counts them', async () => {
    const part = deflated(3_000_000);
    let seen = 0;
    let chunks = 0;
    const total = await inflatePart(part, 8, Number.POSITIVE_INFINITY, (chunk) => {
      seen += chunk.length;
      chunks++;
    });
    expect(total).toBe(3_000_000);
    expect(seen).toBe(3_000_000);
    expect(chunks).toBeGreaterThan(1);
  });

  it('no longer holds the reader once it has resolved, though what awaits it still runs inside zlib\'s callback', async () => {
    // The reader's state (here one large object) must be free to collect as soon as the part is read: the caller goes
    // on to calculate from what it read, within the same callback, where the inflater is still a root.
    let held: WeakRef<object> | undefined;
    const read = (() => {
      const state = { rows: Array.from({ length: 100_000 }, (_, i) => i) };
      held = new WeakRef(state);
      return inflatePart(deflated(1_000_000), 8, Number.POSITIVE_INFINITY, (chunk) => void state.rows.push(chunk.length));
    })();
    await read;
    // Still inside zlib's callback (the continuation runs in its microtasks): collect, then look.
    gc();
    expect(held!.deref()).toBeUndefined();
  });
});
