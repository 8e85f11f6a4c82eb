/**
 * Spend-ledger import: a 1,000,000-line CSV (~100 MB) and a 100,000-row workbook, each streamed, mapped and
 * aggregated, then costed with the example council's baseline workbook as one inventory on the bundled spend
 * multipliers, against a bare streaming read of the same two files (the floor). Each measurement runs in its own
 * child process so its peak RSS is its own.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { aggregateSpendLedger, readSpendMapping } from '../../src/import/ledger.js';
import { withLedger } from '../../src/import/with-ledger.js';
import { importWorkbook } from '../../src/import/workbook.js';
import { inventoryFromImport } from '../../src/inventory/from-import.js';

const DATA = join(import.meta.dirname, '..', '.data');
const CSV_LINES = 1_000_000;
const XLSX_ROWS = 100_000;
const CODES = Array.from({ length: 200 }, (_, i) => `E${1000 + i}`);
// Council spend categories and a SIC group, as a mapping names them; ten codes are left unmapped.
const SPEND = ['professional-services', 'construction-new-buildings', 'ICT software and services', 'vehicle-purchase', 'adult-residential-care', 'SIC 62'];
const MAPPING = ['Expense code,Spend category', ...CODES.slice(0, 190).map((c, i) => `${c},${SPEND[i % SPEND.length]}`)].join('\n');
const BASELINE = join(import.meta.dirname, '..', '..', 'examples', 'example-council-baseline.xlsx');

/** A deterministic ledger line: about 100 bytes, amounts written as finance systems write them. */
function line(i: number): string[] {
  const x = (i * 2654435761) % 2 ** 32;
  const pounds = x % 250_000;
  const amount = `${Math.floor(pounds / 100).toLocaleString('en-GB')}.${String(pounds % 100).padStart(2, '0')}`;
  const date = `${String(1 + (x % 28)).padStart(2, '0')}/${String(1 + ((x >> 5) % 12)).padStart(2, '0')}/${2023 + ((x >> 9) % 2)}`;
  return ['Testshire County Council', `Directorate ${x % 9}`, date, `Supplier ${x % 5000} Ltd`, CODES[x % CODES.length]!, 'Goods and services purchased', x % 17 === 0 ? `(${amount})` : `£${amount}`, `TX${i}`];
}
const HEADER = ['Body', 'Service area', 'Payment date', 'Supplier', 'Expense code', 'Description', 'Amount', 'Transaction'];

async function ensureCsv(path: string): Promise<void> {
  if (existsSync(path)) return;
  const out = createWriteStream(`${path}.part`);
  const quote = (c: string) => (c.includes(',') ? `"${c}"` : c);
  let buffer = `${HEADER.join(',')}\r\n`;
  for (let i = 0; i < CSV_LINES; i++) {
    buffer += `${line(i).map(quote).join(',')}\r\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  await new Promise<void>((resolve) => out.end(buffer, () => resolve()));
  renameSync(`${path}.part`, path);
}

async function ensureXlsx(path: string): Promise<void> {
  if (existsSync(path)) return;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: `${path}.part`, useSharedStrings: true });
  const sheet = wb.addWorksheet('Spend');
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < XLSX_ROWS; i++) sheet.addRow(line(i)).commit();
  await wb.commit();
  renameSync(`${path}.part`, path);
}

type Mode = 'ours' | 'floor';

/** exceljs's streaming reader over every row, doing nothing with them: the floor for reading a workbook. */
async function bareXlsxRows(path: string): Promise<number> {
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'emit' });
  for await (const sheet of reader) for await (const _row of sheet as unknown as AsyncIterable<unknown>) rows++;
  return rows;
}

/** In the child: one measurement, printed as JSON. */
async function measure(mode: Mode, path: string): Promise<void> {
  const started = performance.now();
  let rows = 0;
  if (mode === 'ours') {
    const { mapping } = readSpendMapping(MAPPING, 'mapping.csv');
    const baseline = await importWorkbook(BASELINE);
    const ledger = await aggregateSpendLedger(path, mapping);
    const inventory = inventoryFromImport(withLedger(baseline, ledger));
    rows = ledger.account.lines;
    if (inventory.totals.total.isZero()) throw new Error('nothing calculated');
  } else if (path.endsWith('.csv')) {
    // The same input: the baseline workbook read bare, then the ledger parsed bare.
    rows += await bareXlsxRows(BASELINE);
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(path, { highWaterMark: 1 << 20 });
      stream.setEncoding('utf8');
      Papa.parse<string[]>(stream as unknown as File, { chunk: (r) => void (rows += r.data.length), complete: () => resolve(), error: reject });
    });
  } else {
    rows += await bareXlsxRows(BASELINE);
    rows += await bareXlsxRows(path);
  }
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, rows, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

interface Measurement {
  readonly ms: number;
  readonly rows: number;
  readonly maxRssMb: number;
}

function child(mode: Mode, path: string): Measurement {
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, path], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`bench child ${mode} ${path} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Measurement;
}

/** Runs per measurement: a shared machine's noise only ever adds time, so the fastest run is kept (and the highest RSS). */
const RUNS = 3;

/** Floor and ours alternately, so a slow spell on the machine falls on both. */
function measurePair(path: string): { floor: Measurement; ours: Measurement } {
  const runs = Array.from({ length: RUNS }, () => ({ floor: child('floor', path), ours: child('ours', path) }));
  const best = (all: Measurement[]): Measurement => ({ ms: Math.min(...all.map((m) => m.ms)), rows: all[0]!.rows, maxRssMb: Math.max(...all.map((m) => m.maxRssMb)) });
  return { floor: best(runs.map((r) => r.floor)), ours: best(runs.map((r) => r.ours)) };
}

export default async function importBench(print: (line: string) => void): Promise<void> {
  mkdirSync(DATA, { recursive: true });
  const csv = join(DATA, 'spend-ledger-1m.csv');
  const xlsx = join(DATA, 'spend-ledger-100k.xlsx');
  print('Generating inputs in bench/.data/ (once) ...');
  await ensureCsv(csv);
  await ensureXlsx(xlsx);
  for (const [label, path, target] of [[`CSV, ${CSV_LINES.toLocaleString('en-GB')} lines`, csv, 'peak RSS < 300 MB'], [`XLSX, ${XLSX_ROWS.toLocaleString('en-GB')} rows`, xlsx, '']] as const) {
    const { floor, ours } = measurePair(path);
    const mb = (readFileSync(path).length / 1e6).toFixed(1);
    print(`${label} (${mb} MB), fastest of ${RUNS} runs each`);
    print(`  bare parse of both files:  ${(floor.ms / 1000).toFixed(2)} s, peak RSS ${floor.maxRssMb.toFixed(0)} MB (the floor: exceljs on the baseline, then the ledger)`);
    print(`  + baseline, one inventory: ${(ours.ms / 1000).toFixed(2)} s, peak RSS ${ours.maxRssMb.toFixed(0)} MB (${ours.rows} lines)`);
    print(`  ratio (target within 2x): ${(ours.ms / floor.ms).toFixed(2)}x${target === '' ? '' : `; ${target}: ${ours.maxRssMb < 300 ? 'met' : 'NOT met'}`}`);
  }
}

const childAt = process.argv.indexOf('--child');
if (childAt !== -1) await measure(process.argv[childAt + 1] as Mode, process.argv[childAt + 2]!);
