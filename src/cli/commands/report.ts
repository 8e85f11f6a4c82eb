import { readFileSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CouncilReportSchema, type CouncilReport } from '../../benchmark/views.js';
import { compareInventories, parseInventory, recalculate } from '../../inventory/index.js';
import type { Inventory } from '../../inventory/types.js';
import type { CalculationOptions } from '../../inventory/calculate-inventory.js';
import { definedFields } from '../../defined.js';
import { formatProblem } from '../../problem.js';
import { tonnesText } from '../../report/format.js';
import { renderCsv, renderHtml, renderJson, renderText, renderXlsx } from '../../report/index.js';
import { CALCULATION_OPTION_HELP, CALCULATION_OPTIONS, calculationOptions, importBaseline, importBaselineWithLedger, LEDGER_OPTION_HELP, LEDGER_OPTIONS } from '../baseline.js';
import { inventoryFromImport } from '../../inventory/from-import.js';
import { EXIT, outputFormat, UsageError, type Command } from '../io.js';

const FORMATS = ['html', 'xlsx', 'csv', 'json', 'text'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `council-ghg report FILE [--format html|xlsx|csv|json|text] [--out OUT] [--compare PREVIOUS] [--benchmark VIEW] [--table lines|summary] [--set ID] [--factors-dir DIR] [--spend-factors FILE] [--residual-mix X]

  FILE              the council's data: a baseline workbook (.xlsx), a long CSV (.csv), or an inventory (.json)
                    written by 'report --format json'
  --format F        html: a page with charts for councillors and residents; xlsx: a workbook for finance and
                    CDP-ICLEI returns; csv: one row per emission line (or --table summary); json: the full
                    inventory; text: a summary for the terminal. Default: from the --out extension, else text.
  --out OUT         the file to write (required for xlsx); without it the report goes to standard output
  --compare FILE    the previous year's data (same kinds as FILE): adds the year-on-year change, split into
                    activity, emission-factor and DESNZ-method effects (html, text, csv --table summary)
  --benchmark FILE  this council's "where we stand" benchmark report: the .json written by
                    'council-ghg benchmark DIR --council CODE --format json' (adds its position in each cohort, html)
  --table T         csv only: lines (default) or summary

Calculation (a saved .json inventory given any of these is recalculated; --compare uses all but --set):
${CALCULATION_OPTION_HELP}
${LEDGER_OPTION_HELP}

Exit code 0: written; 1: written, but problems left records out of FILE or of --compare (they are listed on standard
error); 2: unusable.`;

export const reportCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      compare: { type: 'string' },
      benchmark: { type: 'string' },
      ...CALCULATION_OPTIONS,
      ...LEDGER_OPTIONS,
      table: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  if (values.help === true || file === undefined) {
    io.out(HELP);
    return values.help === true ? EXIT.ok : EXIT.unusable;
  }
  const format = chooseFormat(values.format, values.out);
  const table = values.table ?? 'lines';
  if (table !== 'lines' && table !== 'summary') throw new UsageError(`--table must be lines or summary, not '${table}'`);
  if (format === 'xlsx' && values.out === undefined) throw new UsageError('--format xlsx needs --out FILE.xlsx');

  const calculation = calculationOptions(values);
  if (values.ledger !== undefined && extname(file).toLowerCase() === '.json') throw new UsageError('--ledger adds spend to a baseline workbook or CSV, not to a saved inventory');
  const current = values.ledger === undefined && values.mapping === undefined ? await loadInventory(file, calculation) : inventoryFromImport(await importBaselineWithLedger(file, values), calculation);
  const { factorSet: _chosenForThisYear, ...previousCalculation } = calculation;
  const previous = values.compare === undefined ? undefined : await loadInventory(values.compare, previousCalculation);
  const comparison = previous === undefined ? undefined : compareInventories(previous, current);
  const benchmark = values.benchmark === undefined ? undefined : readCouncilReport(values.benchmark);
  const ours = current.council.onsCode;
  // renderHtml refuses it too; said here in terms of the files given.
  if (benchmark !== undefined && ours !== undefined && benchmark.council.onsCode.toUpperCase() !== ours.toUpperCase()) {
    throw new UsageError(`${values.benchmark} is the benchmark view of ${benchmark.council.onsCode}, not of this council (${ours})`);
  }
  if (comparison !== undefined && format !== 'html' && format !== 'text' && !(format === 'csv' && table === 'summary')) io.err('Note: --compare is shown in the html and text reports and the csv summary only.');
  if (benchmark !== undefined && format !== 'html') io.err('Note: --benchmark is shown in the html report only.');

  const report: string | Uint8Array =
    format === 'html' ? renderHtml(current, { ...(comparison !== undefined ? { comparison } : {}), ...(benchmark !== undefined ? { benchmark } : {}) })
    : format === 'xlsx' ? await renderXlsx(current)
    : format === 'csv' ? renderCsv(current, table, definedFields({ comparison }))
    : format === 'json' ? renderJson(current)
    : renderText(current, definedFields({ comparison }));

  for (const p of [...current.problems, ...(comparison?.crossProblems ?? [])]) io.err(formatProblem(p));
  for (const p of previous?.problems ?? []) io.err(`${values.compare} (--compare): ${formatProblem(p)}`);
  // xlsx needs --out (checked above), so only text reaches the terminal.
  if (values.out === undefined) io.out(typeof report === 'string' ? report.trimEnd() : new TextDecoder().decode(report));
  else {
    writeFileSync(resolve(values.out), report);
    io.err(`Wrote ${values.out}: ${tonnesText(current.totals.total)} from ${current.recordCount} records, ${current.problems.length} problem(s).`);
  }
  return [...current.problems, ...(previous?.problems ?? [])].some((p) => p.severity === 'error') ? EXIT.problems : EXIT.ok;
};

const BY_EXTENSION: Readonly<Record<string, Format>> = { html: 'html', htm: 'html', xlsx: 'xlsx', csv: 'csv', json: 'json', txt: 'text', text: 'text' };

function chooseFormat(format: string | undefined, out: string | undefined): Format {
  const chosen = outputFormat(FORMATS, format, out, BY_EXTENSION, 'text');
  if (chosen === undefined) throw new UsageError(`cannot tell the report format from --out ${out}: name it .html, .xlsx, .csv, .json or .txt, or give --format`);
  return chosen;
}

/** A council's own benchmark view: the file `benchmark --council CODE --format json` writes, or its `council` part alone. */
function readCouncilReport(path: string): CouncilReport {
  const json = JSON.parse(readFileSync(resolve(path), 'utf8')) as unknown;
  const view = json !== null && typeof json === 'object' && 'council' in json && 'shared' in json ? json.council : json;
  const parsed = CouncilReportSchema.safeParse(view);
  if (!parsed.success) throw new UsageError(`${path}: not a council benchmark report (${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message})`);
  return parsed.data;
}

/** A baseline (workbook or CSV) or a saved inventory (.json), as an inventory on the chosen factor set. */
async function loadInventory(path: string, calculation: CalculationOptions): Promise<Inventory> {
  if (extname(path).toLowerCase() === '.json') {
    const inventory = parseInventory(readFileSync(resolve(path), 'utf8'));
    const { factorSet = inventory.factorSet.id, ...rest } = calculation;
    return Object.keys(calculation).length === 0 ? inventory : recalculate(inventory, factorSet, rest);
  }
  return inventoryFromImport(await importBaseline(path), calculation);
}
