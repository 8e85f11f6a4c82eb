/**
 * Builds the example council's baseline workbook and long CSV from examples/example-council.ts, so the files
 * in examples/ are reproducible: npx tsx examples/build-example-files.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { Decimal } from '../src/decimal.js';
import type { BaselineProfile } from '../src/import/profile.js';
import { buildBaselineCsv, buildBaselineWorkbook } from '../src/template/baseline-workbook.js';
import { council, LEDGER_EXPENSE_TYPES, ledgerRecords, previousRecords, previousReportingYear, reportingYear, workbookRecords } from './example-council.js';

/** The About sheet: what example-council.ts says of the council (about 100,000 residents, 550 FTE staff). */
const profile: BaselineProfile = {
  councilName: council.name,
  onsCode: council.onsCode,
  councilType: council.councilType,
  region: council.region,
  reportingYear,
  boundaryNotes: council.boundaryNotes,
  boundary: { schoolsIncluded: false, scope3SpendIncluded: true, leasedAssetsIncluded: false, outsourcedServicesIncluded: false },
  denominators: { population: new Decimal(100000), staffFte: new Decimal(550) },
};

const dir = import.meta.dirname;
const workbook = buildBaselineWorkbook(profile, workbookRecords);
// A fixed timestamp so a rebuild with unchanged records changes nothing but the zip's own dates.
workbook.created = workbook.modified = new Date('2024-06-30T00:00:00Z');
await workbook.xlsx.writeFile(join(dir, 'example-council-baseline.xlsx'));
writeFileSync(join(dir, 'example-council-baseline.csv'), buildBaselineCsv(profile, workbookRecords));
writeFileSync(join(dir, 'example-council-baseline-2022-23.csv'), buildBaselineCsv({ ...profile, reportingYear: previousReportingYear }, previousRecords));

/**
 * The "spend over £500" ledger: each ledger category's total split into payments of at least £500 across
 * 2023/24, to invented suppliers, with two credit notes; every category's payments sum exactly to its total.
 */
let seed = 20230401;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const start = Date.UTC(2023, 3, 1);
const dateText = (day: number) => new Date(start + day * 86400000).toISOString().slice(0, 10).split('-').reverse().join('/');
const lines: string[][] = [];
let transaction = 100000;
for (const record of ledgerRecords) {
  const { expenseType } = LEDGER_EXPENSE_TYPES[record.id!]!;
  const totalPence = BigInt(new Decimal(String(record.quantity)).mul(100).toFixed());
  const count = 8 + Math.floor(random() * 40);
  const suppliers = [1, 2, 3].map((n) => `${expenseType.split(/[ &-]+/)[0]} Supplier ${String.fromCharCode(64 + n)} Ltd (fictional)`);
  const weights = Array.from({ length: count }, () => 0.2 + random());
  const sum = weights.reduce((a, b) => a + b, 0);
  // Whole pence, at least £500 each, the last payment taking the remainder so the total is exact.
  const amounts = weights.slice(0, -1).map((w) => BigInt(Math.max(50000, Math.floor((Number(totalPence) * w) / sum))));
  amounts.push(totalPence - amounts.reduce((a, b) => a + b, 0n));
  amounts.forEach((pence, i) => {
    const pounds = `${pence / 100n}.${String(pence % 100n).padStart(2, '0')}`;
    lines.push([council.name, dateText(Math.floor(random() * 366)), String(transaction++), suppliers[i % 3]!, expenseType, 'Corporate', pounds]);
  });
}
// A credit note and the invoice it corrects, within the year: the category's total is unchanged.
lines.push([council.name, '14/11/2023', String(transaction++), 'IT Supplier B Ltd (fictional)', 'IT Software & Support', 'Corporate', '2150.00']);
lines.push([council.name, '02/12/2023', String(transaction++), 'IT Supplier B Ltd (fictional)', 'IT Software & Support', 'Corporate', '-2150.00']);
lines.sort((a, b) => a[1]!.split('/').reverse().join('').localeCompare(b[1]!.split('/').reverse().join('')) || Number(a[2]) - Number(b[2]));
const ledgerHeader = ['Body name', 'Payment date', 'Transaction number', 'Supplier name', 'Expense type', 'Service area', 'Net amount'];
writeFileSync(join(dir, 'example-council-spend-2023-24.csv'), Papa.unparse({ fields: ledgerHeader, data: lines }, { newline: '\r\n' }) + '\r\n');
const mapping = Object.values(LEDGER_EXPENSE_TYPES).map((e) => [e.expenseType, e.mappedTo]);
writeFileSync(join(dir, 'example-council-spend-mapping.csv'), Papa.unparse({ fields: ['Expense type', 'Spend category'], data: mapping }, { newline: '\r\n' }) + '\r\n');
console.log(`Wrote ${workbookRecords.length} records to examples/example-council-baseline.xlsx and .csv, ${lines.length} ledger lines for ${ledgerRecords.length} spend categories to examples/example-council-spend-2023-24.csv with its mapping, and ${previousRecords.length} records for ${previousReportingYear} to examples/example-council-baseline-2022-23.csv`);
