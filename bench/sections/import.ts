/**
 * Import goals, each measured on the file kind the goal is about, under the built package (dist/) as users run
 * it: ours and a floor (the least any tool must do with the same files) run in alternate order in their own
 * child processes, round after round, and the ratio of each round is reported as min / median / max. A goal is
 * "met" only when the median meets it. Peak RSS is the child's own; heap is measured after a forced collection.
 * The child (bench/child/import.mjs) is plain JavaScript under plain node and loads only its side's modules: run
 * under tsx with both sides' modules loaded, as it was until 2026-12-01, it added about 35 MB to every peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const ROOT = join(import.meta.dirname, '..', '..');
const DATA = join(ROOT, 'bench', '.data');
const DIST = join(process.env['BENCH_DIST_DIR'] ?? join(ROOT, 'dist'), 'index.js');
const BASELINE = join(ROOT, 'examples', 'example-council-baseline.xlsx');
const CSV_LINES = 1_000_000;
const XLSX_ROWS = 100_000;
const WORKBOOK_ROWS = 100_000;
const ROUNDS = 5;
const CODES = Array.from({ length: 200 }, (_, i) => `E${1000 + i}`);
// Council spend categories and a SIC group, as a mapping names them; ten codes are left unmapped.
const SPEND = ['professional-services', 'construction-new-buildings', 'ICT software and services', 'vehicle-purchase', 'adult-residential-care', 'SIC 62'];
const MAPPING = ['Expense code,Spend category', ...CODES.slice(0, 190).map((c, i) => `${c},${SPEND[i % SPEND.length]}`)].join('\n');

/** A deterministic ledger line: about 100 bytes, amounts written as finance systems write them. */
function ledgerLine(i: number): string[] {
  const x = (i * 2654435761) % 2 ** 32;
  const pounds = x % 250_000;
  const amount = `${Math.floor(pounds / 100).toLocaleString('en-GB')}.${String(pounds % 100).padStart(2, '0')}`;
  const date = `${String(1 + (x % 28)).padStart(2, '0')}/${String(1 + ((x >> 5) % 12)).padStart(2, '0')}/${2023 + ((x >> 9) % 2)}`;
  return ['Testshire County Council', `Directorate ${x % 9}`, date, `Supplier ${x % 5000} Ltd`, CODES[x % CODES.length]!, 'Goods and services purchased', x % 17 === 0 ? `(${amount})` : `£${amount}`, `TX${i}`];
}
const LEDGER_HEADER = ['Body', 'Service area', 'Payment date', 'Supplier', 'Expense code', 'Description', 'Amount', 'Transaction'];

/** A baseline activity row: a meter of one of a county's sites, as the template's Buildings sheet holds it. */
function activityRow(i: number): (string | number)[] {
  const x = (i * 2654435761) % 2 ** 32;
  const [source, unit] = ([['natural-gas', 'kWh'], ['electricity', 'kWh'], ['gas-oil', 'litre'], ['burning-oil', 'litre']] as const)[x % 4]!;
  return [`M${i}`, 'buildings', `Site ${x % 3000}`, source, 1000 + (x % 250_000) + (x % 100) / 100, unit, 'metered'];
}

async function ensureCsv(path: string): Promise<void> {
  if (existsSync(path)) return;
  const out = createWriteStream(`${path}.part`);
  const quote = (c: string) => (c.includes(',') ? `"${c}"` : c);
  let buffer = `${LEDGER_HEADER.join(',')}\r\n`;
  for (let i = 0; i < CSV_LINES; i++) {
    buffer += `${ledgerLine(i).map(quote).join(',')}\r\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  await new Promise<void>((resolve) => out.end(buffer, () => resolve()));
  renameSync(`${path}.part`, path);
}

async function ensureWorkbook(path: string, sheets: { name: string; rows: Iterable<(string | number)[]> }[]): Promise<void> {
  if (existsSync(path)) return;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${path}.part`, useSharedStrings: true });
  for (const { name, rows } of sheets) {
    const sheet = wb.addWorksheet(name);
    for (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
  }
  await wb.commit();
  renameSync(`${path}.part`, path);
}

function* rows<T>(header: T, count: number, row: (i: number) => T): Generator<T> {
  yield header;
  for (let i = 0; i < count; i++) yield row(i);
}

type Side = 'ours' | 'floor';
type Task = 'ledger-csv' | 'ledger-xlsx' | 'baseline-xlsx';

interface Measurement {
  readonly ms: number;
  /** CPU milliseconds (user and system, every thread): on a busy machine, what the run itself cost. */
  readonly cpuMs: number;
  readonly rows: number;
  readonly maxRssMb: number;
  readonly heapAfterGcMb: number;
}

