import { APART_FROM_TOTALS, CATEGORIES, CATEGORY_IDS, type Category } from '../activity/categories.js';
import { Decimal } from '../decimal.js';
import type { Denominators, Submission, SubmissionTotals } from './submission.js';

/** What is measured: the total, a scope, or one reporting category. */
export type Measure = 'total' | 'scope1' | 'scope2Location' | 'scope2Market' | 'scope3' | `category:${Category}`;
/** How it is expressed: absolute, or divided by a denominator the council supplied. */
export const BASES = ['absolute', 'per-resident', 'per-fte', 'per-gbp-m', 'per-m2'] as const;
/** How a metric is expressed: one of `BASES`, absolute or per resident, staff FTE, £m gross revenue expenditure or m2 of floor area. */
export type Basis = (typeof BASES)[number];
/** A metric's id, its measure and basis joined by a slash: "total/absolute", "scope1/per-resident", "category:fleet/per-fte". */
export type MetricId = `${Measure}/${Basis}`;

/** One benchmarked figure, a measure on a basis, with the label and unit a report shows; `METRICS` lists them all. */
export interface Metric {
  readonly id: MetricId;
  readonly measure: Measure;
  readonly basis: Basis;
  readonly label: string;
  readonly unit: string;
}

const SCOPE_MEASURES = ['total', 'scope1', 'scope2Location', 'scope2Market', 'scope3'] as const satisfies readonly (keyof SubmissionTotals)[];
/**
 * Every measure benchmarked, in report order: the total, the scopes, then each reporting category except
 * investments, which are reported apart from the inventory's totals and so are no measure of a council's footprint.
 */
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

/** The one metric with a published cohort total: totals of other measures would be linked to it by sums. */
export const TOTAL_METRIC: MetricId = 'total/absolute';

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
 * The metrics whose cohorts may show a histogram: total emissions only. A council's bands in several metrics
 * add up (total = scope 1 + scope 2 + scope 3) or scale by a public denominator (per resident × population), so
 * bands of one council in two metrics can narrow it far below either band (scope bands summing to under 6,001
 * inside a total band of 5,000–10,000); the histogram checks are per metric, so only one metric is banded.
 */
export const HISTOGRAM_METRICS: readonly MetricId[] = [TOTAL_METRIC];

/** The measures' texts in a submission, in the order of MEASURES. */
const MEASURE_TEXT: readonly ((s: Submission) => string | undefined)[] = MEASURES.map((measure) =>
  measure.startsWith('category:')
    ? (s: Submission) => s.totals.byCategory[measure.slice('category:'.length) as Category]
    : (s: Submission) => s.totals[measure as (typeof SCOPE_MEASURES)[number]],
);
const DENOMINATOR_FIELDS = BASES.map((b) => BASIS_INFO[b].denominator);
const SLOTS = new Map(METRICS.map((m, slot) => [m.id, slot]));

/** A metric's place in METRICS, for the benchmark's inner loops (MetricValues.exactAt and approximationAt). */
export function metricSlot(id: MetricId): number {
  const slot = SLOTS.get(id);
  if (slot === undefined) throw new RangeError(`no metric ${id}`);
  return slot;
}

/**
 * A council's value for each metric it has; none where it did not report the category or supply the
 * denominator (missing is not zero). Values are exact Decimals, quotients exact to 50 significant digits, each
 * worked out only when asked for: the benchmark orders councils by `approximationAt` (binary floating point,
 * read without dividing decimals) and needs the exact value only of the councils in a quartile window or too
 * close to another to be ordered by approximations, so most quotients of a large batch are never divided out.
 * The submission's figures have been validated, so every text present is a decimal.
 */
export class MetricValues {
  private readonly measureTexts: (string | undefined)[];
  private readonly denominatorTexts: (string | undefined)[];
  private readonly measureFloats: Float64Array;
  private readonly denominatorFloats: Float64Array;
  // Filled with undefined at full length, so every council's arrays have the same element kind (see figures.ts, SortedValues).
  private readonly measures: (Decimal | undefined)[] = new Array<Decimal | undefined>(MEASURES.length).fill(undefined);
  private readonly denominators: (Decimal | undefined)[] = new Array<Decimal | undefined>(BASES.length).fill(undefined);

  constructor(submission: Submission) {
    this.measureTexts = MEASURE_TEXT.map((text) => text(submission));
    this.denominatorTexts = DENOMINATOR_FIELDS.map((field) => (field === undefined ? undefined : submission.denominators[field]));
    this.measureFloats = floats(this.measureTexts);
    this.denominatorFloats = floats(this.denominatorTexts);
  }

  /** The exact value for a metric, or undefined where the council has none. */
  get(id: MetricId): Decimal | undefined {
    return this.exactAt(metricSlot(id));
  }

  /** Whether the council has a value for the metric: the measure reported and, for a ratio, the denominator supplied. */
  has(id: MetricId): boolean {
    return this.hasAt(metricSlot(id));
  }

  /** As `has`, by the metric's place in `METRICS` (see `metricSlot`), for the benchmark's inner loops. */
  hasAt(slot: number): boolean {
    // METRICS is measure-major: each measure's metrics follow one another, one per basis.
    const b = slot % BASES.length;
    return this.measureTexts[(slot - b) / BASES.length] !== undefined && (b === 0 || this.denominatorTexts[b] !== undefined);
  }

  /** The value as a binary float (within a few units in the last place of it), for ordering; undefined where there is none. */
  approximationAt(slot: number): number | undefined {
    if (!this.hasAt(slot)) return undefined;
    const b = slot % BASES.length;
    const value = this.measureFloats[(slot - b) / BASES.length]!;
    return b === 0 ? value : value / this.denominatorFloats[b]!;
  }

  /**
   * The exact value at a place in METRICS. Figures read from the submission are kept; quotients are not (the
   * benchmark keeps those it needs for as long as it works on one metric, so they never outlive it).
   */
  exactAt(slot: number): Decimal | undefined {
    if (!this.hasAt(slot)) return undefined;
    const b = slot % BASES.length;
    const m = (slot - b) / BASES.length;
    // The schema has checked every text (decimal syntax, bounded digits), so each is read as it stands.
    const absolute = (this.measures[m] ??= new Decimal(this.measureTexts[m]!));
    return b === 0 ? absolute : absolute.div((this.denominators[b] ??= new Decimal(this.denominatorTexts[b]!)));
  }
}

/** Decimal texts as the nearest binary floats (NaN where there is none): correctly rounded, so in order. */
function floats(texts: readonly (string | undefined)[]): Float64Array {
  const out = new Float64Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    out[i] = text === undefined ? Number.NaN : Number(text);
  }
  return out;
}

export function metricValues(s: Submission): MetricValues {
  return new MetricValues(s);
}
