/**
 * From a filled-in baseline workbook and the council's spend ledger to the reports: import both (every row and
 * ledger line accounted for), calculate them as one inventory on the factor set the About sheet names, compare
 * with last year's CSV, and write the HTML and Excel reports to out/.
 * In your own project, import from 'council-ghg' instead of '../src/index.js'.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  aggregateSpendLedger, compareInventories, describeAccounting, formatProblem, formatTonnes, importCsv, importWorkbook, inventoryFromImport,
  readSpendMapping, renderHtml, renderXlsx, withLedger,
} from '../src/index.js';

const baseline = await importWorkbook('examples/example-council-baseline.xlsx');
console.log(describeAccounting(baseline.accounting));

// The "spend over £500" ledger, its expense types mapped to spend categories, for the baseline's reporting year.
const { mapping } = readSpendMapping(readFileSync('examples/example-council-spend-mapping.csv', 'utf8'), 'example-council-spend-mapping.csv');
const ledger = await aggregateSpendLedger('examples/example-council-spend-2023-24.csv', mapping, { reportingYear: baseline.profile.reportingYear! });
console.log(`${ledger.account.lines} ledger lines, ${ledger.account.mapped} mapped`);

const inventory = inventoryFromImport(withLedger(baseline, ledger)); // council, reporting year and factor set from the About sheet
const lastYear = inventoryFromImport(await importCsv(readFileSync('examples/example-council-baseline-2022-23.csv'), { file: 'example-council-baseline-2022-23.csv' }));
const comparison = compareInventories(lastYear, inventory);

console.log(`${inventory.council.name} ${inventory.reportingYear}: ${formatTonnes(inventory.totals.total)} tCO2e on ${inventory.factorSet.id}` +
  ` (${lastYear.reportingYear}: ${formatTonnes(lastYear.totals.total)} tCO2e on ${lastYear.factorSet.id})`);
for (const problem of inventory.problems) console.log(formatProblem(problem)); // import problems first, then the calculator's

mkdirSync('out', { recursive: true });
writeFileSync('out/workbook-report.html', renderHtml(inventory, { comparison }));
writeFileSync('out/workbook-report.xlsx', await renderXlsx(inventory));
console.log('Wrote out/workbook-report.html and out/workbook-report.xlsx');
