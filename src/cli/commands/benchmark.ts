import { statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  benchmark,
  councilView,
  DisclosurePolicySchema,
  HEADLINE_METRICS,
  readSubmissionsDir,
  sharedView,
  SUPPRESSION_REASONS,
  type CouncilReport,
  type DisclosurePolicyInput,
  type MetricInfo,
  type Published,
  type SharedReport,
  type SuppressionReason,
} from '../../benchmark/index.js';
import { formatProblem } from '../../problem.js';
import { EXIT, UsageError, textTable, type Command } from '../io.js';

const HELP = `council-ghg benchmark DIR [options]

Reads every .json submission in DIR, lists each file that cannot be used with the reason, and prints the
anonymised benchmark of the rest: per cohort (all councils, council type, region; within each reporting year
and factor set) the number of councils, quartiles and, for the total, the cohort total, under disclosure control.

  --council CODE             also print the private "where we stand" view for this council (ONS code)
  --format text|json         output format (default text)
  --out FILE                 write the output to FILE instead of the screen
  --all-metrics              text: every scope, category and denominator, not just the headline metrics
  --common-factor-set ID     recalculate councils on this factor set where they sent activity data
  --min-councils N           threshold rule: councils needed for a figure (default 5, at least 3)
  --significant-figures N    rounding of published figures (default 3)
  --dp-epsilon E             differential privacy: add Laplace noise to counts and totals (epsilon E per figure)
  --dp-seed S                seed of the noise (default 0), so a run can be reproduced

Exit status: 0 every file used, 1 some files not used (listed on stderr), 2 unusable input or options.`;

const REASON_MARK: Record<SuppressionReason, string> = { 'below-threshold': 'T', dominance: 'D', secondary: 'S', 'equals-council-value': 'E' };

export const benchmarkCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      council: { type: 'string' },
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      'all-metrics': { type: 'boolean', default: false },
      'common-factor-set': { type: 'string' },
      'min-councils': { type: 'string' },
      'significant-figures': { type: 'string' },
      'dp-epsilon': { type: 'string' },
      'dp-seed': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    io.out(HELP);
    return EXIT.ok;
  }
  const dir = positionals[0];
  if (dir === undefined) throw new UsageError('benchmark needs the DIR of submissions (see council-ghg benchmark --help)');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not '${values.format}'`);

  if (!statSync(resolve(dir), { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${dir} is not a folder of submissions`);
  const outcomes = readSubmissionsDir(resolve(dir));
  const rejected = outcomes.filter((o) => o.status === 'rejected');
  for (const o of rejected) for (const p of o.problems) io.err(formatProblem(p));
  const submissions = outcomes.flatMap((o) => (o.status === 'accepted' ? [o.submission] : []));
  io.err(`${outcomes.length} file(s) read: ${submissions.length} used, ${rejected.length} not used.`);
  if (submissions.length === 0) {
    io.err('No usable submissions: nothing to benchmark.');
    return EXIT.unusable;
  }
  const result = benchmark(submissions, policyFrom(values), values['common-factor-set'] !== undefined ? { commonFactorSet: values['common-factor-set'] } : {});
  const shared = sharedView(result);
  const council = values.council === undefined ? undefined : councilView(result, values.council);
  if (values.council !== undefined && council === undefined) throw new UsageError(`no usable submission from council ${values.council} in ${dir}`);

  const text =
    values.format === 'json'
      ? JSON.stringify(council === undefined ? shared : { shared, council }, null, 2)
      : [renderShared(shared, values['all-metrics']), ...(council === undefined ? [] : [renderCouncil(council, values['all-metrics'])])].join('\n\n');
  if (values.out === undefined) io.out(text);
  else {
    writeFileSync(resolve(values.out), text + '\n');
    io.err(`Wrote ${values.out}.`);
  }
  return rejected.length > 0 ? EXIT.problems : EXIT.ok;
};

