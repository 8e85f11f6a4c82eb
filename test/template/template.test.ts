import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, type Category } from '../../src/activity/categories.js';
import type { ActivityRecordInput } from '../../src/activity/record.js';
import { Decimal } from '../../src/decimal.js';
import { loadFactorSet } from '../../src/factors/bundled.js';
import { readSource } from '../../src/import/source-text.js';
import { templatePreviews } from '../../src/template/previews.js';
import { importCsv } from '../../src/import/csv.js';
import { bundledSpendCategories } from '../../src/factors/spend/bundled.js';
import { CATEGORY_GROUPS, groupOfRecord, sourceChoices } from '../../src/import/groups.js';
import { emptyProfile } from '../../src/import/profile.js';
import { buildBaselineCsv, buildBaselineWorkbook, HEADER_ROW } from '../../src/template/baseline-workbook.js';
import { importWorkbook } from '../../src/import/workbook.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';
import { renderJson } from '../../src/report/json.js';
import { comparable, expectAccounted, nonBlankRows } from '../import/support.js';

const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

const SET = loadFactorSet('desnz-2023');
/** Costed once for the file: building the previews is the slow part of a template. */
const PREVIEWS = templatePreviews(SET, '2023/24');

const loaded = async (wb: ExcelJS.Workbook) => {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return copy;
};

/** The values a cell's list validation offers, read from the hidden Lists sheet. */
const listOf = (wb: ExcelJS.Workbook, sheet: string, cell: string): unknown[] => {
  const validation = wb.getWorksheet(sheet)!.getCell(cell).dataValidation;
  expect(validation.type).toBe('list');
  const [, col, first, last] = /^Lists!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(validation.formulae![0] as string)!;
  const lists = wb.getWorksheet('Lists')!;
  return Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => lists.getCell(`${col}${Number(first) + i}`).value);
};

/** Distinct rows of a published factor file matching a key pattern: the expected lists, read without the library. */
const published = (pattern: RegExp): Set<string> => {
  const rows = Papa.parse<Record<string, string>>(readFileSync(join(import.meta.dirname, '..', '..', 'emission-factors', 'desnz-2023', 'factors.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  return new Set(rows.flatMap((r) => {
    const m = pattern.exec(r.key!);
    return m === null ? [] : [m.slice(1).join('|')];
  }));
};

