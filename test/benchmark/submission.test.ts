import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { council, records, reportingYear } from '../../examples/example-council.js';
import { EXAMPLES_DIR, exampleSubmissions, fileNameOf } from '../../examples/build-submissions.js';
import { parseSubmission, screenBatch, submissionFromInventory, submissionJsonSchema, type Submission } from '../../src/benchmark/index.js';
import { Decimal } from '../../src/decimal.js';
import { calculateInventory } from '../../src/inventory/index.js';

const example = (): Submission => JSON.parse(readFileSync(join(EXAMPLES_DIR, 'E07900001-2023-24.json'), 'utf8')) as Submission;
const codes = (json: unknown) => {
  const r = parseSubmission(json, { file: 'x.json' });
  return r.ok ? [] : r.problems.map((p) => p.code);
};
const messages = (json: unknown) => {
  const r = parseSubmission(json, { file: 'x.json' });
  return r.ok ? [] : r.problems.map((p) => p.message);
};

describe('submission format', () => {
  it('accepts the bundled examples', () => {
    const files = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(80);
    for (const f of files) expect(parseSubmission(JSON.parse(readFileSync(join(EXAMPLES_DIR, f), 'utf8')), { file: f }).ok, f).toBe(true);
  });

  it('the bundled examples are what the seeded generator writes', () => {
    for (const s of exampleSubmissions()) expect(JSON.parse(readFileSync(join(EXAMPLES_DIR, fileNameOf(s)), 'utf8'))).toEqual(JSON.parse(JSON.stringify(s)));
  });

  it('rejects bad submissions, each with its reason', () => {
    const s = example();
    expect(codes([])).toEqual(['not-a-submission']);
    expect(codes({ ...s, version: 2 })).toEqual(['unsupported-version']);
    expect(messages({ ...s, profile: { ...s.profile, onsCode: 'E0700011' } })).toEqual(['profile.onsCode: a GSS code such as E07000111']);
    expect(messages({ ...s, profile: { ...s.profile, reportingYear: '2023/25' } })[0]).toMatch(/profile.reportingYear: the second year must follow the first/);
    expect(messages({ ...s, totals: { ...s.totals, scope1: 12 } })[0]).toMatch(/totals.scope1:/);
    expect(messages({ ...s, totals: { ...s.totals, scope1: '-5' } })[0]).toMatch(/non-negative number of tCO2e/);
    expect(codes({ ...s, extra: 1 })).toEqual(['invalid-field']);
    expect(codes({ ...s, denominators: { population: '0' } })).toEqual(['invalid-field']);
    expect(codes({ ...s, profile: { ...s.profile, onsCode: 'E10900001' } })).toEqual(['code-does-not-match-type']);
    expect(codes({ ...s, profile: { ...s.profile, region: 'wales' } })).toEqual(['region-does-not-match-type']);
    expect(codes({ ...s, totals: { ...s.totals, total: '1' } })).toEqual(['total-mismatch', 'categories-exceed-total']);
    expect(codes({ ...s, totals: { ...s.totals, byCategory: { buildings: '999999' } } })).toEqual(['categories-exceed-total']);
    expect(codes({ ...s, activity: [{ category: 'buildings', source: 'unobtainium', quantity: '1', unit: 'kWh' }] })).toEqual(['invalid-activity']);
  });

  it('accepts a total that differs from its scopes by rounding, with a warning', () => {
    const s = example();
    const r = parseSubmission({ ...s, totals: { ...s.totals, total: new Decimal(s.totals.total).plus('0.4').toFixed() } }, { file: 'x.json' });
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['total-rounded']);
  });

  it('detects duplicates: two different submissions for a council and year are both refused, identical copies count once', () => {
    const s = example();
    const plusOne = (t: string) => new Decimal(t).plus(1).toFixed();
    const other = { ...s, totals: { ...s.totals, scope1: plusOne(s.totals.scope1), total: plusOne(s.totals.total) } };
    const candidate = (source: string, json: unknown) => ({ source, result: parseSubmission(json, { file: source }) });
    const outcomes = screenBatch([candidate('b.json', s), candidate('a.json', JSON.parse(JSON.stringify(s))), candidate('c.json', example())]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'accepted', 'rejected']);
    expect(outcomes[0]!.problems[0]!.code).toBe('duplicate-copy');
    const clash = screenBatch([candidate('a.json', s), candidate('b.json', other)]);
    expect(clash.map((o) => [o.status, o.problems[0]?.code])).toEqual([
      ['rejected', 'duplicate-submission'],
      ['rejected', 'duplicate-submission'],
    ]);
  });

  it('the exported JSON Schema (read back through JSON text) accepts every example and refuses malformed ones', () => {
    const schema = z.fromJSONSchema(JSON.parse(JSON.stringify(submissionJsonSchema())));
    for (const f of readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json'))) {
      expect(schema.safeParse(JSON.parse(readFileSync(join(EXAMPLES_DIR, f), 'utf8'))).success, f).toBe(true);
    }
    const s = example();
    expect(schema.safeParse({ ...s, profile: { ...s.profile, councilType: 'parish' } }).success).toBe(false);
    expect(schema.safeParse({ ...s, totals: { ...s.totals, total: 7302 } }).success).toBe(false);
    expect(schema.safeParse({ ...s, format: 'something-else' }).success).toBe(false);
  });

  it('submissionFromInventory: exact tCO2e totals, activity included, and a warning when records were excluded', () => {
    // One spend record in a category no table maps: excluded with an error, so the inventory is incomplete.
    const unmapped = { id: 'odd', category: 'purchased-goods-and-services', source: 'spend:not-a-mapped-category', quantity: '1000', unit: 'GBP', priceYear: 2023 } as const;
    const inventory = calculateInventory({ records: [...records, unmapped], reportingYear });
    const r = submissionFromInventory(
      inventory,
      { onsCode: council.onsCode, name: council.name, councilType: 'district', region: 'east-midlands', boundary: { schoolsIncluded: false, scope3SpendIncluded: false, leasedAssetsIncluded: false, outsourcedServicesIncluded: false } },
      { population: 100000, staffFte: '550' },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.submission.totals.total).toBe(inventory.totals.total.div(1000).toFixed());
    expect(r.submission.profile).toMatchObject({ reportingYear: '2023/24', factorSetId: inventory.factorSet.id });
    expect(r.submission.denominators).toEqual({ population: '100000', staffFte: '550' });
    expect(r.submission.activity).toHaveLength(inventory.records.length);
    expect(r.warnings.map((w) => w.code)).toEqual(['incomplete-inventory']);
  });
});
