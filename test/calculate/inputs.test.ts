import { describe, expect, it } from 'vitest';
import type { Category } from '../../src/activity/categories.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';

/**
 * Inputs councils have: energy on a net CV basis, liquid biofuels in buildings, refrigerants DESNZ printed as
 * "< 1", and the words they use for sources. Expected values are DESNZ's published rows (normalised flat files,
 * row IDs quoted where DESNZ gave them) times round quantities.
 */
function run(category: Category, source: string, quantity: string, unit: string, set: string) {
  return calculateInventory({ records: [{ id: 'r', category, source, quantity, unit }] }, { factorSet: set });
}

const costed = (inventory: ReturnType<typeof run>) => inventory.lines.map((l) => [l.role, l.factor.path, l.factor.uom, l.kgCO2e.toFixed()]);

describe('energy on a net CV basis', () => {
  it('is costed with DESNZ’s net CV rows, not converted by a typed ratio (2024: 1_100_1004_7_1, 11_100_1004_7_1)', () => {
    const inv = run('buildings', 'natural-gas', '1000', 'kWh (Net CV)', 'desnz-2024');
    expect(inv.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(costed(inv)).toEqual([
      ['direct', 'Fuels › Gaseous fuels › Natural gas', 'kWh (Net CV)', '202.64'],
      ['well-to-tank', 'WTT- fuels › Gaseous fuels › Natural gas', 'kWh (Net CV)', '33.47'],
    ]);
  });

  it('MWh (net CV) is brought to kWh (net CV) exactly (2016: Natural gas, Energy - Net CV 0.204440909090306)', () => {
    const inv = run('buildings', 'natural-gas', '2', 'MWh (Net CV)', 'desnz-2016');
    const direct = inv.lines.find((l) => l.role === 'direct')!;
    expect(direct.quantity.value.toFixed()).toBe('2000');
    expect(direct.kgCO2e.toFixed()).toBe('408.881818180612');
  });

  it('"kWh (Gross CV)" is the plain gross kWh of UK bills', () => {
    const gross = run('buildings', 'natural-gas', '1000', 'kWh (Gross CV)', 'desnz-2024');
    expect(gross.lines.find((l) => l.role === 'direct')!.factor.uom).toBe('kWh (Gross CV)');
  });

  it('a source DESNZ costs per plain kWh refuses a net CV kWh, naming the units it publishes', () => {
    const inv = run('buildings', 'electricity', '1000', 'kWh (Net CV)', 'desnz-2024');
    expect(inv.lines).toEqual([]);
    expect(inv.problems[0]!.message).toMatch(/desnz-2024 publishes it only per kWh\./);
  });
});

describe('liquid biofuels in buildings', () => {
  it('HVO in a generator or boiler (2024: 2_103_1036_8_1 0.03558, WTT 12_900_1036_8_1 0.559 per litre)', () => {
    const inv = run('buildings', 'hvo', '1000', 'litres', 'desnz-2024');
    expect(inv.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(costed(inv)).toEqual([
      ['direct', 'Bioenergy › Biofuel › Biodiesel HVO', 'litres', '35.58'],
      ['well-to-tank', 'WTT- bioenergy › WTT- biofuel › Biodiesel HVO', 'litres', '559'],
    ]);
    expect(inv.lines[0]!.scope).toBe('scope-1');
  });

  it('biodiesel ME was DESNZ’s "Biodiesel" to 2020 (2016: 0.01982 per litre; 2021 "Biodiesel ME": 0.16751)', () => {
    expect(run('buildings', 'biodiesel-me', '1000', 'litres', 'desnz-2016').lines[0]!.kgCO2e.toFixed()).toBe('19.82');
    expect(run('buildings', 'biodiesel-me', '1000', 'litres', 'desnz-2016').lines[0]!.factor.path).toBe('Bioenergy › Biofuel › Biodiesel');
    expect(run('fleet', 'biodiesel-me', '1000', 'litres', 'desnz-2021').lines[0]!.kgCO2e.toFixed()).toBe('167.51');
  });
});

describe('R1234yf and R1234ze, printed by DESNZ as "< 1"', () => {
  for (const [set, row] of [['desnz-2016', 'Refrigerant & other › Other refrigerants › R1234yf'], ['desnz-2022', 'Refrigerant & other › Other products › R1234yf* › Emissions including only non-Kyoto products']] as const) {
    it(`${set}: a memo item at the bound, with the assumption stated, never an error or a zero`, () => {
      const inv = run('fugitive-emissions', 'refrigerant:r1234yf', '3', 'kg', set);
      expect(inv.lines).toEqual([]);
      expect(inv.memo.map((m) => [m.kind, m.value.toFixed()])).toEqual([['non-kyoto-gas', '3']]);
      expect(inv.problems.map((p) => [p.severity, p.code])).toEqual([['warning', 'factor-bounded']]);
      expect(inv.problems[0]!.message).toContain(`DESNZ printed "< 1"`);
      expect(inv.problems[0]!.message).toContain(row);
      expect(inv.problems[0]!.message).toMatch(/at most 1 kgCO2e per kg/);
    });
  }

  it('desnz-2023 prints 1 (3_204_2493_3_1): costed as the non-Kyoto memo it is', () => {
    const inv = run('fugitive-emissions', 'refrigerant:r1234ze', '3', 'kg', 'desnz-2023');
    expect(inv.memo.map((m) => [m.kind, m.value.toFixed()])).toEqual([['non-kyoto-gas', '3']]);
    expect(inv.problems.map((p) => p.code)).toEqual(['non-kyoto-gas']);
  });
});

describe('suggestions from the words councils use', () => {
  const suggestion = (category: Category, source: string, unit: string) => run(category, source, '1', unit, 'desnz-2024').problems[0]!.message;

  it('"train" suggests rail, not taxi', () => {
    expect(suggestion('business-travel', 'train', 'passenger.km')).toMatch(/Did you mean: rail:national, rail:international/);
  });

  it('a domestic flight with a class suggests the domestic average row DESNZ publishes', () => {
    expect(suggestion('business-travel', 'flight:domestic:business', 'passenger.km')).toMatch(/Did you mean: flight:domestic:average, /);
  });

  it('a van class DESNZ has no CNG row for suggests the average CNG van', () => {
    expect(suggestion('fleet', 'van:class-i:cng', 'km')).toMatch(/Did you mean: van:average:cng, /);
  });
});

describe('public EV charging paid through expenses', () => {
  it('is grid electricity under business travel: scope 3 category 6, with its losses and upstream (2024 rows 7_400_4000_5_1, 13_402_4000_5_1, 15_917_4000_5_1, 15_918_4000_5_1)', () => {
    const inv = run('business-travel', 'electricity', '100', 'kWh', 'desnz-2024');
    expect(inv.problems).toEqual([]);
    expect(inv.lines.map((l) => [l.role, l.scope, l.scope3Category, l.kgCO2e.toFixed()])).toEqual([
      ['direct', 'scope-3', 6, '20.705'],
      ['transmission-and-distribution', 'scope-3', 6, '1.83'],
      ['well-to-tank', 'scope-3', 6, '4.59'],
      ['well-to-tank', 'scope-3', 6, '0.397'],
    ]);
  });
});