describe('the blank template', async () => {
  const wb = await loaded(buildBaselineWorkbook(emptyProfile(), [], PREVIEWS));
  const source = `D${HEADER_ROW + 1}`;

  it('has the About sheet, the Summary, one sheet per category group and a hidden Lists sheet', () => {
    expect(wb.worksheets.map((s) => [s.name, s.state])).toEqual([['About', 'visible'], ['Summary', 'visible'], ...CATEGORY_GROUPS.map((g) => [g.sheet, 'visible']), ['Lists', 'hidden']]);
    const fleet = wb.getWorksheet('Fleet')!;
    expect((fleet.getRow(HEADER_ROW).values as unknown[]).slice(1, 8)).toEqual(['Reference', 'Category', 'Site', 'Source', 'Vehicle fuel', 'Quantity', 'Unit']);
    expect(fleet.getCell(`F${HEADER_ROW + 1}`).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFF2CC' } });
  });

  it('lists sources by name, only those of the sheet: fuels on Buildings, vehicles on Fleet', () => {
    const buildings = listOf(wb, 'Buildings', source);
    expect(buildings).toEqual(expect.arrayContaining(['Natural gas', 'Grid electricity', 'Burning oil (kerosene, heating oil)', 'District heat and steam']));
    expect(buildings.filter((v) => /^(Car|Van|HGV|Diesel)\b/.test(String(v)))).toEqual([]);
    const fleet = listOf(wb, 'Fleet', source);
    // A vehicle by kind and size; its fuel is chosen in the next column (vehicle-fuels.test.ts).
    expect(fleet).toEqual(expect.arrayContaining(['Diesel (average biofuel blend, forecourt)', 'Car \u2013 medium', 'HGV \u2013 articulated >33 t \u2013 50% laden']));
    expect(fleet).not.toContain('Car \u2013 medium \u2013 battery electric');
    expect(fleet).not.toContain('Natural gas');
    expect(fleet.filter((v) => String(v).startsWith('Flight'))).toEqual([]);
    // No code slugs left in any list: every choice is a name.
    for (const g of CATEGORY_GROUPS) expect(listOf(wb, g.sheet, source).filter((v) => /^[a-z-]+:/.test(String(v))), g.sheet).toEqual([]);
  });

  it('lists every refrigerant and every waste material and route the factor set publishes', () => {
    const gases = published(/^refrigerant-and-other\/[^/]+\/([^/@]+)[/@]/);
    expect(listOf(wb, 'Refrigerants', source)).toHaveLength(gases.size);
    expect(listOf(wb, 'Refrigerants', source)).toContain('Refrigerant or medical gas lost \u2013 R410A');
    const routes = new Set(['landfill', 'combustion', 'open-loop', 'closed-loop', 'composting', 'anaerobic-digestion']);
    const waste = [...published(/^waste-disposal\/[^/]+\/([^/]+)\/([^/@]+)@/)].filter((k) => routes.has(k.split('|')[1]!));
    const offered = listOf(wb, 'Waste and water', source).filter((v) => String(v).startsWith('Waste \u2013'));
    expect(offered).toHaveLength(waste.length);
    expect(offered).toContain('Waste \u2013 Commercial and industrial waste \u2013 landfill');
  });

  it('says what each column wants, stops a quantity that cannot be right, and prints a sheet to the page width', () => {
    const buildings = wb.getWorksheet('Buildings')!;
    const quantity = buildings.getCell(`E${HEADER_ROW + 1}`).dataValidation;
    expect(quantity).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', errorStyle: 'stop', showErrorMessage: true, showInputMessage: true, promptTitle: 'Quantity' });
    for (let c = 1; c <= CATEGORY_GROUPS[0]!.fields.length; c++) {
      const v = buildings.getCell(HEADER_ROW + 1, c).dataValidation;
      expect(v.showInputMessage).toBe(true);
      expect(v.prompt!.length).toBeGreaterThan(0);
      expect(v.prompt!.length).toBeLessThanOrEqual(255);
    }
    expect(buildings.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` });
    // Its 11 columns and the preview (L), not the hidden columns beyond; the header and 40 rows to fill in.
    expect(buildings.pageSetup.printArea).toBe(`A1:L${HEADER_ROW + 40}`);
  });

  it('carries the per-unit figures, costed by the library: natural gas per kWh is DESNZ 2023\u2019s combustion factor and its well-to-tank', () => {
    const lists = wb.getWorksheet('Lists')!;
    let found: unknown[] | undefined;
    lists.eachRow((row) => row.eachCell((cell, col) => {
      if (cell.value === 'Buildings (fuel, electricity and heat)|Natural gas||kWh') found = (row.values as unknown[]).slice(col, col + 8);
    }));
    // factors.csv: fuels/gaseous-fuels/natural-gas@kwh-gross-cv 0.182928926174497 (scope 1), WTT 0.03021 (scope 3). No vehicle fuel.
    expect(found).toEqual(['Buildings (fuel, electricity and heat)|Natural gas||kWh', 'Buildings (fuel, electricity and heat)', 'Natural gas', undefined, 'kWh', 0.182928926174497, 0, 0.03021]);
  });
});

describe('labels and ids', () => {
  it.each(['desnz-2016', 'desnz-2023', 'desnz-2025'])('every choice of every sheet reads back to its id, and no two share a label (%s)', (id) => {
    const all = CATEGORY_GROUPS.flatMap((g) => sourceChoices(g, loadFactorSet(id), bundledSpendCategories()));
    for (const c of all) expect(readSource(c.label), c.label).toBe(c.source);
    const labels = new Map(all.map((c) => [c.label.toLowerCase(), c.source]));
    expect(new Set(all.map((c) => c.source)).size).toBe(labels.size);
  });

  it('reads hand-typed labels in any case, and leaves text that is no label to the catalogue', () => {
    expect(readSource('hgv \u2013 ARTICULATED >33 t \u2013 50% laden')).toBe('hgv:artic-over-33t:50');
    expect(readSource('Spend \u2013 Construction: new buildings and major refurbishment')).toBe('spend:construction-new-buildings');
    expect(readSource('Hotel stay \u2013 UK (London)')).toBe('hotel:uk-london');
    expect(readSource('Car \u2013 medium \u2013 rocket')).toBe('car \u2013 medium \u2013 rocket');
  });
});

describe('a template filled in by hand, as a council would', () => {
  it('imports back to the same records, from names and from ids alike', async () => {
    const wb = await loaded(buildBaselineWorkbook(emptyProfile(), [], PREVIEWS));
    const fill = (sheet: string, rows: Record<string, unknown>[]) => {
      const s = wb.getWorksheet(sheet)!;
      const headers = (s.getRow(HEADER_ROW).values as unknown[]).map(String);
      rows.forEach((row, i) => Object.entries(row).forEach(([h, v]) => (s.getCell(HEADER_ROW + 1 + i, headers.indexOf(h)).value = v as ExcelJS.CellValue)));
    };
    const about = wb.getWorksheet('About')!;
    about.eachRow((row) => {
      const values: Record<string, string> = { 'Council name': 'Testborough', 'Reporting year': '2023/24', 'Council type': 'Unitary authorities (England)', 'Schools included': 'Yes', 'Floor area (m2)': '45,000' };
      const v = values[String(row.getCell(1).value)];
      if (v !== undefined) row.getCell(2).value = v;
    });
    fill('Buildings', [
      { Site: 'Town Hall', Source: 'Natural gas', Quantity: 120000.5, Unit: 'kWh', 'Data quality': 'metered' },
      { Reference: 'ta-elec', Category: 'downstream-leased-assets', Site: 'Academy', Source: 'electricity', Quantity: '45,000', Unit: 'MWh', 'Market instrument': 'supplier-specific', 'Supplier factor (kgCO2e/kWh)': 0.15, 'Evidence or supplier': 'Acme Energy' },
    ]);
    fill('Fleet', [
      { Category: 'Owned and leased fleet', Source: 'HGV \u2013 articulated >33 t \u2013 50% laden', Quantity: 80000, Unit: 'km' },
      { Source: 'Van \u2013 class II (1.305 to 1.74 t)', 'Vehicle fuel': 'Battery electric', Quantity: 12000, Unit: 'miles' },
    ]);
    fill('Spend', [{ Source: 'spend:construction', Quantity: '£1,000,000', Unit: 'GBP' }]);
    // No Category on the "Waste and water" sheet: each row takes the sheet's category its source belongs to.
    fill('Waste and water', [
      { Source: 'Waste \u2013 Commercial and industrial waste \u2013 landfill', Quantity: 12.5, Unit: 'tonnes' },
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
      { category: 'fleet', source: 'hgv:artic-over-33t:50', quantity: '80000', unit: 'km' },
      { category: 'fleet', source: 'van:class-ii:battery-electric', quantity: '12000', unit: 'mile' },
      { category: 'waste', source: 'waste:commercial-and-industrial-waste:landfill', quantity: '12.5', unit: 'tonne' },
      { category: 'water', source: 'water-supply', quantity: '3400', unit: 'm3' },
      // A blank price year on spend is the first calendar year of the reporting year.
      { category: 'purchased-goods-and-services', source: 'spend:construction', quantity: '1000000', unit: 'GBP', priceYear: 2023 },
    ]);
    expect(result.records[1]!.origin).toEqual({ file: 'filled.xlsx', sheet: 'Buildings', cell: `E${HEADER_ROW + 2}`, line: HEADER_ROW + 2 });
    // The preview formulas on the rows left empty are accounted as skipped, with the reason.
    const previewsOnly = result.accounting.filter((a) => a.reason === 'template preview formulas only');
    expect(previewsOnly.length).toBeGreaterThan(0);
    expectAccounted(result, await nonBlankRows(bytes));
  });
});

/** Records the calculator can cost: fixed sources per category, generated quantities (exact decimals) and labels. */
const SAMPLE_SOURCES: Partial<Record<Category, readonly [string, string][]>> = {
  buildings: [['natural-gas', 'kWh'], ['electricity', 'MWh'], ['burning-oil', 'litre']],
  'street-lighting': [['electricity', 'kWh']],
  fleet: [['diesel', 'litre'], ['car:medium:petrol', 'mile'], ['hgv:all-rigids:average', 'km']],
  'employee-commuting': [['homeworking', 'FTE hour'], ['car:small:hybrid', 'km']],
  'fugitive-emissions': [['refrigerant:r410a', 'kg']],
  'business-travel': [['rail:national', 'passenger.km'], ['hotel:uk', 'room night']],
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
        const xlsx = await importWorkbook(await bytesOf(buildBaselineWorkbook(profile, records, PREVIEWS)), { file: 'p.xlsx' });
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
    // Each run writes and reads a whole template (500 input rows of formulas on seven sheets).
  }, 180_000);

  it('has a template sheet for every reporting category', () => {
    expect(CATEGORY_IDS.filter((c) => !CATEGORY_GROUPS.some((g) => g.categories.includes(c)))).toEqual([]);
  });
});
