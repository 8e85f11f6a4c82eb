import { toPlain } from '../inventory/serialise.js';
import type { Origin } from '../problem.js';
import type { Submission, SubmissionProblem, SubmissionResult } from './submission.js';

/** What happened to one file (or one submission passed in code): used, or listed with why not. */
export type BatchOutcome =
  | { readonly source: string; readonly status: 'accepted'; readonly submission: Submission; readonly problems: readonly SubmissionProblem[] }
  | { readonly source: string; readonly status: 'rejected'; readonly problems: readonly SubmissionProblem[] };

export interface Candidate {
  readonly source: string;
  readonly result: SubmissionResult;
}

/** A council submits one baseline per reporting year. */
export function submissionKey(s: Submission): string {
  return `${s.profile.onsCode} ${s.profile.reportingYear}`;
}

/**
 * Accepts the valid candidates that are not duplicates. Two different submissions for the same council and
 * year are both rejected (we cannot tell which is right); identical copies count once, the copy kept being the
 * first by source name, so the outcome never depends on the order files were read in.
 */
export function screenBatch(candidates: readonly Candidate[]): BatchOutcome[] {
  const byKey = new Map<string, { source: string; submission: Submission }[]>();
  for (const c of candidates) {
    if (!c.result.ok) continue;
    const key = submissionKey(c.result.submission);
    byKey.set(key, [...(byKey.get(key) ?? []), { source: c.source, submission: c.result.submission }]);
  }
  return candidates.map((c): BatchOutcome => {
    if (!c.result.ok) return { source: c.source, status: 'rejected', problems: c.result.problems };
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
        problems: [{ severity: 'warning', code: 'duplicate-copy', message: `identical to ${kept}, which is used instead`, origin }],
      };
    }
    return {
      source: c.source,
      status: 'rejected',
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
