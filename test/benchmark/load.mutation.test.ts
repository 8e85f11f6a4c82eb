import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegister, readSubmissionsDir, screenBatch, type Candidate } from '../../src/benchmark/index.js';
import { parseSubmission } from '../../src/benchmark/submission.js';
import { district, registered } from './districts.js';

/**
 * What reading a folder of submissions tells the operator about each file it cannot use (src/benchmark/load.ts,
 * batch.ts; issue 17, mutation testing): the reason in words, not only its code, as the operator has to answer the
 * council that sent it. Expected texts written here, from the documented rules.
 */

const folder = (files: Record<string, string | Buffer>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-load-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
};
/** Each file's outcome as `name: code: message`, or `name: accepted`. */
const outcomes = (dir: string, maxBytes?: number) =>
  readSubmissionsDir(dir, maxBytes).map((o) => (o.status === 'accepted' ? `${basename(o.source)}: accepted` : `${basename(o.source)}: ${o.problems.map((p) => `${p.code}: ${p.message}`).join(' | ')}`));

const good = JSON.stringify(district(1, '100'));

describe('a file that is not UTF-8 JSON text', () => {
  it('is named for what it looks like', () => {
    const dir = folder({
      'a-empty.json': '',
      // "{}" in UTF-16 little-endian with its byte-order mark, and big-endian without one (a zero byte second).
      'b-utf16le.json': Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
      'c-utf16be.json': Buffer.from([0x00, 0x7b, 0x00, 0x7d]),
      'd-utf16-no-mark.json': Buffer.from([0x7b, 0x00, 0x7d, 0x00]),
      // An XLSX (a zip: "PK\x03\x04") and an old XLS (OLE2: D0 CF 11 E0) renamed .json.
      'e-xlsx.json': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
      'f-xls.json': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]),
      // Latin-1 "£" (0xA3) alone is not UTF-8.
      'g-latin1.json': Buffer.from('{"name":"\xa3"}', 'latin1'),
      'h-text.json': 'council,total',
    });
    expect(outcomes(dir)).toEqual([
      'a-empty.json: invalid-json: an empty file',
      'b-utf16le.json: invalid-json: UTF-16 text: JSON submissions must be UTF-8; save the file again as UTF-8 (council-ghg submit writes it so)',
      'c-utf16be.json: invalid-json: UTF-16 text: JSON submissions must be UTF-8; save the file again as UTF-8 (council-ghg submit writes it so)',
      'd-utf16-no-mark.json: invalid-json: UTF-16 text: JSON submissions must be UTF-8; save the file again as UTF-8 (council-ghg submit writes it so)',
      'e-xlsx.json: invalid-json: a spreadsheet or zip file named .json: make the submission with council-ghg submit from the baseline workbook',
      'f-xls.json: invalid-json: a spreadsheet or zip file named .json: make the submission with council-ghg submit from the baseline workbook',
      'g-latin1.json: invalid-json: not UTF-8 text (binary data, or text in another encoding): a submission is the JSON council-ghg submit writes',
      expect.stringMatching(/^h-text\.json: invalid-json: not valid JSON: /),
    ]);
  });

  it('a byte-order mark or a zero byte marks UTF-16 only where it is one: both bytes, in either order', () => {
    const notUtf8 = 'invalid-json: not UTF-8 text (binary data, or text in another encoding): a submission is the JSON council-ghg submit writes';
    const utf16 = 'invalid-json: UTF-16 text: JSON submissions must be UTF-8; save the file again as UTF-8 (council-ghg submit writes it so)';
    const dir = folder({
      'a.json': Buffer.from([0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d]), // big-endian mark: UTF-16
      'b.json': Buffer.from([0xff, 0x41, 0x42]), // 0xFF then "AB": not a mark, and not UTF-8
      'c.json': Buffer.from([0x41, 0xfe, 0x42]), // "A" 0xFE "B"
      'd.json': Buffer.from([0xfe, 0x41, 0x42]), // 0xFE then "AB"
      'e.json': Buffer.from([0x41, 0xff, 0x42]), // "A" 0xFF "B"
      'f.json': Buffer.from([0x00]), // one zero byte: valid UTF-8, not JSON
      'g.json': Buffer.from([0x50, 0x4b, 0x03, 0x04]), // a zip's first four bytes alone
    });
    const results = outcomes(dir);
    expect(results.slice(0, 5)).toEqual([`a.json: ${utf16}`, `b.json: ${notUtf8}`, `c.json: ${notUtf8}`, `d.json: ${notUtf8}`, `e.json: ${notUtf8}`]);
    expect(results[5]).toMatch(/^f\.json: invalid-json: not valid JSON: /);
    expect(results[6]).toBe('g.json: invalid-json: a spreadsheet or zip file named .json: make the submission with council-ghg submit from the baseline workbook');
  });

  it('a pipe is refused unread (reading it would wait for ever), and a link to nothing is unreadable; each problem names its file', () => {
    const dir = folder({});
    execFileSync('mkfifo', [join(dir, 'a-pipe.json')]);
    symlinkSync(join(dir, 'nowhere.json'), join(dir, 'b-dangling.json'));
    const read = readSubmissionsDir(dir);
    expect(read.map((o) => [basename(o.source), o.status, o.problems.map((p) => [p.severity, p.code, p.origin.file])])).toEqual([
      ['a-pipe.json', 'rejected', [['error', 'not-json-file', join(dir, 'a-pipe.json')]]],
      ['b-dangling.json', 'rejected', [['error', 'unreadable-file', join(dir, 'b-dangling.json')]]],
    ]);
    expect(read[0]!.problems[0]!.message).toBe('not a regular file (a pipe, socket or device), so not read');
    expect(read[1]!.problems[0]!.message).toMatch(/ENOENT/);
  });

  it('one or two bytes of text are read as text, not taken for UTF-16', () => {
    // "1" is one byte; "12" two, neither zero: valid JSON, but not a submission.
    expect(outcomes(folder({ 'a.json': '1', 'b.json': '12' }))).toEqual([
      'a.json: not-a-submission: not a benchmark submission: expected "format": "council-ghg/benchmark-submission"',
      'b.json: not-a-submission: not a benchmark submission: expected "format": "council-ghg/benchmark-submission"',
    ]);
  });

  it('a UTF-8 byte-order mark is allowed', () => {
    expect(outcomes(folder({ 'a.json': `\uFEFF${good}` }))).toEqual(['a.json: accepted']);
  });
});

