import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMULA_TRIGGERS, neutraliseCell } from '../../src/report/index.js';

describe('neutraliseCell', () => {
  it.each(['=', '+', '-', '@', '\t', '\r'])('prefixes text starting with %j with an apostrophe', (trigger) => {
    expect(neutraliseCell(`${trigger}1+1`)).toBe(`'${trigger}1+1`);
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseCell('Civic Centre')).toBe('Civic Centre');
    expect(neutraliseCell('12 = 3 x 4')).toBe('12 = 3 x 4');
    expect(neutraliseCell('')).toBe('');
  });

  it('never returns text that starts with a trigger, and only ever adds the prefix', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...FORMULA_TRIGGERS).chain((t) => fc.string().map((s) => t + s))), (text) => {
        const out = neutraliseCell(text);
        expect(FORMULA_TRIGGERS.some((t) => out.startsWith(t))).toBe(false);
        expect(out === text || out === `'${text}`).toBe(true);
      }),
    );
  });
});
