import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../src/import/csv.js';
import { importWorkbook } from '../../src/import/workbook.js';
import { runCli } from '../support/cli.js';
import { expectAccounted, nonBlankRows, workbookBytes } from '../import/support.js';

/** 40 lines of notes, as councils put above a table: methodology, sign-off, caveats. */
const NOTES = Array.from({ length: 40 }, (_, i) => `Note ${i + 1}: figures checked against the supplier's statements`);

describe('a header below a long preamble', () => {
  it('is found on row 42 of a Buildings sheet: its rows are records, the notes skipped', async () => {
    const bytes = await workbookBytes((wb) => {
      const s = wb.addWorksheet('Buildings');
      for (const note of NOTES) s.addRow([note]);
      s.addRow([]);
      s.addRow(['Site', 'Source', 'Quantity', 'Unit']);
      s.addRow(['Civic Centre', 'natural-gas', 1000, 'kWh']);
      s.addRow(['Depot', 'electricity', 2000, 'kWh']);
    });
    const result = await importWorkbook(bytes, { file: 'n.xlsx' });
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => [r.site, r.origin?.cell])).toEqual([['Civic Centre', 'C43'], ['Depot', 'C44']]);
    expect(result.accounting.filter((a) => a.outcome === 'skipped').map((a) => a.reason)).toEqual([...NOTES.map(() => 'title or instructions above the header'), 'column headers']);
    expectAccounted(result, await nonBlankRows(bytes));
  });

  it('is found below 40 notes lines of a CSV', async () => {
    const text = `${NOTES.join('\n')}\nCategory,Source,Quantity,Unit\nbuildings,natural-gas,1000,kWh\n`;
    const result = await importCsv(text, { file: 'n.csv' });
    expect(result.records.map((r) => r.origin?.line)).toEqual([42]);
    expectAccounted(result, 42);
  });

  it('a sheet named for a category with no header anywhere is an error (exit 1), never a warning', async () => {
    const bytes = await workbookBytes((wb) => {
      const ok = wb.addWorksheet('Buildings');
      ok.addRow(['Site', 'Source', 'Quantity', 'Unit']);
      ok.addRow(['Civic Centre', 'natural-gas', 1000, 'kWh']);
      const fleet = wb.addWorksheet('Fleet');
      fleet.addRow(['Vehicle', 'Fuel used', 'Litres']);
      fleet.addRow(['Van 1', 'Diesel', 500]);
      wb.addWorksheet('Read me').addRow(['This workbook holds our 2023/24 data']);
    });
    const result = await importWorkbook(bytes, { file: 'f.xlsx' });
    expect(result.problems.map((p) => [p.code, p.severity, p.origin.sheet, p.message])).toEqual([
      ['no-header', 'error', 'Fleet', 'No recognisable header (columns such as Source, Quantity, Unit) on a sheet named for Fleet: none of its 2 rows were imported; give its table a header row'],
      ['no-header', 'warning', 'Read me', 'No recognisable header (columns such as Source, Quantity, Unit): the sheet was not imported'],
    ]);
    expectAccounted(result, await nonBlankRows(bytes));
    const path = join(mkdtempSync(join(tmpdir(), 'hdr-')), 'f.xlsx');
    writeFileSync(path, bytes);
    const run = await runCli('calculate', path);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/error no-header at f\.xlsx › sheet Fleet: No recognisable header/);
  });
});
