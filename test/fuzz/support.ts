import { expect } from 'vitest';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';
import { UnusableInputError, type ImportResult } from '../../src/import/result.js';
import type { Origin } from '../../src/problem.js';

/**
 * CI runs a fixed seed and a bounded count, so a failure reproduces; `npm run fuzz` (scripts/fuzz.ts) sets
 * FUZZ_RUNS high and FUZZ_SEED to a fresh one, printed by fast-check with any failure.
 */
export function fuzzParameters(ciRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED === undefined ? 7 : Number(process.env.FUZZ_SEED);
  const runs = process.env.FUZZ_RUNS === undefined ? ciRuns : Number(process.env.FUZZ_RUNS);
  return { seed, numRuns: runs, endOnFailure: true, verbose: fc.VerbosityLevel.None };
}

/** Most one case may take, however damaged its input: more is a hang, whatever it would have returned. */
export const CASE_MS = 5000;

/**
 * Runs one import under the time bound: an import that never settles is a hang. A synchronous hang never yields
 * to the timer, and is left to vitest's test timeout rather than to a wall-clock check a busy machine could break.
 */
export async function bounded(run: () => Promise<ImportResult>): Promise<ImportResult | UnusableInputError> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${CASE_MS} ms: a hang`)), CASE_MS);
  });
  try {
    return await Promise.race([run(), timeout]);
  } catch (error) {
    // Only a refusal of the whole input may escape the importer; anything else is a crash.
    if (error instanceof UnusableInputError) return error;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What every import must satisfy: each non-blank row the table reader gives is accounted for once; the records
 * are exactly those of rows that gave records; a rejected row has an error on its own line. Then the records
 * go through the calculator: no exception, no NaN, and every record is costed or named by an error.
 */
export function expectSound(result: ImportResult, nonBlankRows: number): void {
  expect(result.accounting).toHaveLength(nonBlankRows);
  const keys = result.accounting.map((a) => `${a.origin.sheet ?? ''}|${a.origin.line}`);
  expect(new Set(keys).size).toBe(keys.length);
  expect(result.accounting.reduce((n, a) => n + a.records, 0)).toBe(result.records.length);
  for (const a of result.accounting) {
    if (a.outcome === 'problem') expect(result.problems.some((p) => p.severity === 'error' && p.origin.sheet === a.origin.sheet && p.origin.line === a.origin.line)).toBe(true);
    if (a.outcome === 'skipped') expect(a.reason).toBeTruthy();
  }
  for (const p of result.problems) expect(p.message.length).toBeGreaterThan(0);

  // Unique ids, so lines can be traced to records even when the input repeated a reference.
  const records = result.records.map((r, i) => ({ ...r, id: `fuzz-${i}` }));
  const inventory = calculateInventory({ records, ...(result.profile.reportingYear !== undefined ? { reportingYear: result.profile.reportingYear } : {}) });
  const { totals } = inventory;
  for (const d of [totals.total, totals.totalMarketBased, totals.scope2MarketBased, totals.biogenicCO2, ...Object.values(totals.byScope), ...totals.byCategory.values()]) {
    expect(d.isFinite(), `total ${d.toString()}`).toBe(true);
  }
  for (const line of inventory.lines) expect(line.kgCO2e.isFinite()).toBe(true);
  const costed = new Set([...inventory.lines, ...inventory.memo].map((l) => l.recordId));
  const errored = new Set(inventory.problems.filter((p) => p.severity === 'error').map((p) => originKey(p.origin)));
  const unexplained = records.filter((r) => !costed.has(r.id) && !errored.has(originKey(r.origin ?? {})));
  expect(unexplained).toEqual([]);
  expect(inventory.recordCount).toBe(records.length);
}

const originKey = (o: { readonly [K in keyof Origin]?: Origin[K] | undefined }) => JSON.stringify(Object.entries(o).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));

/** Bytes as a stream in chunks of the given sizes (cycled), as a slow disk or network would hand them over. */
export function chunked(bytes: Uint8Array, sizes: readonly number[]): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    chunks.push(Buffer.from(bytes.subarray(at, at + size)));
    at += size;
  }
  return Readable.from(chunks);
}

/** Text a council might type, or damage might leave: numbers of every kind, words, and arbitrary Unicode. */
export const cellTextArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '-0', '0', '0.0', '-5', '(12)', '1e15', '1e308', '1e-400', '1e999999999', '9'.repeat(60), '0x1F', '1,5', '1.234,5', '£1,234.50', ' ', '', '#DIV/0!', 'null', 'undefined', 'Total', 'Notes: n/a', '=SUM(A1:A3)', '\u0000', '\ufeff', '\ufffd'),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
