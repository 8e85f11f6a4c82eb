import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { submissionFromImport } from '../../src/benchmark/index.js';
import { importCsv, importWorkbook } from '../../src/import/index.js';
import { inventoryFromImport } from '../../src/inventory/index.js';

describe('submissionFromImport', () => {
  it('turns the example workbook into a valid submission with its About details', async () => {
    const imported = await importWorkbook(join(import.meta.dirname, '..', '..', 'examples', 'example-council-baseline.xlsx'));
    const inventory = inventoryFromImport(imported);
    const result = submissionFromImport(imported, inventory);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.submission.profile).toMatchObject({ name: imported.profile.councilName, onsCode: imported.profile.onsCode, reportingYear: '2023/24', factorSetId: 'desnz-2023' });
    // Every record is costed: procurement by the bundled spend multipliers, energy spend counted as activity.
    expect(result.submission.excludedRecords ?? 0).toBe(0);
    expect(result.warnings.map((w) => w.code)).not.toContain('incomplete-inventory');
  });

  it('names what the About details lack, and never guesses who the council is', async () => {
    const imported = await importCsv('Council name,Nowhere\n\nCategory,Source,Quantity,Unit\nbuildings,natural-gas,10,kWh\n', { file: 'b.csv' });
    const result = submissionFromImport(imported, inventoryFromImport(imported), { origin: { file: 'b.csv' } });
    expect(result).toEqual({ ok: false, problems: [{ severity: 'error', code: 'incomplete-profile', message: 'The About details lack ONS code, council type, region, reporting year', origin: { file: 'b.csv' } }] });
  });
});
