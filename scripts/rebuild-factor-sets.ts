/**
 * Regenerates every bundled set in emission-factors/ from the published files in ../shared, by running
 * `council-ghg factors import` once per year, then `factors import-spend` for the spend-based multipliers. Usage: npm run factors:rebuild [-- <path to emission-factor-sources>]
 * Years with an official .xlsx are imported from it; years published only as .xls (which exceljs cannot read)
 * and 2025 (third-party CSV export) are imported from the normalised CSV derived from them, and say so.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main } from '../src/cli/cli.js';

const sources = resolve(process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'emission-factor-sources'));
const base = join(sources, 'uk-ghg-conversion-factors');
const normalised = (year: number) => join(base, 'normalized', `uk-ghg-conversion-factors-${year}-flat.csv`);
const original = (file: string) => join(base, 'original', file);

const XLS_NOTE = 'Imported from the normalised CSV of the official .xls flat file (old binary Excel); values as published, at 15 significant digits.';
const PLAN: ReadonlyArray<{ year: number; args: string[] }> = [
  { year: 2016, args: [original('2016_Flat_format_file_v01-01.xlsx')] },
  { year: 2017, args: [normalised(2017), '--derived-from', original('Conversion_factors_2017_-_Flat_file__for_automatic_processing_only__v02.xls'), '--note', XLS_NOTE] },
  { year: 2018, args: [normalised(2018), '--derived-from', original('Conversion_factors_2018_-_Flat_file__for_automatic_processing_only__v01-01.xls'), '--note', XLS_NOTE] },
  { year: 2019, args: [normalised(2019), '--derived-from', original('conversion-factors-2019-flat-file-v01-02.xls'), '--note', XLS_NOTE] },
  { year: 2020, args: [original('Conversion_Factors_2020_-_Flat_file__for_automatic_processing_only_.xlsx')] },
  { year: 2021, args: [normalised(2021), '--derived-from', original('conversion-factors-2021-flat-file-automatic-processing.xls'), '--note', XLS_NOTE] },
  { year: 2022, args: [normalised(2022), '--derived-from', original('ghg-conversion-factors-2022-flat-format.xls'), '--note', XLS_NOTE] },
  { year: 2023, args: [original('ghg-conversion-factors-2023-flat-file-update.xlsx')] },
  { year: 2024, args: [original('ghg-conversion-factors-2024-FlatFormat_v1_1.xlsx')] },
  {
    year: 2025,
    args: [
      normalised(2025), '--derived-from', join(base, 'third-party-csv', 'ghg-conversion-factors-2025-flat-format.csv'), '--note',
      'No copy of the official 2025 workbook is held: imported from a third-party CSV export of the official flat file, which a second, independent export matches on every row. An independent audit and a peer project that read the official workbook report every kgCO2e value equal to this set (not checked here); totals use only those values. The per-gas split may be rounded by the export: 84 small CH4 values are given to 6 decimal places (diesel cars 0.000005 kgCO2e per km, where the 2024 workbook gives 0.0000046368). Re-import the official file when available.',
    ],
  },
];

if (!existsSync(base)) {
  process.stderr.write(`No factor sources at ${base}\n`);
  process.exit(2);
}
const spendSource = join(sources, '..', 'spend-factor-sources', 'uk-spend-multipliers-sic-2015-2023.txt');
if (!existsSync(spendSource)) {
  process.stderr.write(`No spend factor source at ${spendSource}\n`);
  process.exit(2);
}
const io = { out: (t: string) => process.stdout.write(t + '\n'), err: (t: string) => process.stderr.write(t + '\n') };
const outDir = join(import.meta.dirname, '..', 'emission-factors');
for (const { year, args } of PLAN) {
  const code = await main(['factors', 'import', ...args, '--year', String(year), '--out-dir', outDir], io);
  if (code !== 0) process.exit(code);
}
// The spend-based multipliers: a copy of the official .ods (which exceljs cannot read), its checksum in its header.
const spendCode = await main(['factors', 'import-spend', spendSource, '--out-dir', join(outDir, 'spend'), '--note',
  'Imported from a pipe-separated copy of the official .ods (sheet GHG_SIC_multipliers), values rounded to 6 significant figures; the copy was checked against independent full-precision values for five groups and the mean of all 2023 values (see ../shared/spend-factor-sources/SOURCES.md). Replace with the official file when available.'], io);
if (spendCode !== 0) process.exit(spendCode);
