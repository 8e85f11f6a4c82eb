import { describe, expect, it } from 'vitest';
import { parseSubmission, type Submission } from '../../src/benchmark/index.js';
import { revalidate } from '../../src/benchmark/submission.js';
import { district } from './districts.js';

/**
 * parseSubmission's rules at their edges (src/benchmark/submission.ts; issue 17, mutation testing): the digit and
 * length bounds, the 1 tCO2e rounding tolerance both ways and on both of its paths (whole numbers of the smallest
 * unit for the usual figures, Decimal for figures of more than 36 decimals), the nesting limit, and what an
 * accepted submission is. Every expected figure is worked by hand in its comment.
 */

const check = (json: unknown) => parseSubmission(json, { file: 'x.json' });
const codes = (json: unknown) => {
  const r = check(json);
  return r.ok ? r.warnings.map((w) => w.code) : r.problems.map((p) => p.code);
};
const messages = (json: unknown) => {
  const r = check(json);
  return r.ok ? r.warnings.map((w) => w.message) : r.problems.map((p) => p.message);
};

/** A district (E07…) with these totals in tCO2e; the scopes not given are '0'. */
const withTotals = (totals: Partial<Submission['totals']>): Submission => {
  const base = district(1, '0');
  return { ...base, totals: { ...base.totals, scope1: '0', ...totals } };
};
/** `n` zeros. */
const zeros = (n: number) => '0'.repeat(n);

describe('the digits of a figure', () => {
  it('are at most 12 before the point and 50 after it; more is number-too-long, not a plain invalid field', () => {
    const twelve = '123456789012'; // 12 digits
    expect(codes(withTotals({ total: twelve, scope1: twelve }))).toEqual([]);
    const thirteen = '1234567890123'; // 13 digits
    expect(codes(withTotals({ total: thirteen, scope1: thirteen }))).toEqual(['number-too-long', 'number-too-long']);
    const fifty = `0.${zeros(49)}1`; // 50 digits after the point
    expect(codes(withTotals({ total: fifty, scope1: fifty }))).toEqual([]);
    const fiftyOne = `0.${zeros(50)}1`; // 51
    expect(codes(withTotals({ total: fiftyOne, scope1: fiftyOne }))).toEqual(['number-too-long', 'number-too-long']);
    expect(messages(withTotals({ total: thirteen, scope1: '1' }))).toEqual(['totals.total: too many digits: at most 12 before the decimal point and 50 after']);
  });

  it('of a denominator are bounded too, and a denominator of the wrong form is refused', () => {
    const s = district(1, '100');
    expect(codes({ ...s, denominators: { population: '123456789012' } })).toEqual([]);
    expect(codes({ ...s, denominators: { population: '1234567890123' } })).toEqual(['number-too-long']);
    expect(codes({ ...s, denominators: { staffFte: '0.0' } })).toEqual(['invalid-field']); // not greater than zero
    expect(codes({ ...s, denominators: { population: '118000.5' } })).toEqual(['invalid-field']); // residents are whole
  });

  it('of an activity quantity are bounded by length: 64 characters, written with an exponent or not', () => {
    const s = district(1, '100');
    const record = (quantity: string) => ({ ...s, activity: [{ id: 'a', category: 'buildings', source: 'natural-gas', quantity, unit: 'kWh' }] });
    const sixtyFour = `${zeros(63)}1`; // 64 characters, the value 1
    expect(sixtyFour).toHaveLength(64);
    expect(codes(record(sixtyFour))).toEqual([]);
    expect(codes(record(`0${sixtyFour}`))).toEqual(['number-too-long']);
    expect(messages(record(`0${sixtyFour}`))).toEqual(['activity.0.quantity: too long: a quantity is at most 64 characters']);
  });
});

describe('the council name', () => {
  it('has 1 to 200 characters', () => {
    const s = district(1, '100');
    expect(codes({ ...s, profile: { ...s.profile, name: 'x'.repeat(200) } })).toEqual([]);
    expect(codes({ ...s, profile: { ...s.profile, name: 'x'.repeat(201) } })).toEqual(['invalid-field']);
    expect(codes({ ...s, profile: { ...s.profile, name: '' } })).toEqual(['invalid-field']);
  });
});

