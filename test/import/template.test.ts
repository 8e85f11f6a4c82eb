import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, type Category } from '../../src/activity/categories.js';
import type { ActivityRecordInput } from '../../src/activity/record.js';
import { Decimal } from '../../src/decimal.js';
import { importCsv } from '../../src/import/csv.js';
import { CATEGORY_GROUPS, groupOfRecord } from '../../src/import/groups.js';
import { emptyProfile } from '../../src/import/profile.js';
import { buildBaselineCsv, buildBaselineWorkbook, HEADER_ROW } from '../../src/import/template.js';
import { importWorkbook } from '../../src/import/workbook.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';
import { renderJson } from '../../src/report/json.js';
import { comparable, expectAccounted, nonBlankRows } from './support.js';

const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

describe('the blank template', () => {
  it('has the About sheet, one sheet per category group and drop-downs fed by a hidden Lists sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildBaselineWorkbook().xlsx.writeBuffer()) as ArrayBuffer);
    expect(wb.worksheets.map((s) => [s.name, s.state])).toEqual([['About', 'visible'], ...CATEGORY_GROUPS.map((g) => [g.sheet, 'visible']), ['Lists', 'hidden']]);
    const fleet = wb.getWorksheet('Fleet')!;
    expect((fleet.getRow(HEADER_ROW).values as unknown[]).slice(1, 7)).toEqual(['Reference', 'Category', 'Site', 'Source', 'Quantity', 'Unit']);
    const source = fleet.getCell(`D${HEADER_ROW + 1}`).dataValidation;
    expect(source.type).toBe('list');
    const [, col, first, last] = /^Lists!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(source.formulae![0] as string)!;
    const lists = wb.getWorksheet('Lists')!;
    const options = Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => lists.getCell(`${col}${Number(first) + i}`).value);
    expect(options).toContain('diesel');
    expect(options).toContain('car:medium:battery-electric');
    expect(options).not.toContain('flight:long-haul:economy');
    expect(fleet.getCell(`E${HEADER_ROW + 1}`).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFF2CC' } });
  });

  it('filled in by hand, as a council would, imports back to the same records', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildBaselineWorkbook().xlsx.writeBuffer()) as ArrayBuffer);
    const fill = (sheet: string, rows: Record<string, unknown>[]) => {
      const s = wb.getWorksheet(sheet)!;
      const headers = (s.getRow(HEADER_ROW).values as unknown[]).map(String);
      rows.forEach((row, i) => Object.entries(row).forEach(([h, v]) => (s.getCell(HEADER_ROW + 1 + i, headers.indexOf(h)).value = v as ExcelJS.CellValue)));
    };
    const about = wb.getWorksheet('About')!;
    about.eachRow((row) => {
      const values: Record<string, string> = { 'Council name': 'Testborough', 'Reporting year': '2023/24', 'Council type': 'unitary', 'Schools included': 'Yes', 'Floor area (m2)': '45,000' };
      const v = values[String(row.getCell(1).value)];
      if (v !== undefined) row.getCell(2).value = v;
    });
    fill('Buildings', [
      { Site: 'Town Hall', Source: 'natural-gas', Quantity: 120000.5, Unit: 'kWh', 'Data quality': 'metered' },
      { Reference: 'ta-elec', Category: 'downstream-leased-assets', Site: 'Academy', Source: 'electricity', Quantity: '45,000', Unit: 'MWh', 'Market instrument': 'supplier-specific', 'Supplier factor (kgCO2e/kWh)': 0.15, 'Evidence or supplier': 'Acme Energy' },
    ]);
    fill('Spend', [{ Source: 'spend:construction', Quantity: '£1,000,000', Unit: 'GBP' }]);
    // No Category on the "Waste and water" sheet: each row takes the sheet's category its source belongs to.
    fill('Waste and water', [
      { Source: 'waste:commercial-and-industrial-waste:landfill', Quantity: 12.5, Unit: 'tonnes' },
      { Source: 'water-supply', Quantity: 3400, Unit: 'm3' },
    ]);
    const bytes = await bytesOf(wb);
    const result = await importWorkbook(bytes, { file: 'filled.xlsx' });
    expect(result.problems).toEqual([]);
    expect(result.profile).toMatchObject({ councilName: 'Testborough', reportingYear: '2023/24', councilType: 'unitary', boundary: { schoolsIncluded: true } });
    expect(result.profile.denominators.floorAreaM2?.toFixed()).toBe('45000');
    expect(result.records.map(comparable)).toEqual([
      { category: 'buildings', site: 'Town Hall', source: 'natural-gas', quantity: '120000.5', unit: 'kWh', dataQuality: 'metered' },
      { id: 'ta-elec', category: 'downstream-leased-assets', site: 'Academy', source: 'electricity', quantity: '45000', unit: 'MWh', market: { type: 'supplier-specific', kgCO2ePerKWh: '0.15', supplier: 'Acme Energy' } },
      { category: 'waste', source: 'waste:commercial-and-industrial-waste:landfill', quantity: '12.5', unit: 'tonne' },
      { category: 'water', source: 'water-supply', quantity: '3400', unit: 'm3' },
      // A blank price year on spend is the first calendar year of the reporting year.
      { category: 'purchased-goods-and-services', source: 'spend:construction', quantity: '1000000', unit: 'GBP', priceYear: 2023 },
    ]);
    expect(result.records[1]!.origin).toEqual({ file: 'filled.xlsx', sheet: 'Buildings', cell: `E${HEADER_ROW + 2}`, line: HEADER_ROW + 2 });
    expectAccounted(result, await nonBlankRows(bytes));
  });
});

