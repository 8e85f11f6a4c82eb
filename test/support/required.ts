import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Tests that need something outside the clone (../shared, Chromium, LibreOffice) skip where it is missing on a
 * developer's machine, with a warning; under CI (CI set, as .ci/run sets it) a missing one fails the run, so a
 * check that must run can never quietly fall away.
 */
export function available(what: string, present: boolean, remedy: string): boolean {
  if (present) return true;
  if (process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false') {
    throw new Error(`${what} is missing, and under CI the tests that need it must run: ${remedy}`);
  }
  console.warn(`SKIPPED: ${what} not found (${remedy}).`);
  return false;
}

/** A program on the PATH, as .ci/run looks for it. */
export function onPath(program: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && existsSync(join(dir, program))) return join(dir, program);
  }
  return undefined;
}
