import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/io.js';
import { calculateInventory } from '../../src/inventory/index.js';
import { formatTonnes } from '../../src/report/format.js';
import { council, records, reportingYear } from '../../examples/example-council.js';
import { runCli } from '../support/cli.js';

describe('council-ghg demo', () => {
  it('imports the example workbook, prints its inventory and writes the HTML and XLSX reports', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'council-ghg-demo-'));
    const { code, out } = await runCli('demo', '--out-dir', outDir);
    expect(code).toBe(EXIT.ok);
    // The workbook gives the same total as the records it was built from (examples/example-council.ts).
    const expected = calculateInventory({ records, council, reportingYear });
    expect(out).toContain(`Total: ${formatTonnes(expected.totals.total)} tCO2e`);
    expect(out).toMatch(/example-council-baseline\.xlsx: \d+ rows: 37 gave records, 0 rejected with problems/);
    expect(out).toMatch(/example-council-spend-2023-24\.csv: 518 ledger lines: 518 mapped/);
    // Procurement is costed: no error, and scope 3 is most of the footprint, as in a real council's.
    expect(out).not.toMatch(/^\s*error /m);
    expect(expected.totals.byScope['scope-3'].div(expected.totals.total).toNumber()).toBeGreaterThan(0.6);
    expect(out).toMatch(/^Scope 3\s+6,703\.4\s+6,703\.4\s+69\.9%$/m);
    expect(out).toMatch(/Imported and calculated in \d+ ms\./);
    const html = readFileSync(join(outDir, 'example-report.html'), 'utf8');
    expect(html).toContain('What changed since 2022/23');
    expect(html).toMatch(/How the council compares/i);
    expect(existsSync(join(outDir, 'example-report.xlsx'))).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(outDir, 'example-report.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toContain('Summary');
  });
});
