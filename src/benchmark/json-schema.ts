import { z } from 'zod';
import { SUBMISSION_FORMAT, SUBMISSION_VERSION, SubmissionSchema } from './submission.js';

/**
 * The submission format as JSON Schema (draft 2020-12), for tools that are not written in TypeScript.
 * It describes the structure; the cross-field checks (code prefix, totals adding up, duplicates) are done
 * by parseSubmission and screenBatch.
 */
export function submissionJsonSchema(): Record<string, unknown> {
  return {
    $id: `https://council-ghg.example/schemas/${SUBMISSION_FORMAT.split('/')[1]}-v${SUBMISSION_VERSION}.json`,
    title: `council-ghg benchmark submission, version ${SUBMISSION_VERSION}`,
    ...z.toJSONSchema(SubmissionSchema),
  };
}
