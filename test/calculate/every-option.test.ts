import { describe, expect, it } from 'vitest';
import { isFreeText, SOURCE_FAMILIES, WASTE_ROUTES, type SourceKind } from '../../src/activity/sources.js';
import type { Category } from '../../src/activity/categories.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';
import { factorSetIds, loadFactorSet } from '../../src/factors/bundled.js';

/**
 * Every source option on every bundled set either costs, or fails with a reason naming what DESNZ did: it
 * published the factor only in other years (the option is new, or was dropped), or never published it. A name
 * DESNZ changed is aliased (src/calculate/renames.ts), so it costs in every year that has either name.
 */
const SETS = factorSetIds();
const AS: Partial<Record<SourceKind, { category: Category; unit: string }>> = {
  'stationary-fuel': { category: 'buildings', unit: 'kWh' },
  'vehicle-fuel': { category: 'fleet', unit: 'litre' },
  electricity: { category: 'buildings', unit: 'kWh' },
  heat: { category: 'buildings', unit: 'kWh' },
  'vehicle-distance': { category: 'fleet', unit: 'km' },
  'passenger-distance': { category: 'business-travel', unit: 'passenger.km' },
  hotel: { category: 'business-travel', unit: 'room night' },
  homeworking: { category: 'employee-commuting', unit: 'FTE hour' },
  waste: { category: 'waste', unit: 'tonne' },
  water: { category: 'water', unit: 'm3' },
  refrigerant: { category: 'fugitive-emissions', unit: 'kg' },
};

const product = (options: readonly (readonly string[])[]): string[][] => options.reduce<string[][]>((acc, o) => acc.flatMap((a) => o.map((v) => [...a, v])), [[]]);

/** The free-text values any bundled set publishes at the given level of the given Level 1, e.g. every waste material. */
function publishedNames(level1: string, at: number): string[] {
  return [...new Set(SETS.flatMap((id) => loadFactorSet(id).all().map((f) => f.key.split('@')[0]!.split('/')).filter((p) => p[0] === level1).map((p) => p[at]!)))].sort();
}

type Option = { source: string; kind: SourceKind; category?: Category };

/** Cars and motorbikes are costed on other rows under travel (Business travel- land), so both ways are walked. */
function everySource(): Option[] {
  const out: Option[] = [];
  for (const family of SOURCE_FAMILIES) {
    if (AS[family.kind] === undefined) continue;
    const free = family.options.map((o) => (isFreeText(o)
      ? family.kind === 'waste' ? publishedNames('waste-disposal', 2) : family.kind === 'hotel' ? publishedNames('hotel-stay', 2) : publishedNames('refrigerant-and-other', 2)
      : o));
    for (const options of product(free)) {
      const source = [family.family, ...options].join(':');
      out.push({ source, kind: family.kind });
      if (family.family === 'car' || family.family === 'motorbike') out.push({ source, kind: family.kind, category: 'business-travel' });
    }
  }
  return out;
}

const WHAT_DESNZ_DID = /: (DESNZ published it in [0-9–, and]+, not in the (20\d\d) factors|DESNZ published no such factor in any year 2016–2025|desnz-\d+ publishes it only per .+)\. /;

describe('every source option × every bundled set', () => {
  const sources = everySource();

  it('covers every enumerated option, every waste material and route, hotel country and gas DESNZ published', () => {
    expect(sources.filter((s) => s.kind === 'waste')).toHaveLength(publishedNames('waste-disposal', 2).length * WASTE_ROUTES.length);
    for (const named of ['waste:municipal-waste:landfill', 'waste:tyres:reuse', 'hotel:south-korea', 'refrigerant:r1234yf', 'flight:domestic:first', 'van:class-i:cng']) {
      expect(sources.map((s) => s.source)).toContain(named);
    }
  });

  for (const id of SETS) {
    it(`${id}: each costs or names what DESNZ did`, () => {
      const year = loadFactorSet(id).info.year;
      const records = sources.map(({ source, kind, category }, i) => ({ id: `r${i}`, source, quantity: '1', ...AS[kind]!, ...(category !== undefined ? { category } : {}) }));
      const inventory = calculateInventory({ records }, { factorSet: id });
      const costed = new Set([...inventory.lines, ...inventory.memo].map((l) => l.recordId));
      for (const [i, { source, category }] of sources.entries()) {
        if (costed.has(`r${i}`)) continue;
        const errors = inventory.problems.filter((p) => p.severity === 'error' && p.message.startsWith(`Record r${i}:`));
        expect(errors, `${id} ${source} ${category ?? ''}`).toHaveLength(1);
        const reason = WHAT_DESNZ_DID.exec(errors[0]!.message);
        expect(reason, `${id} ${source}: ${errors[0]!.message}`).not.toBeNull();
        if (reason![2] !== undefined) expect(Number(reason![2])).toBe(year);
      }
    });
  }
});

/**
 * Renamed rows, each costed under either name in a year before and after the rename, at the value printed in
 * the normalised DESNZ flat file of that year (row quoted; 1 tonne or 1 room night, so the figure is the factor).
 */
