import { describe, expect, it } from 'vitest';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';

const SET = { factorSet: 'desnz-2023' } as const;

describe('scope 3 category overrides', () => {
  it('are used where the Scope 3 Standard allows them, and warned about (not used) where not', () => {
    const inventory = calculateInventory(
      {
        records: [
          { id: 'contractor', category: 'outsourced-services', source: 'diesel', quantity: '100', unit: 'litre', scope3Category: 4 },
          { id: 'waste', category: 'waste', source: 'waste:commercial-and-industrial-waste:landfill', quantity: '1', unit: 'tonne', scope3Category: 3 },
          { id: 'fleet', category: 'fleet', source: 'diesel', quantity: '100', unit: 'litre', scope3Category: 4 },
        ],
      },
      SET,
    );
    const categoryOf = (id: string) => [...new Set(inventory.lines.filter((l) => l.recordId === id).map((l) => `${l.scope}:${l.scope3Category ?? ''}`))];
    expect(categoryOf('contractor')).toEqual(['scope-3:4']);
    expect(categoryOf('waste')).toEqual(['scope-3:5']);
    expect(categoryOf('fleet')).toEqual(['scope-1:', 'scope-3:3']);
    expect(inventory.problems.map((p) => [p.code, p.value, p.message.split(':')[0]])).toEqual([
      ['scope3-category-ignored', '3', 'Record waste'],
      ['scope3-category-ignored', '4', 'Record fleet'],
    ]);
  });
});

describe('naming a DESNZ factor directly', () => {
  it('refuses an outside-of-scopes path with what to do instead', () => {
    const inventory = calculateInventory({ records: [{ category: 'buildings', source: 'desnz:outside-of-scopes/biomass/wood-pellets', quantity: '1', unit: 'tonne' }] }, SET);
    expect(inventory.lines).toEqual([]);
    expect(inventory.problems.map((p) => p.code)).toEqual(['factor-not-found']);
    expect(inventory.problems[0]!.message).toMatch(/name the fuel itself/);
  });
});

describe('spend categories', () => {
  it('match a table’s keys whatever their case and spacing, and survive the inventory file', async () => {
    const { parseInventory, serialiseInventory } = await import('../../src/inventory/serialise.js');
    const spendFactors = { id: 'test', title: 'Test spend factors', priceYear: 2023, kgCO2ePerGBP: { Professional_Services: '0.25' }, priceIndex: { name: 'index', values: { '2023': '100' } } };
    const inventory = calculateInventory(
      { records: [{ category: 'purchased-goods-and-services', source: 'spend:professional_services', quantity: '1000', unit: 'GBP', priceYear: 2023 }] },
      { ...SET, spendFactors },
    );
    expect(inventory.problems).toEqual([]);
    expect(inventory.lines[0]!.kgCO2e.toFixed()).toBe('250');
    expect(inventory.lines[0]!.factor.key).toBe('spend/professional-services@gbp-2023');
    expect(parseInventory(serialiseInventory(inventory)).totals.total.toFixed()).toBe('250');
  });
});
