import { describe, expect, it } from 'vitest';
import { importCsv } from '../../src/import/csv.js';

const HEADER = 'Reference,Category,Source,Quantity,Unit,Market instrument,Supplier factor (kgCO2e/kWh)\n';

describe('market instrument columns', () => {
  it('reads a supplier factor without an instrument as supplier-specific, with a warning on its cell', async () => {
    const result = await importCsv(`${HEADER}e1,buildings,electricity,1000,kWh,,0.1\n`, { file: 'm.csv' });
    expect(result.records[0]!.market).toMatchObject({ type: 'supplier-specific' });
    expect(String((result.records[0]!.market as { kgCO2ePerKWh: unknown }).kgCO2ePerKWh)).toBe('0.1');
    expect(result.problems.map((p) => [p.code, p.severity, p.origin.line, p.origin.column])).toEqual([['unknown-market-instrument', 'warning', 2, 'Supplier factor (kgCO2e/kWh)']]);
  });

  it('keeps a renewable-backed tariff at zero and warns that the factor beside it is unused', async () => {
    const result = await importCsv(`${HEADER}e1,buildings,electricity,1000,kWh,renewable-backed,0.2\n`, { file: 'm.csv' });
    expect(result.records[0]!.market).toEqual({ type: 'renewable-backed' });
    expect(result.problems.map((p) => [p.code, p.severity, p.value])).toEqual([['market-conflict', 'warning', '0.2']]);
  });

  it('leaves a row without either as it is', async () => {
    const result = await importCsv(`${HEADER}e1,buildings,electricity,1000,kWh,,\n`, { file: 'm.csv' });
    expect(result.records[0]!.market).toBeUndefined();
    expect(result.problems).toEqual([]);
  });
});
