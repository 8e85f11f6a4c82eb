import { describe, expect, it } from 'vitest';
import { describePath, factorKey, isFactorKey, slug, type FactorPath } from '../../src/factors/key.js';

/**
 * Factor keys from DESNZ's paths, each expected key worked by hand from the rule in src/factors/key.ts (lower case,
 * accents dropped, & + % < > as words, runs of anything else one hyphen, a dot kept only between digits; Level 4 and
 * the column text dropped where they restate the unit or the data year). The paths are published rows of
 * ../shared/emission-factor-sources/uk-ghg-conversion-factors/normalized/uk-ghg-conversion-factors-<year>-flat.csv.
 */
const path = (level1: string, level2 = '', level3 = '', level4 = '', columnText = ''): FactorPath => ({ level1, level2, level3, level4, columnText });

describe('factor keys', () => {
  it('name a published row by its path and unit', () => {
    // 2023, ID 1_100_1004_6_1: Fuels › Gaseous fuels › Natural gas, kWh (Gross CV).
    expect(factorKey(path('Fuels', 'Gaseous fuels', 'Natural gas'), 'kWh (Gross CV)')).toBe('fuels/gaseous-fuels/natural-gas@kwh-gross-cv');
    // 2020: the same row with the column text "Energy - Gross CV", which only restates the unit.
    expect(factorKey(path('Fuels', 'Gaseous fuels', 'Natural gas', '', 'Energy - Gross CV'), 'kWh (Gross CV)')).toBe('fuels/gaseous-fuels/natural-gas@kwh-gross-cv');
    // 2022: UK electricity with the data year "2020" as Level 4; 2023: with "kWh", the unit, as Level 4.
    expect(factorKey(path('UK electricity', 'Electricity generated', 'Electricity: UK', '2020'), 'kWh')).toBe('uk-electricity/electricity-generated/electricity-uk@kwh');
    expect(factorKey(path('UK electricity', 'Electricity generated', 'Electricity: UK', 'kWh'), 'kWh')).toBe('uk-electricity/electricity-generated/electricity-uk@kwh');
    // Column texts "Volume", "Tonnes", "Mass", "Energy", "Energy - Net CV" (fuels to 2021) restate the unit too.
    for (const restated of ['Volume', 'Tonnes', 'Mass', 'Energy', 'Energy - Net CV']) {
      expect(factorKey(path('Fuels', 'Liquid fuels', 'Diesel (average biofuel blend)', '', restated), 'litres')).toBe('fuels/liquid-fuels/diesel-average-biofuel-blend@litres');
    }
  });

  it('keep a Level 4 or column text that says something, and Level 1 to 3 whatever they say', () => {
    // 2023: Refrigerant & other › Blends › R408A › Emissions including only Kyoto products, kg (ID 3_201_2147_3_1).
    expect(factorKey(path('Refrigerant & other', 'Blends', 'R408A', '', 'Emissions including only Kyoto products'), 'kg')).toBe(
      'refrigerant-and-other/blends/r408a/emissions-including-only-kyoto-products@kg',
    );
    // A Level 4 that is a vehicle's fuel stays; a year or a unit word in Levels 1-3 is not dropped (hand-made paths).
    expect(factorKey(path('Passenger vehicles', 'Cars (by size)', 'Medium car', 'Diesel'), 'km')).toBe('passenger-vehicles/cars-by-size/medium-car/diesel@km');
    expect(factorKey(path('Energy', '2020', 'Volume'), 'Volume')).toBe('energy/2020/volume@volume');
    expect(factorKey(path('Fuels', '', 'Coal', '1999'), 'tonnes')).toBe('fuels/coal@tonnes');
    expect(factorKey(path('Fuels', 'Coal', '', '20201', '199'), 'tonnes')).toBe('fuels/coal/20201/199@tonnes');
  });

  it('spell symbols as words and keep a dot only between digits', () => {
    // Homeworking › Office equipment + heating; Transmission and distribution › Distribution - district heat & steam › 5% loss;
    // Delivery vehicles › HGV (all diesel) › Rigid (>3.5 - 7.5 tonnes); Vans › Class I (up to 1.305 tonnes); passenger.km.
    expect(slug('Homeworking (office equipment + heating)')).toBe('homeworking-office-equipment-plus-heating');
    expect(slug('Distribution - district heat & steam')).toBe('distribution-district-heat-and-steam');
    expect(slug('5% loss')).toBe('5-pct-loss');
    expect(slug('Rigid (>3.5 - 7.5 tonnes)')).toBe('rigid-gt-3.5-7.5-tonnes');
    expect(slug('< 1')).toBe('lt-1');
    expect(slug('Class I (up to 1.305 tonnes)')).toBe('class-i-up-to-1.305-tonnes');
    expect(slug('passenger.km')).toBe('passenger-km');
    expect(slug('tonne.km.')).toBe('tonne-km');
    expect(slug('.5 kg')).toBe('5-kg');
    expect(slug('Electricity: UK')).toBe('electricity-uk');
    expect(slug('  Café  crème ')).toBe('cafe-creme');
    expect(slug('R22 ++ R32')).toBe('r22-plus-plus-r32');
  });

  it('are recognised by their form', () => {
    for (const key of ['fuels/gaseous-fuels/natural-gas@kwh-gross-cv', 'homeworking/homeworking-office-equipment-plus-heating@fte-working-hour', 'x@y', 'delivery-vehicles/vans/class-i-up-to-1.305-tonnes/diesel@km']) {
      expect(isFactorKey(key)).toBe(true);
    }
    for (const text of ['', 'natural gas', 'fuels/natural-gas', '@kwh', 'fuels/@kwh', 'fuels//gas@kwh', 'Fuels/gas@kwh', 'fuels/gas@kWh', 'fuels/gas@kwh/x', 'fuels/gas@', ' fuels/gas@kwh', 'fuels/gas@kwh ']) {
      expect(isFactorKey(text)).toBe(false);
    }
  });

  it('describe a path as people read it, blank levels left out', () => {
    expect(describePath(path('Fuels', 'Gaseous fuels', 'Natural gas'))).toBe('Fuels › Gaseous fuels › Natural gas');
    expect(describePath(path('Refrigerant & other', 'Blends', 'R408A', '', 'Emissions including only Kyoto products'))).toBe(
      'Refrigerant & other › Blends › R408A › Emissions including only Kyoto products',
    );
    expect(describePath(path('UK electricity', 'Electricity generated', 'Electricity: UK', '2020', 'x'))).toBe('UK electricity › Electricity generated › Electricity: UK › 2020 › x');
  });
});
