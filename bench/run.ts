/**
 * npm run bench: runs every bench/sections/*.ts in name order. Each section's default export receives `print`
 * and reports its own figures; a heading separates sections, with the machine's load average then, since on a
 * shared machine the wall clock measures the other processes too.
 */
import { readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Section = (print: (line: string) => void) => Promise<void>;

const dir = join(import.meta.dirname, 'sections');
const print = (line: string) => process.stdout.write(`${line}\n`);
const load = () => `load average ${loadavg().map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min) on ${availableParallelism()} cores`;
print(`bench: ${new Date().toISOString()}, Node ${process.versions.node}, ${load()}`);
for (const name of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  const module = (await import(pathToFileURL(join(dir, name)).href)) as { default?: Section };
  if (typeof module.default !== 'function') continue;
  const heading = `bench: ${name.replace(/\.ts$/, '')}`;
  print(`\n${heading}\n${'='.repeat(heading.length)}\n(${load()})`);
  await module.default(print);
}
