import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivityRecordInput } from '../../src/activity/record.js';
import { Decimal, sum } from '../../src/decimal.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';
import { parseInventory, serialiseInventory } from '../../src/inventory/serialise.js';
import type { Inventory } from '../../src/inventory/types.js';
import { convertUnchecked } from '../../src/units/quantity.js';
import type { Unit } from '../../src/units/units.js';

/** Invariants of the calculator over generated activity (fast-check). */
const SET = 'desnz-2023';
const RESIDUAL_MIX = '0.38';

type Template = Omit<ActivityRecordInput, 'quantity' | 'id'>;
const TEMPLATES: readonly Template[] = [
  { category: 'buildings', source: 'natural-gas', unit: 'kWh', site: 'Civic Centre', dataQuality: 'metered' },
  { category: 'buildings', source: 'electricity', unit: 'kWh', site: 'Civic Centre', dataQuality: 'metered' },
  { category: 'buildings', source: 'electricity', unit: 'MWh', site: 'Depot', market: { type: 'renewable-backed' } },
  { category: 'buildings', source: 'electricity', unit: 'kWh', market: { type: 'supplier-specific', kgCO2ePerKWh: '0.1521' } },
  { category: 'street-lighting', source: 'electricity', unit: 'kWh', dataQuality: 'estimated' },
  { category: 'buildings', source: 'burning-oil', unit: 'litre', site: 'Hall', dataQuality: 'invoiced' },
  { category: 'buildings', source: 'wood-pellets', unit: 'tonne' },
  { category: 'buildings', source: 'district-heat', unit: 'kWh' },
  { category: 'fleet', source: 'diesel', unit: 'litre', site: 'Depot', dataQuality: 'invoiced' },
  { category: 'fleet', source: 'van:class-ii:battery-electric', unit: 'mile' },
  { category: 'fleet', source: 'hgv:rigid-over-17t:average', unit: 'km' },
  { category: 'fugitive-emissions', source: 'refrigerant:r410a', unit: 'kg' },
  { category: 'business-travel', source: 'flight:short-haul:economy', unit: 'passenger.km' },
  { category: 'business-travel', source: 'rail:national', unit: 'passenger.km' },
  { category: 'business-travel', source: 'hotel:uk', unit: 'room night' },
  { category: 'employee-commuting', source: 'car:average:unknown', unit: 'km', dataQuality: 'estimated' },
  { category: 'employee-commuting', source: 'homeworking', unit: 'FTE hour' },
  { category: 'waste', source: 'waste:commercial-and-industrial-waste:landfill', unit: 'tonne' },
  { category: 'water', source: 'water-supply', unit: 'm3' },
  { category: 'downstream-leased-assets', source: 'electricity', unit: 'kWh' },
  { category: 'buildings', source: 'renewable-generation:exported', unit: 'kWh' },
  { category: 'buildings', source: 'sequestration', unit: 'tonne' },
];

/** Non-negative decimals with up to 6 places, up to 10^5 (scaled below by up to 10, so within every plausible bound). */
const quantityArb = fc
  .integer({ min: 0, max: 6 })
  .chain((scale) => fc.bigInt({ min: 0n, max: 10n ** BigInt(5 + scale) }).map((digits) => new Decimal(digits.toString()).div(new Decimal(10).pow(scale)).toFixed()));

const recordsArb = fc.array(fc.tuple(fc.constantFrom(...TEMPLATES), quantityArb), { minLength: 1, maxLength: 25 }).map((pairs) =>
  pairs.map(([template, quantity], i): ActivityRecordInput => ({ ...template, id: `r${i}`, quantity, origin: { note: `generated record ${i}` } })),
);

const calculate = (records: readonly unknown[]) => calculateInventory({ records }, { factorSet: SET, residualMixKgCO2ePerKWh: RESIDUAL_MIX });
const text = (d: Decimal) => d.toFixed();