/** One side of one task in a process of its own (bench/child/import.mjs: plain node, no TypeScript loader). */
function child(side: Side, task: Task, path: string, mapping: string): Measurement {
  const script = join(ROOT, 'bench', 'child', 'import.mjs');
  const run = spawnSync(process.execPath, ['--expose-gc', script, side, task, path, BASELINE, mapping], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`bench child ${side} ${task} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Measurement;
}

/** A whole `council-ghg calculate FILE` process, its report thrown away (bench/child/cli.mjs): seconds and peak RSS. */
function cliRun(file: string): { seconds: number; maxRssMb: number } {
  const report = join(mkdtempSync(join(tmpdir(), 'bench-cli-')), 'rss.json');
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(ROOT, 'bench', 'child', 'cli.mjs'), report, 'calculate', file, '--format', 'table', '--out', devNull], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`council-ghg calculate failed: ${run.stderr}`);
  return { seconds, maxRssMb: (JSON.parse(readFileSync(report, 'utf8')) as { maxRssMb: number }).maxRssMb };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: readonly number[], digits: number, unit = '') => `${Math.min(...xs).toFixed(digits)}${unit} / ${median(xs).toFixed(digits)}${unit} / ${Math.max(...xs).toFixed(digits)}${unit}`;

interface Goal {
  readonly label: string;
  readonly task: Task;
  readonly path: string;
  readonly ratio: number;
  readonly rssMb?: number;
}

function run(goal: Goal, mapping: string, print: (line: string) => void): void {
  const rounds = Array.from({ length: ROUNDS }, (_, i) => {
    // Alternate which goes first, so a slow spell of the machine falls on both.
    const first: Side = i % 2 === 0 ? 'floor' : 'ours';
    const a = child(first, goal.task, goal.path, mapping);
    const b = child(first === 'floor' ? 'ours' : 'floor', goal.task, goal.path, mapping);
    return first === 'floor' ? { floor: a, ours: b } : { floor: b, ours: a };
  });
  const ratios = rounds.map((r) => r.ours.ms / r.floor.ms);
  const rss = Math.max(...rounds.map((r) => r.ours.maxRssMb));
  const ratioMet = median(ratios) <= goal.ratio;
  const rssMet = goal.rssMb === undefined || rss < goal.rssMb;
  print(`${goal.label} (${(statSync(goal.path).size / 1e6).toFixed(1)} MB; ${rounds[0]!.ours.rows.toLocaleString('en-GB')} rows), ${ROUNDS} rounds, min / median / max`);
  print(`  floor:  ${spread(rounds.map((r) => r.floor.ms / 1000), 2, ' s')}, peak RSS ${Math.max(...rounds.map((r) => r.floor.maxRssMb)).toFixed(0)} MB`);
  print(`  ours:   ${spread(rounds.map((r) => r.ours.ms / 1000), 2, ' s')}, peak RSS ${rss.toFixed(0)} MB, heap after GC ${median(rounds.map((r) => r.ours.heapAfterGcMb)).toFixed(0)} MB`);
  print(`  CPU:    ours ${spread(rounds.map((r) => r.ours.cpuMs / 1000), 2, ' s')}, floor ${spread(rounds.map((r) => r.floor.cpuMs / 1000), 2, ' s')}, ratio ${spread(rounds.map((r) => r.ours.cpuMs / r.floor.cpuMs), 2, '×')}`);
  print(`  ratio:  ${spread(ratios, 2, '×')}; goal ≤ ${goal.ratio}×${goal.rssMb === undefined ? '' : ` and peak RSS < ${goal.rssMb} MB`}: ${ratioMet && rssMet ? 'met' : 'NOT met'}`);
  if (goal.task === 'baseline-xlsx') {
    const runs = Array.from({ length: ROUNDS }, () => cliRun(goal.path));
    print(`  the whole command, council-ghg calculate over the workbook (start-up included): ${spread(runs.map((r) => r.seconds), 2, ' s')}, peak RSS ${Math.max(...runs.map((r) => r.maxRssMb)).toFixed(0)} MB`);
  }
}

export default async function importBench(print: (line: string) => void): Promise<void> {
  if (!existsSync(DIST)) throw new Error('dist/ is missing: npm run bench builds it first (npm run build)');
  mkdirSync(DATA, { recursive: true });
  const csv = join(DATA, 'spend-ledger-1m.csv');
  const xlsx = join(DATA, 'spend-ledger-100k.xlsx');
  const workbook = join(DATA, 'baseline-100k.xlsx');
  print('Generating inputs in bench/.data/ (once) ...');
  const mapping = join(DATA, 'spend-mapping.csv');
  writeFileSync(mapping, MAPPING);
  await ensureCsv(csv);
  await ensureWorkbook(xlsx, [{ name: 'Spend', rows: rows(LEDGER_HEADER as (string | number)[], XLSX_ROWS, ledgerLine) }]);
  await ensureWorkbook(workbook, [
    { name: 'About', rows: [['Council name', 'Testshire County Council (fictional)'], ['Reporting year', '2023/24']] },
    { name: 'Buildings', rows: rows(['Reference', 'Category', 'Site', 'Source', 'Quantity', 'Unit', 'Data quality'], WORKBOOK_ROWS, activityRow) },
  ]);
  const goals: Goal[] = [
    { label: `Spend ledger CSV, ${CSV_LINES.toLocaleString('en-GB')} lines, with the example baseline as one inventory`, task: 'ledger-csv', path: csv, ratio: 2, rssMb: 300 },
    { label: `Spend ledger XLSX, ${XLSX_ROWS.toLocaleString('en-GB')} rows, with the example baseline as one inventory`, task: 'ledger-xlsx', path: xlsx, ratio: 2, rssMb: 300 },
    { label: `Baseline workbook, ${WORKBOOK_ROWS.toLocaleString('en-GB')} activity rows: import and calculate`, task: 'baseline-xlsx', path: workbook, ratio: 2, rssMb: 300 },
  ];
  for (const goal of goals) run(goal, mapping, print);
  print('Floors: papaparse streaming over a CSV (64 KiB chunks, its fastest); exceljs streaming reader over a workbook; for a ledger, both files it reads. Verdicts are on the wall-clock ratio; CPU is shown as the machine is shared.');
}
