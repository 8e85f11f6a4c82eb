import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The README's runnable examples run as a user would run them (node with tsx), and say what they promise. */
const root = join(import.meta.dirname, '..', '..');
const runExample = (name: string) => execFileSync(process.execPath, ['--import', 'tsx', join(root, 'examples', name)], { cwd: root, encoding: 'utf8' });

describe('examples/', () => {
  it('quick-start.ts prints totals by scope and exact, traceable lines', () => {
    const out = runExample('quick-start.ts');
    expect(out).toMatch(/Example District Council, 2023\/24: [\d.]+ tCO2e \(location-based\), [\d.]+ tCO2e \(market-based\), factors desnz-2023/);
    expect(out).toContain('Fuels › Gaseous fuels › Natural gas — 1184230 kWh (Gross CV) × 0.182928926174497 = 216629.92224362458231');
  });

  it('year-on-year.ts prints each category with its activity and factor effects', () => {
    const out = runExample('year-on-year.ts');
    expect(out).toMatch(/2022\/23 \(desnz-2022\) → 2023\/24 \(desnz-2023\)/);
    expect(out).toMatch(/^Total\s+[\d.]+\s+[\d.]+\s+[-+]?[\d.]+\s+[-+]?[\d.]+$/m);
    expect(out).toMatch(/2023\/24 on desnz-2025 factors: [\d.]+ tCO2e/);
  });

  it('workbook-to-report.ts imports the example workbook, lists its problems and writes both reports', () => {
    const out = runExample('workbook-to-report.ts');
    expect(out).toMatch(/^4046 rows: 37 gave records, 0 rejected with problems/m);
    expect(out).toMatch(/^518 ledger lines, 518 mapped$/m);
    expect(out).toMatch(/^Example District Council \(fictional\) 2023\/24: [\d.]+ tCO2e on desnz-2023 \(2022\/23: [\d.]+ tCO2e on desnz-2022\)$/m);
    // Electricity and fuel in the ledger, in each of the two calendar years of 2023/24, are counted from activity.
    expect(out.match(/^warning spend-counted-as-activity at example-council-spend-2023-24\.csv/gm)).toHaveLength(4);
    expect(readFileSync(join(root, 'out', 'workbook-report.html'), 'utf8')).toContain('Example District Council');
  });
});
