import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { ActivityRecordInput } from '../../src/activity/record.js';
import { Decimal } from '../../src/decimal.js';
import type { ImportResult } from '../../src/import/result.js';

/** A workbook made in the test, as the bytes a council would send. */
export async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * Counts the non-blank rows of every sheet, read back with exceljs itself (independent of the importer). exceljs
 * cannot tell a formula that gave "" (the template's previews on rows not filled in) from one never calculated;
 * with `formulasGivingNothing: 'blank'` a formula with no result is taken as showing nothing, as in the template.
 */
export async function nonBlankRows(bytes: Uint8Array, options: { formulasGivingNothing?: 'blank' } = {}): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const shown = (v: ExcelJS.CellValue) => {
    if (options.formulasGivingNothing === 'blank' && typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v) && (v.result === undefined || v.result === '')) return false;
    return v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');
  };
  let n = 0;
  wb.eachSheet((sheet) =>
    sheet.eachRow((row) => {
      if ((row.values as ExcelJS.CellValue[]).slice(1).some(shown)) n++;
    }),
  );
  return n;
}

/**
 * The row-accounting invariant: every non-blank row is accounted for exactly once; rows that gave records
 * account for every record; a rejected row has at least one error problem on its own line; a skipped row says why.
 */
export function expectAccounted(result: ImportResult, nonBlank: number): void {
  expect(result.accounting).toHaveLength(nonBlank);
  const keys = result.accounting.map((a) => `${a.origin.sheet ?? ''}|${a.origin.line}`);
  expect(new Set(keys).size).toBe(keys.length);
  expect(result.accounting.reduce((n, a) => n + a.records, 0)).toBe(result.records.length);
  for (const a of result.accounting) {
    if (a.outcome === 'problem') {
      const own = result.problems.filter((p) => p.severity === 'error' && p.origin.sheet === a.origin.sheet && p.origin.line === a.origin.line);
      expect(own.length, `problems for ${keys.join()}`).toBeGreaterThan(0);
    }
    if (a.outcome === 'skipped') expect(a.reason).toBeTruthy();
    if (a.outcome === 'record') expect(a.records).toBeGreaterThan(0);
  }
}

/** A record without its origin, decimals as exact strings: for comparing records from different files. */
export function comparable(record: ActivityRecordInput): Record<string, unknown> {
  const { origin: _origin, quantity, market, supplierFactor, includesVatAt, ...rest } = record;
  const exact = (v: Decimal | string | number) => new Decimal(v instanceof Decimal ? v : String(v)).toFixed();
  return {
    ...rest,
    quantity: exact(quantity),
    ...(market === undefined ? {} : { market: market.type === 'supplier-specific' ? { ...market, kgCO2ePerKWh: exact(market.kgCO2ePerKWh) } : market }),
    ...(supplierFactor === undefined ? {} : { supplierFactor: { ...supplierFactor, kgCO2ePerGBP: exact(supplierFactor.kgCO2ePerGBP) } }),
    ...(includesVatAt === undefined ? {} : { includesVatAt: exact(includesVatAt) }),
  };
}