describe('a total against its scopes', () => {
  it('within 1 tCO2e either way is accepted with a warning (the stated total is used); further is an error', () => {
    // scope 1 100 + scope 2 0 + scope 3 0 = 100.
    expect(codes(withTotals({ total: '100', scope1: '100' }))).toEqual([]);
    expect(codes(withTotals({ total: '101', scope1: '100' }))).toEqual(['total-rounded']); // 1 over: at the tolerance
    expect(codes(withTotals({ total: '99', scope1: '100' }))).toEqual(['total-rounded']); // 1 under
    expect(codes(withTotals({ total: '101.000001', scope1: '100' }))).toEqual(['total-mismatch']);
    expect(codes(withTotals({ total: '98.9', scope1: '100' }))).toEqual(['total-mismatch']);
  });

  it('adds all three scopes, figures of different decimals lined up at the point', () => {
    // 60.25 + 30.5 + 9.25 = 100: no gap.
    expect(codes(withTotals({ total: '100', scope1: '60.25', scope2Location: '30.5', scope3: '9.25' }))).toEqual([]);
    // 100.5 against 100.25 (scope 1 alone): 0.25, a rounding.
    expect(codes(withTotals({ total: '100.5', scope1: '100.25' }))).toEqual(['total-rounded']);
    // 60 + 30 + 5 = 95, five short of 100; the message gives the sum.
    expect(messages(withTotals({ total: '100', scope1: '60', scope2Location: '30', scope3: '5' }))).toEqual(['total must equal scope 1 + location-based scope 2 + scope 3 (95 tCO2e)']);
    // The market-based scope 2 is not in the total: 100 = 100 + 0 + 0 whatever it is.
    expect(codes(withTotals({ total: '100', scope1: '100', scope2Market: '5000' }))).toEqual([]);
  });

  it('is judged the same way for figures of more than 36 decimals (summed as Decimal)', () => {
    const d = zeros(40); // 40 zero decimals: too many for the whole-number path
    expect(codes(withTotals({ total: `100.${d}`, scope1: `100.${d}` }))).toEqual([]);
    expect(codes(withTotals({ total: `101.${d}`, scope1: `100.${d}` }))).toEqual(['total-rounded']);
    expect(codes(withTotals({ total: `99.${d}`, scope1: `100.${d}` }))).toEqual(['total-rounded']);
    expect(codes(withTotals({ total: `101.${zeros(39)}1`, scope1: `100.${d}` }))).toEqual(['total-mismatch']);
    expect(codes(withTotals({ total: `100.${d}`, scope1: `60.${d}`, scope2Location: '30', scope3: '10' }))).toEqual([]);
    expect(messages(withTotals({ total: `100.${d}`, scope1: `60.${d}`, scope2Location: '30', scope3: '5' }))).toEqual(['total must equal scope 1 + location-based scope 2 + scope 3 (95 tCO2e)']);
  });
});

describe('the categories against the total', () => {
  it('may exceed it by up to 1 tCO2e (rounding); by more is an error naming their sum', () => {
    // 60 + 41 = 101 = total + 1: allowed.
    expect(codes(withTotals({ total: '100', scope1: '100', byCategory: { buildings: '60', fleet: '41' } }))).toEqual([]);
    // 60 + 41.000001 = 101.000001.
    const over = withTotals({ total: '100', scope1: '100', byCategory: { buildings: '60', fleet: '41.000001' } });
    expect(codes(over)).toEqual(['categories-exceed-total']);
    expect(messages(over)).toEqual(['the categories add up to 101.000001 tCO2e, more than the total']);
    // Fewer than the total is normal: a council breaks down only some categories.
    expect(codes(withTotals({ total: '100', scope1: '100', byCategory: { buildings: '10' } }))).toEqual([]);
  });

  it('the same with figures of more than 36 decimals', () => {
    const d = zeros(40);
    expect(codes(withTotals({ total: `100.${d}`, scope1: '100', byCategory: { buildings: '60', fleet: `41.${d}` } }))).toEqual([]);
    expect(codes(withTotals({ total: `100.${d}`, scope1: '100', byCategory: { buildings: '60', fleet: `41.${zeros(39)}1` } }))).toEqual(['categories-exceed-total']);
  });
});

describe('nesting', () => {
  /** `levels` objects, one inside the next. */
  const nest = (levels: number): unknown => (levels === 0 ? 'end' : { inner: nest(levels - 1) });
  const withExtra = (levels: number) => ({ ...district(1, '100'), activity: [{ id: 'a', category: 'buildings', source: 'natural-gas', quantity: '1', unit: 'kWh', extra: nest(levels) }] });

  it('deeper than 16 levels is refused before the schema reads it', () => {
    // The submission is level 0, the activity list 1, the record 2, so `extra`'s objects are at levels 3, 4, …:
    // 13 of them reach level 15, 14 reach level 16.
    expect(codes(withExtra(13))).not.toContain('too-deeply-nested');
    expect(codes(withExtra(14))).toEqual(['too-deeply-nested']);
    expect(messages(withExtra(14))).toEqual(['nested more than 16 levels deep; a submission is a few levels of objects and lists']);
  });
});

