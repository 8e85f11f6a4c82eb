import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/factors/bundled.js';
import { FactorNotFoundError, FactorSet } from '../../src/factors/factor-set.js';
import { parseSkipped, parseValues } from '../../src/factors/store.js';

/**
 * A loaded set's lookups, against the published rows they come from
 * (../shared/emission-factor-sources/uk-ghg-conversion-factors/normalized/uk-ghg-conversion-factors-<year>-flat.csv,
 * by DESNZ's row ID where published), and the nearest-key suggestions worked by hand from their rule.
 */
const DATA = join(import.meta.dirname, '..', '..', 'emission-factors');
/**
 * A set built afresh from its files, not the process-wide cached one: built inside the test that checks it, so a
 * mutation test run knows which tests reach the constructor.
 */
const fresh = (id: string) =>
  new FactorSet(loadManifest().sets.find((s) => s.id === id)!, parseValues(readFileSync(join(DATA, id, 'factors.csv'), 'utf8')), parseSkipped(readFileSync(join(DATA, id, 'skipped.csv'), 'utf8')));
let built: FactorSet | undefined;
/** desnz-2023 for the lookups, built by the first test that asks. */
const set2023 = () => (built ??= fresh('desnz-2023'));
const GAS_GROSS = 'fuels/gaseous-fuels/natural-gas@kwh-gross-cv';

describe('a factor set', () => {
  it('holds every value of a row with its measure, source row ID, unit, scope and path', () => {
    const SET = fresh('desnz-2023');
    const gas = SET.get(GAS_GROSS);
    // 2023 IDs 1_100_1004_6_1 to _6_4: Fuels › Gaseous fuels › Natural gas, kWh (Gross CV).
    expect(Object.fromEntries([...gas.values].map(([m, v]) => [m, v.toFixed()]))).toEqual({
      kgCO2e: '0.182928926174497', 'kgCO2e-CO2': '0.18256', 'kgCO2e-CH4': '0.00028', 'kgCO2e-N2O': '0.0000889261744966443',
    });
    expect([...gas.sources.values()].map((s) => s.id)).toEqual(['1_100_1004_6_1', '1_100_1004_6_2', '1_100_1004_6_3', '1_100_1004_6_4']);
    expect(gas).toMatchObject({ key: GAS_GROSS, setId: 'desnz-2023', scope: 'Scope 1', uom: 'kWh (Gross CV)' });
    expect(gas.path).toEqual({ level1: 'Fuels', level2: 'Gaseous fuels', level3: 'Natural gas', level4: '', columnText: '' });
    expect(SET.has(GAS_GROSS)).toBe(true);
    expect(SET.has('fuels/gaseous-fuels/natural-gas@kwh')).toBe(false);
    // The manifest counts the set's factors when it is imported.
    expect(SET.size).toBe(SET.info.factorCount);
    expect(SET.all()).toHaveLength(SET.info.factorCount);
    expect(SET.id).toBe('desnz-2023');
    // desnz-2023 printed no value as text (its skipped rows are blanks).
    expect([...SET.printedText.keys()]).toEqual([]);
  });

  it('keeps no row ID where DESNZ published none (before 2023)', () => {
    // 2021, line 531 of the flat file: Refrigerant & other › Kyoto protocol- blends › R408A, kg: 3152, no ID.
    const r408a = fresh('desnz-2021').get('refrigerant-and-other/kyoto-protocol-blends/r408a@kg');
    expect(r408a.values.get('kgCO2e')!.toFixed()).toBe('3152');
    expect(Object.keys(r408a.sources.get('kgCO2e')!)).toEqual(['row']);
  });

  it('finds a key with a wildcard segment, and only a whole segment', () => {
    const SET = set2023();
    // 2023 ID 11_100_1004_6_1: WTT- fuels › Gaseous fuels › Natural gas, kWh (Gross CV): 0.03021.
    expect(SET.find('wtt-fuels/*/natural-gas@kwh-gross-cv')?.values.get('kgCO2e')?.toFixed()).toBe('0.03021');
    expect(SET.find('*/gaseous-fuels/natural-gas@tonnes')?.key).toBe('fuels/gaseous-fuels/natural-gas@tonnes');
    expect(SET.find('fuels/*/natural@tonnes')).toBeUndefined();
    expect(SET.find('fuels/*@tonnes')).toBeUndefined();
    // The first match in key order (the set's files are sorted by key).
    expect(SET.find('fuels/gaseous-fuels/natural-gas@*')?.key).toBe('fuels/gaseous-fuels/natural-gas@cubic-metres');
    expect(SET.find(GAS_GROSS)?.key).toBe(GAS_GROSS);
    // The key's other characters are themselves: "1.305" matches only "1.305" (2023 ID 5_303_3081_4_1, 0.142124026845638).
    expect(SET.find('delivery-vehicles/*/class-i-up-to-1.305-tonnes/diesel@km')?.values.get('kgCO2e')?.toFixed()).toBe('0.142124026845638');
    expect(SET.find('delivery-vehicles/*/class-i-up-to-1x305-tonnes/diesel@km')).toBeUndefined();
    expect(SET.find('fuels/gaseous-fuels/natural-gas@kwh')).toBeUndefined();
    // Asked again, the same answer (wildcard lookups are cached).
    expect(SET.find('wtt-fuels/*/natural-gas@kwh-gross-cv')?.key).toBe('wtt-fuels/gaseous-fuels/natural-gas@kwh-gross-cv');
  });

  it('searches keys, paths and units for every word', () => {
    const SET = set2023();
    expect(SET.search('natural gas kWh gross').map((f) => f.key).sort()).toEqual([
      'fuels/gaseous-fuels/natural-gas-100-pct-mineral-blend@kwh-gross-cv',
      GAS_GROSS,
      'wtt-fuels/gaseous-fuels/natural-gas-100-pct-mineral-blend@kwh-gross-cv',
      'wtt-fuels/gaseous-fuels/natural-gas@kwh-gross-cv',
    ]);
    // 2023 IDs 3_201_2148_3_1 (only non-Kyoto products) and its total row; not the only-Kyoto row.
    expect(SET.search('R408A non-Kyoto').map((f) => f.key)).toEqual([
      'refrigerant-and-other/blends/r408a/emissions-including-only-non-kyoto-products@kg',
      'refrigerant-and-other/blends/r408a/total-emissions-including-non-kyoto-products@kg',
    ]);
    expect(SET.search('')).toHaveLength(SET.size);
    expect(SET.search('no-such-fuel')).toEqual([]);
  });

  it('finds the biogenic CO2 DESNZ publishes outside of scopes for a bioenergy factor, and none for a fossil one', () => {
    const SET = set2023();
    // 2023 ID 99_104_1045_15_2: Outside of Scopes › Biomass › Wood pellets, tonnes, kg CO2e of CO2: 1677.18
    // (beside ID 2_104_1045_15_1, Bioenergy › Biomass › Wood pellets, tonnes: 51.56192).
    const pellets = SET.get('bioenergy/biomass/wood-pellets@tonnes');
    expect(pellets.values.get('kgCO2e')!.toFixed()).toBe('51.56192');
    const outside = SET.outsideOfScopesFor(pellets)!;
    expect(outside.key).toBe('outside-of-scopes/biomass/wood-pellets@tonnes');
    expect(outside.values.get('kgCO2e-CO2')!.toFixed()).toBe('1677.18');
    expect(SET.outsideOfScopesFor(outside)).toBeUndefined();
    expect(SET.outsideOfScopesFor(SET.get('fuels/gaseous-fuels/natural-gas@tonnes'))).toBeUndefined();
    expect(SET.outsideOfScopesFor(SET.get('bioenergy/biomass/wood-pellets@kwh'))?.values.get('kgCO2e-CO2')?.toFixed()).toBe('0.35'); // ID 99_104_1045_5_2
  });

  it('keeps the text DESNZ printed instead of a value, by path', () => {
    // 2021, flat file line 581: Refrigerant & other › Other refrigerants › R1234yf, kg: "< 1".
    expect(fresh('desnz-2021').printedText.get('refrigerant-and-other/other-refrigerants/r1234yf')).toEqual({
      text: '< 1', row: 581, path: 'Refrigerant & other › Other refrigerants › R1234yf',
    });
  });
});

