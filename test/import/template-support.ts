import { GENERATED_SHEETS } from '../../src/import/displayed-totals.js';
import type { ImportProblem } from '../../src/import/result.js';

/**
 * Problems other than those on the template's generated sheets: until the workbook reader skips the Summary
 * (GENERATED_SHEETS), it reports the sheet as having no header, and that is not what these tests are about.
 */
export const withoutGeneratedSheets = (problems: readonly ImportProblem[]): ImportProblem[] => problems.filter((p) => !GENERATED_SHEETS.some((g) => g.name === p.origin.sheet));