/** Records the calculator can cost: fixed sources per category, generated quantities (exact decimals) and labels. */
const SAMPLE_SOURCES: Partial<Record<Category, readonly [string, string][]>> = {
  buildings: [['natural-gas', 'kWh'], ['electricity', 'MWh'], ['burning-oil', 'litre']],
  'street-lighting': [['electricity', 'kWh']],
  fleet: [['diesel', 'litre'], ['car:medium:petrol', 'mile']],
  'fugitive-emissions': [['refrigerant:r410a', 'kg']],
  'business-travel': [['rail:national', 'passenger.km'], ['hotel:uk', 'room night']],
  'employee-commuting': [['homeworking', 'FTE hour']],
  waste: [['waste:commercial-and-industrial-waste:landfill', 'tonne']],
  water: [['water-supply', 'm3']],
  'downstream-leased-assets': [['natural-gas', 'kWh']],
};

const text = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,'’&()-]{0,20}[A-Za-z0-9]$/);
// Up to 10^6 of a unit (plausible for a council) with up to 18 significant digits (beyond a double: stored as text).
const quantity = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 17n }), fc.integer({ min: 11, max: 17 })).map(([n, scale]) => new Decimal(n.toString()).div(new Decimal(10).pow(scale)));
const recordArb: fc.Arbitrary<ActivityRecordInput> = fc
  .record({
    category: fc.constantFrom(...(Object.keys(SAMPLE_SOURCES) as Category[])),
    pick: fc.nat(),
    quantity,
    site: fc.option(text, { nil: undefined }),
    notes: fc.option(text, { nil: undefined }),
    dataQuality: fc.option(fc.constantFrom('metered', 'invoiced', 'estimated') as fc.Arbitrary<'metered' | 'invoiced' | 'estimated'>, { nil: undefined }),
  })
  .map(({ category, pick, ...rest }) => {
    const options = SAMPLE_SOURCES[category]!;
    const [source, unit] = options[pick % options.length]!;
    return Object.fromEntries(Object.entries({ category, source, unit, ...rest }).filter(([, v]) => v !== undefined)) as ActivityRecordInput;
  });

describe('the same data as CSV and as XLSX', () => {
  it('imports to the same records and calculates to the same inventory', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(recordArb, { minLength: 1, maxLength: 12 }), async (records) => {
        const profile = { ...emptyProfile(), councilName: 'Propertyshire', reportingYear: '2023/24' };
        const xlsx = await importWorkbook(await bytesOf(buildBaselineWorkbook(profile, records)), { file: 'p.xlsx' });
        const csv = await importCsv(buildBaselineCsv(profile, records), { file: 'p.csv' });
        expect(xlsx.problems).toEqual([]);
        expect(csv.problems).toEqual([]);
        // The workbook groups records by sheet; within a group the order is kept.
        const bySheet = (rs: readonly ActivityRecordInput[]) => CATEGORY_GROUPS.flatMap((g) => rs.filter((r) => groupOfRecord(r.category as Category, r.source) === g));
        expect(xlsx.records.map(comparable)).toEqual(bySheet(records).map(comparable));
        expect(csv.records.map(comparable)).toEqual(records.map(comparable));
        const inventory = (rs: ActivityRecordInput[]) => calculateInventory({ records: rs, reportingYear: '2023/24' });
        const a = inventory(xlsx.records);
        const b = inventory(bySheet(csv.records));
        expect(a.totals.total.toFixed()).toBe(b.totals.total.toFixed());
        const withoutOrigins = (json: string) => JSON.parse(json, (k, v: unknown) => (k === 'origin' ? undefined : v)) as unknown;
        expect(withoutOrigins(renderJson(a))).toEqual(withoutOrigins(renderJson(b)));
      }),
      { numRuns: 10, seed: 20240401 },
    );
  });

  it('has a template sheet for every reporting category', () => {
    expect(CATEGORY_IDS.filter((c) => !CATEGORY_GROUPS.some((g) => g.categories.includes(c)))).toEqual([]);
  });
});