describe('what is not read at all', () => {
  it('a folder, a file not named .json (the name checked in any case) and a file over the limit', () => {
    const dir = folder({ 'a.JSON': good, 'b.json.txt': good, 'c.json': good });
    mkdirSync(join(dir, 'd.json'));
    const size = Buffer.byteLength(good);
    expect(outcomes(dir, size)).toEqual([
      'a.JSON: accepted',
      'b.json.txt: not-json-file: not a .json file, so not read as a submission',
      // The same submission twice: the first by name is used.
      'c.json: duplicate-copy: identical to ' + join(dir, 'a.JSON') + ', which is used instead',
      'd.json: not-json-file: a folder, not a file: submissions are read from the top level only',
    ]);
    // At the limit a file is read; one byte over, it is not.
    expect(outcomes(folder({ 'a.json': good }), size)).toEqual(['a.json: accepted']);
    expect(outcomes(folder({ 'a.json': good }), size - 1)).toEqual([`a.json: file-too-large: ${size} bytes, more than the limit of ${size - 1} for a submission`]);
  });
});

describe('a batch of candidates', () => {
  const candidate = (source: string, json: unknown): Candidate => ({ source, result: parseSubmission(json, { file: source }) });

  it('refuses every different submission for one council and year, naming the others', () => {
    const a = district(1, '100');
    const b = district(1, '200');
    const c = district(1, '300');
    const result = screenBatch([candidate('b.json', b), candidate('a.json', a), candidate('c.json', c), candidate('d.json', district(2, '5'))]);
    expect(result.every((o) => o.problems.every((p) => p.origin.file === o.source))).toBe(true);
    expect(result.map((o) => [o.source, o.status, o.problems.map((p) => `${p.severity} ${p.code}: ${p.message}`)])).toEqual([
      ['b.json', 'rejected', ['error duplicate-submission: E07900001 has different submissions for 2023/24 (also a.json, c.json); none is used until only one remains']],
      ['a.json', 'rejected', ['error duplicate-submission: E07900001 has different submissions for 2023/24 (also b.json, c.json); none is used until only one remains']],
      ['c.json', 'rejected', ['error duplicate-submission: E07900001 has different submissions for 2023/24 (also b.json, a.json); none is used until only one remains']],
      ['d.json', 'accepted', []],
    ]);
    // A rejected duplicate still carries its submission, so the intake check can see whose it is.
    expect(result[0]!.submission?.totals.total).toBe('200');
  });

  it('counts copies that differ only in key order once, the first by name, with a warning', () => {
    const a = district(1, '100');
    const reordered = { denominators: a.denominators, totals: a.totals, profile: a.profile, synthetic: true, version: a.version, format: a.format };
    const result = screenBatch([candidate('z.json', reordered), candidate('m.json', a)]);
    expect(result.map((o) => [o.source, o.status, o.problems.map((p) => `${p.severity} ${p.code}: ${p.message}`)])).toEqual([
      ['z.json', 'rejected', ['warning duplicate-copy: identical to m.json, which is used instead']],
      ['m.json', 'accepted', []],
    ]);
  });

  it('beside real councils, a submission marked synthetic is refused even for a real council with its register details', () => {
    const register = loadRegister();
    // 2023/24,E07000223,Adur,district,south-east and 2023/24,E07000224,Arun,district,south-east
    const adur = registered(register.get('2023/24')!.get('E07000223')!, 100);
    const arun = { ...registered(register.get('2023/24')!.get('E07000224')!, 200), synthetic: true };
    const broken = { source: 'c.json', result: parseSubmission({ format: 'council-ghg/benchmark-submission', version: 1 }, { file: 'c.json' }) };
    const result = screenBatch([candidate('a.json', adur), candidate('b.json', arun), broken], register);
    expect(result.map((o) => [o.source, o.status, o.problems.map((p) => `${p.severity} ${p.code} [${p.origin.file}]: ${p.message}`)])).toEqual([
      ['a.json', 'accepted', []],
      ['b.json', 'rejected', ['error synthetic-among-real [b.json]: a submission marked synthetic (made-up data) cannot be benchmarked beside real councils']],
      ['c.json', 'rejected', ['profile', 'totals', 'denominators'].map((field) => `error invalid-field [c.json]: ${field}: Invalid input: expected object, received undefined`)],
    ]);
    // The refused submission is kept with the outcome, so the intake check can see whose it is; an unreadable one has none.
    expect(result[1]!.submission?.profile.onsCode).toBe('E07000224');
    expect('submission' in result[2]!).toBe(false);
  });

  it('a batch of made-up councils only is not checked against the register', () => {
    const result = screenBatch([candidate('a.json', district(1, '100')), candidate('b.json', district(2, '200'))], loadRegister());
    expect(result.map((o) => o.status)).toEqual(['accepted', 'accepted']);
  });

  it('one council in two years is two submissions', () => {
    const a = district(1, '100');
    const next = { ...a, profile: { ...a.profile, reportingYear: '2024/25' } };
    expect(screenBatch([candidate('a.json', a), candidate('b.json', next)]).map((o) => o.status)).toEqual(['accepted', 'accepted']);
  });
});
