import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EmissionLine } from '../../src/calculate/line.js';
import { Decimal } from '../../src/decimal.js';
import { totalLines } from '../../src/inventory/build.js';
import { toPlain } from '../../src/inventory/serialise.js';

/** Just what the totals read of a line. */
function line(kgCO2e: string, site: string, scope: EmissionLine['scope'] = 'scope-1', scope3Category?: 1 | 3): EmissionLine {
  return { scope, category: 'buildings', dataQuality: 'metered', site, kgCO2e: new Decimal(kgCO2e), ...(scope3Category !== undefined ? { scope3Category } : {}) } as unknown as EmissionLine;
}

describe('the totals of emission lines', () => {
  it('are added line by line, in order, where the order changes the rounding at 50 significant digits', () => {
    // By hand, at 50 significant digits: 1e30 + 1e-25 needs 56 digits and rounds to 1e30; less 1e30 is 0.
    // Summed by site first, the same lines would give 0 + 1e-25 = 1e-25 for the scope.
    const lines = [line('1e30', 'A'), line('1e-25', 'B'), line('-1e30', 'A')];
    const totals = totalLines(lines, []);
    expect(totals.byScope['scope-1'].toFixed()).toBe('0');
    expect(totals.total.toFixed()).toBe('0');
    expect(totals.bySite.get('A')!.toFixed()).toBe('0');
    expect(totals.bySite.get('B')!.toFixed()).toBe('0.0000000000000000000000001');
  });

  it('are the sums a line-by-line addition gives, for figures of any size and number of digits', () => {
    // The reference adds each line to each total in the order of the lines, as a reader would by hand.
    const reference = (lines: readonly EmissionLine[]) => {
      const sums = new Map<string, Decimal>();
      const add = (key: string, value: Decimal) => sums.set(key, (sums.get(key) ?? new Decimal(0)).add(value));
      for (const l of lines) {
        add(`scope ${l.scope}`, l.kgCO2e);
        add(`site ${l.site ?? ''}`, l.kgCO2e);
        if (l.scope3Category !== undefined) add(`s3 ${l.scope3Category}`, l.kgCO2e);
      }
      return sums;
    };
    const figure = fc.tuple(fc.bigInt({ min: -(10n ** 49n), max: 10n ** 49n }), fc.integer({ min: -40, max: 30 })).map(([digits, exponent]) => `${digits}e${exponent}`);
    const lines = fc.array(
      fc.tuple(figure, fc.constantFrom('A', 'B', 'C'), fc.constantFrom('scope-1' as const, 'scope-3' as const)).map(([kg, site, scope]) => line(kg, site, scope, scope === 'scope-3' ? 3 : undefined)),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(lines, (ls) => {
        const totals = totalLines(ls, []);
        const expected = reference(ls);
        for (const [key, value] of expected) {
          const [kind, name] = key.split(' ') as [string, string];
          const got = kind === 'scope' ? totals.byScope[name as EmissionLine['scope']] : kind === 'site' ? totals.bySite.get(name) : totals.byScope3Category.get(Number(name) as 3);
          expect(got?.toFixed()).toBe(value.toFixed());
        }
        expect(toPlain(totals.byScope3Category)).toEqual(toPlain(new Map([...expected].filter(([k]) => k.startsWith('s3')).map(([k, v]) => [k.slice(3), v]))));
      }),
      { numRuns: 300 },
    );
  });
});
