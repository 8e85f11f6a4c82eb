import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ActivityRecordInput } from '../../src/activity/record.js';
import { loadFactorSet } from '../../src/factors/bundled.js';
import { SUMMARY_SHEET, SUMMARY_TOTAL_LABEL } from '../../src/import/displayed-totals.js';
import { emptyProfile } from '../../src/import/profile.js';
import { importWorkbook } from '../../src/import/workbook.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';
import { buildBaselineWorkbook, HEADER_ROW } from '../../src/template/baseline-workbook.js';
import { templatePreviews } from '../../src/template/previews.js';
import { comparable } from '../import/support.js';
import { HAVE_SOFFICE, saveWithLibreOffice } from '../interop/libreoffice.js';

/**
 * The template's row-dependent Vehicle fuel lists and its protected Summary, opened, recalculated and saved by a
 * real LibreOffice: the defined names and the INDIRECT validations survive, the names resolve in LibreOffice's own
 * formulas, the previews of a vehicle and its fuel are DESNZ's figures times the quantity, the protected Summary
 * is still recalculated and stays protected, and the file LibreOffice saved imports to the same records.
 */
const records: ActivityRecordInput[] = [
  { id: 'hgv', category: 'fleet', source: 'hgv:artic-over-33t:50', quantity: '1000', unit: 'km' },
  { id: 'car', category: 'fleet', source: 'car:medium:petrol', quantity: '2000', unit: 'km' },
  { id: 'van', category: 'fleet', source: 'van:class-ii:battery-electric', quantity: '300', unit: 'km' },
  { id: 'grey', category: 'business-travel', source: 'car:average:unknown', quantity: '500', unit: 'mile' },
];
const profile = { ...emptyProfile(), councilName: 'Fuelshire', reportingYear: '2023/24' as const };
const PROBE = 'Probe';

/** The template with the rows above, and a sheet of probes: how many fuels each Fleet row's list offers, by its name. */
async function templateWithProbes(): Promise<{ file: string; names: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildBaselineWorkbook(profile, records, templatePreviews(loadFactorSet('desnz-2023'), '2023/24')).xlsx.writeBuffer()) as ArrayBuffer);
  const list = wb.getWorksheet('Fleet')!.getCell(`E${HEADER_ROW + 1}`).dataValidation.formulae![0] as string;
  const probe = wb.addWorksheet(PROBE);
  [1, 2, 3].forEach((n) => (probe.getCell(`A${n}`).value = { formula: `ROWS(${list.replace('$D5', `Fleet!$D${HEADER_ROW + n}`)})` }));
  const file = join(mkdtempSync(join(tmpdir(), 'council-ghg-fuels-')), 'fuels.xlsx');
  await wb.xlsx.writeFile(file);
  return { file, names: (wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => `${n.name}=${n.ranges.join(',')}`).sort() };
}

describe.skipIf(!HAVE_SOFFICE)('the Vehicle fuel lists and the protected Summary in LibreOffice', async () => { // skips only off CI: under CI, available() fails the run instead
  const { file, names } = HAVE_SOFFICE ? await templateWithProbes() : { file: '', names: [] };
  const saved = HAVE_SOFFICE ? saveWithLibreOffice(file, 'Calc MS Excel 2007 XML', 'xlsx') : '';
  const wb = new ExcelJS.Workbook();
  if (HAVE_SOFFICE) await wb.xlsx.readFile(saved);

  it('keeps every defined name and the row-dependent validation, and resolves the names', () => {
    expect((wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => `${n.name}=${n.ranges.join(',')}`).filter((n) => n.startsWith('Fuels_')).sort()).toEqual(names);
    expect(names.length).toBeGreaterThan(0);
    // Relative to the range's first row (E5), as Excel reads it: each row looks up its own Source.
    expect(wb.getWorksheet('Fleet')!.getCell(`E${HEADER_ROW + 2}`).dataValidation.formulae![0]).toMatch(/^INDIRECT\(VLOOKUP\(\$D5,Lists!\$[A-Z]+\$2:\$[A-Z]+\$\d+,2,(FALSE|0)\)\)$/);
    // factors.csv (desnz-2023): HGVs are diesel only; medium cars in 8 fuels; class II vans in diesel, petrol, battery electric.
    expect([1, 2, 3].map((n) => wb.getWorksheet(PROBE)!.getCell(`A${n}`).result)).toEqual([1, 8, 3]);
  });

  it('previews a vehicle and its fuel at DESNZ\u2019s figure per unit times the quantity', () => {
    const estimate = (sheet: string, row: number) => {
      const s = wb.getWorksheet(sheet)!;
      const col = (s.getRow(HEADER_ROW).values as unknown[]).indexOf('Estimated kgCO2e (preview)');
      return s.getCell(HEADER_ROW + row, col).result as number;
    };
    // 1000 km x (delivery-vehicles/hgv-all-diesel/articulated-gt-33t/50-pct-laden@km 0.838494962416107 + its WTT 0.20244).
    expect(estimate('Fleet', 1)).toBeCloseTo(1040.934962416107, 9);
    // 500 miles x (business-travel-land/cars-by-size/average-car/unknown@miles 0.268167500671141 + its WTT 0.07027).
    expect(estimate('Travel', 1)).toBeCloseTo(169.2187503355705, 9);
  });

  it('recalculates the protected Summary, which stays protected', async () => {
    const summary = wb.getWorksheet(SUMMARY_SHEET)!;
    // LibreOffice writes sheet="true", which exceljs does not read back: the sheet's own XML is read.
    const zip = await JSZip.loadAsync(readFileSync(saved));
    const part = async (path: string) => zip.file(path)!.async('string');
    const id = new RegExp(`<sheet [^>]*name="${SUMMARY_SHEET}"[^>]*r:id="([^"]+)"`).exec(await part('xl/workbook.xml'))![1];
    const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(await part('xl/_rels/workbook.xml.rels'))?.[1]
      ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(await part('xl/_rels/workbook.xml.rels'))![1];
    expect(await part(`xl/${target!.replace(/^\/?xl\//, '')}`)).toMatch(/<sheetProtection [^>]*sheet="(1|true)"/);
    let total: number | undefined;
    summary.eachRow((row) => {
      if (row.getCell(1).value === SUMMARY_TOTAL_LABEL) total = row.getCell(5).result as number;
    });
    const exact = calculateInventory({ records, reportingYear: '2023/24' }, { factorSet: loadFactorSet('desnz-2023') }).totals.total.div(1000);
    expect(Math.abs(total! - exact.toNumber())).toBeLessThan(0.001);
  });

  it('imports, once re-saved, to the same records', async () => {
    const imported = await importWorkbook(readFileSync(saved), { file: 'fuels.xlsx' });
    // The probes' sheet is no part of the template: it has no header, and is said so.
    expect(imported.problems.map((p) => [p.code, p.origin.sheet])).toEqual([['no-header', PROBE]]);
    expect(imported.records.map(comparable)).toEqual(records.map(comparable));
  });
}, 180_000);
