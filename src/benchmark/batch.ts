import { toPlain } from '../inventory/serialise.js';
import type { Origin } from '../problem.js';
import { registerProblems, type Register } from './register.js';
import type { Submission, SubmissionProblem, SubmissionResult } from './submission.js';

/** What happened to one file (or one submission passed in code): used, or listed with why not. */
export type BatchOutcome =
  | { readonly source: string; readonly status: 'accepted'; readonly submission: Submission; readonly problems: readonly SubmissionProblem[] }
  | {
      readonly source: string;
      readonly status: 'rejected';
      readonly problems: readonly SubmissionProblem[];
      /** The submission, where the file held a valid one refused for its council (register, duplicate), so the intake check can see whose it is. */
      readonly submission?: Submission;
    };

/** One submission before the batch checks, as `screenBatch` takes it: where it came from, and how it parsed. */
export interface Candidate {
  readonly source: string;
  readonly result: SubmissionResult;
}

/** A council submits one baseline per reporting year. */
export function submissionKey(s: Submission): string {
  return `${s.profile.onsCode} ${s.profile.reportingYear}`;
}

/**
 * Every council must be on the register for its reporting year. A batch of made-up councils only (examples,
 * tests: every submission marked synthetic) is not checked, as no real council is in it to protect; a made-up
 * submission beside real ones is refused, or marking a fake council synthetic would get it past the register.
 */
function checkRegister(candidates: readonly Candidate[], register: Register): Candidate[] {
  const valid = candidates.flatMap((c) => (c.result.ok ? [c.result.submission] : []));
  if (valid.every((s) => s.synthetic === true)) return [...candidates];
  return candidates.map((c): Candidate => {
    if (!c.result.ok) return c;
    const origin: Origin = { file: c.source };
    const problems: SubmissionProblem[] =
      c.result.submission.synthetic === true
        ? [{ severity: 'error', code: 'synthetic-among-real', message: 'a submission marked synthetic (made-up data) cannot be benchmarked beside real councils', origin }]
        : registerProblems(c.result.submission, register, origin);
    return problems.length === 0 ? c : { source: c.source, result: { ok: false, problems, submission: c.result.submission } };
  });
}

/**
 * Accepts the valid candidates that are on the register (when one is given) and are not duplicates. Two different submissions for the same council and
 * year are both rejected (we cannot tell which is right); identical copies count once, the copy kept being the
 * first by source name, so the outcome never depends on the order files were read in.
 */
export function screenBatch(input: readonly Candidate[], register?: Register): BatchOutcome[] {
  const candidates = register === undefined ? input : checkRegister(input, register);
  const byKey = new Map<string, { source: string; submission: Submission }[]>();
  for (const c of candidates) {
    if (!c.result.ok) continue;
    const key = submissionKey(c.result.submission);
    byKey.set(key, [...(byKey.get(key) ?? []), { source: c.source, submission: c.result.submission }]);
  }
  return candidates.map((c): BatchOutcome => {
    if (!c.result.ok) return { source: c.source, status: 'rejected', problems: c.result.problems, ...(c.result.submission !== undefined ? { submission: c.result.submission } : {}) };
    const same = byKey.get(submissionKey(c.result.submission))!;
    if (same.length === 1) return { source: c.source, status: 'accepted', submission: c.result.submission, problems: c.result.warnings };
    const origin: Origin = { file: c.source };
    const others = same.filter((o) => o.source !== c.source).map((o) => o.source);
    const text = canonicalJson(c.result.submission);
    if (same.every((o) => canonicalJson(o.submission) === text)) {
      const kept = same.map((o) => o.source).sort()[0]!;
      if (kept === c.source) return { source: c.source, status: 'accepted', submission: c.result.submission, problems: c.result.warnings };
      return {
        source: c.source,
        status: 'rejected',
        submission: c.result.submission,
        problems: [{ severity: 'warning', code: 'duplicate-copy', message: `identical to ${kept}, which is used instead`, origin }],
      };
    }
    return {
      source: c.source,
      status: 'rejected',
      submission: c.result.submission,
      problems: [
        {
          severity: 'error',
          code: 'duplicate-submission',
          message: `${c.result.submission.profile.onsCode} has different submissions for ${c.result.submission.profile.reportingYear} (also ${others.join(', ')}); none is used until only one remains`,
          origin,
        },
      ],
    };
  });
}

/** JSON with object keys sorted, so two files differing only in key order are the same submission. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(toPlain(value));
}
