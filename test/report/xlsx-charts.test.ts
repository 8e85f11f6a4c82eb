import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderXlsx } from '../../src/report/index.js';
import { withCharts, type ChartSpec } from '../../src/report/xlsx-charts.js';
import { ZipParts } from '../../src/report/xlsx-zip.js';
import { exampleInventory } from './example.js';

const text = (parts: ZipParts, name: string) => new TextDecoder().decode(parts.get(name));

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const CHART: ChartSpec = {
  sheet: 'Figures & notes', kind: 'column', title: 'Tonnes <by> scope',
  categories: { ref: "'Figures & notes'!$A$2:$A$3", labels: ['Scope 1', 'Scope 2'] },
  series: { name: 'tCO2e', ref: "'Figures & notes'!$B$2:$B$3", values: [12.5, 3], format: '#,##0.0' },
  at: { col: 3, row: 1, cols: 6, rows: 12 },
};

describe('the zip parts', () => {
  it('reads back every entry exceljs wrote (deflated), and writes a zip another reader opens with its checksums', async () => {
    const bytes = await workbookBytes((wb) => (wb.addWorksheet('One').getCell('A1').value = 'x'));
    const parts = await ZipParts.read(bytes);
    expect(parts.names()).toContain('xl/worksheets/sheet1.xml');
    parts.set('xl/new.xml', new TextEncoder().encode('<new/>'));
    const zip = await JSZip.loadAsync(parts.write(), { checkCRC32: true });
    for (const name of parts.names()) if (!name.endsWith('/')) expect(new Uint8Array(await zip.file(name)!.async('uint8array')), name).toEqual(parts.get(name));
  });

  it('keeps the parts left as they were compressed: only what is added or changed is stored', async () => {
    const bytes = await workbookBytes((wb) => {
      const sheet = wb.addWorksheet('Lines');
      for (let i = 0; i < 2000; i++) sheet.addRow([`line ${i}`, 'natural-gas', i * 1.5, 'kWh']);
    });
    const parts = await ZipParts.read(bytes);
    const sheetSize = parts.get('xl/worksheets/sheet1.xml')!.length;
    parts.set('xl/new.xml', new TextEncoder().encode('<new/>'));
    const written = parts.write();
    // The sheet alone inflates to more than the whole rewritten zip: it was copied compressed.
    expect(written.length).toBeLessThan(sheetSize);
    expect(written.length).toBeLessThan(bytes.length + 200);
  });
});

describe('charts added to a workbook', () => {
  it('link a drawing and a chart to the sheet, declared in the content types, and the workbook still reads', async () => {
    const bytes = await workbookBytes((wb) => {
      const sheet = wb.addWorksheet('Figures & notes');
      sheet.addRows([['Scope', 'tCO2e'], ['Scope 1', 12.5], ['Scope 2', 3]]);
      sheet.addTable({ name: 'Figures', ref: 'A5', columns: [{ name: 'a' }], rows: [[1]] });
    });
    const parts = await ZipParts.read(await withCharts(bytes, [CHART, { ...CHART, kind: 'pie', title: 'Shares' }]));
    const sheet = text(parts, 'xl/worksheets/sheet1.xml');
    // The drawing goes before the table parts, where the schema puts it.
    expect(sheet.indexOf('<drawing r:id=')).toBeGreaterThan(-1);
    expect(sheet.indexOf('<drawing r:id=')).toBeLessThan(sheet.indexOf('<tableParts'));
    const drawingId = /<drawing r:id="(rId\d+)"/.exec(sheet)![1]!;
    expect(text(parts, 'xl/worksheets/_rels/sheet1.xml.rels')).toContain(`Id="${drawingId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`);
    expect(text(parts, 'xl/drawings/_rels/drawing1.xml.rels')).toContain('Target="../charts/chart2.xml"');
    const types = text(parts, '[Content_Types].xml');
    for (const part of ['/xl/drawings/drawing1.xml', '/xl/charts/chart1.xml', '/xl/charts/chart2.xml']) expect(types).toContain(`PartName="${part}"`);
    const chart = text(parts, 'xl/charts/chart1.xml');
    expect(chart).toContain("<c:f>'Figures &amp; notes'!$B$2:$B$3</c:f>");
    expect(chart).toContain('<a:t>Tonnes &lt;by&gt; scope</a:t>');
    expect(chart).toContain('<c:pt idx="0"><c:v>12.5</c:v></c:pt>');
    expect(text(parts, 'xl/charts/chart2.xml')).toContain('<c:pieChart>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(parts.write() as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Figures & notes')!.getCell('B2').value).toBe(12.5);
  });
});

describe('the XLSX report’s charts', () => {
  it('plot the scope and category tables by reference, with the values the cells hold', async () => {
    const bytes = await renderXlsx(exampleInventory());
    const parts = await ZipParts.read(bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const charts = parts.names().filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).map((n) => text(parts, n));
    expect(charts).toHaveLength(2);
    for (const chart of charts) {
      const [labels, values] = [...chart.matchAll(/<c:f>'([^']+)'!\$([A-Z])\$(\d+):\$[A-Z]\$(\d+)<\/c:f>/g)].map((m) => {
        const sheet = wb.getWorksheet(m[1]!.replace(/&amp;/g, '&'))!;
        return Array.from({ length: Number(m[4]) - Number(m[3]) + 1 }, (_, i) => sheet.getCell(`${m[2]}${Number(m[3]) + i}`).value);
      });
      const cached = [...chart.matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((m) => m[1]);
      expect(cached).toEqual([...labels!, ...values!].map(String));
    }
    // By scope: scope 1, 2 and 3, location-based, as the By scope table gives them (1,845.4, 1,045.7 and 6,703.4 t in the README).
    expect(charts.find((c) => c.includes('<c:barChart>'))).toMatch(/<c:v>1845\.4<\/c:v>.*<c:v>1045\.7<\/c:v>.*<c:v>6703\.4<\/c:v>/);
  });
});

describe('the XLSX report’s summary tables', () => {
  it('are named Excel Tables of the rows, the totals below them left out', async () => {
    const parts = await ZipParts.read(await renderXlsx(exampleInventory()));
    const tables = parts.names().filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n)).map((n) => text(parts, n));
    const refOf = (name: string) => new RegExp(`<table [^>]*name="${name}"[^>]*ref="([A-Z]+\\d+:[A-Z]+\\d+)"`).exec(tables.join('\n'))?.[1];
    expect(['EmissionLines', 'ScopeTotals', 'Scope3Categories', 'CategoryTotals', 'SiteTotals', 'ProcurementCategories'].filter((n) => refOf(n) === undefined)).toEqual([]);
    // Header and scopes 1 to 3: four rows, five columns (A to E); the Total row beneath is not in the table.
    const [from, to] = refOf('ScopeTotals')!.split(':').map((c) => Number(/\d+/.exec(c)![0]));
    expect([refOf('ScopeTotals')!.replace(/\d+/g, ''), to! - from!]).toEqual(['A:E', 3]);
  });
});
