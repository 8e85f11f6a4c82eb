/**
 * Builds the example council's baseline workbook and long CSV from examples/example-council.ts, so the files
 * in examples/ are reproducible: npx tsx examples/build-example-files.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal } from '../src/decimal.js';
import type { BaselineProfile } from '../src/import/profile.js';
import { buildBaselineCsv, buildBaselineWorkbook } from '../src/import/template.js';
import { council, previousRecords, previousReportingYear, records, reportingYear } from './example-council.js';

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
const workbook = buildBaselineWorkbook(profile, records);
// A fixed timestamp so a rebuild with unchanged records changes nothing but the zip's own dates.
workbook.created = workbook.modified = new Date('2024-06-30T00:00:00Z');
await workbook.xlsx.writeFile(join(dir, 'example-council-baseline.xlsx'));
writeFileSync(join(dir, 'example-council-baseline.csv'), buildBaselineCsv(profile, records));
writeFileSync(join(dir, 'example-council-baseline-2022-23.csv'), buildBaselineCsv({ ...profile, reportingYear: previousReportingYear }, previousRecords));
console.log(`Wrote ${records.length} records to examples/example-council-baseline.xlsx and .csv, and ${previousRecords.length} for ${previousReportingYear} to examples/example-council-baseline-2022-23.csv`);
