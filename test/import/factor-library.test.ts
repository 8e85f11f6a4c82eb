import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityRecordInput } from '../../src/activity/record.js';
import { useBundledFactorLibrary } from '../../src/factors/bundled.js';
import { setDefaultFactorLibrary } from '../../src/factors/default-library.js';
import { factorLibraryFromFiles, NoFactorLibraryError } from '../../src/factors/library.js';
import { CATEGORY_GROUPS } from '../../src/import/groups.js';
import { readSpendMapping } from '../../src/import/ledger-mapping.js';
import { ABOUT_FIELDS, emptyProfile } from '../../src/import/profile.js';
import { templatePreviews } from '../../src/template/previews.js';
import { buildBaselineWorkbook, HEADER_ROW } from '../../src/template/baseline-workbook.js';

/**
 * The import layer reaches factor data only through a factor library: with no default library (the portable core,
 * a browser) a call that needs one and is given none says so, and a library given is the one used.
 */
const FACTORS = join(import.meta.dirname, '..', '..', 'emission-factors');
const read = (path: string) => readFileSync(join(FACTORS, path), 'utf8');
/** One DESNZ set and no spend-based data, as a caller might fetch it. */
const library = factorLibraryFromFiles({ manifest: read('manifest.json'), sets: { 'desnz-2023': { factors: read('desnz-2023/factors.csv'), skipped: read('desnz-2023/skipped.csv') } } });
const MAPPING = 'Expense code,Spend category\nE1,legal-services\n';

describe('with no default factor library', () => {
  beforeAll(() => setDefaultFactorLibrary(undefined));
  afterAll(() => useBundledFactorLibrary());

  it('refuses a spend mapping given no category table, rather than defaulting every code unsaid', () => {
    expect(() => readSpendMapping(MAPPING, 'm.csv')).toThrow(NoFactorLibraryError);
  });

  it('reads a spend mapping with the table given: a code with no reporting category and no table row is purchased goods and services', () => {
    const { mapping, problems } = readSpendMapping(MAPPING, 'm.csv', []);
    expect(problems).toEqual([]);
    expect(mapping.entries.get('e1')).toEqual({ spendCategory: 'legal-services', category: 'purchased-goods-and-services' });
  });

  it('refuses to cost template previews or build the template with no library', () => {
    expect(() => templatePreviews(library.factorSet('desnz-2023'), '2023/24')).toThrow(NoFactorLibraryError);
    expect(() => buildBaselineWorkbook()).toThrow(NoFactorLibraryError);
  });

  it('builds the template from a library given: its sets offered, and a Spend sheet with no categories when it holds no spend data', () => {
    const spendRecord: ActivityRecordInput = { category: 'purchased-goods-and-services', source: 'spend:legal-services', quantity: '1', unit: 'GBP' };
    const previews = templatePreviews(library.factorSet('desnz-2023'), '2023/24', [spendRecord], library);
    expect(previews.setIds).toEqual(['desnz-2023']);
    expect(previews.choices.get(CATEGORY_GROUPS.find((g) => g.sheet === 'Spend')!)).toEqual([]);
    // Spend cannot be costed without a spend set: its row shows "no preview", while activity is costed.
    expect(previews.figures.filter((f) => f.choice.family.kind === 'spend')).toEqual([]);
    expect(previews.figures.some((f) => f.choice.source === 'natural-gas')).toBe(true);

    const workbook = buildBaselineWorkbook(emptyProfile(), [], previews);
    const row = HEADER_ROW + ABOUT_FIELDS.findIndex((f) => f.kind === 'factor-set');
    const [, sheet, col, first, last] = /^(\w+)!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(workbook.getWorksheet('About')!.getCell(row, 2).dataValidation.formulae![0] as string)!;
    const lists = workbook.getWorksheet(sheet!)!;
    const offered = Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => lists.getCell(`${col}${Number(first) + i}`).value);
    expect(offered).toEqual(['desnz-2023']);
  });
});
