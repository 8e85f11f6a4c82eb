import { describe, expect, it } from 'vitest';
import type { ActivityRecord } from '../../src/activity/record.js';
import { printedBound } from '../../src/calculate/bounded.js';
import { assignScope, scope3OverrideProblem } from '../../src/calculate/scope.js';
import type { FactorSet } from '../../src/factors/factor-set.js';

/**
 * Scope assignment case by case, expected values from the GHG Protocol's Scope 3 Standard (category 3 fuel- and
 * energy-related activities, 4 upstream transport, 5 waste, 6 business travel, 7 commuting) and DESNZ's scopes,
 * so that each rule of src/calculate/scope.ts is pinned by a hand-written case (issue 17, mutation testing).
 */

/** Only the fields scope assignment reads. */
const record = (category: string, source: string, scope3Category?: number) => ({ category, source, ...(scope3Category !== undefined ? { scope3Category } : {}) }) as unknown as ActivityRecord;

describe('a scope 3 category named on a record', () => {
  it('is used where the Standard allows it for the reporting category', () => {
    expect(scope3OverrideProblem(record('business-travel', 'car-petrol'))).toBeUndefined();
    expect(scope3OverrideProblem(record('business-travel', 'car-petrol', 6))).toBeUndefined();
    expect(scope3OverrideProblem(record('outsourced-services', 'diesel', 4))).toBeUndefined();
    expect(assignScope(record('outsourced-services', 'diesel', 4), 'direct', 'Scope 1')).toEqual({ scope: 'scope-3', scope3Category: 4 });
  });

  it('is refused, saying why and what is used instead, where it does not fit', () => {
    expect(scope3OverrideProblem(record('waste', 'landfill', 7))).toBe('scope 3 category 7 does not fit waste (allowed: 5, 12); category 5 is used');
    expect(assignScope(record('waste', 'landfill', 7), 'direct', 'Scope 3')).toEqual({ scope: 'scope-3', scope3Category: 5 });
    expect(scope3OverrideProblem(record('buildings', 'natural-gas', 3))).toBe("buildings is the council's own operations (scopes 1 and 2), so scope 3 category 3 is not used");
  });
});

describe('own operations', () => {
  it('keep DESNZ’s scope for the direct line: fuel burnt is scope 1, electricity bought scope 2', () => {
    expect(assignScope(record('buildings', 'natural-gas'), 'direct', 'Scope 1')).toEqual({ scope: 'scope-1' });
    expect(assignScope(record('buildings', 'electricity'), 'direct', 'Scope 2')).toEqual({ scope: 'scope-2' });
    expect(assignScope(record('fleet', 'diesel'), 'direct', 'Scope 1')).toEqual({ scope: 'scope-1' });
  });

  it('put upstream (well-to-tank) and grid losses in scope 3 category 3', () => {
    expect(assignScope(record('buildings', 'natural-gas'), 'well-to-tank', 'Scope 3')).toEqual({ scope: 'scope-3', scope3Category: 3 });
    expect(assignScope(record('street-lighting', 'electricity'), 'transmission-and-distribution', 'Scope 3')).toEqual({ scope: 'scope-3', scope3Category: 3 });
  });

  it('a factor outside the scopes or a scope 3 factor named directly is scope 3, in its DESNZ section’s category', () => {
    expect(assignScope(record('buildings', 'x'), 'direct', 'Outside of Scopes')).toEqual({ scope: 'scope-3', scope3Category: 1 });
    expect(assignScope(record('fleet', 'x'), 'direct', 'Scope 3', { scope: 'Scope 3', section: 'freighting-goods' })).toEqual({ scope: 'scope-3', scope3Category: 4 });
    expect(assignScope(record('fleet', 'x'), 'well-to-tank', 'Scope 3', { scope: 'Scope 3', section: 'freighting-goods' })).toEqual({ scope: 'scope-3', scope3Category: 4 });
    expect(assignScope(record('fleet', 'x'), 'direct', 'Scope 3', { scope: 'Scope 3', section: 'wtt-fuels' })).toEqual({ scope: 'scope-3', scope3Category: 3 });
    expect(assignScope(record('buildings', 'x'), 'direct', 'Scope 3', { scope: 'Scope 3', section: 'hotel-stay' })).toEqual({ scope: 'scope-3', scope3Category: 6 });
    expect(assignScope(record('buildings', 'x'), 'direct', 'Scope 3', { scope: 'Scope 3', section: 'unlisted' })).toEqual({ scope: 'scope-3', scope3Category: 1 });
    // A scope 1 factor named directly keeps scope 1; its upstream is category 3.
    expect(assignScope(record('fleet', 'x'), 'direct', 'Scope 1', { scope: 'Scope 1', section: 'fuels' })).toEqual({ scope: 'scope-1' });
    expect(assignScope(record('fleet', 'x'), 'well-to-tank', 'Scope 3', { scope: 'Scope 1', section: 'fuels' })).toEqual({ scope: 'scope-3', scope3Category: 3 });
  });
});

