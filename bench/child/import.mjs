/**
 * One measurement of one side of an import goal, in a process of its own, printed as JSON: run by
 * bench/sections/import.ts. Plain JavaScript under plain `node --expose-gc`, as users run the built package: no
 * TypeScript loader in the process, and each side loads only what it uses (the floor exceljs and papaparse, not the
 * package; ours the package's root entry, with whatever it loads itself), so peak RSS is the side's own.
 *
 * Arguments: ours|floor, ledger-csv|ledger-xlsx|baseline-xlsx, the file, the example baseline, the spend mapping.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [side, task, path, baseline, mappingPath] = process.argv.slice(2);
/** The built package; BENCH_DIST_DIR points at another build of it (e.g. to compare two). */
const DIST = join(process.env.BENCH_DIST_DIR ?? join(import.meta.dirname, '..', '..', 'dist'), 'index.js');

/** exceljs's streaming reader over every row, doing nothing with them: the floor for reading a workbook. */
async function bareXlsxRows(file) {
  let n = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'emit' });
  for await (const sheet of reader) for await (const _row of sheet) n++;
  return n;
}

/** papaparse streaming over every line of a CSV: the floor for reading a ledger. */
async function bareCsvRows(file) {
  let n = 0;
  await new Promise((resolve, reject) => {
    // The stream's default 64 KiB chunks: papaparse is faster and leaner with them than with 1 MiB chunks.
    const stream = createReadStream(file);
    stream.setEncoding('utf8');
    Papa.parse(stream, { chunk: (r) => void (n += r.data.length), complete: () => resolve(), error: reject });
  });
  return n;
}

async function ours() {
  if (task === 'baseline-xlsx') {
    const imported = await lib.importWorkbook(path);
    const inventory = lib.inventoryFromImport(imported);
    if (inventory.totals.total.isZero()) throw new Error('nothing calculated');
    return imported.records.length;
  }
  const { mapping } = lib.readSpendMapping(readFileSync(mappingPath, 'utf8'), 'mapping.csv');
  const base = await lib.importWorkbook(baseline);
  const ledger = await lib.aggregateSpendLedger(path, mapping);
  const inventory = lib.inventoryFromImport(lib.withLedger(base, ledger));
  if (inventory.totals.total.isZero()) throw new Error('nothing calculated');
  return ledger.account.lines;
}

async function floor() {
  let n = task === 'baseline-xlsx' ? 0 : await bareXlsxRows(baseline);
  n += path.endsWith('.csv') ? await bareCsvRows(path) : await bareXlsxRows(path);
  return n;
}

// Each side's modules are loaded before the clock starts, as before this child was split out of the section.
const lib = side === 'ours' ? await import(DIST) : undefined;
const ExcelJS = side === 'floor' ? (await import('exceljs')).default : undefined;
const Papa = side === 'floor' && path.endsWith('.csv') ? (await import('papaparse')).default : undefined;
const cpu = process.cpuUsage();
const started = performance.now();
const rows = side === 'ours' ? await ours() : await floor();
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
globalThis.gc();
process.stdout.write(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, rows, maxRssMb: process.resourceUsage().maxRSS / 1024, heapAfterGcMb: process.memoryUsage().heapUsed / 1e6 }));
