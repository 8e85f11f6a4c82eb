// From the modules themselves, not the benchmark's index: the index brings the register reader (node:fs, node:url),
// which the browser page, rendering a benchmark section, must not bundle.
import { HEADLINE_METRICS } from '../benchmark/metrics.js';
import { POSITION_LABELS, type CouncilReport, type Histogram, type MetricInfo, type Position, type Published, type SharedReport } from '../benchmark/views.js';
import { formatTextTable } from './text-table.js';
import { WITHHELD_MARK } from './withheld-marks.js';

/**
 * A benchmark view for the terminal: the shared anonymised report (every cohort's count, quartiles and total) or a
 * council's own "where we stand" report. Withheld figures show one marker, "–", whatever the reason.
 */
export function renderBenchmarkText(report: SharedReport | CouncilReport, options: { readonly allMetrics?: boolean } = {}): string {
  const all = options.allMetrics ?? false;
  return report.format === 'council-ghg/benchmark-council-report' ? renderCouncil(report, all) : renderShared(report, all);
}


function cell(p: Published | undefined): string {
  if (p === undefined) return '';
  return p.status === 'published' ? p.value : WITHHELD_MARK;
}

/** A published histogram on one line: "under 5000: 7 · 5000 to 10000: 6 · 10000 and over: 5" (edges through `edge`). */
export function histogramText(h: Histogram, edge: (value: string) => string = (v) => v): string {
  if (h.status !== 'published') return WITHHELD_MARK;
  return h.bands
    .map((b) => `${b.from === undefined ? `under ${edge(b.to!)}` : b.to === undefined ? `${edge(b.from)} and over` : `${edge(b.from)} to ${edge(b.to)}`}: ${b.count}`)
    .join(' · ');
}

function positionCell(p: Position | undefined): string {
  if (p === undefined) return '';
  return p.status === 'published' ? POSITION_LABELS[p.value] : WITHHELD_MARK;
}

function metricRows(metrics: readonly MetricInfo[], all: boolean): Set<string> {
  return new Set(all ? metrics.map((m) => m.id) : HEADLINE_METRICS);
}

function metricName(info: MetricInfo): string {
  return info.basis === 'absolute' ? `${info.label}, tCO2e` : `${info.label}, ${info.unit.replace(/^tCO2e /, '')}`;
}

function legend(report: SharedReport | CouncilReport): string {
  const k = report.method.policy.minCouncils;
  return [
    `Withheld figures (${WITHHELD_MARK}): ${report.method.withheld}.`,
    `Thresholds: any figure needs ${k} councils, a median ${2 * k} and the lower and upper quartiles ${4 * k + 1}.`,
    `Quartiles: ${report.method.quantiles}.`,
    `Rounding: ${report.method.rounding}.`,
    `Bands: ${report.method.histograms}.`,
  ].join('\n');
}

/** Each cohort's like-for-like notes (incomplete inventories, differing boundaries), one line each. */
function cohortNotes(cohorts: readonly { readonly label: string; readonly notes: readonly string[] }[]): string[] {
  return cohorts.flatMap((c) => c.notes.map((n) => `${c.label}: ${n}`));
}

function header(report: SharedReport | CouncilReport, title: string): string[] {
  return [title, ...(report.synthetic ? ['SYNTHETIC DATA: fictional councils, for illustration only.'] : []), ...report.notes];
}

function renderShared(report: SharedReport, all: boolean): string {
  const show = metricRows(report.metrics, all);
  const info = new Map(report.metrics.map((m) => [m.id, m]));
  const parts = header(report, 'Benchmark of council greenhouse-gas baselines — shared, anonymised report');
  for (const g of report.baseGroups) {
    const restated = g.restated.status === 'published' && g.restated.value !== '0' ? `, ${g.restated.value} recalculated on this set` : '';
    parts.push(`\n${g.reportingYear}, factor set ${g.factorSetId}: ${cell(g.councils)} council(s)${restated}`);
    // A cohort with nothing published is one line under the table, not a block of dashes.
    const published = (c: (typeof g.cohorts)[number]) =>
      c.metrics.some((m) => show.has(m.metric) && [m.count, m.lowerQuartile, m.median, m.upperQuartile, m.total].some((p) => p?.status === 'published'));
    const rows = g.cohorts.filter(published).flatMap((c) =>
      c.metrics
        .filter((m) => show.has(m.metric))
        .map((m) => [c.label, metricName(info.get(m.metric)!), cell(m.count), cell(m.lowerQuartile), cell(m.median), cell(m.upperQuartile), cell(m.total)]),
    );
    if (rows.length > 0) parts.push(formatTextTable({ header: ['Cohort', 'Metric', 'Councils', 'Lower quartile', 'Median', 'Upper quartile', 'Cohort total'], rows, right: [2, 3, 4, 5, 6] }));
    const histograms = g.cohorts.flatMap((c) =>
      c.metrics.flatMap((m) => (show.has(m.metric) && m.histogram?.status === 'published' ? [`  ${c.label}, ${metricName(info.get(m.metric)!)}: ${histogramText(m.histogram)}`] : [])),
    );
    if (histograms.length > 0) parts.push('Councils per band, where the quartiles are withheld:', ...histograms);
    const empty = g.cohorts.filter((c) => !published(c));
    if (empty.length > 0) parts.push(`Nothing published for: ${empty.map((c) => c.label).join(', ')}.`);
    parts.push(...cohortNotes(g.cohorts));
  }
  parts.push('', legend(report));
  return parts.join('\n');
}

function renderCouncil(report: CouncilReport, all: boolean): string {
  const show = metricRows(report.metrics, all);
  const info = new Map(report.metrics.map((m) => [m.id, m]));
  const parts = header(report, `Where we stand — private report for ${report.council.name} (${report.council.onsCode})`);
  for (const y of report.years) {
    parts.push(`\n${y.reportingYear}, factor set ${y.factorSetId}${y.restatedFrom !== undefined ? ` (recalculated from ${y.restatedFrom})` : ''}`);
    const rows = y.cohorts.flatMap((c) =>
      c.metrics
        .filter((m) => show.has(m.metric))
        .map((m) => [c.label, metricName(info.get(m.metric)!), m.ours ?? 'not reported', cell(m.count), cell(m.lowerQuartile), cell(m.median), cell(m.upperQuartile), positionCell(m.position)]),
    );
    parts.push(formatTextTable({ header: ['Cohort', 'Metric', 'Ours', 'Councils', 'Lower quartile', 'Median', 'Upper quartile', 'Our position'], rows, right: [2, 3, 4, 5, 6] }));
    parts.push(...cohortNotes(y.cohorts));
  }
  parts.push('', `Position: ${report.method.position}.`, legend(report));
  return parts.join('\n');
}

