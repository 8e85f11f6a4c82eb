import { describe, expect, it } from 'vitest';
import type { Category } from '../../src/activity/categories.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';

/**
 * A DESNZ scope 3 factor named directly (`desnz:<path>`) under the council's own operations takes the scope 3
 * category of its DESNZ section, and brings the section's well-to-tank line where DESNZ publishes one, in the
 * same category. Values from the DESNZ 2024 flat file (ghg-conversion-factors-2024-FlatFormat_v1_1.xlsx, row
 * IDs quoted); quantities of 1 or 1000 so each expected figure is the published factor shifted.
 */
const SET = 'desnz-2024';

function costed(category: Category, source: string, quantity: string, unit: string) {
  const inventory = calculateInventory({ records: [{ id: 'r', category, source, quantity, unit }] }, { factorSet: SET });
  expect(inventory.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return inventory;
}

describe('scope 3 category of desnz: pass-through lines under own operations', () => {
  it('T&D of grid electricity under buildings: category 3, no biogenic memo (it is a loss, not generation)', () => {
    // 13_402_4000_5_1 Transmission and distribution › T&D- UK electricity › Electricity: UK, kWh: 0.0183
    const inv = costed('buildings', 'desnz:transmission-and-distribution/t-and-d-uk-electricity/electricity-uk', '1000', 'kWh');
    expect(inv.lines.map((l) => [l.role, l.scope, l.scope3Category, l.kgCO2e.toFixed()])).toEqual([['direct', 'scope-3', 3, '18.3']]);
    expect(inv.memo).toEqual([]);
  });

  it('WTT of diesel under fleet: category 3', () => {
    // 11_101_1011_8_1 WTT- fuels › Liquid fuels › Diesel (average biofuel blend), litres: 0.61101
    const inv = costed('fleet', 'desnz:wtt-fuels/liquid-fuels/diesel-average-biofuel-blend', '1000', 'litre');
    expect(inv.lines.map((l) => [l.role, l.scope, l.scope3Category, l.kgCO2e.toFixed()])).toEqual([['direct', 'scope-3', 3, '611.01']]);
  });

  it('freighting goods under fleet: category 4, with its WTT line in category 4 too', () => {
    // 27_303_3102_14_1 Freighting goods › Vans › Average (up to 3.5 tonnes) › Diesel, tonne.km: 0.61643
    // 28_906_3102_14_1 WTT- delivery vehs & freight › WTT- vans › Average (up to 3.5 tonnes) › Diesel, tonne.km: 0.15095
    const inv = costed('fleet', 'desnz:freighting-goods/vans/average-up-to-3.5-tonnes/diesel', '1000', 'tonne.km');
    expect(inv.lines.map((l) => [l.role, l.scope, l.scope3Category, l.kgCO2e.toFixed()])).toEqual([
      ['direct', 'scope-3', 4, '616.43'],
      ['well-to-tank', 'scope-3', 4, '150.95'],
    ]);
  });

  it('waste disposal under buildings: category 5', () => {
    // 20_507_5285_15_1 Waste disposal › Refuse › Household residual waste › Landfill, tonnes: 497.04416
    const inv = costed('buildings', 'desnz:waste-disposal/refuse/household-residual-waste/landfill', '1', 'tonne');
    expect(inv.lines.map((l) => [l.scope3Category, l.kgCO2e.toFixed()])).toEqual([[5, '497.04416']]);
  });

  it('a ferry under fleet: category 6, with the ferry WTT line', () => {
    // 23_318_3188_11_1 Business travel- sea › Ferry › Foot passenger, passenger.km: 0.01871
    // 24_914_3188_11_1 WTT- business travel- sea › WTT- ferry › Foot passenger, passenger.km: 0.00424
    const inv = costed('fleet', 'desnz:business-travel-sea/ferry/foot-passenger', '1000', 'passenger.km');
    expect(inv.lines.map((l) => [l.role, l.scope3Category, l.kgCO2e.toFixed()])).toEqual([
      ['direct', 6, '18.71'],
      ['well-to-tank', 6, '4.24'],
    ]);
  });

  it('managed assets under buildings: category 8', () => {
    // 30_400_4000_5_1 Managed assets- electricity › Electricity generated › Electricity: UK, kWh: 0.20705
    const inv = costed('buildings', 'desnz:managed-assets-electricity/electricity-generated/electricity-uk', '1000', 'kWh');
    expect(inv.lines.map((l) => [l.scope3Category, l.kgCO2e.toFixed()])).toEqual([[8, '207.05']]);
  });

  it('a scope 1 fuel named directly keeps scope 1, its WTT category 3', () => {
    // 1_101_1011_8_1 Fuels › Liquid fuels › Diesel (average biofuel blend), litres: 2.51279; WTT 11_101_1011_8_1: 0.61101
    const inv = costed('fleet', 'desnz:fuels/liquid-fuels/diesel-average-biofuel-blend', '1000', 'litre');
    expect(inv.lines.map((l) => [l.role, l.scope, l.scope3Category, l.kgCO2e.toFixed()])).toEqual([
      ['direct', 'scope-1', undefined, '2512.79'],
      ['well-to-tank', 'scope-3', 3, '611.01'],
    ]);
  });

  it('under a value-chain category the reporting category decides, as before', () => {
    const inv = costed('purchased-goods-and-services', 'desnz:freighting-goods/vans/average-up-to-3.5-tonnes/diesel', '1000', 'tonne.km');
    expect(inv.lines.map((l) => l.scope3Category)).toEqual([1, 1]);
  });
});