describe('nearest keys', () => {
  it('rank shared path words, then the same unit, then edit distance, then key order', () => {
    const SET = set2023();
    // For fuels/gaseous-fuels/natural-gas@kwh: the four natural gas keys share all five path words (score 50, none has
    // the unit "kwh"), so come in key order; the WTT ones share the five too but are 4 edits away ("wtt-"; 49.6);
    // the 100% mineral blend is 22 edits away (47.8).
    const natural = ['cubic-metres', 'kwh-gross-cv', 'kwh-net-cv', 'tonnes'].map((u) => `fuels/gaseous-fuels/natural-gas@${u}`);
    const wtt = ['cubic-metres', 'kwh-gross-cv', 'kwh-net-cv', 'tonnes'].map((u) => `wtt-fuels/gaseous-fuels/natural-gas@${u}`);
    expect(SET.nearestKeys('fuels/gaseous-fuels/natural-gas@kwh', 9)).toEqual([...natural, ...wtt, 'fuels/gaseous-fuels/natural-gas-100-pct-mineral-blend@cubic-metres']);
    // The same unit counts (+5) after shared words: of the biogas keys, the kWh one first.
    expect(SET.nearestKeys('bioenergy/biogas/biogas@kwh', 1)).toEqual(['bioenergy/biogas/biogas@kwh']);
    expect(SET.nearestKeys('bioenergy/biogas/biogas@tonnes', 1)).toEqual(['bioenergy/biogas/biogas@tonnes']);
    // Upper case is read as lower; a smaller limit asked after a larger one is not the cached longer list.
    expect(SET.nearestKeys('FUELS/GASEOUS-FUELS/NATURAL-GAS@KWH', 2)).toEqual(natural.slice(0, 2));
    expect(SET.nearestKeys('fuels/gaseous-fuels/natural-gas@kwh')).toEqual([...natural, wtt[0]]);
  });

  it('are named when a key is missing, and left out when the set has none', () => {
    const SET = set2023();
    expect(() => SET.get('fuels/gaseous-fuels/natural-gas@kwh')).toThrow(
      `No factor fuels/gaseous-fuels/natural-gas@kwh in desnz-2023. Nearest keys: ${['cubic-metres', 'kwh-gross-cv', 'kwh-net-cv', 'tonnes'].map((u) => `fuels/gaseous-fuels/natural-gas@${u}`).join(', ')}, wtt-fuels/gaseous-fuels/natural-gas@cubic-metres`,
    );
    const empty = new FactorSet(SET.info, []);
    const error = (() => {
      try {
        empty.get('x@y');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(FactorNotFoundError);
    expect(error).toMatchObject({ name: 'FactorNotFoundError', message: 'No factor x@y in desnz-2023', key: 'x@y', setId: 'desnz-2023', suggestions: [] });
  });
});
