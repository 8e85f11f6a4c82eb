import { HEADLINE_METRICS } from '../../benchmark/metrics.js';
import { POSITION_LABELS, type CohortMetric, type CouncilMetric, type CouncilReport, type MetricInfo, type Position, type Published, type SharedReport } from '../../benchmark/views.js';
import { Decimal } from '../../decimal.js';
import { histogramText } from '../benchmark-text.js';
import { groupThousands } from '../format.js';
import { WITHHELD_MARK } from '../withheld-marks.js';
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

/** A figure, or "withheld" (one word for every reason, explained once under the tables). */
function publishedText(p: Published | undefined): string {
  if (p === undefined) return WITHHELD_MARK;
  return p.status === 'published' ? groupThousands(p.value) : 'withheld';
}

/** A base group's number of councils in a sentence: the figure, or "a withheld number of". */
function countText(p: Published): string {
  return p.status === 'published' ? groupThousands(p.value) : 'a withheld number of';
}

/** The council's band of the cohort, or "withheld". */
function positionText(p: Position | undefined): string {
  if (p === undefined) return WITHHELD_MARK;
  return p.status === 'published' ? POSITION_LABELS[p.value] : 'withheld';
}

const ours = (m: CohortMetric | CouncilMetric) => ('ours' in m ? m.ours : undefined);
const position = (m: CohortMetric | CouncilMetric) => ('position' in m ? m.position : undefined);
const total = (m: CohortMetric | CouncilMetric) => ('total' in m ? m.total : undefined);
const isPublished = (p: Published | undefined) => p?.status === 'published';

/**
 * One cohort: a table of the headline metrics with anything to show (a published figure, or the council's own),
 * and a position chart of those with a published quartile or median: a chart of the council alone would place
 * it at the end of an empty scale, as if it were the highest.
 */
function cohortFigure(cohort: CohortView, metrics: readonly MetricInfo[], chartId: string, isCouncil: boolean): string {
  const info = new Map(metrics.map((m) => [m.id, m]));
  const headline = cohort.metrics.filter((m) => (HEADLINE_METRICS as readonly string[]).includes(m.metric));
  const shown = headline.filter(
    (m) => ours(m) !== undefined || [m.count, m.lowerQuartile, m.median, m.upperQuartile, total(m)].some(isPublished),
  );
  const notes = cohort.notes.map((n) => `<p class="caveat">${escapeHtml(n)}</p>`).join('');
  if (shown.length === 0) {
    const count = headline[0]?.count;
    return `<p>Nothing is published for ${escapeHtml(cohort.label)}${count?.status === 'suppressed' ? ': its number of councils is withheld' : ''}.</p>${notes}`;
  }
  const label = (m: CohortMetric | CouncilMetric) => {
    const i = info.get(m.metric);
    return i === undefined ? m.metric : `${i.label}, ${i.unit}`;
  };
  const charted = shown.filter((m) => [m.lowerQuartile, m.median, m.upperQuartile].some(isPublished));
  const rows = charted.map((m): PositionRow => {
    const own = ours(m);
    const band = position(m);
    const valueText =
      own === undefined
        ? `median ${publishedText(m.median)}`
        : `you ${groupThousands(own)}${band?.status === 'published' ? ` · ${POSITION_LABELS[band.value]}` : ''}`;
    const quartiles = { lowerQuartile: valueOf(m.lowerQuartile), median: valueOf(m.median), upperQuartile: valueOf(m.upperQuartile) };
    return {
      label: label(m),
      valueText,
      ...Object.fromEntries(Object.entries(quartiles).filter(([, v]) => v !== undefined)),
      ...(own === undefined ? {} : { ours: new Decimal(own) }),
    };
  });
  const chart =
    rows.length === 0
      ? ''
      : positionChart({
          id: chartId,
          title: isCouncil ? `Where the council stands among ${cohort.label}` : `How ${cohort.label} are spread`,
          summary: isCouncil
            ? 'For each measure, the middle half of the cohort (lower to upper quartile), its median and the council’s own figure.'
            : 'For each measure, the middle half of the cohort (lower to upper quartile) and its median.',
          rows,
        });
  const withTotal = !isCouncil && shown.some((m) => total(m) !== undefined);
  // Where the quartiles are withheld, the councils per band of the fixed grid (see the method notes).
  const withBands = shown.some((m) => m.histogram?.status === 'published');
  const bands = (m: CohortMetric | CouncilMetric) => (m.histogram?.status === 'published' ? histogramText(m.histogram, groupThousands) : '');
  const header = [
    'Measure',
    ...(isCouncil ? ['Yours'] : []),
    'Lower quartile',
    'Median',
    'Upper quartile',
    'Councils',
    ...(withTotal ? ['Cohort total'] : []),
    ...(isCouncil ? ['Position'] : []),
    ...(withBands ? ['Councils per band'] : []),
  ];
  return (
    notes +
    figure(chart, {
      caption: `${cohort.label}: published figures`,
      header,
      rows: shown.map((m) => [
        label(m),
        ...(isCouncil ? [ours(m) === undefined ? 'not reported' : groupThousands(ours(m)!)] : []),
        publishedText(m.lowerQuartile),
        publishedText(m.median),
        publishedText(m.upperQuartile),
        publishedText(m.count),
        ...(withTotal ? [publishedText(total(m))] : []),
        ...(isCouncil ? [positionText(position(m))] : []),
        ...(withBands ? [bands(m)] : []),
      ]),
      numeric: header.map((_, i) => i).slice(1, withBands ? -1 : undefined),
    })
  );
}

