import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/decimal.js';
import { loadSpendFactorSet } from '../../src/factors/spend/bundled.js';
import { HAVE_SHARED_SPEND, SHARED_SPEND_SOURCES } from '../support/shared.js';

/**
 * Golden test: the bundled spend set against the shared long-form CSV (a different file from the .txt the
 * importer reads), every group and year, matched by the published code, read here with papaparse alone.
 */
type LongRow = { sic_group_code: string; sic_group_title: string; year: string; kgCO2e_per_GBP: string; price_basis: string };

describe.skipIf(!HAVE_SHARED_SPEND)('bundled spend factors equal the published multipliers', () => { // skips only off CI: under CI, available() fails the run instead
  const rows = Papa.parse<LongRow>(readFileSync(join(SHARED_SPEND_SOURCES, 'uk-spend-multipliers-sic-2015-2023.long.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  const set = loadSpendFactorSet('defra-leeds-2023');

  it('has all 1,008 published values: 112 groups × 2015–2023', () => {
    expect(rows).toHaveLength(1008);
    expect(set.groups()).toHaveLength(112);
    expect(set.info.years).toEqual({ first: 2015, last: 2023 });
  });

  it('every group and year equals the published value exactly, with its title', () => {
    const byCode = new Map(set.groups().map((g) => [g.code, g]));
    for (const row of rows) {
      const group = byCode.get(row.sic_group_code);
      expect(group, row.sic_group_code).toBeDefined();
      expect(group!.title).toBe(row.sic_group_title);
      const factor = set.factor(group!.id, Number(row.year));
      expect(factor?.kgCO2ePerGBP.toFixed(), `${row.sic_group_code} ${row.year}`).toBe(new Decimal(row.kgCO2e_per_GBP).toFixed());
      expect(row.price_basis).toBe(`${row.year} basic prices, excl. VAT`);
    }
  });

  it('states its provenance: the official file and checksum the copy names, and the licence', () => {
    expect(set.info.derivedFrom?.file).toBe('spend_based_emissions_multipliers_1997_to_2023.ods');
    expect(set.info.derivedFrom?.sha256.startsWith('f694d0e5')).toBe(true);
    expect(set.info.licence).toBe('Open Government Licence v3.0');
    expect(set.info.priceBasis).toMatch(/basic prices, excluding VAT/);
  });

  // Spot values read off the published table by eye, as a reviewer would check them.
  it.each([
    ['62', 2023, '0.0999177'],
    ['41.2', 2023, '0.231865'],
    ['87', 2019, '0.179044'],
    ['38', 2015, '2.1566'],
  ])('SIC %s in %i is %s kgCO2e per £', (code, year, expected) => {
    const group = set.groups().find((g) => g.code === code)!;
    const published = rows.find((r) => r.sic_group_code === code && Number(r.year) === year)!;
    expect(published.kgCO2e_per_GBP).toBe(expected);
    expect(set.factor(group.id, year)!.kgCO2ePerGBP.toFixed()).toBe(expected);
  });
});
