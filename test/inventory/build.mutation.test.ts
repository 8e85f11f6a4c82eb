import { describe, expect, it } from 'vitest';
import type { EmissionLine, MemoLine } from '../../src/calculate/line.js';
import { Decimal } from '../../src/decimal.js';
import { totalLines } from '../../src/inventory/build.js';

/**
 * The inventory's totals from lines and memo items with round figures, every expected total added up by hand: each
 * map in its documented order (scope 3 category by number, category in the catalogue's order, site by code point),
 * scope 2 location-based in the total with the market-based figure beside it, biogenic CO2 apart.
 */
type LineFields = Pick<EmissionLine, 'scope' | 'category' | 'dataQuality'> & { kg: string; site?: string; scope3Category?: EmissionLine['scope3Category']; market?: string };
const line = ({ kg, market, ...rest }: LineFields): EmissionLine =>
  ({ ...rest, kgCO2e: new Decimal(kg), ...(market === undefined ? {} : { market: { kgCO2e: new Decimal(market), basis: 'residual-mix' } }) }) as unknown as EmissionLine;
const memo = (kind: MemoLine['kind'], value: string): MemoLine => ({ kind, value: new Decimal(value) }) as unknown as MemoLine;
const plain = (map: ReadonlyMap<unknown, Decimal> | Readonly<Record<string, Decimal>>) =>
  (map instanceof Map ? [...map] : Object.entries(map)).map(([k, v]) => [k, (v as Decimal).toFixed()]);

const LINES = [
  line({ kg: '100', scope: 'scope-1', category: 'buildings', dataQuality: 'metered', site: 'Town Hall' }),
  line({ kg: '40.5', scope: 'scope-2', category: 'buildings', dataQuality: 'invoiced', site: 'Depot', market: '90' }),
  line({ kg: '10', scope: 'scope-2', category: 'street-lighting', dataQuality: 'estimated', market: '0' }),
  line({ kg: '7', scope: 'scope-3', category: 'waste', dataQuality: 'estimated', scope3Category: 5, site: 'Depot' }),
  line({ kg: '3', scope: 'scope-3', category: 'business-travel', dataQuality: 'spend-based', scope3Category: 6 }),
  line({ kg: '2', scope: 'scope-3', category: 'purchased-goods-and-services', dataQuality: 'spend-based', scope3Category: 1, site: 'Archive' }),
  line({ kg: '0.25', scope: 'scope-3', category: 'downstream-leased-assets', dataQuality: 'metered', scope3Category: 13, site: 'Archive' }),
  line({ kg: '1', scope: 'scope-1', category: 'fleet', dataQuality: 'metered', site: 'Town Hall' }),
];

describe('totals of emission lines', () => {
  it('by scope, with scope 2 location-based in the total and market-based beside it', () => {
    // Scope 1: 100 + 1 = 101; scope 2: 40.5 + 10 = 50.5; scope 3: 7 + 3 + 2 + 0.25 = 12.25; total 163.75.
    // Market-based scope 2: 90 + 0 = 90, so the market-based total is 163.75 − 50.5 + 90 = 203.25.
    const totals = totalLines(LINES, []);
    expect(plain(totals.byScope)).toEqual([['scope-1', '101'], ['scope-2', '50.5'], ['scope-3', '12.25']]);
    expect(totals.total.toFixed()).toBe('163.75');
    expect(totals.scope2MarketBased.toFixed()).toBe('90');
    expect(totals.totalMarketBased.toFixed()).toBe('203.25');
  });

  it('by data quality (every tier, none left out), scope 3 category by number, category in catalogue order, site by code point', () => {
    const totals = totalLines(LINES, []);
    // metered 100 + 0.25 + 1; invoiced 40.5; estimated 10 + 7; spend-based 3 + 2.
    expect(plain(totals.byDataQuality)).toEqual([['metered', '101.25'], ['invoiced', '40.5'], ['estimated', '17'], ['spend-based', '5']]);
    expect(plain(totals.byScope3Category)).toEqual([[1, '2'], [5, '7'], [6, '3'], [13, '0.25']]);
    expect(plain(totals.byCategory)).toEqual([
      ['buildings', '140.5'], ['street-lighting', '10'], ['fleet', '1'], ['business-travel', '3'], ['waste', '7'],
      ['purchased-goods-and-services', '2'], ['downstream-leased-assets', '0.25'],
    ]);
    // No site is '' (first by code point); then "Archive" 2.25, "Depot" 47.5, "Town Hall" 101.
    expect(plain(totals.bySite)).toEqual([['', '13'], ['Archive', '2.25'], ['Depot', '47.5'], ['Town Hall', '101']]);
  });

  it('with no lines: every scope and data quality at zero, the other maps empty', () => {
    const totals = totalLines([], [memo('biogenic-co2', '5')]);
    expect(plain(totals.byScope)).toEqual([['scope-1', '0'], ['scope-2', '0'], ['scope-3', '0']]);
    expect(plain(totals.byDataQuality)).toEqual([['metered', '0'], ['invoiced', '0'], ['estimated', '0'], ['spend-based', '0']]);
    expect([totals.byScope3Category.size, totals.byCategory.size, totals.bySite.size]).toEqual([0, 0, 0]);
    expect([totals.total, totals.totalMarketBased, totals.scope2MarketBased].map((d) => d.toFixed())).toEqual(['0', '0', '0']);
    expect(totals.biogenicCO2.toFixed()).toBe('5');
  });

  it('keep biogenic CO2 apart, from its memo items only', () => {
    // 12.5 + 0.5 of biogenic CO2; the non-Kyoto gas and the generation memo items are not biogenic CO2.
    const totals = totalLines(LINES, [memo('biogenic-co2', '12.5'), memo('non-kyoto-gas', '1000'), memo('renewable-generation', '300'), memo('biogenic-co2', '0.5')]);
    expect(totals.biogenicCO2.toFixed()).toBe('13');
    expect(totals.total.toFixed()).toBe('163.75');
  });

  it('add lines of the same group, and of groups differing in one field only, each to its own totals', () => {
    // Two lines alike in all five groupings, then one differing only in data quality, then only in scope 3 category.
    const alike = { scope: 'scope-3', category: 'waste', site: 'Depot', scope3Category: 5 } as const;
    const totals = totalLines([
      line({ kg: '1.5', dataQuality: 'estimated', ...alike }),
      line({ kg: '2.5', dataQuality: 'estimated', ...alike }),
      line({ kg: '4', dataQuality: 'metered', ...alike }),
      line({ kg: '8', dataQuality: 'metered', ...alike, scope3Category: 12 }),
    ], []);
    expect(plain(totals.byDataQuality)).toEqual([['metered', '12'], ['invoiced', '0'], ['estimated', '4'], ['spend-based', '0']]);
    expect(plain(totals.byScope3Category)).toEqual([[5, '8'], [12, '8']]);
    expect(plain(totals.bySite)).toEqual([['Depot', '16']]);
    expect(totals.total.toFixed()).toBe('16');
    // Alike but for the site: each site its own figure.
    const sites = totalLines([line({ kg: '5', dataQuality: 'metered', ...alike, site: 'North' }), line({ kg: '7', dataQuality: 'metered', ...alike, site: 'South' })], []);
    expect(plain(sites.bySite)).toEqual([['North', '5'], ['South', '7']]);
  });
});
