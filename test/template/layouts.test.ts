import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workbookRecords } from '../../examples/example-council.js';
import { Decimal } from '../../src/decimal.js';
import { compareDisplayedTotal, isPreviewHeader, readDisplayedTotal, SUMMARY_TOTAL_LABEL } from '../../src/import/displayed-totals.js';
import { importWorkbook } from '../../src/import/workbook.js';
import type { SourceRow } from '../../src/tables/table.js';
import { comparable, expectAccounted, nonBlankRows } from '../import/support.js';

const byId = <T extends { id?: string | undefined }>(rs: readonly T[]) => [...rs].sort((a, b) => (a.id! < b.id! ? -1 : 1));

describe('the previous template layout (code slugs in the cells, no previews)', () => {
  it('still imports: the example workbook as committed before the labelled layout gives the same records', async () => {
    const bytes = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'template-2024', 'example-council-baseline.xlsx'));
    const result = await importWorkbook(bytes, { file: 'old.xlsx' });
    expect(result.problems).toEqual([]);
    expect(byId(result.records.map(comparable))).toEqual(byId(workbookRecords.map(comparable)));
    expectAccounted(result, await nonBlankRows(bytes));
  });
});

describe('the labelled layout before vehicles took their fuel in a column of their own', () => {
  it('still imports: whole labels such as "Van \u2013 average size \u2013 battery electric" in one Source column give the same records', async () => {
    const bytes = readFileSync(join(import.meta.dirname, 'fixtures', 'template-labelled', 'example-council-baseline.xlsx'));
    const result = await importWorkbook(bytes, { file: 'labelled.xlsx' });
    expect(result.problems).toEqual([]);
    expect(byId(result.records.map(comparable))).toEqual(byId(workbookRecords.map(comparable)));
    expectAccounted(result, await nonBlankRows(bytes, { formulasGivingNothing: 'blank' }));
  });
});

/** A Summary as a reader gives it: a total row whose fifth cell holds the saved total, in tCO2e. */
const summary = (total: { text: string; formulaWithoutValue?: true; error?: true }): SourceRow[] => [
  { line: 1, cells: [{ text: 'Summary (preview)' }] },
  { line: 18, cells: [{ text: SUMMARY_TOTAL_LABEL }, { text: '1' }, { text: '2' }, { text: '3' }, total] },
];

describe('the displayed total against the exact one', () => {
  const exact = new Decimal('7229877.867079'); // kgCO2e: 7,229.877867079 t
  const check = (rows: SourceRow[]) => {
    const displayed = readDisplayedTotal(rows);
    return displayed === undefined ? undefined : compareDisplayedTotal(displayed, exact, 'baseline.xlsx');
  };

  it('agrees within the rounding of what is shown (0.1 t)', () => {
    expect(check(summary({ text: '7229.877867079' }))).toBeUndefined();
    expect(check(summary({ text: '7229.83' }))).toBeUndefined();
    expect(check(summary({ text: '7229.92' }))).toBeUndefined();
  });

  it('says so, naming the cell, when they differ by more', () => {
    const problem = check(summary({ text: '7227.98' }));
    expect(problem).toMatchObject({ severity: 'warning', code: 'displayed-total-differs', origin: { file: 'baseline.xlsx', sheet: 'Summary', cell: 'E18', line: 18 }, value: '7227.98' });
    expect(problem!.message).toContain('showed 7228.0 tCO2e, but the exact calculation of the rows imported gives 7229.9 tCO2e');
  });

  it('has nothing to compare when the Summary was never calculated, shows an error or has no total row', () => {
    expect(readDisplayedTotal(summary({ text: '', formulaWithoutValue: true }))).toBeUndefined();
    expect(readDisplayedTotal(summary({ text: '#VALUE!', error: true }))).toBeUndefined();
    expect(readDisplayedTotal([{ line: 1, cells: [{ text: 'Totals' }] }])).toBeUndefined();
    expect(readDisplayedTotal(summary({ text: '7229.9' }))).toMatchObject({ sheet: 'Summary', line: 18, text: '7229.9' });
  });

  it('knows the preview columns by their heading', () => {
    expect(['Estimated kgCO2e (preview)', ' scope 1 kgco2e (PREVIEW) '].every(isPreviewHeader)).toBe(true);
    expect(['Quantity', 'Preview notes', 'Estimated kgCO2e'].some(isPreviewHeader)).toBe(false);
  });
});
