import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { COUNCIL_TYPES, REGIONS } from '../../src/activity/council.js';
import { CATEGORY_IDS } from '../../src/activity/categories.js';
import { parseSubmission, SubmissionSchema } from '../../src/benchmark/index.js';
import { plainSubmission } from '../../src/benchmark/submission.js';
import { Decimal } from '../../src/decimal.js';

/**
 * plainSubmission checks the usual submission without zod: whatever it accepts, the schema accepts, giving the
 * same object (the same keys in the same order, the same values); anything else it leaves to the schema.
 */

const decimalTexts = ['0', '1', '14052.5', '0.000', '007', '123456789012', '1234567890123', `1.${'0'.repeat(50)}`, `1.${'0'.repeat(51)}`, '', '1.', '.5', '-1', '1e3', ' 1', '١'];
const valueArb = fc.oneof(fc.constantFrom<unknown>(...decimalTexts), fc.constantFrom<unknown>(1, true, null, undefined, {}, [], 'x'));

/** A valid submission's fields, then some replaced by anything (valid or not), removed, or joined by a stray key. */
const submissionArb = fc
  .record({
    onsCode: fc.constantFrom('E07000111', 'W06000001', 'S12000033', 'E0700011', 'X07000111', 'E070001111'),
    name: fc.constantFrom('Fictional District', '', 'x'.repeat(200), 'x'.repeat(201)),
    councilType: fc.constantFrom(...COUNCIL_TYPES, 'parish'),
    region: fc.constantFrom(...REGIONS, 'atlantis'),
    reportingYear: fc.constantFrom('2023/24', '1999/00', '2023/25', '2023-24'),
    factorSetId: fc.constantFrom('desnz-2023', 'DESNZ-2023', 'desnz--2023'),
    flags: fc.array(fc.constantFrom<unknown>(true, false, 'true'), { minLength: 4, maxLength: 4 }),
    totals: fc.array(valueArb, { minLength: 5, maxLength: 5 }),
    byCategory: fc.dictionary(fc.constantFrom(...CATEGORY_IDS, 'not-a-category', '__proto__', '1'), valueArb, { maxKeys: 4 }),
    denominators: fc.dictionary(fc.constantFrom('population', 'staffFte', 'grossRevenueExpenditureGbpMillions', 'floorAreaM2', 'households'), valueArb, { maxKeys: 3 }),
    synthetic: fc.constantFrom<unknown>(undefined, true, false, 'yes'),
    excludedRecords: fc.constantFrom<unknown>(undefined, 0, 3, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, '2'),
    stray: fc.constantFrom<[string, string] | undefined>(undefined, undefined, undefined, ['top', 'extra'], ['profile', 'extra'], ['totals', 'extra'], ['boundary', 'extra'], ['top', 'activity']),
    valid: fc.boolean(),
    /** In a case made valid, the one field left as drawn (8 and above: none). */
    spoil: fc.integer({ min: 0, max: 11 }),
  })
  .map((f) => {
    if (f.valid) {
      const keep = <T,>(i: number, drawn: T, valid: unknown) => (f.spoil === i ? drawn : (valid as T));
      f = {
        ...f,
        onsCode: keep(0, f.onsCode, 'E07000111'),
        name: keep(1, f.name, 'Fictional District'),
        councilType: keep(2, f.councilType, 'district'),
        region: keep(3, f.region, 'south-west'),
        reportingYear: keep(4, f.reportingYear, '2023/24'),
        factorSetId: keep(5, f.factorSetId, 'desnz-2023'),
        flags: keep(6, f.flags, [true, false, false, true]),
        totals: keep(7, f.totals, ['10', '4', '3', '2.5', '3']),
        byCategory: Object.fromEntries(Object.entries(f.byCategory).filter(([k, v]) => f.spoil === 8 || ((CATEGORY_IDS as string[]).includes(k) && typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) && v.length < 40))),
        denominators: Object.fromEntries(Object.entries(f.denominators).filter(([k, v]) => f.spoil === 9 || (k !== 'households' && typeof v === 'string' && /^[1-9]\d{0,11}$/.test(v)))),
        synthetic: f.spoil === 10 ? f.synthetic : typeof f.synthetic === 'boolean' ? f.synthetic : undefined,
        excludedRecords: f.spoil === 10 ? f.excludedRecords : f.excludedRecords === 0 || f.excludedRecords === 3 ? f.excludedRecords : undefined,
        stray: f.spoil === 11 ? f.stray : undefined,
      };
    }
    const boundary: Record<string, unknown> = { schoolsIncluded: f.flags[0], scope3SpendIncluded: f.flags[1], leasedAssetsIncluded: f.flags[2], outsourcedServicesIncluded: f.flags[3] };
    const totals: Record<string, unknown> = { total: f.totals[0], scope1: f.totals[1], scope2Location: f.totals[2], scope2Market: f.totals[3], scope3: f.totals[4], byCategory: f.byCategory };
    const profile: Record<string, unknown> = { onsCode: f.onsCode, name: f.name, councilType: f.councilType, region: f.region, reportingYear: f.reportingYear, factorSetId: f.factorSetId, boundary };
    // Keys in another order than the schema's, as a file may have them.
    const json: Record<string, unknown> = { profile, version: 1, format: 'council-ghg/benchmark-submission', denominators: f.denominators, totals };
    if (f.synthetic !== undefined) json['synthetic'] = f.synthetic;
    if (f.excludedRecords !== undefined) json['excludedRecords'] = f.excludedRecords;
    if (f.stray !== undefined) {
      const [where, key] = f.stray;
      const target = where === 'top' ? json : where === 'profile' ? profile : where === 'totals' ? totals : boundary;
      target[key] = key === 'activity' ? [] : 'x';
    }
    return JSON.parse(JSON.stringify(json)) as Record<string, unknown>;
  });

