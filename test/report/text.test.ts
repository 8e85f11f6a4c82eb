import { describe, expect, it } from 'vitest';
import { calculateInventory } from '../../src/inventory/index.js';
import { renderText } from '../../src/report/index.js';
import { exampleInventory } from './example.js';

describe('renderText', () => {
  it('summarises the example with its total, factor set, rounding rule and problems', () => {
    const text = renderText(exampleInventory());
    // The activity's 4,291.5 tCO2e (hand-checked rows in test/calculate) plus procurement: 4,746.8 t spend-based
    // (£ × the published 2023 multiplier of each category's SIC group, see test/calculate/spend.test.ts) and 556.2 t
    // from the recycling contractor's own 0.412 kg/£ on £1,350,000.
    expect(text).toContain('Total: 9,594.4 tCO2e (scope 2 location-based); 9,356.9 tCO2e with scope 2 market-based.');
    expect(text).toContain('(desnz-2023, from ghg-conversion-factors-2023-flat-file-update.xlsx)');
    expect(text).toContain('Rounding: Figures are computed exactly in kgCO2e');
    expect(text).toContain('0 error(s): records excluded from the totals; 2 warning(s)');
    expect(text).toMatch(/^Total\s+9,594\.4\s+9,356\.9\s+100\.0%$/m);
    expect(text).toMatch(/^Spend \(£\) × average factor for the product group \(estimate\)\s+4,746\.8\s+49\.5%$/m);
    expect(text).toContain('Procurement: £24,370,000 costed, 5,303.0 tCO2e (55.3% of the total)');
    expect(text).toMatch(/^Hotels and temporary accommodation \(SIC 55\)\s+£1,950,000\s+564\.9\s+5\.9%$/m); // × 0.289716
    expect(text).toContain('…and 11 more');
  });

  it('shows "–" rather than dividing by zero for an empty inventory', () => {
    const text = renderText(calculateInventory({ records: [] }));
    expect(text).toContain('Total: 0.0 tCO2e');
    expect(text).not.toMatch(/NaN|Infinity/);
  });
});