describe('what is refused before the schema', () => {
  it('says which format and version this release reads', () => {
    expect(messages({ format: 'something' })).toEqual(['not a benchmark submission: expected "format": "council-ghg/benchmark-submission"']);
    expect(messages({ ...district(1, '1'), version: 2 })).toEqual(['submission format version 2 is not supported; this release reads version 1']);
    expect(messages({ format: 'council-ghg/benchmark-submission' })).toEqual(['submission format version undefined is not supported; this release reads version 1']);
    expect(codes([{ format: 'council-ghg/benchmark-submission' }])).toEqual(['not-a-submission']);
    expect(codes(null)).toEqual(['not-a-submission']);
  });

  it('a field the format does not have, at any level, and a count of excluded records that is not a whole number ≥ 0', () => {
    const s = district(1, '100');
    expect(codes({ ...s, profile: { ...s.profile, boundary: { ...s.profile.boundary, parksIncluded: true } } })).toEqual(['invalid-field']);
    expect(codes({ ...s, totals: { ...s.totals, scope4: '0' } })).toEqual(['invalid-field']);
    expect(codes({ ...s, denominators: { households: '5' } })).toEqual(['invalid-field']);
    expect(codes({ ...s, profile: { ...s.profile, mayor: 'x' } })).toEqual(['invalid-field']);
    expect(codes({ ...s, totals: { ...s.totals, byCategory: { parks: '1' } } })).toEqual(['invalid-field']);
    expect(codes({ ...s, excludedRecords: 0 })).toEqual([]);
    expect(codes({ ...s, excludedRecords: 3 })).toEqual([]);
    expect(codes({ ...s, excludedRecords: -1 })).toEqual(['invalid-field']);
    expect(codes({ ...s, excludedRecords: 1.5 })).toEqual(['invalid-field']);
    expect(codes({ ...s, synthetic: 'yes' })).toEqual(['invalid-field']);
    expect(codes({ ...s, profile: { ...s.profile, boundary: { ...s.profile.boundary, schoolsIncluded: 'no' } } })).toEqual(['invalid-field']);
    // 2099/00 is a financial year (2099 + 1 = 2100, written 00); 2023/23 is not.
    expect(codes({ ...s, profile: { ...s.profile, reportingYear: '2099/00' } })).toEqual([]);
    expect(codes({ ...s, profile: { ...s.profile, reportingYear: '2023/23' } })).toEqual(['invalid-field']);
    expect(codes({ ...s, profile: { ...s.profile, factorSetId: 'DESNZ 2023' } })).toEqual(['invalid-field']);
    expect(codes({ ...s, profile: { ...s.profile, councilType: 'parish' } })).toEqual(['invalid-field']);
    expect(codes({ ...s, profile: { ...s.profile, region: 'atlantis' } })).toEqual(['invalid-field']);
    expect(codes({ ...s, totals: { ...s.totals, byCategory: { buildings: 7 } } })).toEqual(['invalid-field']);
  });
});

