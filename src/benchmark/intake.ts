import { basename } from 'node:path';
import Papa from 'papaparse';
import { byCodePoint } from '../order.js';
import type { BatchOutcome } from './batch.js';
import type { SubmissionProblem } from './submission.js';

/**
 * The operator's intake list: which council's file arrived, from whom and when (e.g. the address it was sent
 * from and the date), one line per file, kept as the files arrive. The register proves a council exists, not
 * that the file came from it: anyone can write a file for a real council that did not take part, or a second
 * file for one that did (which used to get both dropped, forcing a release without the victim). With an
 * intake list, any file the list does not account for holds the whole release until the operator resolves it.
 */
export const INTAKE_COLUMNS = ['file', 'ons_code', 'reporting_year', 'received_from', 'received_at'] as const;

/** One line of the intake list: a file, the council and year it is recorded as holding, who sent it and when. */
export interface IntakeEntry {
  readonly file: string;
  readonly onsCode: string;
  readonly reportingYear: string;
  readonly receivedFrom: string;
  readonly receivedAt: string;
  /** 1-based line in the intake file. */
  readonly line: number;
}

/** An intake list as `parseIntake` reads it: its entries, or the problems that make it unusable. */
export type Intake = { readonly ok: true; readonly entries: readonly IntakeEntry[] } | { readonly ok: false; readonly problems: readonly SubmissionProblem[] };

/** Reads an intake list (CSV with INTAKE_COLUMNS); every line must name a file, a council, a year, a sender and a time. */
export function parseIntake(text: string, source: string): Intake {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, transform: (v) => v.trim() });
  const problem = (message: string, line?: number): SubmissionProblem => ({ severity: 'error', code: 'intake-mismatch', message, origin: { file: source, ...(line !== undefined ? { line } : {}) } });
  const missing = INTAKE_COLUMNS.filter((c) => !(parsed.meta.fields ?? []).includes(c));
  if (missing.length > 0) return { ok: false, problems: [problem(`the intake list needs the columns ${INTAKE_COLUMNS.join(', ')}; missing: ${missing.join(', ')}`)] };
  const problems: SubmissionProblem[] = parsed.errors.map((e) => problem(e.message, e.row === undefined ? undefined : e.row + 2));
  const entries = parsed.data.map((row, i): IntakeEntry => ({
    file: row['file'] ?? '',
    onsCode: (row['ons_code'] ?? '').toUpperCase(),
    reportingYear: row['reporting_year'] ?? '',
    receivedFrom: row['received_from'] ?? '',
    receivedAt: row['received_at'] ?? '',
    line: i + 2,
  }));
  for (const e of entries) {
    const blank = INTAKE_COLUMNS.filter((c) => (c === 'ons_code' ? e.onsCode : c === 'reporting_year' ? e.reportingYear : c === 'received_from' ? e.receivedFrom : c === 'received_at' ? e.receivedAt : e.file) === '');
    if (blank.length > 0) problems.push(problem(`${blank.join(', ')} left blank: every file on the intake list says which council sent it, from where and when`, e.line));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
}

/**
 * What holds the release: a file in the folder not on the intake list, a line of the list with no file, a file
 * whose council or year is not the one the list records for it, and two files for one council and year (each
 * message names every file involved). Empty when the folder and the list agree.
 */
export function intakeHolds(outcomes: readonly BatchOutcome[], entries: readonly IntakeEntry[], source: string): SubmissionProblem[] {
  const holds: SubmissionProblem[] = [];
  const hold = (code: SubmissionProblem['code'], message: string, file: string): void => {
    holds.push({ severity: 'error', code, message: `release held: ${message}`, origin: { file } });
  };
  const byFile = new Map<string, IntakeEntry[]>();
  for (const e of entries) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  const inFolder = new Set(outcomes.map((o) => basename(o.source)));
  for (const [file, lines] of byFile) {
    if (lines.length > 1) hold('intake-mismatch', `${file} is on the intake list ${lines.length} times (lines ${lines.map((l) => l.line).join(', ')})`, source);
    if (!inFolder.has(file)) hold('intake-mismatch', `${file} is on the intake list (line ${lines[0]!.line}) but is not in the folder`, source);
  }
  // Who each file is for: the submission inside it where it could be read, else what the intake list says.
  const claims = new Map<string, string[]>();
  const claim = (key: string, file: string) => claims.set(key, [...(claims.get(key) ?? []), file]);
  for (const o of outcomes) {
    const file = basename(o.source);
    const logged = byFile.get(file)?.[0];
    const submission = o.submission;
    if (logged === undefined) hold('not-on-intake', `${file} arrived in the folder but is not on the intake list ${source}: who sent it is unknown`, o.source);
    else claim(`${logged.onsCode} ${logged.reportingYear}`, file);
    if (submission === undefined) continue;
    const { onsCode, reportingYear } = submission.profile;
    claim(`${onsCode} ${reportingYear}`, file);
    if (logged !== undefined && (logged.onsCode !== onsCode || logged.reportingYear !== reportingYear)) {
      hold('intake-mismatch', `${file} holds ${onsCode} ${reportingYear}, but the intake list (line ${logged.line}) records it as ${logged.onsCode} ${logged.reportingYear} from ${logged.receivedFrom}`, o.source);
    }
  }
  for (const [key, files] of [...claims].sort(([a], [b]) => byCodePoint(a, b))) {
    const distinct = [...new Set(files)].sort(byCodePoint);
    if (distinct.length > 1) hold('duplicate-submission', `${distinct.join(' and ')} are both for ${key}; withdraw one (or correct the intake list) before the release`, distinct[0]!);
  }
  return holds;
}
