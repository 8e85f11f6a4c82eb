import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { LINE_COLUMNS } from '../../src/report/line-columns.js';
import { columnLetters } from '../../src/tables/table.js';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/decimal.js';
import { calculateInventory, formatTonnes } from '../../src/inventory/index.js';
import type { Inventory } from '../../src/inventory/types.js';
import { FORMULA_TRIGGERS, renderXlsx } from '../../src/report/index.js';
import { HOSTILE_TEXTS, inventories } from './arbitrary.js';
import { exampleInventory } from './example.js';

async function read(inventory: Inventory): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await renderXlsx(inventory)) as unknown as ArrayBuffer);
  return workbook;
}

/** The value beside a label in column A of a sheet. */
function valueOf(sheet: ExcelJS.Worksheet, label: string, column = 2): ExcelJS.CellValue {
  let found: ExcelJS.CellValue = null;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === label && found === null) found = row.getCell(column).value;
  });
  return found;
}

/** A numeric cell as the exact decimal it displays (a double's shortest representation). */
const decimalOf = (value: ExcelJS.CellValue) => {
  expect(typeof value).toBe('number');
  return new Decimal(String(value));
};

const allCells = (workbook: ExcelJS.Workbook) => {
  const cells: ExcelJS.Cell[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
  return cells;
};

describe('renderXlsx', () => {
  it('has the expected sheets', async () => {
    const workbook = await read(exampleInventory());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'By scope', 'By category', 'Procurement', 'Lines', 'Memo and problems', 'About']);
  });

  it('lists every procurement category with its £ and emissions, and the supplier whose own figure was used', async () => {
    const sheet = (await read(exampleInventory())).getWorksheet('Procurement')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    // 21 categories: the example's 20 averaged by SIC group and the recycling contract with its supplier's figure.
    const total = rows.find((r) => r[0] === 'Procurement total')!;
    expect(total.slice(1, 3)).toEqual([24370000, 5303]); // £ and tCO2e (5,302.954637 t) as worked in test/report/text.test.ts
    expect(rows.find((r) => r[0] === 'Construction: new buildings and major refurbishment (SIC 41.2)')!.slice(1, 3)).toEqual([5800000, 1344.8]); // × 0.231865
    expect(rows.find((r) => r[0] === 'Greenway Recycling Ltd (fictional)')!.slice(1, 3)).toEqual([1350000, 556.2]); // × 0.412
    expect(rows.some((r) => typeof r[0] === 'string' && r[0].startsWith('Spend-based figures multiply what the council paid'))).toBe(true);
  });

  it('gives totals as numeric values equal to the inventory’s, rounded by the stated rule', async () => {
    const check = async (inventory: Inventory) => {
      const workbook = await read(inventory);
      const summary = workbook.getWorksheet('Summary')!;
      const { totals } = inventory;
      expect(decimalOf(valueOf(summary, 'Total (scope 2 location-based), tCO2e')).toFixed(1)).toBe(formatTonnes(totals.total));
      expect(decimalOf(valueOf(summary, 'Total (scope 2 market-based), tCO2e')).toFixed(1)).toBe(formatTonnes(totals.totalMarketBased));
      expect(decimalOf(valueOf(summary, 'Total (scope 2 location-based), kgCO2e to the gram')).eq(totals.total.toDecimalPlaces(3, Decimal.ROUND_HALF_EVEN))).toBe(true);
      const byScope = workbook.getWorksheet('By scope')!;
      expect(decimalOf(valueOf(byScope, 'Total')).toFixed(1)).toBe(formatTonnes(totals.total));
      expect(decimalOf(valueOf(byScope, 'Total', 3)).toFixed(1)).toBe(formatTonnes(totals.totalMarketBased));
      expect(decimalOf(valueOf(byScope, 'Scope 2', 3)).toFixed(1)).toBe(formatTonnes(totals.scope2MarketBased));
      for (const scope of ['1', '2', '3'] as const) {
        expect(decimalOf(valueOf(byScope, `Scope ${scope}`)).toFixed(1)).toBe(formatTonnes(totals.byScope[`scope-${scope}`]));
      }
      const byCategory = workbook.getWorksheet('By category')!;
      expect(decimalOf(valueOf(byCategory, 'Total')).toFixed(1)).toBe(formatTonnes(totals.total));
      // Totals are values, never formulas.
      expect(allCells(workbook).filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    };
    await check(exampleInventory());
    await fc.assert(fc.asyncProperty(inventories, check), { numRuns: 15 });
  });

  it('lists every line with its factor and source, kgCO2e to the gram', async () => {
    const inventory = exampleInventory();
    const lines = (await read(inventory)).getWorksheet('Lines')!;
    const header = (lines.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(lines.rowCount).toBe(inventory.lines.length + 1);
    inventory.lines.forEach((line, i) => {
      const row = lines.getRow(i + 2);
      expect(row.getCell(col('factor_key')).value).toBe(line.factor.key);
      expect(row.getCell(col('factor_source_file')).value).toBe(line.factor.sourceFile);
      expect(decimalOf(row.getCell(col('kgCO2e')).value).eq(line.kgCO2e.toDecimalPlaces(3, Decimal.ROUND_HALF_EVEN))).toBe(true);
    });
  });

  it('gives the lines as a named Excel Table, so pivot tables and Power BI read them by column name', async () => {
    const inventory = exampleInventory();
    const sheet = (await read(inventory)).getWorksheet('Lines')!;
    const tables = (sheet as unknown as { getTables(): { table: { name: string; tableRef: string; columns: { name: string }[] } }[] }).getTables();
    expect(tables).toHaveLength(1);
    const { table } = tables[0]!;
    expect(table.name).toBe('EmissionLines');
    expect(table.columns.map((c) => c.name)).toEqual(LINE_COLUMNS.map((c) => c.header));
    // Header row 1, then one row per line.
    expect(table.tableRef).toBe(`A1:${columnLetters(LINE_COLUMNS.length - 1)}${inventory.lines.length + 1}`);
  });

  it('states the rounding rule and the boundary notes', async () => {
    const inventory = calculateInventory({ records: [], council: { name: 'Test', boundaryNotes: 'Operational control.' } });
    const workbook = await read(inventory);
    const about = workbook.getWorksheet('About')!;
    expect(String(valueOf(about, 'Rounding'))).toMatch(/half to even/);
    expect(valueOf(about, 'Boundary')).toBe('Operational control.');
    expect(String(workbook.getWorksheet('Summary')!.getCell('A2').value)).toMatch(/^Rounding: .*0\.1 tCO2e/);
  });

  it('neutralises input text that could run as a formula: council name, site names, notes, problems', async () => {
    const inventory = calculateInventory({
      records: [
        ...HOSTILE_TEXTS.map((text, i) => ({ id: `r${i}`, category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh', site: text, notes: text })),
        { id: '=bad', category: 'buildings', source: 'natural-gas', quantity: '=1+1', unit: 'kWh' },
      ],
      council: { name: '=cmd|"/c calc"!A1', boundaryNotes: '+SUM(1)' },
    });
    const workbook = await read(inventory);
    const texts = allCells(workbook).filter((c) => typeof c.value === 'string').map((c) => c.value as string);
    expect(texts.filter((t) => FORMULA_TRIGGERS.some((trigger) => t.startsWith(trigger)))).toEqual([]);
    expect(texts).toContain(`'=HYPERLINK("http://evil.example","x")`);
    expect(texts).toContain(`'+SUM(1)`);
    expect(texts.some((t) => t.startsWith(`'=cmd`))).toBe(true);
    expect(inventory.problems.length).toBeGreaterThan(0);
  });
});
