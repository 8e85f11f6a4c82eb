import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { submissionFromImport } from '../../benchmark/index.js';
import { formatProblem } from '../../problem.js';
import { tonnesText } from '../../report/format.js';
import { CALCULATION_OPTION_HELP, CALCULATION_OPTIONS, calculationOptions, importBaselineWithLedger, LEDGER_OPTION_HELP, LEDGER_OPTIONS, limitOptions, LIMIT_OPTION_HELP } from '../baseline.js';
import { inventoryFromImport } from '../../inventory/from-import.js';
import { EXIT, UsageError, type Command } from '../io.js';

const HELP = `council-ghg submit FILE [--out SUBMISSION.json] [--no-activity] [--ledger L --mapping M] [--set ID] [--spend-factors FILE] [--residual-mix X]

Turns a council baseline (the .xlsx template, or the long .csv table) into a benchmark submission: the About
details (ONS code, council name, type, region, reporting year, boundary, denominators) plus the inventory
totals by scope and category, calculated on the factor set the About sheet names (else the reporting
year's), and the activity records so the benchmark can recalculate on a common factor set.

  --out FILE             write the submission to FILE (default: print it)
  --no-activity          leave the activity records out (the benchmark then cannot restate this council)
${CALCULATION_OPTION_HELP}
${LEDGER_OPTION_HELP}
${LIMIT_OPTION_HELP}

Problems are listed on stderr. Exit status: 0 written cleanly, 1 written but some records were excluded,
2 no submission (the file is unreadable or the About details are incomplete).`;

export const submitCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...CALCULATION_OPTIONS, ...LEDGER_OPTIONS, out: { type: 'string' }, 'no-activity': { type: 'boolean', default: false }, limit: { type: 'string', multiple: true }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    io.out(HELP);
    return EXIT.ok;
  }
  const file = positionals[0];
  if (file === undefined) throw new UsageError('submit needs the FILE of a council baseline (.xlsx or .csv; see council-ghg submit --help)');
  const calculation = calculationOptions(values);
  const imported = await importBaselineWithLedger(file, values, { limits: limitOptions(values.limit) });

  const inventory = inventoryFromImport(imported, calculation);
  for (const p of inventory.problems) io.err(formatProblem(p));
  const result = submissionFromImport(imported, inventory, { includeActivity: !values['no-activity'], origin: { file: basename(file) } });
  for (const p of result.ok ? result.warnings : result.problems) io.err(formatProblem(p));
  if (!result.ok) {
    io.err('No submission: see the problems above.');
    return EXIT.unusable;
  }
  const text = JSON.stringify(result.submission, null, 2);
  if (values.out === undefined) io.out(text);
  else {
    writeFileSync(resolve(values.out), text + '\n');
    io.err(`Wrote ${values.out}: ${result.submission.profile.name} ${result.submission.profile.reportingYear}, ${tonnesText(inventory.totals.total)} on ${result.submission.profile.factorSetId} (the file keeps the exact figures).`);
  }
  return inventory.problems.some((p) => p.severity === 'error') ? EXIT.problems : EXIT.ok;
};