describe('the value chain', () => {
  it('is scope 3 in its reporting category’s Scope 3 category, upstream included', () => {
    expect(assignScope(record('business-travel', 'car-petrol'), 'direct', 'Scope 1')).toEqual({ scope: 'scope-3', scope3Category: 6 });
    expect(assignScope(record('business-travel', 'car-petrol'), 'well-to-tank', 'Scope 3')).toEqual({ scope: 'scope-3', scope3Category: 6 });
    expect(assignScope(record('employee-commuting', 'bus'), 'direct', 'Scope 3')).toEqual({ scope: 'scope-3', scope3Category: 7 });
    expect(assignScope(record('investments', 'x'), 'direct', 'Scope 3')).toEqual({ scope: 'scope-3', scope3Category: 15 });
    // Wastewater treatment is waste generated in operations (5); water supply is a purchased good (1).
    expect(assignScope(record('water', 'water-treatment'), 'direct', 'Scope 3')).toEqual({ scope: 'scope-3', scope3Category: 5 });
    expect(assignScope(record('water', 'water-supply'), 'direct', 'Scope 3')).toEqual({ scope: 'scope-3', scope3Category: 1 });
  });
});

describe('a bound DESNZ printed instead of a factor', () => {
  const set = (entries: [string, string][]) => ({ printedText: new Map(entries.map(([path, text], row) => [path, { text, row: row + 10, path }])) }) as unknown as FactorSet;

  it('is read from the printed text ("< 1") for a row matching the stem, wildcards within one level', () => {
    const s = set([
      ['refrigerant/kyoto/r1234yf/kg', 'n/a'],
      ['refrigerant/other/r1234ze/kg', ' < 1 '],
      ['refrigerant/other/r1234yf/kg', '< 0.5'],
    ]);
    expect(printedBound(s, ['refrigerant/*/r1234yf/kg'])).toEqual({ upTo: expect.anything(), text: '< 0.5', row: 12, path: 'refrigerant/other/r1234yf/kg' });
    expect(printedBound(s, ['refrigerant/*/r1234yf/kg'])!.upTo.toFixed()).toBe('0.5');
    expect(printedBound(s, ['refrigerant/other/r1234ze/kg'])!.upTo.toFixed()).toBe('1');
    // The first stem with a bound wins; a wildcard does not cross a level; dots are literal.
    expect(printedBound(s, ['refrigerant/kyoto/r1234yf/kg', 'refrigerant/other/*/kg'])!.path).toBe('refrigerant/other/r1234ze/kg');
    expect(printedBound(s, ['refrigerant/*/kg'])).toBeUndefined();
    expect(printedBound(s, ['refrigerant.other/r1234ze/kg'])).toBeUndefined();
    expect(printedBound(s, ['refrigerant/kyoto/r1234yf/kg'])).toBeUndefined();
  });
});
