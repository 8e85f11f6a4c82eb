import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The test files a mutation run uses (stryker.config.mjs sets MUTATION_SET). Listed here rather than in Stryker's
 * `testFiles`, because StrykerJS 9.6 activates a module-load-time ("static") mutant too late when `testFiles` is
 * set, and reports it as surviving whatever the tests do (stryker-js issue 6144).
 */
const FOLDERS = ['units', 'calculate', 'factors', 'inventory', 'benchmark'] as const;
const SETS: Record<string, readonly string[]> = {
  all: FOLDERS.map((folder) => `test/${folder}/**/*.test.ts`),
  // One folder's own tests, for a run of that folder alone (see docs/testing.md).
  ...Object.fromEntries(FOLDERS.map((folder) => [folder, [`test/${folder}/**/*.test.ts`]])),
  // The fast subset CI runs: units and the disclosure rules, by the tests written for them (fast-paths: the
  // whole-number and binary forms of the window and p% rules).
  ci: ['test/units/**/*.test.ts', 'test/benchmark/quantiles.test.ts', 'test/benchmark/disclosure-rules.property.test.ts', 'test/benchmark/fast-paths.test.ts'],
  // test/calculate without its three walks over every bundled set and the slow properties, whose module-level
  // loading of ten factor sets each mutant would pay: a run on a shared 2-core machine then takes tens of minutes,
  // not hours. Its score is a lower bound of the folder's (fewer tests can only kill fewer mutants).
  'calculate-fast': ['test/calculate/**/*.test.ts'],
  // src/factors and src/inventory by the tests of both folders: each folder's code is reached by the other's tests
  // (an inventory loads sets; a user's factor table is costed into an inventory).
  'factors-inventory': ['test/factors/**/*.test.ts', 'test/inventory/**/*.test.ts'],
  // src/benchmark's input side (submission, intake, register, batch, load, restate, from-inventory/-import) by the
  // tests that read submissions, without the release-scale properties and re-run probes (seconds to a minute each),
  // which every mutant they reach would pay again. A lower bound of the folder's score, as for calculate-fast.
  'benchmark-input': [
    'test/benchmark/submission.test.ts', 'test/benchmark/plain-submission.test.ts', 'test/benchmark/register-intake.test.ts',
    'test/benchmark/batch.test.ts', 'test/benchmark/robust-batch.test.ts', 'test/benchmark/from-import.test.ts',
    'test/benchmark/restate-and-secondary.test.ts', 'test/benchmark/notes.test.ts', 'test/benchmark/*.mutation.test.ts',
  ],
};
const LEFT_OUT: Record<string, readonly string[]> = {
  'calculate-fast': ['test/calculate/every-option.test.ts', 'test/calculate/across-sets.test.ts', 'test/calculate/properties.test.ts'],
};

const set = process.env.MUTATION_SET ?? 'all';
const include = SETS[set];
if (include === undefined) throw new Error(`MUTATION_SET must be one of ${Object.keys(SETS).join(', ')}, not '${set}'`);

// The suite's settings with this set's files in place of its include (mergeConfig would add the two lists together).
export default defineConfig({ ...base, test: { ...base.test, include: [...include], exclude: [...(base.test?.exclude ?? ['**/node_modules/**']), ...(LEFT_OUT[set] ?? [])] } });
