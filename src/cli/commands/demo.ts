import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchmark, councilView, readSubmissionsDir, submissionFromImport, type CouncilReport } from '../../benchmark/index.js';
import { describeAccounting, type BaselineProfile } from '../../import/index.js';
import { compareInventories, type Inventory } from '../../inventory/index.js';
import { formatProblem } from '../../problem.js';
import { renderHtml, renderText, renderXlsx } from '../../report/index.js';
import { importBaseline, importBaselineWithLedger } from '../baseline.js';
import { inventoryFromImport } from '../../inventory/from-import.js';
import { EXIT, type Command } from '../io.js';

const HELP = `council-ghg demo [--out-dir DIR]

The whole job on the bundled example council ("Example District Council", fictional): imports its 2023/24
baseline workbook (examples/example-council-baseline.xlsx) and its "spend over £500" ledger with the mapping of
its expense types (examples/example-council-spend-2023-24.csv, -mapping.csv), costs both as one inventory
(procurement on the bundled Defra / Leeds spend multipliers), prints it by scope and category,
compares it with its 2022/23 baseline (a CSV), places it among the fictional councils' benchmark submissions in
examples/submissions/, and writes example-report.html and example-report.xlsx to DIR (default: out/).`;

const WORKBOOK = 'example-council-baseline.xlsx';
const PREVIOUS_YEAR = 'example-council-baseline-2022-23.csv';
const LEDGER = 'example-council-spend-2023-24.csv';
const MAPPING = 'example-council-spend-mapping.csv';

export const demoCommand: Command = async (args, io) => {
  const { values } = parseArgs({ args, options: { 'out-dir': { type: 'string', default: 'out' }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    io.out(HELP);
    return EXIT.ok;
  }
  const examples = examplesDir();
  const started = performance.now();
  const imported = await importBaselineWithLedger(join(examples, WORKBOOK), { ledger: join(examples, LEDGER), mapping: join(examples, MAPPING) });
  const inventory = inventoryFromImport(imported);
  const calculatedIn = performance.now() - started;

  io.out(renderText(inventory).trimEnd());
  io.out('');
  io.out(`${WORKBOOK}: ${describeAccounting(imported.accounting)}.`);
  io.out(`${LEDGER}: ${imported.ledgerSummary}.`);
  for (const p of inventory.problems) io.out(`  ${formatProblem(p)}`);
  io.out(`Imported and calculated in ${Math.ceil(calculatedIn)} ms.`);

  const previous = inventoryFromImport(await importBaseline(join(examples, PREVIOUS_YEAR)));
  const comparison = compareInventories(previous, inventory);
  const whereWeStand = benchmarkPosition(inventory, imported.profile, examples);

  const outDir = resolve(values['out-dir']);
  mkdirSync(outDir, { recursive: true });
  const html = join(outDir, 'example-report.html');
  const xlsx = join(outDir, 'example-report.xlsx');
  writeFileSync(html, renderHtml(inventory, { comparison, ...(whereWeStand !== undefined ? { benchmark: whereWeStand } : {}) }));
  writeFileSync(xlsx, await renderXlsx(inventory));
  io.out('');
  const extras = ['charts', `the change since ${previous.reportingYear ?? 'last year'}`, ...(whereWeStand === undefined ? [] : ['its place among the fictional peers in examples/submissions'])];
  io.out(`Wrote ${relative(process.cwd(), html)} (${extras.join(', ')}) and ${relative(process.cwd(), xlsx)}.`);
  return EXIT.ok;
};

/** The example council's own "where we stand" view among the fictional councils' submissions. */
function benchmarkPosition(inventory: Inventory, profile: BaselineProfile, examples: string): CouncilReport | undefined {
  const own = submissionFromImport({ profile }, inventory, { includeActivity: false });
  if (!own.ok) return undefined;
  const peers = readSubmissionsDir(join(examples, 'submissions')).flatMap((o) => (o.status === 'accepted' ? [o.submission] : []));
  return councilView(benchmark([...peers, own.submission]), own.submission.profile.onsCode);
}

/** examples/ beside the package: found from this module upwards, so the demo runs from src/ (tsx) or dist/. */
function examplesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'examples', WORKBOOK))) return join(dir, 'examples');
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`examples/${WORKBOOK} not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}
