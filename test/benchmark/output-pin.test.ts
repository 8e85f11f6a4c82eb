import { describe, expect, it } from 'vitest';
import { pinOutputs, readGolden } from './fixtures/pin-cases.js';

/** The first line where two texts differ, with a little context, so a failure says which figure moved. */
function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  const line = a.findIndex((text, i) => text !== e[i]);
  const at = line === -1 ? Math.min(a.length, e.length) : line;
  return `line ${at + 1}: expected ${JSON.stringify(e[at])}, got ${JSON.stringify(a[at])} (after ${JSON.stringify(e.slice(Math.max(0, at - 3), at).join(' / '))})`;
}

describe('benchmark output is pinned (byte for byte, against the golden file written before it was made fast)', () => {
  const golden = readGolden();
  const actual = pinOutputs();

  it('produces the same outputs, in the same order', () => {
    expect([...actual.keys()]).toEqual([...golden.keys()]);
    // The cases reach what the pin is about: published and withheld quartiles, totals, every reason, bands.
    const audit = golden.get('default audit')!;
    for (const reason of ['below-threshold', 'small-cohort', 'dominance', 'secondary', 'equals-council-value', 'tied-values']) expect(audit).toContain(`"reason": "${reason}"`);
    expect(golden.get('release 2 audit')).toContain('"reason": "earlier-release"');
    const council = [...golden].filter(([name]) => name.startsWith('default council')).map(([, text]) => text).join('\n');
    for (const band of ['lowest-quarter', 'second-quarter', 'third-quarter', 'highest-quarter']) expect(council).toContain(`"value": "${band}"`);
    // Histograms: published bands, and some withheld, in the first release and against the ledger in the second.
    for (const name of ['default shared', 'release 2 shared']) expect(golden.get(name)).toMatch(/"histogram": \{\s+"status": "published",\s+"bands"/);
    expect(golden.get('default audit')).toMatch(/"histogram": \{\s+"status": "suppressed"/);
  });

  for (const name of golden.keys()) {
    it(name, () => {
      const text = actual.get(name);
      expect(text, `no output named ${name}`).toBeDefined();
      if (text !== golden.get(name)) expect.fail(firstDifference(text!, golden.get(name)!));
    });
  }
});