describe('names DESNZ changed cost under either name', () => {
  const cases: { sources: string[]; set: string; path: string; kgCO2e: string }[] = [
    // 2016: "Waste disposal,Refuse,Municipal waste,,Landfill,tonnes,kg CO2e,421"
    { sources: ['waste:household-residual-waste:landfill', 'waste:municipal-waste:landfill'], set: 'desnz-2016', path: 'Waste disposal › Refuse › Municipal waste › Landfill', kgCO2e: '421' },
    // 2019: "Waste disposal,Refuse,Municipal waste,,Landfill,tonnes,kg CO2e,586.5138"
    { sources: ['waste:household-residual-waste:landfill', 'waste:municipal-waste:landfill'], set: 'desnz-2019', path: 'Waste disposal › Refuse › Municipal waste › Landfill', kgCO2e: '586.5138' },
    // 2020: "Waste disposal,Refuse,Household residual waste,,Landfill,tonnes,kg CO2e,437.3719"
    { sources: ['waste:household-residual-waste:landfill', 'waste:municipal-waste:landfill'], set: 'desnz-2020', path: 'Waste disposal › Refuse › Household residual waste › Landfill', kgCO2e: '437.3719' },
    // 2025 (20_507_5285_15_1): "Waste disposal,Refuse,Household residual waste,,Landfill,tonnes,kg CO2e,497.24244"
    { sources: ['waste:municipal-waste:landfill'], set: 'desnz-2025', path: 'Waste disposal › Refuse › Household residual waste › Landfill', kgCO2e: '497.24244' },
    // 2017: "Waste disposal,Construction,Tyres,,Reuse,tonnes,kg CO2e,21.76"
    { sources: ['waste:tyres:reuse', 'waste:tyres:re-use'], set: 'desnz-2017', path: 'Waste disposal › Construction › Tyres › Reuse', kgCO2e: '21.76' },
    // 2019: "Waste disposal,Construction,Tyres,,Re-use,tonnes,kg CO2e,21.3538"
    { sources: ['waste:tyres:reuse', 'waste:tyres:re-use'], set: 'desnz-2019', path: 'Waste disposal › Construction › Tyres › Re-use', kgCO2e: '21.3538' },
    // 2020: "Hotel stay,Hotel stay,South Korea,,,Room per night,kg CO2e,64"; 2021: "Korea … 61.2"
    { sources: ['hotel:korea', 'hotel:south-korea'], set: 'desnz-2020', path: 'Hotel stay › Hotel stay › South Korea', kgCO2e: '64' },
    { sources: ['hotel:korea', 'hotel:south-korea'], set: 'desnz-2021', path: 'Hotel stay › Hotel stay › Korea', kgCO2e: '61.2' },
    // 2020: "China (Hong Kong) … 70.6"; 2021: "Hong Kong, China … 65.9"
    { sources: ['hotel:hong-kong-china', 'hotel:china-hong-kong'], set: 'desnz-2020', path: 'Hotel stay › Hotel stay › China (Hong Kong)', kgCO2e: '70.6' },
    { sources: ['hotel:hong-kong-china', 'hotel:china-hong-kong'], set: 'desnz-2021', path: 'Hotel stay › Hotel stay › Hong Kong, China', kgCO2e: '65.9' },
    // 2020: "Taiwan … 86.8"; 2021: "Taiwan, China … 77.3"
    { sources: ['hotel:taiwan-china', 'hotel:taiwan'], set: 'desnz-2020', path: 'Hotel stay › Hotel stay › Taiwan', kgCO2e: '86.8' },
    { sources: ['hotel:taiwan-china', 'hotel:taiwan'], set: 'desnz-2021', path: 'Hotel stay › Hotel stay › Taiwan, China', kgCO2e: '77.3' },
  ];
  for (const { sources, set, path, kgCO2e } of cases) {
    for (const source of sources) {
      it(`${source} on ${set}: ${path}, ${kgCO2e} kgCO2e`, () => {
        const [category, unit] = source.startsWith('hotel') ? ['business-travel', 'room night'] : ['waste', 'tonne'];
        const inventory = calculateInventory({ records: [{ id: 'r', category, source, quantity: '1', unit }] }, { factorSet: set });
        expect(inventory.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(inventory.lines).toHaveLength(1);
        expect(inventory.lines[0]!.factor.path).toBe(path);
        expect(inventory.lines[0]!.kgCO2e.toFixed()).toBe(kgCO2e);
      });
    }
  }

  it('a restated 2019/20 baseline of household residual waste costs on desnz-2019 (where DESNZ called it municipal waste)', () => {
    const inventory = calculateInventory({ records: [{ id: 'w', category: 'waste', source: 'waste:household-residual-waste:combustion', quantity: '10', unit: 'tonne' }], reportingYear: '2019/20' });
    expect(inventory.factorSet.id).toBe('desnz-2019');
    expect(inventory.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