function methodNotes(report: CouncilReport | SharedReport): string {
  const { method } = report;
  return (
    (report.synthetic ? '<p class="caveat"><strong>Synthetic data:</strong> these benchmark figures come from invented councils, for illustration only.</p>' : '') +
    `<p class="method withheld-legend">Withheld: ${escapeHtml(method.withheld)}.</p>` +
    [
      `A median needs at least ${2 * method.policy.minCouncils} councils in the cohort and the quartiles ${4 * method.policy.minCouncils + 1}; any figure needs ${method.policy.minCouncils}.`,
      `Rounding: ${method.rounding}.`,
      `Quartiles: ${method.quantiles}.`,
      `Position: ${method.position}.`,
      `Bands: ${method.histograms}.`,
      ...report.notes,
    ]
      .map((n) => `<p class="method">${escapeHtml(n)}</p>`)
      .join('')
  );
}

const ANONYMISED = 'Figures are anonymised: a cohort’s figures are published only when enough councils contribute and none dominates.';
const COUNCIL_LEAD = `How the council compares with similar councils. ${ANONYMISED} “Lowest quarter” means the council’s figure is below the cohort’s published lower quartile.`;
const SHARED_LEAD = `How councils’ own emissions compare, by type of council and by region. ${ANONYMISED} No council is named.`;

/** "Where we stand": the council's latest year, against each cohort it belongs to. */
export function benchmarkSection(report: CouncilReport): string {
  const year = report.years.at(-1);
  if (year === undefined) return '';
  const cohorts = year.cohorts.map((c, i) => `<h3>${escapeHtml(c.label)}</h3>${cohortFigure(c, report.metrics, `chart-benchmark-${i + 1}`, true)}`).join('');
  return section('benchmark', `How the council compares, ${year.reportingYear}`, `<p>Compared on ${escapeHtml(year.factorSetId)} factors with ${countText(year.councils)} councils.</p>${cohorts}${methodNotes(report)}`, COUNCIL_LEAD);
}

/** The shared, anonymised report: every cohort of every year, no council named. */
export function sharedBenchmarkSections(report: SharedReport): string[] {
  return report.baseGroups.map((g, gi) =>
    section(
      `benchmark-${gi + 1}`,
      `${g.reportingYear}: ${countText(g.councils)} councils on ${g.factorSetId} factors`,
      g.cohorts.map((c, ci) => `<h3>${escapeHtml(c.label)}</h3>${cohortFigure(c, report.metrics, `chart-benchmark-${gi + 1}-${ci + 1}`, false)}`).join('') +
        (gi === report.baseGroups.length - 1 ? methodNotes(report) : ''),
      gi === 0 ? SHARED_LEAD : undefined,
    ),
  );
}
