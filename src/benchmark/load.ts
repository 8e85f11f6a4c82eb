import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { screenBatch, type BatchOutcome, type Candidate } from './batch.js';
import { parseSubmission, type SubmissionProblem } from './submission.js';

/** A submission is a few kilobytes (a few hundred with activity); anything far larger is not one. */
export const MAX_SUBMISSION_BYTES = 16 * 1024 * 1024;

/**
 * Reads every entry of a folder of submissions, in name order. Each one is accepted or listed with its
 * reasons; a broken file never stops the batch. Only an unreadable folder throws.
 */
export function readSubmissionsDir(dir: string, maxBytes = MAX_SUBMISSION_BYTES): BatchOutcome[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return screenBatch(entries.map((entry) => readCandidate(join(dir, entry.name), entry.isFile(), maxBytes)));
}

function readCandidate(path: string, isFile: boolean, maxBytes: number): Candidate {
  const origin = { file: path };
  const reject = (code: SubmissionProblem['code'], message: string): Candidate => ({
    source: path,
    result: { ok: false, problems: [{ severity: 'error', code, message, origin }] },
  });
  if (!isFile || !path.toLowerCase().endsWith('.json')) return reject('not-json-file', 'not a .json file, so not read as a submission');
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > maxBytes) return reject('file-too-large', `${size} bytes, more than the limit of ${maxBytes} for a submission`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return reject('unreadable-file', error instanceof Error ? error.message : String(error));
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return reject('invalid-json', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { source: path, result: parseSubmission(json, origin) };
}
