/**
 * The command line as users run it (dist/cli.js under plain node), in a process of its own that also reports its
 * peak RSS: run by bench/sections/import.ts for the whole-process figure of the baseline workbook goal.
 *
 * Arguments: a file to write {"maxRssMb": …} to when the process exits, then the command's own arguments.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [report, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], 'council-ghg', ...args];
process.on('exit', () => writeFileSync(report, JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 })));
await import(join(process.env.BENCH_DIST_DIR ?? join(import.meta.dirname, '..', '..', 'dist'), 'cli.js'));
