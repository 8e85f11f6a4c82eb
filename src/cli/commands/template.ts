import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildBaselineCsv, buildBaselineWorkbook } from '../../template/baseline-workbook.js';
import { EXIT, UsageError, type Command } from '../io.js';

const HELP = `council-ghg template [--out FILE] [--force]

Writes a blank council baseline workbook to fill in Excel or LibreOffice: an About sheet (council, reporting
year, boundary and denominators), one sheet per category group with drop-down lists of sources by name
(every fuel, vehicle, refrigerant and waste route the factor set publishes) and units, a message on each
column and checks on the numbers, and a Summary of preview totals by scope and category that Excel and
LibreOffice recalculate as you type (figures from the newest factor set; the import recalculates exactly).
Then run: council-ghg calculate FILE

  --out FILE   where to write (default baseline.xlsx); a name ending .csv writes the long CSV table instead
  --force      overwrite FILE if it exists`;

export const templateCommand: Command = async (args, io) => {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help === true) {
    io.out(HELP);
    return EXIT.ok;
  }
  const out = resolve(values.out ?? 'baseline.xlsx');
  if (existsSync(out) && values.force !== true) throw new UsageError(`${out} already exists: choose another --out or add --force`);
  if (out.toLowerCase().endsWith('.csv')) writeFileSync(out, buildBaselineCsv());
  else if (out.toLowerCase().endsWith('.xlsx')) await buildBaselineWorkbook().xlsx.writeFile(out);
  else throw new UsageError(`--out must end .xlsx or .csv, not '${values.out ?? ''}'`);
  const fill = out.toLowerCase().endsWith('.csv')
    ? 'Fill in the About lines, then add one row per activity under the header (see README, "The long CSV table")'
    : 'Fill the yellow cells in Excel or LibreOffice';
  io.out(`Wrote ${out}. ${fill}, then run: council-ghg calculate ${values.out ?? 'baseline.xlsx'}`);
  return EXIT.ok;
};
