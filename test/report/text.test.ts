import { describe, expect, it } from 'vitest';
import { calculateInventory } from '../../src/inventory/index.js';
import { renderText } from '../../src/report/index.js';
import { exampleInventory } from './example.js';

describe('renderText', () => {
  it('summarises the example with its total, factor set, rounding rule and problems', () => {
    const text = renderText(exampleInventory());
    expect(text).toContain('Total: 4,291.5 tCO2e (scope 2 location-based); 4,053.9 tCO2e with scope 2 market-based.');
    expect(text).toContain('(desnz-2023, from ghg-conversion-factors-2023-flat-file-update.xlsx)');
    expect(text).toContain('Rounding: Figures are computed exactly in kgCO2e');
    expect(text).toContain('2 error(s): records excluded from the totals');
    expect(text).toMatch(/^Total\s+4,291\.5\s+4,053\.9\s+100\.0%$/m);
  });

  it('shows "–" rather than dividing by zero for an empty inventory', () => {
    const text = renderText(calculateInventory({ records: [] }));
    expect(text).toContain('Total: 0.0 tCO2e');
    expect(text).not.toMatch(/NaN|Infinity/);
  });
});