describe('calculator invariants (properties)', () => {
  it('the total equals the sum of its lines, of its scopes, and of every breakdown', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const { totals, lines } = calculate(records);
        expect(text(totals.total)).toBe(text(sum(lines.map((l) => l.kgCO2e))));
        expect(text(totals.total)).toBe(text(sum(Object.values(totals.byScope))));
        expect(text(totals.total)).toBe(text(sum(totals.byCategory.values())));
        expect(text(totals.total)).toBe(text(sum(totals.bySite.values())));
        expect(text(totals.total)).toBe(text(sum(Object.values(totals.byDataQuality))));
        expect(text(totals.byScope['scope-3'])).toBe(text(sum(totals.byScope3Category.values())));
        const marketLines = lines.filter((l) => l.scope === 'scope-2');
        expect(text(totals.scope2MarketBased)).toBe(text(sum(marketLines.map((l) => l.market!.kgCO2e))));
        expect(text(totals.totalMarketBased)).toBe(text(totals.total.sub(totals.byScope['scope-2']).add(totals.scope2MarketBased)));
      }),
      { numRuns: 60 },
    );
  });

  it('emissions scale linearly with quantity', () => {
    const factorArb = fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 2, max: 4 })).map(([n, s]) => new Decimal(n).div(10 ** s));
    fc.assert(
      fc.property(recordsArb, factorArb, (records, k) => {
        const base = calculate(records);
        const scaled = calculate(records.map((r) => ({ ...r, quantity: new Decimal(r.quantity as string).mul(k).toFixed() })));
        expect(text(scaled.totals.total)).toBe(text(base.totals.total.mul(k)));
        expect(text(scaled.totals.totalMarketBased)).toBe(text(base.totals.totalMarketBased.mul(k)));
        expect(text(scaled.totals.biogenicCO2)).toBe(text(base.totals.biogenicCO2.mul(k)));
        scaled.lines.forEach((line, i) => expect(text(line.kgCO2e)).toBe(text(base.lines[i]!.kgCO2e.mul(k))));
      }),
      { numRuns: 40 },
    );
  });

  it('the order of records never changes any result', () => {
    fc.assert(
      fc.property(recordsArb.chain((records) => fc.tuple(fc.constant(records), fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }))), ([records, shuffled]) => {
        const a = calculate(records);
        const b = calculate(shuffled);
        expect(serialiseTotals(b)).toBe(serialiseTotals(a));
        const byLine = (inv: Inventory) => inv.lines.map((l) => `${l.recordId}|${l.role}|${l.factor.key}|${text(l.kgCO2e)}`).sort();
        expect(byLine(b)).toEqual(byLine(a));
      }),
      { numRuns: 40 },
    );
  });

  it('entering a quantity in another unit of the same dimension never changes its emissions', () => {
    // Units converted into the unit of the factor used. (Where DESNZ publishes separate factors per unit, e.g.
    // miles and km, each is used as published, and those differ in DESNZ's own last digits.)
    const cases: readonly { template: Template; units: readonly Unit[] }[] = [
      { template: { category: 'buildings', source: 'natural-gas', unit: 'kWh' }, units: ['kWh', 'MWh', 'GWh', 'MJ', 'GJ', 'therm'] },
      { template: { category: 'buildings', source: 'electricity', unit: 'kWh' }, units: ['kWh', 'MWh', 'GWh', 'GJ'] },
      { template: { category: 'waste', source: 'waste:commercial-and-industrial-waste:landfill', unit: 'tonne' }, units: ['tonne', 'kg'] },
      { template: { category: 'fugitive-emissions', source: 'refrigerant:r410a', unit: 'kg' }, units: ['kg', 'tonne'] },
      { template: { category: 'buildings', source: 'burning-oil', unit: 'litre' }, units: ['litre', 'm3'] },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...cases), quantityArb, fc.nat(), (c, quantity, pick) => {
        const to = c.units[pick % c.units.length]!;
        const converted = convertUnchecked({ value: new Decimal(quantity), unit: c.template.unit as Unit }, to).value;
        const a = calculate([{ ...c.template, id: 'x', quantity }]);
        const b = calculate([{ ...c.template, id: 'x', quantity: converted, unit: to }]);
        // Non-terminating ratios (MJ, therm) are exact to 50 significant digits; compare at 40.
        expect(b.totals.total.toSignificantDigits(40).eq(a.totals.total.toSignificantDigits(40))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('never drops a record: each one is in the lines or memo, or named by an error', () => {
    const brokenArb = fc.constantFrom<Record<string, unknown>>(
      { category: 'buildings', source: 'natural-gas', unit: 'litres of gas', quantity: '5' },
      { category: 'buildings', source: 'unobtainium', unit: 'kg', quantity: '5' },
      { category: 'waste', source: 'natural-gas', unit: 'kWh', quantity: '5' },
      { category: 'buildings', source: 'natural-gas', unit: 'kWh', quantity: 'NaN' },
      { category: 'buildings', source: 'natural-gas', unit: 'km', quantity: '5' },
      { category: 'capital-goods', source: 'spend:construction', unit: 'GBP', quantity: '5' },
      { category: 'capital-goods', source: 'spend:construction', unit: 'GBP', quantity: '5', priceYear: 2023 },
      { category: 'buildings', source: 'desnz:fuels/liquid-fuels/moonshine', unit: 'litre', quantity: '5' },
    );
    const mixedArb = fc.array(fc.oneof(fc.constantFrom(...TEMPLATES).map((t) => ({ ...t, quantity: '12.5' }) as Record<string, unknown>), brokenArb), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(mixedArb, (raw) => {
        const records = raw.map((r, i) => ({ ...r, id: `r${i}`, origin: { note: `input ${i}` } }));
        const inv = calculate(records);
        expect(inv.recordCount).toBe(records.length);
        const costed = new Set([...inv.lines, ...inv.memo].map((l) => l.recordId));
        const excluded = new Set(inv.problems.filter((p) => p.severity === 'error').map((p) => p.origin.note));
        for (const [i, r] of records.entries()) {
          const inLines = costed.has(r.id);
          const named = excluded.has(`input ${i}`);
          expect(inLines !== named, `${r.id} ${JSON.stringify(r)}`).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('an inventory serialised and read back is identical', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const inventory = calculateInventory({ records, council: { name: 'Test Council', onsCode: 'E07000001' }, reportingYear: '2023/24' }, { factorSet: SET, residualMixKgCO2ePerKWh: RESIDUAL_MIX });
        const textForm = serialiseInventory(inventory);
        const back = parseInventory(textForm);
        expect(back).toEqual(inventory);
        expect(serialiseInventory(back)).toBe(textForm);
      }),
      { numRuns: 30 },
    );
  });
});

function serialiseTotals(inventory: Inventory): string {
  const t = inventory.totals;
  return JSON.stringify({
    total: text(t.total),
    market: text(t.totalMarketBased),
    scopes: Object.entries(t.byScope).map(([k, v]) => [k, text(v)]),
    s3: [...t.byScope3Category].map(([k, v]) => [k, text(v)]),
    categories: [...t.byCategory].map(([k, v]) => [k, text(v)]),
    sites: [...t.bySite].map(([k, v]) => [k, text(v)]),
    quality: Object.entries(t.byDataQuality).map(([k, v]) => [k, text(v)]),
    biogenic: text(t.biogenicCO2),
  });
}
