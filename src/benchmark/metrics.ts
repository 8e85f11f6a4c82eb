import { APART_FROM_TOTALS, CATEGORIES, CATEGORY_IDS, type Category } from '../activity/categories.js';
import { parseDecimal, type Decimal } from '../decimal.js';
import type { Denominators, Submission, SubmissionTotals } from './submission.js';

/** What is measured: the total, a scope, or one reporting category. */
export type Measure = 'total' | 'scope1' | 'scope2Location' | 'scope2Market' | 'scope3' | `category:${Category}`;
/** How it is expressed: absolute, or divided by a denominator the council supplied. */
export const BASES = ['absolute', 'per-resident', 'per-fte', 'per-gbp-m', 'per-m2'] as const;
export type Basis = (typeof BASES)[number];
export type MetricId = `${Measure}/${Basis}`;

export interface Metric {
  readonly id: MetricId;
  readonly measure: Measure;
  readonly basis: Basis;
  readonly label: string;
  readonly unit: string;
}

const SCOPE_MEASURES = ['total', 'scope1', 'scope2Location', 'scope2Market', 'scope3'] as const satisfies readonly (keyof SubmissionTotals)[];
// Investments are reported apart from the inventory's totals, so they are no measure of a council's footprint.
export const MEASURES: readonly Measure[] = [...SCOPE_MEASURES, ...CATEGORY_IDS.filter((c) => !APART_FROM_TOTALS.has(c)).map((c) => `category:${c}` as const)];

const MEASURE_LABELS: Record<(typeof SCOPE_MEASURES)[number], string> = {
  total: 'Total (location-based scope 2)',
  scope1: 'Scope 1',
  scope2Location: 'Scope 2 (location-based)',
  scope2Market: 'Scope 2 (market-based)',
  scope3: 'Scope 3',
};

const BASIS_INFO: Record<Basis, { readonly unit: string; readonly denominator?: keyof Denominators }> = {
  absolute: { unit: 'tCO2e' },
  'per-resident': { unit: 'tCO2e per resident', denominator: 'population' },
  'per-fte': { unit: 'tCO2e per staff FTE', denominator: 'staffFte' },
  'per-gbp-m': { unit: 'tCO2e per £m gross revenue expenditure', denominator: 'grossRevenueExpenditureGbpMillions' },
  'per-m2': { unit: 'tCO2e per m2 floor area', denominator: 'floorAreaM2' },
};

function measureLabel(m: Measure): string {
  return m.startsWith('category:') ? CATEGORIES[m.slice('category:'.length) as Category] : MEASURE_LABELS[m as (typeof SCOPE_MEASURES)[number]];
}

/** Every metric, measure-major: each measure absolute then per denominator. Indices into this list are stable. */
export const METRICS: readonly Metric[] = MEASURES.flatMap((measure) =>
  BASES.map((basis) => ({ id: `${measure}/${basis}` as MetricId, measure, basis, label: measureLabel(measure), unit: BASIS_INFO[basis].unit })),
);

/** The ones a reader looks at first; the CLI table shows these unless asked for all. */
export const HEADLINE_METRICS: readonly MetricId[] = [
  'total/absolute',
  'scope1/absolute',
  'scope2Location/absolute',
  'scope2Market/absolute',
  'scope3/absolute',
  'total/per-resident',
  'total/per-fte',
  'total/per-gbp-m',
  'total/per-m2',
];

/**
 * A submission's value for each metric, aligned with METRICS; undefined where the council did not report the
 * category or supply the denominator (missing is not zero). Divisions are exact to 50 significant digits.
 */
export function metricValues(s: Submission): (Decimal | undefined)[] {
  const denominators = BASES.map((b) => {
    const field = BASIS_INFO[b].denominator;
    const text = field === undefined ? undefined : s.denominators[field];
    return text === undefined ? undefined : parseDecimal(text);
  });
  return MEASURES.flatMap((measure) => {
    const text = measure.startsWith('category:')
      ? s.totals.byCategory[measure.slice('category:'.length) as Category]
      : s.totals[measure as (typeof SCOPE_MEASURES)[number]];
    const value = text === undefined ? undefined : parseDecimal(text);
    return BASES.map((b, i) => {
      if (value === undefined || b === 'absolute') return value;
      const denominator = denominators[i];
      return denominator === undefined ? undefined : value.div(denominator);
    });
  });
}