function policyFrom(values: { 'min-councils'?: string | undefined; 'significant-figures'?: string | undefined; 'dp-epsilon'?: string | undefined; 'dp-seed'?: string | undefined }): DisclosurePolicyInput {
  const int = (name: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    if (!/^\d+$/.test(text)) throw new UsageError(`--${name} must be a whole number, not '${text}'`);
    return Number(text);
  };
  const minCouncils = int('min-councils', values['min-councils']);
  const significantFigures = int('significant-figures', values['significant-figures']);
  const seed = int('dp-seed', values['dp-seed']);
  const epsilonText = values['dp-epsilon'];
  if (epsilonText !== undefined && !/^\d*\.?\d+$/.test(epsilonText)) throw new UsageError(`--dp-epsilon must be a positive number, not '${epsilonText}'`);
  if (epsilonText === undefined && seed !== undefined) throw new UsageError('--dp-seed needs --dp-epsilon');
  const policy: DisclosurePolicyInput = {
    ...(minCouncils !== undefined ? { minCouncils } : {}),
    ...(significantFigures !== undefined ? { significantFigures } : {}),
    // A CLI option is configuration, so the one place a number is read as a float: epsilon is not an emission.
    ...(epsilonText !== undefined ? { differentialPrivacy: { epsilon: Number(epsilonText), seed: seed ?? 0 } } : {}),
  };
  const checked = DisclosurePolicySchema.safeParse(policy);
  if (!checked.success) throw new UsageError(`invalid disclosure policy: ${checked.error.issues.map((e) => `${e.path.join('.')}: ${e.message}`).join('; ')}`);
  return policy;
}

function cell(p: Published | undefined): string {
  if (p === undefined) return '';
  return p.status === 'published' ? p.value : `– ${REASON_MARK[p.reason]}`;
}

function metricRows(metrics: readonly MetricInfo[], all: boolean): Set<string> {
  return new Set(all ? metrics.map((m) => m.id) : HEADLINE_METRICS);
}

function metricName(info: MetricInfo): string {
  return info.basis === 'absolute' ? `${info.label}, tCO2e` : `${info.label}, ${info.unit.replace(/^tCO2e /, '')}`;
}

function legend(report: SharedReport | CouncilReport): string {
  const marks = SUPPRESSION_REASONS.map((r) => `${REASON_MARK[r]} ${report.method.reasons[r]}`).join('\n  ');
  return [
    `Withheld figures (–):\n  ${marks}`,
    `Quartiles: ${report.method.quantiles}.`,
    `Rounding: ${report.method.rounding}.`,
    ...(report.method.differentialPrivacy !== undefined ? [`Differential privacy: ${report.method.differentialPrivacy}`] : []),
  ].join('\n');
}

function header(report: SharedReport | CouncilReport, title: string): string[] {
  return [title, ...(report.synthetic ? ['SYNTHETIC DATA: fictional councils, for illustration only.'] : []), ...report.notes];
}

export function renderShared(report: SharedReport, all: boolean): string {
  const show = metricRows(report.metrics, all);
  const info = new Map(report.metrics.map((m) => [m.id, m]));
  const parts = header(report, 'Benchmark of council greenhouse-gas baselines — shared, anonymised report');
  for (const g of report.baseGroups) {
    parts.push(`\n${g.reportingYear}, factor set ${g.factorSetId}: ${g.councils} council(s)${g.restated > 0 ? `, ${g.restated} recalculated on this set` : ''}`);
    const rows = g.cohorts.flatMap((c) =>
      c.metrics
        .filter((m) => show.has(m.metric))
        .map((m) => [c.label, metricName(info.get(m.metric)!), cell(m.count), cell(m.lowerQuartile), cell(m.median), cell(m.upperQuartile), cell(m.total)]),
    );
    parts.push(textTable(['Cohort', 'Metric', 'Councils', 'Lower quartile', 'Median', 'Upper quartile', 'Cohort total'], rows, [2, 3, 4, 5, 6]));
  }
  parts.push('', legend(report));
  return parts.join('\n');
}

export function renderCouncil(report: CouncilReport, all: boolean): string {
  const show = metricRows(report.metrics, all);
  const info = new Map(report.metrics.map((m) => [m.id, m]));
  const parts = header(report, `Where we stand — private report for ${report.council.name} (${report.council.onsCode})`);
  for (const y of report.years) {
    parts.push(`\n${y.reportingYear}, factor set ${y.factorSetId}${y.restatedFrom !== undefined ? ` (recalculated from ${y.restatedFrom})` : ''}`);
    const rows = y.cohorts.flatMap((c) =>
      c.metrics
        .filter((m) => show.has(m.metric))
        .map((m) => [c.label, metricName(info.get(m.metric)!), m.ours ?? 'not reported', cell(m.count), cell(m.lowerQuartile), cell(m.median), cell(m.upperQuartile), cell(m.percentile)]),
    );
    parts.push(textTable(['Cohort', 'Metric', 'Ours', 'Councils', 'Lower quartile', 'Median', 'Upper quartile', 'Our percentile'], rows, [2, 3, 4, 5, 6, 7]));
  }
  parts.push('', 'Percentile: 0 = lowest emissions in the cohort, 100 = highest.', legend(report));
  return parts.join('\n');
}

