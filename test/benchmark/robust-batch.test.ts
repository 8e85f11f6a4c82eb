import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../examples/build-submissions.js';
import { benchmark, parseSubmission, readSubmissionsDir, sharedView, type Submission } from '../../src/benchmark/index.js';

/**
 * The attacker: a participant (or anyone who can drop a file in the intake folder) who sends a file built to
 * crash the batch, so that no one's benchmark is published, or to make the batch drop other councils' files.
 */

const MILLION_NINES = '9'.repeat(1_000_000);
const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));
const goodNames = readdirSync(EXAMPLES_DIR).filter((n) => n.endsWith('.json')).sort().slice(0, 30);
const read = (name: string) => JSON.parse(readFileSync(join(EXAMPLES_DIR, name), 'utf8')) as Submission;

/** Hostile variants of one good submission (re-coded so they do not collide with it), each with the code it must be refused with. */
function hostile(good: Submission): Record<string, { json: unknown; code: string }> {
  const recoded = (onsCode: string) => ({ ...good, profile: { ...good.profile, onsCode } });
  const record = good.activity?.[0] ?? { category: 'buildings', source: 'natural-gas', quantity: '1', unit: 'kWh' };
  return {
    'million-digit-total.json': { json: { ...recoded('E06900901'), totals: { ...good.totals, total: MILLION_NINES } }, code: 'number-too-long' },
    'million-digit-fraction.json': { json: { ...recoded('E06900902'), totals: { ...good.totals, scope1: `1.${MILLION_NINES}` } }, code: 'number-too-long' },
    'million-digit-category.json': { json: { ...recoded('E06900903'), totals: { ...good.totals, byCategory: { buildings: MILLION_NINES } } }, code: 'number-too-long' },
    'million-digit-population.json': { json: { ...recoded('E06900904'), denominators: { population: MILLION_NINES } }, code: 'number-too-long' },
    'million-digit-quantity.json': { json: { ...recoded('E06900905'), activity: [{ ...record, quantity: MILLION_NINES }] }, code: 'number-too-long' },
    'deep-activity-field.json': { json: { ...recoded('E06900906'), activity: [{ ...record, note: nested(100_000) }] }, code: 'too-deeply-nested' },
    'deep-profile.json': { json: { ...recoded('E06900907'), profile: nested(100_000) }, code: 'too-deeply-nested' },
    'boolean-total.json': { json: { ...recoded('E06900908'), totals: { ...good.totals, total: true } }, code: 'invalid-field' },
    'array-categories.json': { json: { ...recoded('E06900909'), totals: { ...good.totals, byCategory: [1, 2] } }, code: 'invalid-field' },
    'million-char-name.json': { json: { ...good, profile: { ...good.profile, onsCode: 'E06900910', name: 'x'.repeat(1_000_000) } }, code: 'invalid-field' },
  };
}

describe('a batch survives any file an attacker sends', () => {
  it('a 10^6-digit number, deep nesting or odd types in a file are listed refusals, and the rest of the report is exactly as without them', () => {
    const root = mkdtempSync(join(tmpdir(), 'robust-batch-'));
    const goodDir = join(root, 'good');
    const mixedDir = join(root, 'mixed');
    mkdirSync(goodDir);
    mkdirSync(mixedDir);
    for (const n of goodNames) {
      cpSync(join(EXAMPLES_DIR, n), join(goodDir, n));
      cpSync(join(EXAMPLES_DIR, n), join(mixedDir, n));
    }
    const files = hostile(read(goodNames[0]!));
    // JSON.stringify itself overflows on deep nesting, so the deep lists are spliced into the text.
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const text = (json: unknown) => JSON.stringify(json, (_, v: unknown) => (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) ? '<deep>' : v)).replace('"<deep>"', deep);
    for (const [name, { json }] of Object.entries(files)) writeFileSync(join(mixedDir, name), text(json));

    const outcomes = readSubmissionsDir(mixedDir);
    const refused = Object.fromEntries(outcomes.filter((o) => o.status === 'rejected').map((o) => [basename(o.source), o.problems.map((p) => p.code).join(',')]));
    expect(refused).toEqual(Object.fromEntries(Object.entries(files).map(([name, { code }]) => [name, code])));
    const digits = outcomes.find((o) => basename(o.source) === 'million-digit-total.json')!.problems[0]!.message;
    expect(digits).toBe('totals.total: too many digits: at most 12 before the decimal point and 50 after');
    // The message names the rule, never echoes the million digits back.
    expect(digits.length).toBeLessThan(200);

    const used = (o: typeof outcomes) => o.flatMap((x) => (x.status === 'accepted' ? [x.submission] : []));
    expect(sharedView(benchmark(used(outcomes)))).toEqual(sharedView(benchmark(used(readSubmissionsDir(goodDir)))));
  });

  it('the same submissions passed in code are refused, not thrown on, and leave the others\' figures unchanged', () => {
    const good = goodNames.map(read);
    const bad = [...Object.values(hostile(good[0]!)).map(({ json }) => json), null, 42, 'a submission', [good[0]]] as Submission[];
    const result = benchmark([...bad, ...good]);
    expect(result.excluded).toHaveLength(bad.length);
    expect(sharedView(result).baseGroups).toEqual(sharedView(benchmark(good)).baseGroups);
  });

  it('parseSubmission never throws, whatever value is put anywhere in a submission (fast-check)', () => {
    const good = read(goodNames[0]!);
    const strange = fc.oneof(
      fc.anything({ withBigInt: false, withObjectString: true, withNullPrototype: true, withBoxedValues: true, withSparseArray: true }),
      fc.integer({ min: 13, max: 5000 }).map((n) => '7'.repeat(n)),
      fc.integer({ min: 17, max: 5000 }).map(nested),
      fc.constantFrom('1e999999999', '-0', 'NaN', 'Infinity', '0x10', '1_000', ' 12', '12 ', '١٢٣', '1.', '.5'),
    );
    // A path into the submission: a top-level part, then an optional field inside it.
    const paths = fc.tuple(fc.constantFrom('format', 'version', 'synthetic', 'profile', 'totals', 'denominators', 'excludedRecords', 'activity', 'extra'), fc.option(fc.string({ maxLength: 12 }), { nil: undefined }));
    fc.assert(
      fc.property(paths, strange, ([top, inner], value) => {
        const json = structuredClone(good) as unknown as Record<string, unknown>;
        const part = json[top];
        if (inner !== undefined && typeof part === 'object' && part !== null && !Array.isArray(part)) (part as Record<string, unknown>)[inner] = value;
        else json[top] = value;
        const result = parseSubmission(json, { file: 'attack.json' });
        if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
        expect(() => benchmark([json as unknown as Submission, ...goodNames.slice(1, 4).map(read)])).not.toThrow();
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});
