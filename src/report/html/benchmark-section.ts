import { HEADLINE_METRICS } from '../../benchmark/metrics.js';
import type { CohortMetric, CouncilMetric, CouncilReport, Method, MetricInfo, Published, SharedReport } from '../../benchmark/views.js';
import { Decimal } from '../../decimal.js';
import { groupThousands } from '../format.js';
import { positionChart, type PositionRow } from './benchmark-position.js';
import { escapeHtml } from './escape.js';
import { figure, section } from './figure.js';

/** A cohort's metrics, with the council's own figures when the view is a council's. */
interface CohortView {
  readonly id: string;
  readonly label: string;
  readonly notes: readonly string[];
  readonly metrics: readonly (CohortMetric | CouncilMetric)[];
}

const valueOf = (p: Published | undefined) => (p?.status === 'published' ? new Decimal(p.value) : undefined);

function publishedText(p: Published | undefined, method: Method): string {
  if (p === undefined) return '–';
  return p.status === 'published' ? groupThousands(p.value) : `withheld: ${method.reasons[p.reason] ?? p.reason}`;
}

/** A base group's number of councils in a sentence: the figure, or "a withheld number of" with the reason. */
function countText(p: Published, method: Method): string {
  return p.status === 'published' ? groupThousands(p.value) : `a withheld number of (${method.reasons[p.reason] ?? p.reason})`;
}

function ordinal(n: string): string {
  const last2 = Number(n) % 100;
  const suffix = last2 >= 11 && last2 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[Number(n) % 10] ?? 'th';
  return `${n}${suffix}`;
}

const ours = (m: CohortMetric | CouncilMetric) => ('ours' in m ? m.ours : undefined);
const percentile = (m: CohortMetric | CouncilMetric) => ('percentile' in m ? m.percentile : undefined);

/** One cohort: the position chart of the headline metrics it publishes or we reported, and their table. */
function cohortFigure(cohort: CohortView, metrics: readonly MetricInfo[], method: Method, chartId: string): string {
  const info = new Map(metrics.map((m) => [m.id, m]));
  const shown = cohort.metrics.filter(
    (m) => (HEADLINE_METRICS as readonly string[]).includes(m.metric) && (ours(m) !== undefined || m.median.status === 'published'),
  );
  const notes = cohort.notes.map((n) => `<p class="caveat">${escapeHtml(n)}</p>`).join('');
  if (shown.length === 0) return `<p>Nothing is published for ${escapeHtml(cohort.label)}.</p>${notes}`;
  const label = (m: CohortMetric) => {
    const i = info.get(m.metric);
    return i === undefined ? m.metric : `${i.label}, ${i.unit}`;
  };
  const rows = shown.map((m): PositionRow => {
    const own = ours(m);
    const rank = percentile(m);
    const valueText =
      own === undefined
        ? `median ${publishedText(m.median, method)}`
        : `you ${groupThousands(own)}${rank?.status === 'published' ? ` · ${ordinal(rank.value)} percentile` : ''}`;
    const quartiles = { lowerQuartile: valueOf(m.lowerQuartile), median: valueOf(m.median), upperQuartile: valueOf(m.upperQuartile) };
    return {
      label: label(m),
      valueText,
      ...Object.fromEntries(Object.entries(quartiles).filter(([, v]) => v !== undefined)),
      ...(own === undefined ? {} : { ours: new Decimal(own) }),
    };
  });
  const isCouncil = shown.some((m) => 'ours' in m || 'percentile' in m);
  const chart = positionChart({
    id: chartId,
    title: `Where the council stands among ${cohort.label}`,
    summary: 'For each measure, the middle half of the cohort (lower to upper quartile), its median and the council’s own figure.',
    rows,
  });
  return notes + figure(chart, {
    caption: `${cohort.label}: published figures`,
    header: [...['Measure'], ...(isCouncil ? ['Yours'] : []), 'Lower quartile', 'Median', 'Upper quartile', 'Councils', ...(isCouncil ? ['Percentile'] : [])],
    rows: shown.map((m) => [
      label(m),
      ...(isCouncil ? [ours(m) === undefined ? 'not reported' : groupThousands(ours(m)!)] : []),
      publishedText(m.lowerQuartile, method),
      publishedText(m.median, method),
      publishedText(m.upperQuartile, method),
      publishedText(m.count, method),
      ...(isCouncil ? [publishedText(percentile(m), method)] : []),
    ]),
    numeric: isCouncil ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4],
  });
}

function methodNotes(report: CouncilReport | SharedReport): string {
  const { method } = report;
  return (
    (report.synthetic ? '<p class="caveat"><strong>Synthetic data:</strong> these benchmark figures come from invented councils, for illustration only.</p>' : '') +
    [`Rounding: ${method.rounding}.`, `Quartiles: ${method.quantiles}.`, `Percentile: ${method.percentile}.`, ...report.notes].map((n) => `<p class="method">${escapeHtml(n)}</p>`).join('')
  );
}

const BENCHMARK_LEAD =
  'How the council compares with similar councils. Figures are anonymised: a cohort’s figures are published only when enough councils contribute and none dominates. A percentile of 25 means a quarter of the cohort emit less.';

/** "Where we stand": the council's latest year, against each cohort it belongs to. */
export function benchmarkSection(report: CouncilReport): string {
  const year = report.years.at(-1);
  if (year === undefined) return '';
  const cohorts = year.cohorts.map((c, i) => `<h3>${escapeHtml(c.label)}</h3>${cohortFigure(c, report.metrics, report.method, `chart-benchmark-${i + 1}`)}`).join('');
  return section('benchmark', `How the council compares, ${year.reportingYear}`, `<p>Compared on ${escapeHtml(year.factorSetId)} factors with ${countText(year.councils, report.method)} councils.</p>${cohorts}${methodNotes(report)}`, BENCHMARK_LEAD);
}

/** The shared, anonymised report: every cohort of every year, no council named. */
export function sharedBenchmarkSections(report: SharedReport): string[] {
  return report.baseGroups.map((g, gi) =>
    section(
      `benchmark-${gi + 1}`,
      `${g.reportingYear}: ${countText(g.councils, report.method)} councils on ${g.factorSetId} factors`,
      g.cohorts.map((c, ci) => `<h3>${escapeHtml(c.label)}</h3>${cohortFigure(c, report.metrics, report.method, `chart-benchmark-${gi + 1}-${ci + 1}`)}`).join('') +
        (gi === report.baseGroups.length - 1 ? methodNotes(report) : ''),
      gi === 0 ? BENCHMARK_LEAD : undefined,
    ),
  );
}
