/**
 * The long fuzz run (`npm run fuzz`): the suite in test/fuzz with many more cases and a fresh seed each time.
 * CI runs the same properties with a fixed seed and a bounded count. A failure prints its seed and path;
 * rerun it with FUZZ_SEED=<seed> (and the same FUZZ_RUNS) to reproduce.
 *
 *   npm run fuzz                      20,000 cases per property, random seed
 *   FUZZ_RUNS=500 FUZZ_SEED=42 npm run fuzz
 */
import { spawnSync } from 'node:child_process';

const runs = process.env.FUZZ_RUNS ?? '20000';
const seed = process.env.FUZZ_SEED === undefined || process.env.FUZZ_SEED === 'random' ? String(Math.floor(Math.random() * 2 ** 31)) : process.env.FUZZ_SEED;
console.log(`Fuzzing with FUZZ_RUNS=${runs} FUZZ_SEED=${seed}`);
// Each property gets an hour: the per-case bound in test/fuzz/support.ts still catches a hang.
const result = spawnSync('npx', ['vitest', 'run', 'test/fuzz', '--testTimeout=3600000', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
if (result.status !== 0) console.error(`Fuzzing failed; reproduce with FUZZ_RUNS=${runs} FUZZ_SEED=${seed} npm run fuzz`);
process.exit(result.status ?? 1);
