import { byCodePoint } from '../order.js';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { screenBatch, type BatchOutcome, type Candidate } from './batch.js';
import { loadRegister, type Register } from './register.js';
import { parseSubmission, type SubmissionProblem } from './submission.js';

/** A submission is a few kilobytes (a few hundred with activity); anything far larger is not one. */
export const MAX_SUBMISSION_BYTES = 16 * 1024 * 1024;

/**
 * Reads every entry of a folder of submissions, in name order. Each one is accepted or listed with its
 * reasons; a broken file never stops the batch. Only an unreadable folder throws. Councils are checked
 * against the bundled register of local authorities unless another is given.
 * @example
 * const outcomes = readSubmissionsDir('submissions');
 * for (const o of outcomes) if (o.status === 'rejected') o.problems.forEach((p) => console.error(formatProblem(p)));
 * const submissions = outcomes.flatMap((o) => (o.status === 'accepted' ? [o.submission] : []));
 */
export function readSubmissionsDir(dir: string, maxBytes = MAX_SUBMISSION_BYTES, register: Register = loadRegister()): BatchOutcome[] {
  const names = readdirSync(dir).sort(byCodePoint);
  return screenBatch(
    names.map((name) => readCandidate(join(dir, name), maxBytes)),
    register,
  );
}

function readCandidate(path: string, maxBytes: number): Candidate {
  const origin = { file: path };
  const reject = (code: SubmissionProblem['code'], message: string): Candidate => ({
    source: path,
    result: { ok: false, problems: [{ severity: 'error', code, message, origin }] },
  });
  let bytes: Buffer;
  try {
    // stat follows a symbolic link to the file it names; anything but a regular file (a folder, a pipe that
    // would block the read for ever, a device) is refused unread.
    const stat = statSync(path);
    if (stat.isDirectory()) return reject('not-json-file', 'a folder, not a file: submissions are read from the top level only');
    if (!stat.isFile()) return reject('not-json-file', 'not a regular file (a pipe, socket or device), so not read');
    if (!path.toLowerCase().endsWith('.json')) return reject('not-json-file', 'not a .json file, so not read as a submission');
    if (stat.size > maxBytes) return reject('file-too-large', `${stat.size} bytes, more than the limit of ${maxBytes} for a submission`);
    bytes = readFileSync(path);
  } catch (error) {
    return reject('unreadable-file', error instanceof Error ? error.message : String(error));
  }
  const notText = notUtf8Text(bytes);
  if (notText !== undefined) return reject('invalid-json', notText);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    return reject('invalid-json', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { source: path, result: parseSubmission(json, origin) };
}

/** Why bytes are not the UTF-8 text JSON must be (RFC 8259), naming what they look like instead. */
function notUtf8Text(bytes: Buffer): string | undefined {
  if (bytes.length === 0) return 'an empty file';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes.length > 1 && (bytes[0] === 0 || bytes[1] === 0))) {
    return 'UTF-16 text: JSON submissions must be UTF-8; save the file again as UTF-8 (council-ghg submit writes it so)';
  }
  if (bytes.length >= 4 && (bytes.readUInt32LE(0) === 0x04034b50 || bytes.readUInt32BE(0) === 0xd0cf11e0)) {
    return 'a spreadsheet or zip file named .json: make the submission with council-ghg submit from the baseline workbook';
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'not UTF-8 text (binary data, or text in another encoding): a submission is the JSON council-ghg submit writes';
  }
  return undefined;
}
