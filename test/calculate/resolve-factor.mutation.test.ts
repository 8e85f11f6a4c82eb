import { describe, expect, it } from 'vitest';
import { outsideOfScopesFor } from '../../src/calculate/resolve-factor.js';
import { FactorSet } from '../../src/factors/factor-set.js';
import type { FactorScope, StoredFactorValue } from '../../src/factors/schema.js';

/**
 * outsideOfScopesFor's fallback to a plain-kWh biogenic row, on made-up sets (not DESNZ values; see
 * biogenic-kwh.test.ts for the published rows): only energy on a CV basis falls back, and the row is matched
 * below Level 2 however deep the path is.
 */
const row = (key: string, scope: FactorScope, uom: string): StoredFactorValue => ({
  key, measure: scope === 'Outside of Scopes' ? 'kgCO2e-CO2' : 'kgCO2e', value: '0.1', scope,
  level_1: scope === 'Outside of Scopes' ? 'Outside of scopes' : 'Fuels', level_2: 'Test fuels', level_3: 'Blend', level_4: 'B7', column_text: '',
  uom, source_row: 2, source_id: '',
});
const found = (values: StoredFactorValue[], direct: string) => {
  const set = new FactorSet({
    id: 'test-set', title: 'Test set', publisher: 'none', year: 2023, licence: 'Open Government Licence v3.0', attribution: 'none',
    source: { file: 'test.csv', sha256: '0'.repeat(64) }, rows: { read: values.length, imported: values.length, skipped: 0 }, factorCount: values.length,
  }, values);
  return outsideOfScopesFor(set, set.get(direct))?.key;
};

describe('the plain-kWh biogenic row', () => {
  it('is found for a four-level path, matched segment by segment below Level 2', () => {
    const gross = row('fuels/test-fuels/blend/b7@kwh-gross-cv', 'Scope 1', 'kWh (Gross CV)');
    const plain = row('outside-of-scopes/test-biofuel/blend/b7@kwh', 'Outside of Scopes', 'kWh');
    expect(found([gross, plain], gross.key)).toBe(plain.key);
  });

  it('is never taken for a line in litres or tonnes: a kWh memo on a litre line would be per the wrong unit', () => {
    const litres = row('fuels/test-fuels/blend/b7@litres', 'Scope 1', 'litres');
    const plain = row('outside-of-scopes/test-biofuel/blend/b7@kwh', 'Outside of Scopes', 'kWh');
    expect(found([litres, plain], litres.key)).toBeUndefined();
  });
});
