import { Decimal } from '../decimal.js';
import type { BenchmarkResult } from './aggregate.js';
import { METRICS } from './metrics.js';
import { SUPPRESSION_EXPLANATIONS } from './policy.js';
import { HISTOGRAM_METHOD } from './histograms.js';
import { QUANTILE_METHOD, roundSignificant } from './quantiles.js';
import type { Audited, AuditedCohortMetric, AuditedHistogram, AuditReport, CohortMetric, CouncilMetric, CouncilReport, Method, MetricInfo, Histogram, Position, Published, SharedReport } from './views.js';

/**
 * A council's position is worked out from its own figure and the published quartiles only, so the private view
 * tells a council nothing the shared view and its own figure do not: an exact rank, recomputed on every run,
 * was an oracle (moving one's own figure and watching the rank change gave every other council's figure).
 */
export const POSITION_METHOD =
  'your figure against the cohort\'s published quartiles: the lowest, second, third or highest quarter when the lower and upper quartiles ' +
  'are published, else the lower or upper half (below the median, or at or above it); withheld where the median is withheld ' +
  'or where the cohort\'s count is withheld. It uses only published figures, so it is the same on every run that publishes the same figures ' +
  'and tells you nothing about any other council that the shared report does not';

function method(result: BenchmarkResult): Method {
  const { policy } = result;
  return {
    policy: {
      minCouncils: policy.minCouncils,
      dominance: policy.dominance.map((r) => ({ ...r })),
      significantFigures: policy.significantFigures,
      pPercent: policy.pPercent,
    },
    quantiles: QUANTILE_METHOD,
    position: POSITION_METHOD,
    rounding: `computed exactly, then rounded once to ${policy.significantFigures} significant figures (half to even); counts are whole numbers`,
    secondarySuppression:
      'within each split of "all councils" (by council type, by region), the withheld cohorts taken together must pass the threshold ' +
      '(and, for totals, the dominance rule), and a withheld "all councils" figure is never the sum of published ones; ' +
      "a pooled cohort's count or total (single-tier, upper-tier) is published only where each of its council types' is (as their sum), " +
      'or as that of another cohort of the same councils; ' +
      'cohort totals are published only for the total emissions (all councils, council types and pooled cohorts), so scope and category identities cannot be differenced',
    histograms: HISTOGRAM_METHOD,
    withheld: WITHHELD_METHOD,
  };
}

/** What the one withheld marker means, as every view's method states it; the reason for each figure is in the audit only. */
export const WITHHELD_METHOD =
  'a withheld figure is shown by one marker, whatever the reason (too few councils, one or two councils making up too much of it, a cohort too small ' +
  'for a quartile, or withheld so that another withheld figure, or a difference from an earlier release, cannot be worked out): ' +
  'a reason would point at the councils it protects. ' +
  'The organiser\'s audit file gives each reason';

/** A figure as the views show it: the reason for a withheld one is left to the audit. */
function redact(p: Audited): Published {
  return p.status === 'published' ? { ...p } : { status: 'suppressed' };
}

function redactHistogram(h: AuditedHistogram): Histogram {
  return h.status === 'published' ? { status: 'published', bands: h.bands.map((b) => ({ ...b })) } : { status: 'suppressed' };
}

function redactMetric({ total, histogram, ...m }: AuditedCohortMetric): CohortMetric {
  return {
    metric: m.metric,
    count: redact(m.count),
    lowerQuartile: redact(m.lowerQuartile),
    median: redact(m.median),
    upperQuartile: redact(m.upperQuartile),
    ...(total !== undefined ? { total: redact(total) } : {}),
    ...(histogram !== undefined ? { histogram: redactHistogram(histogram) } : {}),
  };
}

const METRIC_INFO: MetricInfo[] = METRICS.map((m) => ({ id: m.id, label: m.label, basis: m.basis, unit: m.unit }));

/**
 * The anonymised report for everyone: every cohort's published figures, no council named. It is plain JSON, safe
 * to publish as it stands or through the report renderers.
 * @example
 * const report = sharedView(benchmark(submissions));
 * writeFileSync('benchmark.json', JSON.stringify(report, null, 2));
 * console.log(renderBenchmarkText(report));
 */
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
      councils: redact(g.councils),
      restated: redact(g.restated),
      cohorts: g.cohorts.map((c) => ({ id: c.id, label: c.label, group: c.group, notes: [...c.notes], metrics: [...c.metrics.values()].map(redactMetric) })),
    })),
  };
}

/**
 * The organiser's audit: every figure with the reason it was withheld, and every file not used with its
 * reasons. No council's own figure is in it, but the reasons point at councils: not for publication.
 */
export function auditView(result: BenchmarkResult): AuditReport {
  return {
    format: 'council-ghg/benchmark-audit',
    version: 1,
    method: method(result),
    reasons: { ...SUPPRESSION_EXPLANATIONS },
    excluded: result.excluded.map((o) => ({ source: o.source, problems: o.problems.map((p) => ({ severity: p.severity, code: p.code, message: p.message })) })),
    baseGroups: result.baseGroups.map((g) => ({
      reportingYear: g.reportingYear,
      factorSetId: g.factorSetId,
      councils: { ...g.councils },
      restated: { ...g.restated },
      cohorts: g.cohorts.map((c) => ({ id: c.id, label: c.label, group: c.group, metrics: [...c.metrics.values()].map((f) => ({ ...f })) })),
    })),
  };
}

/**
 * "Where we stand", for one council: per year, for each cohort it is in, its own figure beside the cohort's
 * published count and quartiles, and its position among them. Nothing of another council is in it; the cohort figures
 * are the shared report's. Undefined when the council has no accepted submission.
 * @example
 * const report = councilView(benchmark(submissions), 'E07000223');
 * if (report === undefined) throw new Error('no usable submission from E07000223');
 * writeFileSync('where-we-stand.html', renderBenchmarkHtml(report));
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
      councils: redact(g.councils),
      restated: redact(g.restated),
      ...(member.restatedFrom !== undefined ? { restatedFrom: member.restatedFrom } : {}),
      cohorts: g.cohorts
        .filter((c) => c.members.includes(index))
        .map((c) => ({
          id: c.id,
          label: c.label,
          group: c.group,
          notes: [...c.notes],
          metrics: [...c.metrics].map(([id, f]): CouncilMetric => {
            const ours = member.values.get(id);
            const { total: _total, ...published } = redactMetric(f);
            if (ours === undefined) return published;
            return { ...published, ours: roundSignificant(ours, sf).toString(), position: position(ours, published) };
          }),
        })),
    })),
  };
}

/** The band of the published quartiles the council's own figure falls in (see POSITION_METHOD). */
export function position(ours: Decimal, published: Omit<CohortMetric, 'total'>): Position {
  if (published.count.status === 'suppressed' || published.median.status === 'suppressed') return { status: 'suppressed' };
  const below = (p: Published) => p.status === 'published' && ours.lt(p.value);
  const median = below(published.median);
  if (published.lowerQuartile.status === 'published' && published.upperQuartile.status === 'published') {
    const band = below(published.lowerQuartile) ? 'lowest-quarter' : median ? 'second-quarter' : below(published.upperQuartile) ? 'third-quarter' : 'highest-quarter';
    return { status: 'published', value: band };
  }
  return { status: 'published', value: median ? 'lower-half' : 'upper-half' };
}
