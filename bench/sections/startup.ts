/**
 * Start-up of the built command line, the way a user meets it: `council-ghg --version` and `--help` in a fresh
 * process, against `node -e 0` in the same rounds (the floor no Node program can beat).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The built command line; BENCH_DIST_DIR points at another build of the package (e.g. to compare two). */
const CLI = join(process.env['BENCH_DIST_DIR'] ?? join(import.meta.dirname, '..', '..', 'dist'), 'cli.js');
const ROUNDS = 9;
const GOAL_SECONDS = 0.15;

function seconds(args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return (performance.now() - started) / 1000;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function startupBench(print: (line: string) => void): Promise<void> {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: npm run bench builds it first');
  for (const flag of ['--version', '--help']) {
    const rounds = Array.from({ length: ROUNDS }, () => ({ floor: seconds(['-e', '0']), ours: seconds([CLI, flag]) }));
    const ours = rounds.map((r) => r.ours);
    const ratios = rounds.map((r) => r.ours / r.floor);
    print(`council-ghg ${flag}: ${Math.min(...ours).toFixed(3)} / ${median(ours).toFixed(3)} / ${Math.max(...ours).toFixed(3)} s (min / median / max of ${ROUNDS}); node -e 0 median ${median(rounds.map((r) => r.floor)).toFixed(3)} s; ratio median ${median(ratios).toFixed(2)}×`);
    print(`  goal: under ${GOAL_SECONDS} s: ${median(ours) < GOAL_SECONDS ? 'met' : 'NOT met'}`);
  }
}