describe('each problem', () => {
  const s = district(1, '100');
  const problems = (json: unknown) => {
    const r = check(json);
    return (r.ok ? r.warnings : r.problems).map((p) => ({ ...p }));
  };

  it('says what it is about in words, with the figure or field it concerns where there is one', () => {
    expect(problems({ ...s, extra: 1 })).toEqual([{ severity: 'error', code: 'invalid-field', message: '(submission): Unrecognized key: "extra"', origin: { file: 'x.json' } }]);
    expect(problems({ ...s, totals: { ...s.totals, total: '100.5' } })).toEqual([
      { severity: 'warning', code: 'total-rounded', message: 'total differs from scope 1 + location-based scope 2 + scope 3 (100 tCO2e) by rounding; the stated total is used', origin: { file: 'x.json' }, value: '100.5' },
    ]);
    expect(problems({ ...s, profile: { ...s.profile, region: 'wales' } })).toEqual([
      { severity: 'error', code: 'region-does-not-match-type', message: 'a district council cannot be in region wales', origin: { file: 'x.json' }, value: 'wales' },
    ]);
    expect(problems({ ...s, activity: [{ id: 'a', category: 'buildings', source: 'unobtainium', quantity: '1', unit: 'kWh' }] })).toEqual([
      { severity: 'error', code: 'invalid-activity', message: "activity record 1: Unknown source 'unobtainium'", origin: { file: 'x.json' }, value: 'unobtainium' },
    ]);
  });

  it('a field of the wrong type is refused by the schema, never taken by the fast path', () => {
    // Text in a list is not text: a regular expression would read ['E07900001'] as "E07900001".
    expect(codes({ ...s, profile: { ...s.profile, onsCode: ['E07900001'] } })).toEqual(['invalid-field']);
    expect(codes({ ...s, profile: { ...s.profile, name: ['Test District 1'] } })).toEqual(['invalid-field']);
    expect(codes({ ...s, profile: { ...s.profile, factorSetId: ['desnz-2023'] } })).toEqual(['invalid-field']);
    expect(codes({ ...s, profile: { ...s.profile, reportingYear: ['2023/24'] } })).toEqual(['invalid-field']);
    expect(codes({ ...s, profile: { ...s.profile, councilType: ['district'] } })).toEqual(['invalid-field']);
    expect(codes({ ...s, profile: { ...s.profile, region: ['south-west'] } })).toEqual(['invalid-field']);
    expect(codes({ ...s, profile: null })).toEqual(['invalid-field']);
    // A null inside an activity record is walked past by the depth check.
    expect(codes({ ...s, activity: [{ id: 'a', category: 'buildings', source: 'natural-gas', quantity: '1', unit: 'kWh', extra: null }] })).toEqual([]);
  });

  it('what no check foresaw (a value that throws when read) is refused as unparseable, never thrown', () => {
    const hostile = { format: 'council-ghg/benchmark-submission', version: 1, get profile(): never { throw new Error('boom'); } };
    expect(problems(hostile)).toEqual([{ severity: 'error', code: 'unparseable', message: 'could not be read as a submission (boom)', origin: { file: 'x.json' } }]);
  });
});

describe('an accepted submission', () => {
  it('keeps the figures as written and carries what was given, and only that', () => {
    const s = { ...district(1, '100.50'), excludedRecords: 2, denominators: { population: '118000', floorAreaM2: '5000.5' } };
    const r = check({ ...s, totals: { ...s.totals, scope1: '100.5', byCategory: { buildings: '100.50' } } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.submission.totals).toEqual({ total: '100.50', scope1: '100.5', scope2Location: '0', scope2Market: '0', scope3: '0', byCategory: { buildings: '100.50' } });
    expect(r.submission.denominators).toEqual({ population: '118000', floorAreaM2: '5000.5' });
    expect(r.submission.excludedRecords).toBe(2);
    expect(r.submission.synthetic).toBe(true);
    expect(r.submission.profile.boundary).toEqual({ schoolsIncluded: false, scope3SpendIncluded: false, leasedAssetsIncluded: false, outsourcedServicesIncluded: false });
  });

  it('is frozen throughout, so it is still what was checked', () => {
    const s = { ...district(1, '100'), activity: [{ id: 'a', category: 'buildings', source: 'natural-gas', quantity: '1', unit: 'kWh' }] };
    for (const json of [district(1, '100'), s]) {
      const r = check(json);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const sub = r.submission;
      const parts: object[] = [sub, sub.profile, sub.profile.boundary, sub.totals, sub.totals.byCategory, sub.denominators, ...(sub.activity ?? []), ...(sub.activity ? [sub.activity] : [])];
      expect(parts.every((p) => Object.isFrozen(p))).toBe(true);
    }
  });

  it('is taken again as it is, its warnings given once; an equal copy is checked afresh', () => {
    const json = withTotals({ total: '100.4', scope1: '100' }); // 0.4 off: a rounding warning
    const first = check(json);
    expect(first.ok && first.warnings.map((w) => w.code)).toEqual(['total-rounded']);
    if (!first.ok) return;
    const again = revalidate(first.submission, { file: 'y.json' });
    expect(again.ok && again.submission).toBe(first.submission);
    expect(again.ok && again.warnings).toEqual([]);
    const copy = revalidate(JSON.parse(JSON.stringify(first.submission)), { file: 'y.json' });
    expect(copy.ok && copy.warnings.map((w) => [w.code, w.origin.file])).toEqual([['total-rounded', 'y.json']]);
    expect(revalidate(null, { file: 'z.json' }).ok).toBe(false);
  });
});
