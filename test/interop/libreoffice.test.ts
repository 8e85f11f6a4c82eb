import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workbookRecords as records } from '../../examples/example-council.js';
import { importWorkbook } from '../../src/import/workbook.js';
import { UnusableInputError } from '../../src/import/result.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';
import { serialiseInventory } from '../../src/inventory/serialise.js';
import { comparable } from '../import/support.js';
import { HAVE_SOFFICE, saveWithLibreOffice } from './libreoffice.js';

/**
 * Councils fill the baseline in Excel or LibreOffice. Here the example workbook is opened and saved again by a
 * real LibreOffice (Debian's libreoffice-calc-nogui, installed by .ci/run), which rewrites every part of the
 * file its own way (styles, shared strings, validations), and must import to the same records and inventory.
 */
const examples = join(import.meta.dirname, '..', '..', 'examples');

const withoutOrigin = (inventory: ReturnType<typeof calculateInventory>) => serialiseInventory(inventory).replace(/"origin": \{[^}]*\}/g, '"origin": {}');

describe.skipIf(!HAVE_SOFFICE)('workbooks saved by LibreOffice', () => { // skips only off CI: under CI, available() fails the run instead
  it('the example workbook re-saved by LibreOffice imports to the same records and inventory', async () => {
    const saved = saveWithLibreOffice(join(examples, 'example-council-baseline.xlsx'), 'Calc MS Excel 2007 XML', 'xlsx');
    const imported = await importWorkbook(readFileSync(saved), { file: 'baseline.xlsx' });
    expect(imported.problems).toEqual([]);
    const byId = <T extends { id?: string | undefined }>(rs: readonly T[]) => [...rs].sort((a, b) => (a.id! < b.id! ? -1 : 1));
    expect(byId(imported.records.map(comparable))).toEqual(byId(records.map(comparable)));
    const ours = calculateInventory({ records: byId(imported.records), reportingYear: '2023/24' });
    const fromCode = calculateInventory({ records: byId(records), reportingYear: '2023/24' });
    expect(withoutOrigin(ours)).toBe(withoutOrigin(fromCode));
  }, 180_000);

  it('the example CSV opened in LibreOffice and saved as .xlsx imports to the same records', async () => {
    const saved = saveWithLibreOffice(join(examples, 'example-council-baseline.csv'), 'Calc MS Excel 2007 XML', 'xlsx');
    const imported = await importWorkbook(readFileSync(saved), { file: 'baseline.xlsx' });
    expect(imported.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(imported.records.map(comparable)).toEqual(records.map(comparable));
  }, 180_000);

  it('a workbook saved as OpenDocument (.ods) is refused with how to convert it', async () => {
    const saved = saveWithLibreOffice(join(examples, 'example-council-baseline.xlsx'), 'calc8', 'ods');
    await expect(importWorkbook(readFileSync(saved), { file: 'baseline.ods' })).rejects.toThrow(UnusableInputError);
    await expect(importWorkbook(readFileSync(saved), { file: 'baseline.ods' })).rejects.toThrow(/Save As › Excel/);
  }, 180_000);
});
