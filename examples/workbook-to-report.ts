/**
 * From a filled-in baseline workbook to the reports: import (every row accounted for), calculate on the factor
 * set its About sheet names, compare with last year's CSV, and write the HTML and Excel reports to out/.
 * In your own project, import from 'council-ghg' instead of '../src/index.js'.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  compareInventories, describeAccounting, formatProblem, formatTonnes, importCsv, importWorkbook, inventoryFromImport, renderHtml, renderXlsx,
} from '../src/index.js';

const imported = await importWorkbook('examples/example-council-baseline.xlsx');
console.log(describeAccounting(imported.accounting));

const inventory = inventoryFromImport(imported); // council, reporting year and factor set from the About sheet
const lastYear = inventoryFromImport(await importCsv(readFileSync('examples/example-council-baseline-2022-23.csv'), { file: 'example-council-baseline-2022-23.csv' }));
const comparison = compareInventories(lastYear, inventory);

console.log(`${inventory.council.name} ${inventory.reportingYear}: ${formatTonnes(inventory.totals.total)} tCO2e on ${inventory.factorSet.id}` +
  ` (${lastYear.reportingYear}: ${formatTonnes(lastYear.totals.total)} tCO2e on ${lastYear.factorSet.id})`);
for (const problem of inventory.problems) console.log(formatProblem(problem)); // import problems first, then the calculator's

mkdirSync('out', { recursive: true });
writeFileSync('out/workbook-report.html', renderHtml(inventory, { comparison }));
writeFileSync('out/workbook-report.xlsx', await renderXlsx(inventory));
console.log('Wrote out/workbook-report.html and out/workbook-report.xlsx');
