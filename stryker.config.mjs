// Mutation testing (issue 17): `npm run mutate` mutates the calculation and disclosure code and reports, per
// folder (scripts/mutation-report.ts), how many mutants the tests kill and which survive.
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';

const TEMP_DIR = '.stryker-tmp';

// Stryker copies the project into TEMP_DIR/sandbox-*/, so the tests' "../shared" (the published DESNZ files
// beside the clone) is looked for in TEMP_DIR: point it at the real one, so the golden tests run there too.
const shared = resolve('..', 'shared');
const sharedInSandbox = resolve(TEMP_DIR, 'shared');
if (existsSync(shared) && !existsSync(sharedInSandbox)) {
  mkdirSync(TEMP_DIR, { recursive: true });
  symlinkSync(shared, sharedInSandbox, 'dir');
}

// Which test files run (vitest.mutation.config.ts); the test runner processes Stryker starts inherit it.
process.env.MUTATION_SET ??= 'all';

const FOLDERS = ['units', 'calculate', 'factors', 'inventory', 'benchmark'];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // The test files are chosen by vitest.mutation.config.ts (MUTATION_SET), so a run is practical on 2 cores; a
  // mutant then runs only the tests that reach it.
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: [
    ...FOLDERS.map((f) => `src/${f}/**/*.ts`),
    // Re-exports and type-only files have nothing to mutate that a test could see.
    '!src/**/index.ts',
    '!src/inventory/types.ts',
    '!src/benchmark/views.ts',
  ],
  // A module-load-time ("static") mutant (tables, explanation strings) re-runs every test file of the set: the CI
  // subset (stryker.ci.config.mjs) counts them where that is cheap (units and the disclosure rules).
  ignoreStatic: true,
  concurrency: 2,
  tempDirName: TEMP_DIR,
  ignorePatterns: ['dist', 'out', 'coverage', 'reports', 'bench/.data', 'web/dist', 'docs/api', 'test/artifacts', '*.tgz'],
  disableTypeChecks: '{src,test}/**/*.ts',
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  thresholds: { high: 85, low: 70, break: null },
  dryRunTimeoutMinutes: 20,
};
