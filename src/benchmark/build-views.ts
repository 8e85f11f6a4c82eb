import { Decimal } from '../decimal.js';
import type { BenchmarkResult } from './aggregate.js';
import { METRICS } from './metrics.js';
import { SUPPRESSION_EXPLANATIONS } from './policy.js';
import { QUANTILE_METHOD, percentileRank, roundSignificant } from './quantiles.js';
import type { CohortMetric, CouncilMetric, CouncilReport, Method, MetricInfo, Published, SharedReport } from './views.js';

export const PERCENTILE_METHOD =
  'mid-rank: the share of the cohort below your figure, counting councils with the same figure as half, in per cent ' +
  '(0 = lowest emissions, 100 = highest), rounded to a whole number; withheld, with the same reason, wherever the cohort\'s count is withheld ' +
  'or the cohort is too small for a median (below the threshold or small-cohort), since percentiles would reveal the number of councils';

function method(result: BenchmarkResult): Method {
  const { policy } = result;
  const dp = policy.differentialPrivacy;
  return {
    policy: {
      minCouncils: policy.minCouncils,
      dominance: policy.dominance.map((r) => ({ ...r })),
      significantFigures: policy.significantFigures,
      ...(dp !== undefined ? { differentialPrivacy: { epsilon: dp.epsilon, noise: dp.seed === undefined ? ('random' as const) : ('seeded' as const), clipTCO2e: dp.clip.absolute } } : {}),
    },
    quantiles: QUANTILE_METHOD,
    percentile: PERCENTILE_METHOD,
    rounding: `computed exactly, then rounded once to ${policy.significantFigures} significant figures (half to even); counts are whole numbers`,
    secondarySuppression:
      'within each split of "all councils" (by council type, by region), the withheld cohorts taken together must pass the threshold ' +
      '(and, for totals, the dominance rule), and a withheld "all councils" figure is never the sum of published ones; ' +
      'cohort totals are published only for the total emissions (all councils and council types), so scope and category identities cannot be differenced',
    ...(dp !== undefined
      ? {
          differentialPrivacy:
            `Laplace noise, epsilon ${dp.epsilon} per published count and total (scale 1/epsilon for counts, ${dp.clip.absolute}/epsilon tCO2e for totals ` +
            `after clipping each council to ${dp.clip.absolute} tCO2e); epsilons add up over the figures that share a council, and over releases: ` +
            'each run is a new release with fresh noise, so publish one run per cohort and year. ' +
            (dp.seed === undefined
              ? 'The noise comes from a cryptographic random generator and is not kept. '
              : 'THIS RUN USED SEEDED NOISE, for testing: anyone who knows or guesses the seed can remove it, so it gives no privacy; do not publish it. ') +
            'A count is noised once per set of councils: every metric and cohort counting the same councils (and the base group\'s number of councils) ' +
            'shows the same noisy count, so copies cannot be averaged. ' +
            'Quartiles are not noised: they are protected by the window, threshold and rounding rules only; percentiles are exact ranks.',
        }
      : {}),
    reasons: { ...SUPPRESSION_EXPLANATIONS },
  };
}

const METRIC_INFO: MetricInfo[] = METRICS.map((m) => ({ id: m.id, label: m.label, basis: m.basis, unit: m.unit }));

/** The anonymised report for everyone: every cohort's published figures, no council named. */
export function sharedView(result: BenchmarkResult): SharedReport {
  return {
    format: 'council-ghg/benchmark-report',
    version: 1,
    synthetic: result.synthetic,
    method: method(result),
    notes: [...result.notes],
    metrics: METRIC_INFO,
    baseGroups: result.baseGroups.map((g) => ({
      reportingYear: g.reportingYear,
      factorSetId: g.factorSetId,
      councils: { ...g.councils },
      restated: { ...g.restated },
      cohorts: g.cohorts.map((c) => ({ id: c.id, label: c.label, group: c.group, notes: [...c.notes], metrics: c.metrics.map((f) => ({ ...f })) })),
    })),
  };
}

/**
 * "Where we stand", for one council: per year, for each cohort it is in, its own figure beside the cohort's
 * published count and quartiles, and its percentile. Nothing of another council is in it; the cohort figures
 * are the shared report's. Undefined when the council has no accepted submission.
 */
export function councilView(result: BenchmarkResult, onsCode: string): CouncilReport | undefined {
  const code = onsCode.trim().toUpperCase();
  const years = result.baseGroups.flatMap((g) => {
    const index = g.members.findIndex((m) => m.submission.profile.onsCode === code);
    return index < 0 ? [] : [{ g, index, member: g.members[index]! }];
  });
  const first = years[0];
  if (first === undefined) return undefined;
  const sf = result.policy.significantFigures;
  const notes = [...result.notes];
  for (const { member } of years) {
    if (member.keptApart !== undefined) notes.push(`${member.submission.profile.reportingYear}: not recalculated on the common factor set because ${member.keptApart}.`);
  }
  return {
    format: 'council-ghg/benchmark-council-report',
    version: 1,
    synthetic: result.synthetic,
    council: { onsCode: code, name: first.member.submission.profile.name },
    method: method(result),
    notes,
    metrics: METRIC_INFO,
    years: years.map(({ g, index, member }) => ({
      reportingYear: g.reportingYear,
      factorSetId: g.factorSetId,
      councils: { ...g.councils },
      restated: { ...g.restated },
      ...(member.restatedFrom !== undefined ? { restatedFrom: member.restatedFrom } : {}),
      cohorts: g.cohorts
        .filter((c) => c.members.includes(index))
        .map((c) => ({
          id: c.id,
          label: c.label,
          group: c.group,
          notes: [...c.notes],
          metrics: c.metrics.map((f, m): CouncilMetric => {
            const ours = member.values[m];
            const { total: _total, ...published } = f;
            if (ours === undefined) return published;
            const cohortValues = c.members.flatMap((i) => {
              const v = g.members[i]!.values[m];
              return v === undefined ? [] : [v];
            });
            return { ...published, ours: roundSignificant(ours, sf).toString(), percentile: percentile(cohortValues, ours, f) };
          }),
        })),
    })),
  };
}

/**
 * The council's mid-rank, withheld with the count's reason where the count is withheld (mid-ranks such as
 * 10, 30, 50 give the number of councils away), and with the median's where the cohort is too small for one.
 */
function percentile(values: readonly Decimal[], ours: Decimal, published: CohortMetric): Published {
  if (published.count.status === 'suppressed') return { status: 'suppressed', reason: published.count.reason };
  const median = published.median;
  if (median.status === 'suppressed' && (median.reason === 'below-threshold' || median.reason === 'small-cohort')) return { status: 'suppressed', reason: median.reason };
  return { status: 'published', value: percentileRank(values, ours).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toString() };
}
