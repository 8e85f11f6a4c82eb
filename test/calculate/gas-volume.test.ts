import { describe, expect, it } from 'vitest';
import { parseActivityRecords } from '../../src/activity/record.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';

/**
 * LPG, propane and CNG are gases at room temperature, but DESNZ publishes them per litre of liquid (or compressed)
 * fuel, per kWh and per tonne, never per m3 of gas. A metered gas volume must not be read as litres of fuel:
 * 1,000 m3 of LPG gas (about 1,900 kg) costed as 1,000,000 litres of liquid gave 1,557 tCO2e, hundreds of times
 * too much. Natural gas, which DESNZ publishes per cubic metre, and liquid fuels in m3 of liquid are unaffected.
 */
const SET = 'desnz-2023';
const kg = (d: { toFixed(): string }) => d.toFixed();

describe('a gas volume for a fuel DESNZ costs per litre of liquid or compressed fuel is refused, never costed', () => {
  it.each([
    ['buildings', 'lpg', 'm3', 'litres of liquid fuel'],
    ['buildings', 'lpg', 'ft3', 'litres of liquid fuel'],
    ['buildings', 'propane', 'm3', 'litres of liquid fuel'],
    ['upstream-leased-assets', 'propane', 'ft3', 'litres of liquid fuel'],
    ['fleet', 'cng', 'm3', 'litres of compressed fuel'],
    ['fleet', 'cng', 'ft3', 'litres of compressed fuel'],
  ])('%s %s in %s', (category, source, unit, instead) => {
    const inv = calculateInventory({ records: [{ id: 'r', category, source, quantity: '1000', unit }] }, { factorSet: SET });
    expect(inv.lines).toEqual([]);
    expect(inv.memo).toEqual([]);
    expect(inv.problems).toHaveLength(1);
    const [problem] = inv.problems;
    expect([problem!.severity, problem!.code, problem!.value]).toEqual(['error', 'unit-not-allowed', unit]);
    expect(problem!.message).toContain(`cannot be costed in ${unit}`);
    expect(problem!.message).toContain(`Give ${instead}, kWh from the bill, or kg or tonnes`);
    expect(kg(inv.totals.total)).toBe('0');
  });

  it('says so where the record is read, with its origin, so an import points at the cell', () => {
    const origin = { file: 'baseline.xlsx', sheet: 'Buildings', cell: 'D7' };
    const { records, problems } = parseActivityRecords([{ category: 'buildings', source: 'LPG', quantity: '250', unit: 'm³', origin }]);
    expect(records).toEqual([]);
    expect(problems.map((p) => [p.code, p.value, p.origin])).toEqual([['unit-not-allowed', 'm3', origin]]);
    expect(problems[0]!.message).toMatch(/^LPG cannot be costed in m3: DESNZ publishes factors per litre of liquid fuel, per kWh and per tonne/);
  });

  it('still costs LPG and propane in litres of liquid, CNG in litres, kg and kWh', () => {
    // desnz-2023 normalised flat file (uk-ghg-conversion-factors-2023-flat.csv):
    // 1_100_1003_8_1  Fuels › Gaseous fuels › LPG, litres: 1.55712778389262     → 1,000 litres = 1557.12778389262
    // 1_100_1007_8_1  Fuels › Gaseous fuels › Propane, litres: 1.54357759865772 → 1,000 litres = 1543.57759865772
    // 1_100_1001_8_1  Fuels › Gaseous fuels › CNG, litres: 0.448446530201342    → 1,000 litres = 448.446530201342
    // 1_100_1001_15_1 Fuels › Gaseous fuels › CNG, tonnes: 2562.57441073826     → 500 kg = 0.5 t = 1281.28720536913
    // 1_100_1001_6_1  Fuels › Gaseous fuels › CNG, kWh (Gross CV): 0.182928926174497 → 1,000 kWh = 182.928926174497
    const inv = calculateInventory({
      records: [
        { id: 'lpg', category: 'buildings', source: 'lpg', quantity: '1000', unit: 'litre' },
        { id: 'propane', category: 'buildings', source: 'propane', quantity: '1000', unit: 'litres' },
        { id: 'cng-l', category: 'fleet', source: 'cng', quantity: '1000', unit: 'litre' },
        { id: 'cng-kg', category: 'fleet', source: 'cng', quantity: '500', unit: 'kg' },
        { id: 'cng-kwh', category: 'fleet', source: 'cng', quantity: '1000', unit: 'kWh' },
      ],
    }, { factorSet: SET });
    expect(inv.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const direct = (id: string) => kg(inv.lines.find((l) => l.recordId === id && l.role === 'direct')!.kgCO2e);
    expect(direct('lpg')).toBe('1557.12778389262');
    expect(direct('propane')).toBe('1543.57759865772');
    expect(direct('cng-l')).toBe('448.446530201342');
    expect(direct('cng-kg')).toBe('1281.28720536913');
    expect(direct('cng-kwh')).toBe('182.928926174497');
  });

  it('still costs natural gas per cubic metre (DESNZ publishes it) and liquid fuels in m3 of liquid', () => {
    // 1_100_1004_1_1  Fuels › Gaseous fuels › Natural gas, cubic metres: 2.03839031006711 → 1,000 m3 = 2038.39031006711
    // 1_101_1014_8_1  Fuels › Liquid fuels › Gas oil, litres: 2.75540897852349 → 1 m3 = 1,000 litres = 2755.40897852349
    const inv = calculateInventory({
      records: [
        { id: 'gas', category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'm3' },
        { id: 'oil', category: 'buildings', source: 'gas-oil', quantity: '1', unit: 'm3' },
      ],
    }, { factorSet: SET });
    expect(inv.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const gas = inv.lines.find((l) => l.recordId === 'gas' && l.role === 'direct')!;
    expect([kg(gas.kgCO2e), gas.quantity.uom, gas.quantity.conversion]).toEqual(['2038.39031006711', 'cubic metres', undefined]);
    const oil = inv.lines.find((l) => l.recordId === 'oil' && l.role === 'direct')!;
    expect([kg(oil.kgCO2e), oil.quantity.uom, kg(oil.quantity.conversion!.multiplier)]).toEqual(['2755.40897852349', 'litres', '1000']);
  });
});

describe('natural gas in litres', () => {
  it('is refused as a slip for m3 or kWh, never costed as a thousandth of a cubic metre', () => {
    const { records, problems } = parseActivityRecords([{ category: 'buildings', source: 'natural-gas', quantity: '1234', unit: 'Litres' }]);
    expect(records).toEqual([]);
    expect(problems.map((p) => [p.code, p.value])).toEqual([['unit-not-allowed', 'litre']]);
    expect(problems[0]!.message).toContain('Give m3, ft3 or kWh');
  });
});
