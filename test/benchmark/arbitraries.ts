import fc from 'fast-check';
import { expect } from 'vitest';
import type { CouncilType, Region } from '../../src/activity/council.js';
import { COUNCIL_TYPE_INFO } from '../../src/activity/council.js';
import { SUBMISSION_FORMAT, SUBMISSION_VERSION, type Submission } from '../../src/benchmark/index.js';
import { Decimal } from '../../src/decimal.js';

/** Few types and regions, so cohorts overlap and sit around the threshold; two years, so base groups split. */
const TYPES: readonly CouncilType[] = ['district', 'county', 'unitary', 'metropolitan-district'];
const REGIONS: readonly Region[] = ['north-east', 'south-west', 'east-midlands'];
const YEARS = ['2022/23', '2023/24'] as const;

const tenths = (max: number) => fc.integer({ min: 0, max }).map((n) => new Decimal(n).div(10));

const councilArb = fc.record({
  councilType: fc.constantFrom(...TYPES),
  region: fc.constantFrom(...REGIONS),
  year: fc.constantFrom(...YEARS),
  // Mostly spread values, sometimes a giant (dominance) or round numbers (rounding coincidences).
  scale: fc.oneof({ weight: 6, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constant(40) }, { weight: 1, arbitrary: fc.constant(0) }),
  scope1: tenths(60000),
  scope2: tenths(30000),
  scope3: tenths(40000),
  round: fc.integer({ min: 1, max: 60 }),
  population: fc.option(fc.integer({ min: 20000, max: 900000 }), { nil: undefined }),
  buildingsShare: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
});

/**
 * How many councils: a third of the runs small (around the threshold, where counts and totals are withheld), the
 * rest large enough for medians (2k = 10 in a cohort and year) and quartiles (4k + 1 = 21) to be published.
 * `size: 'max'` because fast-check's default size keeps an array to about 10 items whatever its maxLength, and
 * then no property ever saw a published quartile (issue 17); the property tests count what they saw.
 */
const councilsArb = fc.oneof(
  { weight: 1, arbitrary: fc.array(councilArb, { minLength: 1, maxLength: 14, size: 'max' }) },
  { weight: 2, arbitrary: fc.array(councilArb, { minLength: 30, maxLength: 70, size: 'max' }) },
);

/** Random cohorts of councils as valid submissions: distinctive names and codes so a leak is easy to see. */
export const submissionsArb = councilsArb.map((councils) =>
  councils.map((c, i): Submission => {
    // scale 0: a round whole-thousands council, so rounded figures can coincide with council values.
    const s1 = c.scale === 0 ? new Decimal(c.round * 1000) : c.scope1.times(c.scale);
    const s2 = c.scale === 0 ? new Decimal(0) : c.scope2;
    const s3 = c.scale === 0 ? new Decimal(0) : c.scope3;
    const total = s1.plus(s2).plus(s3);
    return {
      format: SUBMISSION_FORMAT,
      version: SUBMISSION_VERSION,
      synthetic: true,
      profile: {
        onsCode: `${COUNCIL_TYPE_INFO[c.councilType].gssPrefix}8${String(i).padStart(5, '0')}`,
        name: `Qzx Council ${i}`,
        councilType: c.councilType,
        region: c.region,
        reportingYear: c.year,
        factorSetId: `desnz-${c.year.slice(0, 4)}`,
        boundary: { schoolsIncluded: false, scope3SpendIncluded: false, leasedAssetsIncluded: false, outsourcedServicesIncluded: false },
      },
      totals: {
        total: total.toFixed(),
        scope1: s1.toFixed(),
        scope2Location: s2.toFixed(),
        scope2Market: s2.div(2).toFixed(),
        scope3: s3.toFixed(),
        byCategory: c.buildingsShare === undefined ? {} : { buildings: total.times(c.buildingsShare).div(100).toFixed() },
      },
      denominators: c.population === undefined ? {} : { population: String(c.population) },
    };
  }),
);

/**
 * What a property saw across its runs, by kind ("median published", "position lowest-quarter" …), so that a
 * generator change that stops a property reaching its subject fails the test instead of hollowing it out.
 */
export function tally() {
  const counts = new Map<string, number>();
  return {
    add(kind: string, n = 1): void {
      counts.set(kind, (counts.get(kind) ?? 0) + n);
    },
    /** A published or withheld figure, as "<name> published" or "<name> suppressed". */
    figure(name: string, f: { readonly status: string } | undefined): void {
      if (f !== undefined) this.add(`${name} ${f.status}`);
    },
    count(kind: string): number {
      return counts.get(kind) ?? 0;
    },
    expectAtLeast(minimums: Record<string, number>): void {
      const all = JSON.stringify(Object.fromEntries(counts));
      for (const [kind, min] of Object.entries(minimums)) expect(counts.get(kind) ?? 0, `${kind}, seen across the runs (all seen: ${all})`).toBeGreaterThanOrEqual(min);
    },
  };
}

/** The submissions a base group was built from: those of its reporting year and factor set. */
export function baseGroupMembers(subs: readonly Submission[], g: { readonly reportingYear: string; readonly factorSetId: string }): Submission[] {
  return subs.filter((s) => s.profile.reportingYear === g.reportingYear && s.profile.factorSetId === g.factorSetId);
}
