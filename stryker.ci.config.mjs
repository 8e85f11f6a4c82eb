// `npm run mutate:ci`: the fast subset CI runs, units and the disclosure rules, with a floor under the score so
// it cannot quietly fall. Static mutants count here (the unit table, the default policy), as the tests are quick.
process.env.MUTATION_SET = 'ci'; // the test files, in vitest.mutation.config.ts: read by the test runner processes Stryker starts
const { default: base } = await import('./stryker.config.mjs');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['src/units/units.ts', 'src/units/quantity.ts', 'src/units/unit-text.ts', 'src/benchmark/suppression.ts', 'src/benchmark/quantiles.ts', 'src/benchmark/policy.ts'],
  ignoreStatic: false,
  jsonReporter: { fileName: 'reports/mutation-ci/mutation.json' },
  thresholds: { ...base.thresholds, break: 85 },
  dryRunTimeoutMinutes: 5,
};