describe('plainSubmission: the schema without zod, for the usual submission', () => {
  it('accepts only what the schema accepts, giving the schema’s own object; leaves the rest to it', () => {
    let fast = 0;
    let refused = 0;
    let leftToSchema = 0;
    fc.assert(
      fc.property(submissionArb, (json) => {
        const checked = SubmissionSchema.safeParse(json);
        const plain = plainSubmission(json);
        if (plain !== undefined) {
          fast++;
          expect(checked.success).toBe(true);
          expect(JSON.stringify(plain)).toBe(JSON.stringify(checked.data));
          expect(plain).toStrictEqual(checked.data);
        } else if (checked.success) leftToSchema++;
        else refused++;
      }),
      { numRuns: 3000, seed: 14 },
    );
    // The property reached each of its cases: accepted without zod, refused by the schema, and valid but left to it.
    expect(fast).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(200);
    expect(leftToSchema).toBeGreaterThan(10); // with an empty activity list
  });

  it('takes every bundled example submission, as the schema gives it', () => {
    const dir = join(import.meta.dirname, '..', '..', 'examples', 'submissions');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    let fast = 0;
    for (const file of files) {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
      const checked = SubmissionSchema.safeParse(json);
      const plain = plainSubmission(json);
      if (json['activity'] !== undefined || !checked.success) expect(plain, file).toBeUndefined();
      else {
        fast++;
        expect(JSON.stringify(plain), file).toBe(JSON.stringify(checked.data));
      }
    }
    expect(fast).toBeGreaterThan(10);
  });

  it('gives parseSubmission the same messages as before for a field the fast path does not vouch for', () => {
    const json = { format: 'council-ghg/benchmark-submission', version: 1, profile: {}, totals: {}, denominators: {} };
    const result = parseSubmission(json, { note: 'test' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message)).toContain('profile.onsCode: Invalid input: expected string, received undefined');
  });
});

describe('the totals check in BigInt: as the Decimal sums decide it', () => {
  const figure = fc
    .tuple(fc.stringMatching(/^[1-9]\d{0,11}$|^0$/), fc.stringMatching(/^\d{0,40}$/))
    .map(([whole, fraction]) => (fraction === '' ? whole : `${whole}.${fraction}`));
  /** How far the stated total is from the scopes' sum: none, within the tolerance of 1, at it, or beyond it. */
  const offset = fc.constantFrom('0', '0.5', '-0.5', '1', '-1', '1.000000000000000000000000000000000000001', '-1.0000001', '2', '-3', '0.00000000000000000000000000000000000000000001');

  it('gives the problems the Decimal sums give, for figures of up to 12 + 40 digits', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(figure, figure, figure, offset, fc.array(figure, { maxLength: 5 }), (scope1, scope2, scope3, delta, categories) => {
        const d = (t: string) => new Decimal(t);
        const sum = d(scope1).plus(d(scope2)).plus(d(scope3));
        const total = sum.plus(d(delta));
        fc.pre(!total.isNeg());
        const totalText = total.toFixed();
        const json = {
          format: 'council-ghg/benchmark-submission',
          version: 1,
          profile: { onsCode: 'E07000111', name: 'Fictional District', councilType: 'district', region: 'south-west', reportingYear: '2023/24', factorSetId: 'desnz-2023', boundary: { schoolsIncluded: true, scope3SpendIncluded: false, leasedAssetsIncluded: false, outsourcedServicesIncluded: false } },
          totals: { total: totalText, scope1, scope2Location: scope2, scope2Market: '0', scope3, byCategory: Object.fromEntries(categories.map((c, i) => [CATEGORY_IDS[i]!, c])) },
          denominators: {},
        };
        fc.pre(SubmissionSchema.safeParse(json).success);
        // Expected, as the check was written before: Decimal sums at the package's precision.
        const expected: string[] = [];
        const gap = d(totalText).minus(d(scope1).plus(d(scope2)).plus(d(scope3))).abs();
        if (gap.gt(1)) expected.push('total-mismatch');
        else if (!gap.isZero()) expected.push('total-rounded');
        if (categories.reduce((a, c) => a.plus(d(c)), d('0')).gt(d(totalText).plus(1))) expected.push('categories-exceed-total');
        const result = parseSubmission(json, { note: 'test' });
        const codes = (result.ok ? result.warnings : result.problems).map((p) => p.code);
        expect(codes).toEqual(expected);
        for (const code of expected.length === 0 ? ['none'] : expected) seen.set(code, (seen.get(code) ?? 0) + 1);
      }),
      { numRuns: 1500, seed: 14 },
    );
    for (const code of ['none', 'total-mismatch', 'total-rounded', 'categories-exceed-total']) expect(seen.get(code) ?? 0, code).toBeGreaterThan(50);
  });
});
