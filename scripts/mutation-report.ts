/**
 * Summarises a StrykerJS JSON report per source folder: the mutation score (killed and timed-out mutants over
 * those that ran or had no test) and each surviving mutant on one line. Usage:
 *   tsx scripts/mutation-report.ts [reports/mutation/mutation.json]
 */
import { existsSync, readFileSync } from 'node:fs';

interface Mutant {
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly location: { readonly start: { readonly line: number; readonly column: number } };
}
interface Report {
  readonly files: Record<string, { readonly mutants: readonly Mutant[] }>;
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const path = process.argv[2] ?? 'reports/mutation/mutation.json';
if (!existsSync(path)) {
  console.error(`No mutation report at ${path}: Stryker stopped before testing the mutants (see its messages above).`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(path, 'utf8')) as Report;

/** src/benchmark/suppression.ts → src/benchmark */
const folderOf = (file: string) => file.split('/').slice(0, -1).join('/');

const folders = new Map<string, { detected: number; undetected: number; ignored: number; survivors: string[] }>();
for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const folder = folders.get(folderOf(file)) ?? { detected: 0, undetected: 0, ignored: 0, survivors: [] };
  folders.set(folderOf(file), folder);
  for (const m of [...mutants].sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)) {
    if (DETECTED.has(m.status)) folder.detected++;
    else if (UNDETECTED.has(m.status)) {
      folder.undetected++;
      const what = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 90);
      folder.survivors.push(`  ${file}:${m.location.start.line}:${m.location.start.column} ${m.status === 'NoCoverage' ? 'no test reaches' : 'survived'} ${m.mutatorName}: ${what}`);
    } else folder.ignored++;
  }
}

const score = (detected: number, undetected: number) => (detected + undetected === 0 ? 'n/a' : `${((100 * detected) / (detected + undetected)).toFixed(1)}%`);
const rows = [...folders].map(([folder, f]) => [folder, score(f.detected, f.undetected), String(f.detected), String(f.undetected), String(f.ignored)]);
const total = [...folders.values()].reduce((t, f) => ({ detected: t.detected + f.detected, undetected: t.undetected + f.undetected, ignored: t.ignored + f.ignored }), { detected: 0, undetected: 0, ignored: 0 });
rows.push(['all', score(total.detected, total.undetected), String(total.detected), String(total.undetected), String(total.ignored)]);
const header = ['folder', 'score', 'killed', 'survived', 'not counted'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');

console.log(`\nMutation score per folder (${path}; "survived" includes mutants no test reaches; "not counted": ignored static mutants, compile and run-time errors)\n`);
console.log(line(header));
for (const r of rows) console.log(line(r));
for (const [folder, f] of folders) {
  if (f.survivors.length === 0) continue;
  console.log(`\nSurviving in ${folder} (${f.survivors.length}):`);
  for (const s of f.survivors) console.log(s);
}
