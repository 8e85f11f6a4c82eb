import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../examples/build-submissions.js';
import { MAX_SUBMISSION_BYTES, readSubmissionsDir } from '../../src/benchmark/load.js';
import { benchmarkCommand } from '../../src/cli/commands/benchmark.js';
import { EXIT, type CliIO } from '../../src/cli/io.js';
import { workbookBytes } from '../import/support.js';

function recorder(): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [];
  const errText: string[] = [];
  return { outText, errText, out: (t) => outText.push(t), err: (t) => errText.push(t) };
}

/** Deterministic bytes (a linear congruential generator), so the garbage is the same on every run. */
function garbage(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let s = seed;
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    bytes[i] = s >>> 24;
  }
  return bytes;
}

type Entry = string | Buffer | 'folder';

/** Fifty broken entries of every kind a batch receives, each with the problem code it must be listed with. */
async function brokenEntries(goodNames: readonly string[], read: (name: string) => string): Promise<Record<string, { content: Entry; code: string }>> {
  const text = JSON.stringify(JSON.parse(read(goodNames[0]!)));
  const good = JSON.parse(text) as { profile: Record<string, unknown>; totals: Record<string, unknown>; [k: string]: unknown };
  const other = (onsCode: string, change: object = {}) => JSON.stringify({ ...good, profile: { ...good.profile, onsCode }, ...change });
  const entries: Record<string, { content: Entry; code: string }> = {};
  const add = (name: string, code: string, content: Entry) => (entries[name] = { content, code });
  [1, 10, 50, 100, 200, 500, 1000, Math.floor(text.length / 2), text.length - 2, text.length - 1].forEach((n, i) => add(`truncated-${i}.json`, 'invalid-json', text.slice(0, n)));
  [1, 7, 64, 1000, 4096].forEach((n, i) => add(`garbage-${i}.json`, 'invalid-json', garbage(n, i + 1)));
  add('array.json', 'not-a-submission', '[1, 2, 3]');
  add('null.json', 'not-a-submission', 'null');
  add('string.json', 'not-a-submission', '"a submission"');
  add('number.json', 'not-a-submission', '42');
  add('empty-object.json', 'not-a-submission', '{}');
  add('deep.json', 'not-a-submission', '['.repeat(100_000) + ']'.repeat(100_000));
  add('wrong-format.json', 'not-a-submission', JSON.stringify({ ...good, format: 'someone-else/v1' }));
  add('wrong-version.json', 'unsupported-version', JSON.stringify({ ...good, version: 9 }));
  add('bad-year.json', 'invalid-field', other('E06900980', { profile: { ...good.profile, onsCode: 'E06900980', reportingYear: '2023-24' } }));
  add('bad-total.json', 'invalid-field', other('E06900981', { totals: { ...good.totals, total: 'lots' } }));
  add('infinite-total.json', 'invalid-field', other('E06900982').replace(/"total":"[^"]*"/, '"total":1e400'));
  add('nan-total.json', 'invalid-json', other('E06900983').replace(/"total":"[^"]*"/, '"total":NaN'));
  add('mismatch.json', 'total-mismatch', other('E06900984', { totals: { ...good.totals, scope1: '999999' } }));
  add('code-type.json', 'code-does-not-match-type', other('E07900985'));
  add('proto.json', 'not-a-submission', '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
  add('trailing.json', 'invalid-json', text + ' and then some');
  goodNames.slice(1, 4).forEach((n, i) => add(`zz-copy-${i}.json`, 'duplicate-copy', read(n)));
  add('zz-reordered.json', 'duplicate-copy', JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(read(goodNames[4]!)) as object).reverse())));
  add('conflict-a.json', 'duplicate-submission', other('E06900986'));
  add('conflict-b.json', 'duplicate-submission', other('E06900986', { profile: { ...good.profile, onsCode: 'E06900986', name: 'Another name' } }));
  add('huge.json', 'file-too-large', `{"padding":"${'x'.repeat(MAX_SUBMISSION_BYTES)}"}`);
  add('empty.json', 'invalid-json', '');
  add('blank.json', 'invalid-json', '  \r\n\t ');
  add('a-folder', 'not-json-file', 'folder');
  add('folder.json', 'not-json-file', 'folder');
  add('workbook.json', 'invalid-json', Buffer.from(await workbookBytes((wb) => wb.addWorksheet('About').addRow(['Council name', 'X']))));
  add('old-excel.json', 'invalid-json', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
  add('utf16le.json', 'invalid-json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(read(goodNames[5]!), 'utf16le')]));
  add('utf16be.json', 'invalid-json', Buffer.from(read(goodNames[6]!), 'utf16le').swap16());
  add('windows-1252.json', 'invalid-json', Buffer.from(other('E06900987', { profile: { ...good.profile, onsCode: 'E06900987', name: 'Café £ Council' } }), 'latin1'));
  add('notes.txt', 'not-json-file', 'not a submission');
  add('README.md', 'not-json-file', '# Submissions');
  add('zz-backup.json.bak', 'not-json-file', read(goodNames[7]!));
  return entries;
}

describe('benchmark over 50 broken files beside 50 good ones', () => {
  it('uses every good file, lists every bad one with its reason, and prints exactly the result of the good ones alone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hardening-batch-'));
    const goodDir = join(root, 'good');
    const mixedDir = join(root, 'mixed');
    mkdirSync(goodDir);
    mkdirSync(mixedDir);
    const goodNames = readdirSync(EXAMPLES_DIR).filter((n) => n.endsWith('.json')).sort().slice(0, 50);
    for (const n of goodNames) {
      cpSync(join(EXAMPLES_DIR, n), join(goodDir, n));
      cpSync(join(EXAMPLES_DIR, n), join(mixedDir, n));
    }
    const broken = await brokenEntries(goodNames, (n) => readFileSync(join(EXAMPLES_DIR, n), 'utf8'));
    expect(Object.keys(broken)).toHaveLength(50);
    for (const [name, { content }] of Object.entries(broken)) {
      if (content === 'folder') mkdirSync(join(mixedDir, name));
      else writeFileSync(join(mixedDir, name), content);
    }

    const outcomes = readSubmissionsDir(mixedDir);
    expect(outcomes).toHaveLength(100);
    const rejected = Object.fromEntries(outcomes.filter((o) => o.status === 'rejected').map((o) => [basename(o.source), o.problems.map((p) => p.code).join(',')]));
    expect(rejected).toEqual(Object.fromEntries(Object.entries(broken).map(([name, { code }]) => [name, code])));
    expect(outcomes.filter((o) => o.status === 'accepted').map((o) => basename(o.source))).toEqual(goodNames);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const message = (name: string) => outcomes.find((o) => basename(o.source) === name)!.problems[0]!.message;
    expect(message('utf16le.json')).toMatch(/^UTF-16 text: JSON submissions must be UTF-8/);
    expect(message('utf16be.json')).toMatch(/^UTF-16 text/);
    expect(message('workbook.json')).toMatch(/^a spreadsheet or zip file named .json/);
    expect(message('windows-1252.json')).toMatch(/^not UTF-8 text/);
    expect(message('empty.json')).toBe('an empty file');
    expect(message('folder.json')).toMatch(/^a folder, not a file/);
    expect(message('huge.json')).toMatch(/more than the limit of 16777216/);

    const goodRun = recorder();
    expect(await benchmarkCommand([goodDir, '--format', 'json', '--council', 'E06900001'], goodRun)).toBe(EXIT.ok);
    const mixedRun = recorder();
    expect(await benchmarkCommand([mixedDir, '--format', 'json', '--council', 'E06900001'], mixedRun)).toBe(EXIT.problems);
    expect(mixedRun.outText).toEqual(goodRun.outText);
    expect(mixedRun.errText.at(-1)).toBe('100 file(s) read: 50 used, 50 not used.');
    // One line per broken file, naming it, with a reason after the name.
    for (const name of Object.keys(broken)) {
      const lines = mixedRun.errText.filter((l) => l.includes(join(mixedDir, name) + ':') || l.includes(join(mixedDir, name) + ' '));
      expect(lines, name).toHaveLength(1);
      expect(lines[0]!.length, name).toBeGreaterThan(join(mixedDir, name).length + 10);
    }
  });

  it('a missing folder is a usage error, not a crash', async () => {
    const io = recorder();
    await expect(benchmarkCommand([join(tmpdir(), 'no-such-folder-for-council-ghg')], io)).rejects.toThrow(/is not a folder of submissions/);
  });
});
