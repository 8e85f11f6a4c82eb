import { describe, expect, it } from 'vitest';
import type { ActivityRecordInput } from '../../src/activity/record.js';
import type { LineRole } from '../../src/calculate/line.js';
import { calculateInventory, type CalculationOptions } from '../../src/inventory/calculate-inventory.js';
import type { Inventory } from '../../src/inventory/types.js';

/**
 * Hand-checked examples, one or more per category, against the DESNZ 2023 flat file
 * (ghg-conversion-factors-2023-flat-file-update.xlsx, "Factors by Category"). Each factor below was copied
 * from that file by hand (its row ID is given) and each expected figure worked by hand: quantities are
 * powers of ten or small round numbers, so activity × factor is a shift of the decimal point that a reader
 * can check against the published table without a calculator.
 */
const SET = 'desnz-2023';

function calculate(records: ActivityRecordInput[], options: Omit<CalculationOptions, 'factorSet'> = {}): Inventory {
  const inventory = calculateInventory({ records }, { ...options, factorSet: SET });
  expect(inventory.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return inventory;
}

function line(inventory: Inventory, recordId: string, role: LineRole, path?: string) {
  const found = inventory.lines.filter((l) => l.recordId === recordId && l.role === role && (path === undefined || l.factor.path.includes(path)));
  expect(found, `${recordId} ${role} ${path ?? ''}`).toHaveLength(1);
  return found[0]!;
}

const kg = (d: { toFixed(): string }) => d.toFixed();

describe('scope 1: stationary fuels in buildings', () => {
  it('natural gas by kWh (gross CV): scope 1 direct and scope 3 category 3 well-to-tank', () => {
    const inv = calculate([{ id: 'gas', category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh' }]);
    // 1_100_1004_6_1  Fuels › Gaseous fuels › Natural gas, kWh (Gross CV): 0.182928926174497 kg CO2e
    // 1,000 kWh × 0.182928926174497 = 182.928926174497 kgCO2e
    const direct = line(inv, 'gas', 'direct');
    expect(kg(direct.kgCO2e)).toBe('182.928926174497');
    expect(direct.scope).toBe('scope-1');
    // per gas: CO2 0.18256, CH4 0.00028, N2O 0.0000889261744966443 (rows _2, _3, _4)
    expect(kg(direct.byGas.CO2!)).toBe('182.56');
    expect(kg(direct.byGas.CH4!)).toBe('0.28');
    expect(kg(direct.byGas.N2O!)).toBe('0.0889261744966443');
    // 11_100_1004_6_1  WTT- fuels › Natural gas, kWh (Gross CV): 0.03021 → 30.21 kgCO2e
    const wtt = line(inv, 'gas', 'well-to-tank');
    expect(kg(wtt.kgCO2e)).toBe('30.21');
    expect([wtt.scope, wtt.scope3Category]).toEqual(['scope-3', 3]);
  });

  it('natural gas entered in MWh is converted exactly to the kWh factor', () => {
    const inv = calculate([{ id: 'gas', category: 'buildings', source: 'natural-gas', quantity: '1', unit: 'MWh' }]);
    const direct = line(inv, 'gas', 'direct');
    expect(direct.quantity.conversion?.multiplier.toFixed()).toBe('1000');
    expect(kg(direct.kgCO2e)).toBe('182.928926174497');
  });

  it('gas oil by litres', () => {
    // 1_101_1014_8_1  Fuels › Liquid fuels › Gas oil, litres: 2.75540897852349; 100 litres → 275.540897852349
    // 11_101_1014_8_1 WTT: 0.62665 → 62.665
    const inv = calculate([{ id: 'oil', category: 'buildings', source: 'gas-oil', quantity: '100', unit: 'litre' }]);
    expect(kg(line(inv, 'oil', 'direct').kgCO2e)).toBe('275.540897852349');
    expect(kg(line(inv, 'oil', 'well-to-tank').kgCO2e)).toBe('62.665');
  });

  it('LPG by litres', () => {
    // 1_100_1003_8_1  Fuels › Gaseous fuels › LPG, litres: 1.55712778389262; 1,000 litres → 1557.12778389262
    const inv = calculate([{ id: 'lpg', category: 'buildings', source: 'lpg', quantity: '1000', unit: 'litre' }]);
    expect(kg(line(inv, 'lpg', 'direct').kgCO2e)).toBe('1557.12778389262');
  });

  it('industrial coal by tonnes', () => {
    // 1_102_1025_15_1  Fuels › Solid fuels › Coal (industrial), tonnes: 2396.47994362416; 10 t → 23964.7994362416
    // 11_102_1025_15_1 WTT: 418.14964 → 4181.4964
    const inv = calculate([{ id: 'coal', category: 'buildings', source: 'coal-industrial', quantity: '10', unit: 'tonne' }]);
    expect(kg(line(inv, 'coal', 'direct').kgCO2e)).toBe('23964.7994362416');
    expect(kg(line(inv, 'coal', 'well-to-tank').kgCO2e)).toBe('4181.4964');
  });

  it('wood pellets: CH4 and N2O in scope 1, biogenic CO2 outside of scopes as a memo item', () => {
    // 2_104_1045_15_1   Bioenergy › Biomass › Wood pellets, tonnes: 51.56192; 10 t → 515.6192 (scope 1)
    // 99_104_1045_15_2  Outside of scopes › Biomass › Wood pellets, kg CO2 per tonne: 1677.18; 10 t → 16771.8
    const inv = calculate([{ id: 'pellets', category: 'buildings', source: 'wood-pellets', quantity: '10', unit: 'tonne' }]);
    expect(kg(line(inv, 'pellets', 'direct').kgCO2e)).toBe('515.6192');
    const biogenic = inv.memo.filter((m) => m.kind === 'biogenic-co2');
    expect(biogenic.map((m) => kg(m.value))).toEqual(['16771.8']);
    expect(kg(inv.totals.biogenicCO2)).toBe('16771.8');
    // The biogenic CO2 is never in the gross total.
    expect(kg(inv.totals.byScope['scope-1'])).toBe('515.6192');
  });

  it('biogas by tonnes', () => {
    // 2_105_1047_15_1  Bioenergy › Biogas › Biogas, tonnes: 1.23595; 100 t → 123.595
    const inv = calculate([{ id: 'biogas', category: 'buildings', source: 'biogas', quantity: '100', unit: 'tonne' }]);
    expect(kg(line(inv, 'biogas', 'direct').kgCO2e)).toBe('123.595');
  });
});

describe('scope 1: owned fleet', () => {
  it('diesel by litres, with the biofuel share of its CO2 outside of scopes', () => {
    // 1_101_1011_8_1   Fuels › Liquid fuels › Diesel (average biofuel blend), litres: 2.51206388456376 → ×1,000
    // 99_604_1011_8_2  Outside of scopes › Diesel (average biofuel blend), litres: 0.14 → 140
    const inv = calculate([{ id: 'diesel', category: 'fleet', source: 'diesel', quantity: '1000', unit: 'litre' }]);
    expect(kg(line(inv, 'diesel', 'direct').kgCO2e)).toBe('2512.06388456376');
    expect(line(inv, 'diesel', 'direct').scope).toBe('scope-1');
    expect(inv.memo.find((m) => m.kind === 'biogenic-co2')?.value.toFixed()).toBe('140');
  });

  it('car by size and fuel, by km', () => {
    // 4_301_3053_4_1   Passenger vehicles › Cars (by size) › Medium car › Diesel, km: 0.167156448880537 → ×1,000
    // 26_904_3053_4_1  WTT- cars (by size) › Medium car › Diesel, km: 0.04079 → 40.79
    const inv = calculate([{ id: 'car', category: 'fleet', source: 'car:medium:diesel', quantity: '1000', unit: 'km' }]);
    expect(kg(line(inv, 'car', 'direct').kgCO2e)).toBe('167.156448880537');
    expect(kg(line(inv, 'car', 'well-to-tank').kgCO2e)).toBe('40.79');
  });

  it('van by class, by km', () => {
    // 5_303_3088_4_1  Delivery vehicles › Vans › Class II (1.305 to 1.74 tonnes) › Diesel, km: 0.174054026845638 → ×1,000
    const inv = calculate([{ id: 'van', category: 'fleet', source: 'van:class-ii:diesel', quantity: '1000', unit: 'km' }]);
    expect(kg(line(inv, 'van', 'direct').kgCO2e)).toBe('174.054026845638');
  });

  it('HGV by weight class and load, by km', () => {
    // 5_304_3119_4_1   HGV (all diesel) › Rigid (>17 tonnes) › 100% Laden, km: 1.06990510738255 → ×1,000
    // 28_907_3119_4_1  WTT- HGV (all diesel) › Rigid (>17 tonnes) › 100% Laden, km: 0.26046 → 260.46
    const inv = calculate([{ id: 'hgv', category: 'fleet', source: 'hgv:rigid-over-17t:100', quantity: '1000', unit: 'km' }]);
    expect(kg(line(inv, 'hgv', 'direct').kgCO2e)).toBe('1069.90510738255');
    expect(kg(line(inv, 'hgv', 'well-to-tank').kgCO2e)).toBe('260.46');
  });

  it('battery-electric car: zero tailpipe, its electricity in scope 2 and the grid losses in scope 3', () => {
    // 4_301_3060_4_1  Medium car › Battery Electric Vehicle, km: 0 (scope 1)
    // 8_301_3060_4_1  UK electricity for EVs › Medium car › Battery Electric Vehicle, km: 0.0484572711409396 → ×1,000
    const inv = calculate([{ id: 'ev', category: 'fleet', source: 'car:medium:battery-electric', quantity: '1000', unit: 'km' }]);
    const scope2 = inv.lines.filter((l) => l.recordId === 'ev' && l.scope === 'scope-2');
    expect(scope2.map((l) => kg(l.kgCO2e))).toEqual(['48.4572711409396']);
    expect(kg(inv.totals.byScope['scope-1'])).toBe('0');
  });
});

describe('scope 1: fugitive emissions', () => {
  it('refrigerant R410A and medical nitrous oxide by kg lost, using the published GWPs', () => {
    // 3_201_2156_3_1  Refrigerant & other › Blends › R410A, kg: 1924 → 10 kg = 19240
    // 3_200_2006_3_1  Kyoto protocol products › Nitrous oxide, kg: 265 → 2 kg = 530
    const inv = calculate([
      { id: 'r410a', category: 'fugitive-emissions', source: 'refrigerant:r410a', quantity: '10', unit: 'kg' },
      { id: 'n2o', category: 'fugitive-emissions', source: 'refrigerant:nitrous-oxide', quantity: '2', unit: 'kg' },
    ]);
    expect(kg(line(inv, 'r410a', 'direct').kgCO2e)).toBe('19240');
    expect(kg(line(inv, 'n2o', 'direct').kgCO2e)).toBe('530');
    expect(kg(inv.totals.byCategory.get('fugitive-emissions')!)).toBe('19770');
  });
});

// 7_400_4000_5_1  UK electricity › Electricity generated › Electricity: UK, kWh: 0.207074288590604 × 1,000
const GRID_1000_KWH = '207.074288590604';

describe('scope 2: purchased electricity and heat, location- and market-based', () => {

  it('grid electricity: location-based, T&D losses and well-to-tank in scope 3 category 3', () => {
    const inv = calculate([{ id: 'e', category: 'buildings', source: 'electricity', quantity: '1000', unit: 'kWh' }]);
    expect(kg(line(inv, 'e', 'direct').kgCO2e)).toBe(GRID_1000_KWH);
    // 13_402_4000_5_1  T&D- UK electricity, kWh: 0.017915111409396 → 17.915111409396
    const td = line(inv, 'e', 'transmission-and-distribution');
    expect([kg(td.kgCO2e), td.scope, td.scope3Category]).toEqual(['17.915111409396', 'scope-3', 3]);
    // WTT- UK electricity (generation) 0.0459 and (T&D) 0.00397 → 45.9 and 3.97
    expect(kg(line(inv, 'e', 'well-to-tank', '(generation)').kgCO2e)).toBe('45.9');
    expect(kg(line(inv, 'e', 'well-to-tank', '(T&D)').kgCO2e)).toBe('3.97');
  });

  it('market-based: REGO-backed zero, supplier-specific, residual mix otherwise — each basis stated', () => {
    const inv = calculate(
      [
        { id: 'green', category: 'buildings', source: 'electricity', quantity: '1000', unit: 'kWh', market: { type: 'renewable-backed' } },
        { id: 'supplier', category: 'buildings', source: 'electricity', quantity: '1000', unit: 'kWh', market: { type: 'supplier-specific', kgCO2ePerKWh: '0.1521' } },
        { id: 'plain', category: 'street-lighting', source: 'electricity', quantity: '1000', unit: 'kWh' },
      ],
      { residualMixKgCO2ePerKWh: '0.38' },
    );
    const market = (id: string) => line(inv, id, 'direct').market!;
    expect([kg(market('green').kgCO2e), market('green').basis]).toEqual(['0', 'renewable-backed']);
    expect([kg(market('supplier').kgCO2e), market('supplier').basis]).toEqual(['152.1', 'supplier-specific']); // 1,000 × 0.1521
    expect([kg(market('plain').kgCO2e), market('plain').basis]).toEqual(['380', 'residual-mix']); // 1,000 × 0.38
    // Location-based is unchanged by the instruments: 3 × 207.074288590604.
    expect(kg(inv.totals.byScope['scope-2'])).toBe('621.222865771812');
    expect(kg(inv.totals.scope2MarketBased)).toBe('532.1');
    expect(kg(inv.totals.totalMarketBased.sub(inv.totals.total))).toBe('-89.122865771812');
  });

  it('district heat and steam by kWh', () => {
    // 10_401_4003_5_1  Heat and steam › District heat and steam, kWh: 0.179646571812081 → ×1,000
    // 16_919_4003_5_1  WTT- heat and steam › District heat and steam: 0.03341 → 33.41
    const inv = calculate([{ id: 'heat', category: 'buildings', source: 'district-heat', quantity: '1000', unit: 'kWh' }]);
    expect(kg(line(inv, 'heat', 'direct').kgCO2e)).toBe('179.646571812081');
    expect(line(inv, 'heat', 'direct').scope).toBe('scope-2');
    expect(kg(line(inv, 'heat', 'well-to-tank', 'WTT- heat and steam › WTT- heat and steam').kgCO2e)).toBe('33.41');
  });
});

describe('scope 3: business travel and commuting', () => {
  it('flights by haul and class with radiative forcing, the figure without RF kept as a memo', () => {
    // 21_316_3174_11_1  Flights › Long-haul, to/from UK › Business class › With RF: 0.580286930201342 → ×1,000
    // 21_316_3175_11_1  … Without RF: 0.342526930201342 → memo
    const inv = calculate([{ id: 'fly', category: 'business-travel', source: 'flight:long-haul:business', quantity: '1000', unit: 'passenger.km' }]);
    const direct = line(inv, 'fly', 'direct');
    expect([kg(direct.kgCO2e), direct.scope, direct.scope3Category]).toEqual(['580.286930201342', 'scope-3', 6]);
    expect(inv.memo.find((m) => m.kind === 'flight-without-radiative-forcing')?.value.toFixed()).toBe('342.526930201342');
  });

  it('rail, hotel nights and grey-fleet miles', () => {
    // 25_315_3147_11_1  Rail › National rail, passenger.km: 0.0354629637583893 → ×1,000
    // 29_600_4000_13_1  Hotel stay › UK, room per night: 10.4 → 10 nights = 104
    // 4_301_3053_9_1    Medium car › Diesel, miles: 0.269015663087248 → ×100 = 26.9015663087248
    const inv = calculate([
      { id: 'rail', category: 'business-travel', source: 'rail:national', quantity: '1000', unit: 'passenger.km' },
      { id: 'hotel', category: 'business-travel', source: 'hotel:uk', quantity: '10', unit: 'room night' },
      { id: 'grey', category: 'business-travel', source: 'car:medium:diesel', quantity: '100', unit: 'mile' },
    ]);
    expect(kg(line(inv, 'rail', 'direct').kgCO2e)).toBe('35.4629637583893');
    expect(kg(line(inv, 'hotel', 'direct').kgCO2e)).toBe('104');
    const grey = line(inv, 'grey', 'direct');
    expect([kg(grey.kgCO2e), grey.scope, grey.scope3Category]).toEqual(['26.9015663087248', 'scope-3', 6]);
  });

  it('commuting and homeworking are scope 3 category 7', () => {
    // 32_603_9999_12_1  Homeworking (office equipment + heating), per FTE working hour: 0.333781204566702 → ×1,000
    const inv = calculate([
      { id: 'home', category: 'employee-commuting', source: 'homeworking', quantity: '1000', unit: 'FTE hour' },
      { id: 'car', category: 'employee-commuting', source: 'car:medium:diesel', quantity: '1000', unit: 'km' },
    ]);
    const home = line(inv, 'home', 'direct');
    expect([kg(home.kgCO2e), home.scope3Category]).toEqual(['333.781204566702', 7]);
    expect(line(inv, 'car', 'direct').scope3Category).toBe(7);
    expect(line(inv, 'car', 'well-to-tank').scope3Category).toBe(7);
  });
});

describe('scope 3: waste and water', () => {
  it('waste by material and route', () => {
    // 20_507_5313_15_1  Refuse › Commercial and industrial waste › Landfill, tonnes: 520.334743462995 → 10 t = 5203.34743462995
    // 20_507_5293_15_1  Refuse › Organic: food and drink waste › Anaerobic digestion: 8.912421710629 → 10 t = 89.12421710629
    const inv = calculate([
      { id: 'landfill', category: 'waste', source: 'waste:commercial-and-industrial-waste:landfill', quantity: '10', unit: 'tonne' },
      { id: 'ad', category: 'waste', source: 'waste:organic-food-and-drink-waste:anaerobic-digestion', quantity: '10', unit: 'tonne' },
    ]);
    expect(kg(line(inv, 'landfill', 'direct').kgCO2e)).toBe('5203.34743462995');
    expect(kg(line(inv, 'ad', 'direct').kgCO2e)).toBe('89.12421710629');
    expect(line(inv, 'ad', 'direct').scope3Category).toBe(5);
  });

  it('water supply (category 1) and treatment (category 5) by m3', () => {
    // 17_404_4005_1_1  Water supply, cubic metres: 0.176684546579014 → ×1,000
    // 18_405_4006_1_1  Water treatment, cubic metres: 0.201318291710656 → ×1,000
    const inv = calculate([
      { id: 'supply', category: 'water', source: 'water-supply', quantity: '1000', unit: 'm3' },
      { id: 'treat', category: 'water', source: 'water-treatment', quantity: '1', unit: 'million litres' },
    ]);
    const supply = line(inv, 'supply', 'direct');
    const treat = line(inv, 'treat', 'direct');
    expect([kg(supply.kgCO2e), supply.scope3Category]).toEqual(['176.684546579014', 1]);
    // 1 million litres = 1,000 m3; DESNZ also publishes a per-million-litres factor (18_405_4006_10_1: 201.318291710656).
    expect([kg(treat.kgCO2e), treat.scope3Category]).toEqual(['201.318291710656', 5]);
  });
});

describe('scope 3: leased assets, outsourced services and spend', () => {
  it('leased and outsourced activity is scope 3 in its own category, never scope 1 or 2', () => {
    const inv = calculate([
      // Schools on the council's energy contract: downstream leased assets, category 13.
      { id: 'schools', category: 'downstream-leased-assets', source: 'electricity', quantity: '1000', unit: 'kWh' },
      // A building the council leases in: upstream leased assets, category 8.
      { id: 'leased', category: 'upstream-leased-assets', source: 'natural-gas', quantity: '1000', unit: 'kWh' },
      // Contractor refuse fleet fuel, reported as purchased services (category 1) unless the record says otherwise.
      { id: 'contractor', category: 'outsourced-services', source: 'diesel', quantity: '1000', unit: 'litre', scope3Category: 4 },
    ]);
    expect(inv.lines.every((l) => l.scope === 'scope-3')).toBe(true);
    expect([kg(line(inv, 'schools', 'direct').kgCO2e), line(inv, 'schools', 'direct').scope3Category]).toEqual([GRID_1000_KWH, 13]);
    expect([kg(line(inv, 'leased', 'direct').kgCO2e), line(inv, 'leased', 'direct').scope3Category]).toEqual(['182.928926174497', 8]);
    expect(line(inv, 'contractor', 'direct').scope3Category).toBe(4);
  });

  it('spend with a user-supplied factor table, brought to the table’s price year by the stated index', () => {
    const spendFactors = {
      id: 'test-eeio',
      title: 'Test spend factors (invented for this test)',
      priceYear: 2021,
      kgCO2ePerGBP: { 'professional-services': '0.2' },
      priceIndex: { name: 'Test index (2021 = 100)', values: { '2021': '100', '2023': '110' } },
    };
    // £1,100 in 2023 prices = £1,000 in 2021 prices (index 110 → 100); × 0.2 kgCO2e/£ = 200 kgCO2e.
    const inv = calculate(
      [{ id: 'spend', category: 'purchased-goods-and-services', source: 'spend:professional-services', quantity: '1100', unit: 'GBP', priceYear: 2023, dataQuality: 'spend-based' }],
      { spendFactors },
    );
    const spend = line(inv, 'spend', 'direct');
    expect([kg(spend.kgCO2e), spend.scope3Category, spend.dataQuality]).toEqual(['200', 1, 'spend-based']);
  });

  it('spend in a category neither mapped nor a group is a problem naming it and its £, never a zero', () => {
    const inv = calculateInventory(
      { records: [{ id: 'spend', category: 'capital-goods', source: 'spend:widgets-of-uncertain-kind', quantity: '5000', unit: 'GBP', priceYear: 2023 }] },
      { factorSet: SET },
    );
    expect(inv.lines).toEqual([]);
    expect(inv.problems.map((p) => [p.code, p.severity])).toEqual([['no-spend-factor', 'error']]);
    expect(inv.problems[0]!.message).toContain("'widgets-of-uncertain-kind' is neither a spend category nor a group of defra-leeds-2023");
    expect(inv.problems[0]!.message).toContain('£5000 excluded');
  });
});

describe('memo items stay out of the totals', () => {
  it('renewable generation and sequestration are reported, never netted off', () => {
    const inv = calculate([
      { id: 'gas', category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh' },
      { id: 'pv', category: 'buildings', source: 'renewable-generation:exported', quantity: '5000', unit: 'kWh' },
      { id: 'trees', category: 'buildings', source: 'sequestration', quantity: '2', unit: 'tonne' },
    ]);
    expect(inv.memo.find((m) => m.recordId === 'pv')).toMatchObject({ kind: 'renewable-generation', unit: 'kWh' });
    expect(inv.memo.find((m) => m.recordId === 'pv')!.value.toFixed()).toBe('5000');
    expect(inv.memo.find((m) => m.recordId === 'trees')!.value.toFixed()).toBe('2000');
    // Gross total is the gas alone: 182.928926174497 + 30.21 WTT.
    expect(kg(inv.totals.total)).toBe('213.138926174497');
  });
});

describe('a factor the chosen year does not publish', () => {
  it('is a typed problem naming the record and the nearest factors, never a zero', () => {
    const inv = calculateInventory(
      { records: [{ id: 'odd', category: 'buildings', source: 'desnz:fuels/liquid-fuels/not-a-fuel', quantity: '10', unit: 'litre', origin: { file: 'baseline.xlsx', sheet: 'Buildings', cell: 'D7' } }] },
      { factorSet: SET },
    );
    expect(inv.lines).toEqual([]);
    const problem = inv.problems[0]!;
    expect(problem.code).toBe('factor-not-found');
    expect(problem.origin).toMatchObject({ sheet: 'Buildings', cell: 'D7' });
    expect(problem.message).toMatch(/fuels\/liquid-fuels\//);
  });
});
