import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateSpendLedger, readSpendMapping } from '../../src/import/ledger.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';

/**
 * Spend-based costing is linear, and the ledger sums exactly: a ledger split into parts (each month's file, say)
 * and costed part by part gives exactly the inventory of the whole. Payments only (a part whose credits exceed its
 * payments is netted differently, by design, and is tested in ledger.test.ts).
 */
const MAPPING = readSpendMapping('Expense code,Spend category\nE1,legal-services\nE2,R&M buildings\nE3,SIC 62\nE4,construction-new-buildings\n', 'mapping.csv').mapping;
const HEADER = 'Payment date,Supplier,Expense code,Amount';

const line = fc.record({
  code: fc.constantFrom('E1', 'E2', 'E3', 'E4'),
  pence: fc.integer({ min: 1, max: 500_000_00 }),
  // Days into 2023/24: both calendar years, so both year columns are used.
  day: fc.integer({ min: 0, max: 365 }),
});

const text = (l: { code: string; pence: number; day: number }) => {
  const date = new Date(Date.UTC(2023, 3, 1) + l.day * 86_400_000).toISOString().slice(0, 10);
  return `${date},Acme Ltd,${l.code},${Math.floor(l.pence / 100)}.${String(l.pence % 100).padStart(2, '0')}`;
};

async function inventoryOf(lines: readonly string[]) {
  const ledger = await aggregateSpendLedger(Readable.from([[HEADER, ...lines].join('\r\n')]), MAPPING, { reportingYear: '2023/24', file: 'part.csv' });
  expect(ledger.account.rejected).toBe(0);
  return ledger.records;
}

describe('a ledger split into parts', () => {
  it('gives exactly the inventory of the whole ledger', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 2, maxLength: 60 }), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), async (lines, cuts) => {
        const texts = lines.map(text);
        const at = [...new Set(cuts.map((c) => c % texts.length))].sort((a, b) => a - b);
        const parts = [0, ...at].map((start, i) => texts.slice(start, at[i] ?? texts.length)).filter((p) => p.length > 0);
        const whole = calculateInventory({ records: await inventoryOf(texts), reportingYear: '2023/24' });
        const records = (await Promise.all(parts.map(inventoryOf))).flatMap((rs, i) => rs.map((r) => ({ ...r, id: `part${i}-${r.id}` })));
        const split = calculateInventory({ records, reportingYear: '2023/24' });
        expect(split.totals.total.toFixed()).toBe(whole.totals.total.toFixed());
        expect(split.totals.total.isZero()).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});
