import { describe, expect, it } from 'vitest';
import type { ActivityRecordInput } from '../../src/activity/record.js';
import { importCsv } from '../../src/import/csv.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';
import { parseInventory, serialiseInventory } from '../../src/inventory/serialise.js';

/**
 * Water treatment as a stated share of the water supplied (return to sewer), rather than a second hand-computed
 * row. desnz-2023, from ../shared/emission-factor-sources/uk-ghg-conversion-factors/normalized/
 * uk-ghg-conversion-factors-2023-flat.csv:
 *   17_404_4005_1_1   Water supply › Water supply › Water supply, cubic metres: 0.176684546579014 (line 3723)
 *   18_405_4006_1_1   Water treatment › Water treatment › Water treatment, cubic metres: 0.201318291710656 (line 3725)
 *   18_405_4006_10_1  the same, million litres: 201.318291710656 (line 3726)
 */
const supply = (extra: Partial<ActivityRecordInput> = {}): ActivityRecordInput => ({ id: 'hq', category: 'water', source: 'water-supply', quantity: '1000', unit: 'm3', ...extra });
const calculate = (records: ActivityRecordInput[]) => calculateInventory({ records }, { factorSet: 'desnz-2023' });

describe('water returned to sewer', () => {
  it('1,000 m3 supplied with 95% returned: a supply line and a treatment line for 950 m3 (hand calculation)', () => {
    // Supply: 1,000 × 0.176684546579014 = 176.684546579014. Treatment: 1,000 × 95 / 100 = 950 m3 ×
    // 0.201318291710656 = 191.2523771251232. Total 367.9369237041372.
    const inv = calculate([supply({ returnToSewer: '95' })]);
    expect(inv.problems).toEqual([]);
    expect(inv.lines.map((l) => [l.recordId, l.factor.path, l.scope, l.scope3Category, l.quantity.value.toFixed(), l.kgCO2e.toFixed()])).toEqual([
      ['hq', 'Water supply › Water supply › Water supply', 'scope-3', 1, '1000', '176.684546579014'],
      ['hq', 'Water treatment › Water treatment › Water treatment', 'scope-3', 5, '950', '191.2523771251232'],
    ]);
    expect(inv.totals.total.toFixed()).toBe('367.9369237041372');
    // The share is on the treatment line's audit trail, and the line is the supply record's.
    const treatment = inv.lines[1]!;
    expect(treatment.quantity.share?.percent.toFixed()).toBe('95');
    expect(treatment.quantity.share?.of).toBe('water supplied (1000 m3) returned to sewer');
    expect(treatment.record.source).toBe('water-supply');
    expect(treatment.factor.sourceId).toBe('18_405_4006_1_1');
  });

  it('gives exactly what a separate water-treatment row of 950 m3 gives', () => {
    const byShare = calculate([supply({ returnToSewer: '95' })]);
    const byRows = calculate([supply(), { id: 'hq-sewer', category: 'water', source: 'water-treatment', quantity: '950', unit: 'm3' }]);
    const shape = (i: typeof byShare) => i.lines.map((l) => [l.factor.key, l.scope, l.scope3Category, l.kgCO2e.toFixed()]);
    expect(shape(byShare)).toEqual(shape(byRows));
    expect(byShare.totals.byScope3Category).toEqual(byRows.totals.byScope3Category);
  });

  it('converts the share of a volume in another unit exactly (1 million litres at 95%)', () => {
    // 0.95 million litres × 201.318291710656 = 191.2523771251232, as in m3.
    const inv = calculate([supply({ quantity: '1', unit: 'million litres', returnToSewer: '95' })]);
    const treatment = inv.lines.find((l) => l.factor.path.startsWith('Water treatment'))!;
    expect(treatment.quantity.value.toFixed()).toBe('0.95');
    expect(treatment.kgCO2e.toFixed()).toBe('191.2523771251232');
  });

  it('without a share no treatment is assumed, and a share on another source is a warning, not dropped silently', () => {
    expect(calculate([supply()]).lines.map((l) => l.factor.path)).toEqual(['Water supply › Water supply › Water supply']);
    const inv = calculate([{ id: 'sewer', category: 'water', source: 'water-treatment', quantity: '10', unit: 'm3', returnToSewer: '95' }]);
    expect(inv.lines).toHaveLength(1);
    expect(inv.problems.map((p) => [p.severity, p.code, p.value])).toEqual([['warning', 'return-to-sewer-ignored', '95']]);
  });

  it('refuses a share outside 0–100%, naming it', () => {
    const inv = calculate([supply({ returnToSewer: '120' })]);
    expect(inv.lines).toEqual([]);
    expect(inv.problems.map((p) => [p.severity, p.code])).toEqual([['error', 'invalid-record']]);
    expect(inv.problems[0]!.message).toContain('returnToSewer: a share in per cent, from 0 to 100');
  });

  it('the share survives writing and reading the inventory file', () => {
    const inv = calculate([supply({ returnToSewer: '95' })]);
    const read = parseInventory(serialiseInventory(inv));
    expect(read.lines[1]!.quantity.share?.percent.toFixed()).toBe('95');
    expect(read.totals.total.toFixed()).toBe('367.9369237041372');
  });

  it('is read from a "Return to sewer (%)" column of a CSV', async () => {
    const csv = 'Category,Source,Quantity,Unit,Return to sewer (%)\r\nwater,water-supply,1000,m3,95%\r\nwater,water-supply,200,m3,\r\n';
    const imported = await importCsv(csv, { file: 'water.csv' });
    expect(imported.problems).toEqual([]);
    expect(imported.records.map((r) => [r.quantity.toString(), r.returnToSewer?.toString()])).toEqual([['1000', '95'], ['200', undefined]]);
    const inv = calculateInventory({ records: imported.records }, { factorSet: 'desnz-2023' });
    expect(inv.lines.filter((l) => l.quantity.share !== undefined).map((l) => l.kgCO2e.toFixed())).toEqual(['191.2523771251232']);
  });

  it('a share that is not a number is an import problem naming the cell', async () => {
    const imported = await importCsv('Category,Source,Quantity,Unit,Return to sewer (%)\r\nwater,water-supply,1000,m3,most\r\n', { file: 'water.csv' });
    expect(imported.records).toEqual([]);
    expect(imported.problems.map((p) => [p.code, p.origin.column])).toEqual([['invalid-number', 'Return to sewer (%)']]);
  });
});
