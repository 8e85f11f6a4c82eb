import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../examples/build-submissions.js';
import { benchmark, readSubmissionsDir, sharedView, type Submission } from '../../src/benchmark/index.js';

/** Broken files of every kind a batch receives, generated beside copies of the good examples. */
function brokenFiles(good: Submission): Record<string, string | Buffer> {
  const text = JSON.stringify(good);
  return {
    'empty.json': '',
    'truncated.json': text.slice(0, text.length / 2),
    'not-json.json': 'council,total\nsomewhere,123\n',
    'binary.json': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x13]),
    'array.json': '[1, 2, 3]',
    'wrong-version.json': JSON.stringify({ ...good, version: 9 }),
    'bad-scopes.json': JSON.stringify({ ...good, profile: { ...good.profile, onsCode: 'E07900998' }, totals: { ...good.totals, scope1: '999999' } }),
    'bad-code.json': JSON.stringify({ ...good, profile: { ...good.profile, onsCode: 'E10900999' } }),
    'schema.json': JSON.stringify({ ...good, profile: { ...good.profile, onsCode: 'E07900997', reportingYear: '2023-24' } }),
    'bom-copy.json': '\uFEFF' + JSON.stringify(good),
    'notes.txt': 'not a submission',
  };
}

describe('batch isolation', () => {
  it('every file is used or listed with its reason, and the result equals a run without the broken files', () => {
    const root = mkdtempSync(join(tmpdir(), 'bench-batch-'));
    const clean = join(root, 'clean');
    const mixed = join(root, 'mixed');
    cpSync(EXAMPLES_DIR, clean, { recursive: true });
    cpSync(EXAMPLES_DIR, mixed, { recursive: true });
    const good = JSON.parse(readFileSync(join(clean, 'E07900001-2023-24.json'), 'utf8')) as Submission;
    for (const [name, content] of Object.entries(brokenFiles(good))) writeFileSync(join(mixed, name), content);
    mkdirSync(join(mixed, 'a-folder'));

    const cleanOutcomes = readSubmissionsDir(clean);
    const mixedOutcomes = readSubmissionsDir(mixed);
    expect(mixedOutcomes.map((o) => basename(o.source)).sort()).toEqual(readdirSync(mixed).sort());
    const rejected = Object.fromEntries(mixedOutcomes.filter((o) => o.status === 'rejected').map((o) => [basename(o.source), o.problems.map((p) => p.code)]));
    expect(rejected).toEqual({
      'a-folder': ['not-json-file'],
      'empty.json': ['invalid-json'],
      'truncated.json': ['invalid-json'],
      'not-json.json': ['invalid-json'],
      'binary.json': ['invalid-json'],
      'array.json': ['not-a-submission'],
      'wrong-version.json': ['unsupported-version'],
      'bad-scopes.json': ['total-mismatch'],
      'bad-code.json': ['code-does-not-match-type'],
      'schema.json': ['invalid-field'],
      'notes.txt': ['not-json-file'],
      // An identical copy (with a byte-order mark) of a good file counts once: the first by name is used.
      'bom-copy.json': ['duplicate-copy'],
    });
    for (const o of mixedOutcomes) for (const p of o.problems) expect(p.message.length).toBeGreaterThan(0);

    const accepted = (outcomes: typeof cleanOutcomes) => outcomes.flatMap((o) => (o.status === 'accepted' ? [o.submission] : []));
    expect(accepted(mixedOutcomes)).toHaveLength(accepted(cleanOutcomes).length);
    expect(sharedView(benchmark(accepted(mixedOutcomes)))).toEqual(sharedView(benchmark(accepted(cleanOutcomes))));
  });

  it('a file over the size limit is refused without being read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-big-'));
    writeFileSync(join(dir, 'big.json'), 'x'.repeat(2048));
    expect(readSubmissionsDir(dir, 1024)[0]!.problems.map((p) => p.code)).toEqual(['file-too-large']);
  });
});
