/**
 * The runs of one side of a benchmark goal in a process of its own, printed as JSON: run by
 * bench/sections/benchmark.ts. Plain JavaScript under plain `node --expose-gc`, as users run the built package.
 *
 * Arguments: ours|floor, the JSON file of submission texts, how many runs of ours.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import DecimalJs from 'decimal.js';

const [side, path, runs] = process.argv.slice(2);
/** The built benchmark entry; BENCH_DIST_DIR points at another build of the package (e.g. to compare two). */
const DIST = join(process.env.BENCH_DIST_DIR ?? join(import.meta.dirname, '..', '..', 'dist'), 'benchmark.js');
// The floor adds with the package's own Decimal settings (src/decimal.ts).
const Decimal = DecimalJs.clone({ precision: 50, rounding: DecimalJs.ROUND_HALF_EVEN });

const lib = side === 'ours' ? await import(DIST) : undefined;
const texts = JSON.parse(readFileSync(path, 'utf8'));
const ms = [];
const cpuMs = [];
/** The main thread's CPU milliseconds (Linux's per-thread schedstat); on two cores V8's compiler and GC threads compete with it. */
const MAIN_THREAD = `/proc/self/task/${process.pid}/schedstat`;
const mainThreadMs = () => (existsSync(MAIN_THREAD) ? Number(readFileSync(MAIN_THREAD, 'utf8').split(' ')[0]) / 1e6 : undefined);
const mainMs = [];
let baseGroups = 0;
for (let run = 0; run < (side === 'ours' ? Number(runs) : 1); run++) {
  const cpu = process.cpuUsage();
  const main = mainThreadMs();
  const started = performance.now();
  if (side === 'floor') {
    let total = new Decimal(0);
    for (const text of texts) total = total.add(new Decimal(JSON.parse(text).totals.total));
    if (total.isZero()) throw new Error('nothing added up');
  } else {
    const submissions = [];
    for (const text of texts) {
      const r = lib.parseSubmission(JSON.parse(text), { note: 'bench' });
      if (r.ok) submissions.push(r.submission);
    }
    baseGroups = lib.sharedView(lib.benchmark(submissions)).baseGroups.length;
  }
  ms.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  cpuMs.push((used.user + used.system) / 1000);
  const after = mainThreadMs();
  // null (JSON has no NaN) where the system does not say, or says nothing useful (a sandbox reporting zeros).
  mainMs.push(main === undefined || after === undefined || after <= main ? null : after - main);
}
globalThis.gc();
process.stdout.write(JSON.stringify({ ms, cpuMs, mainMs, baseGroups, maxRssMb: process.resourceUsage().maxRSS / 1024, heapAfterGcMb: process.memoryUsage().heapUsed / 1e6 }));
