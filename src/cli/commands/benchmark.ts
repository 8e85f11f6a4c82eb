import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  applyLedger,
  auditView,
  benchmark,
  EMPTY_LEDGER,
  LedgerSchema,
  recordRelease,
  councilView,
  DisclosurePolicySchema,
  intakeHolds,
  loadRegister,
  parseIntake,
  readSubmissionsDir,
  sharedView,
  type DisclosurePolicyInput,
  type Ledger,
  type SubmissionProblem,
} from '../../benchmark/index.js';
import { formatProblem } from '../../problem.js';
// The renderers' own modules, not the report barrel: it would load exceljs (about 0.3 s) for nothing.
import { renderBenchmarkHtml } from '../../report/html/benchmark-page.js';
import { renderBenchmarkText } from '../../report/benchmark-text.js';
import { EXIT, UsageError, type Command } from '../io.js';

const HELP = `council-ghg benchmark DIR [options]

Reads every .json submission in DIR, checks each council against the bundled ONS register of local
authorities for its year (a batch of synthetic councils only is not checked), lists each file that cannot
be used with the reason, and prints the anonymised benchmark of the rest: per cohort (all councils, council
type, region; within each reporting year and factor set) the number of councils, quartiles and, for the
total, the cohort total, under disclosure control.

  --intake FILE              the operator's intake list (CSV: file, ons_code, reporting_year, received_from,
                             received_at): a file not on it, a listed file missing, or two files for one
                             council and year hold the release (nothing is printed but the reasons)
  --ledger FILE              the release ledger: this run is checked against every release recorded in FILE
                             (a cohort with the same councils shows what it showed before; a figure whose
                             councils differ from before by fewer than the threshold is withheld), then
                             recorded in it (FILE is created if missing)
  --audit FILE               for the organiser only: write every figure with the reason it was withheld, and
                             every file not used with its reasons, as JSON (the views show one marker, "–")
  --council CODE             also print the private "where we stand" view for this council (ONS code)
  --format text|json|html    output format (default text); html: the council's own view with --council,
                             else the shared view, as a page with charts
  --out FILE                 write the output to FILE instead of the screen
  --all-metrics              text: every scope, category and denominator, not just the headline metrics
  --common-factor-set ID     recalculate councils on this factor set where they sent activity data
  --min-councils N           threshold rule: councils needed for a figure (default 5, at least 3)
  --significant-figures N    rounding of published figures (default 3)
  --p-percent P              p% dominance rule on totals and quartile windows (default 10; 0 turns it off)

Exit status: 0 every file used, 1 some files not used (listed on stderr), 2 unusable input or options, or
the release held by the intake check.`;

export const benchmarkCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      council: { type: 'string' },
      intake: { type: 'string' },
      audit: { type: 'string' },
      ledger: { type: 'string' },
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      'all-metrics': { type: 'boolean', default: false },
      'common-factor-set': { type: 'string' },
      'min-councils': { type: 'string' },
      'significant-figures': { type: 'string' },
      'p-percent': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    io.out(HELP);
    return EXIT.ok;
  }
  const dir = positionals[0];
  if (dir === undefined) throw new UsageError('benchmark needs the DIR of submissions (see council-ghg benchmark --help)');
  if (values.format !== 'text' && values.format !== 'json' && values.format !== 'html') throw new UsageError(`--format must be text, json or html, not '${values.format}'`);

  if (!statSync(resolve(dir), { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${dir} is not a folder of submissions`);
  const register = loadRegister();
  const outcomes = readSubmissionsDir(resolve(dir), undefined, register);
  const rejected = outcomes.filter((o) => o.status === 'rejected');
  for (const o of rejected) for (const p of o.problems) io.err(formatProblem(p));
  const submissions = outcomes.flatMap((o) => (o.status === 'accepted' ? [o.submission] : []));
  io.err(`${outcomes.length} file(s) read: ${submissions.length} used, ${rejected.length} not used.`);
  if (values.intake !== undefined) {
    const holds = intakeCheck(values.intake, outcomes);
    if (holds.length > 0) {
      for (const p of holds) io.err(formatProblem(p));
      io.err(`Release held: ${holds.length} problem(s) with the intake. Nothing is published until the folder and the intake list agree.`);
      return EXIT.unusable;
    }
  }
  if (submissions.length === 0) {
    io.err('No usable submissions: nothing to benchmark.');
    return EXIT.unusable;
  }
  const ledger = values.ledger === undefined ? undefined : readLedger(values.ledger);
  const fresh = benchmark(submissions, policyFrom(values), { register, ...(values['common-factor-set'] !== undefined ? { commonFactorSet: values['common-factor-set'] } : {}) });
  const result = ledger === undefined ? fresh : applyLedger(fresh, ledger);
  const shared = sharedView(result);
  if (values.audit !== undefined) {
    writeFileSync(resolve(values.audit), JSON.stringify(auditView(result), null, 2) + '\n');
    io.err(`Wrote the audit to ${values.audit} (for the organiser only: the reasons point at the councils they protect).`);
  }
  const council = values.council === undefined ? undefined : councilView(result, values.council);
  if (values.council !== undefined && council === undefined) throw new UsageError(`no usable submission from council ${values.council} in ${dir}`);

  const allMetrics = values['all-metrics'];
  const text =
    values.format === 'json'
      ? JSON.stringify(council === undefined ? shared : { shared, council }, null, 2)
      : values.format === 'html'
        ? renderBenchmarkHtml(council ?? shared)
        : [renderBenchmarkText(shared, { allMetrics }), ...(council === undefined ? [] : [renderBenchmarkText(council, { allMetrics })])].join('\n\n');
  if (values.out === undefined) io.out(text);
  else {
    writeFileSync(resolve(values.out), text + '\n');
    io.err(`Wrote ${values.out}.`);
  }
  if (values.ledger !== undefined && ledger !== undefined) {
    writeFileSync(resolve(values.ledger), JSON.stringify(recordRelease(result, ledger, new Date().toISOString())) + '\n');
    io.err(`Recorded this release in the ledger ${values.ledger}.`);
  }
  return rejected.length > 0 ? EXIT.problems : EXIT.ok;
};

function readLedger(path: string): Ledger {
  if (!existsSync(resolve(path))) return EMPTY_LEDGER;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(resolve(path), 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the ledger ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const checked = LedgerSchema.safeParse(json);
  if (!checked.success) throw new UsageError(`${path} is not a benchmark ledger: ${checked.error.issues[0]?.message ?? ''}`);
  return checked.data;
}

function intakeCheck(path: string, outcomes: Parameters<typeof intakeHolds>[0]): SubmissionProblem[] {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the intake list ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const intake = parseIntake(text, path);
  return intake.ok ? intakeHolds(outcomes, intake.entries, path) : [...intake.problems];
}

function policyFrom(values: { 'min-councils'?: string | undefined; 'significant-figures'?: string | undefined; 'p-percent'?: string | undefined }): DisclosurePolicyInput {
  const int = (name: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    if (!/^\d+$/.test(text)) throw new UsageError(`--${name} must be a whole number, not '${text}'`);
    return Number(text);
  };
  const minCouncils = int('min-councils', values['min-councils']);
  const significantFigures = int('significant-figures', values['significant-figures']);
  const pPercent = int('p-percent', values['p-percent']);
  const policy: DisclosurePolicyInput = {
    ...(minCouncils !== undefined ? { minCouncils } : {}),
    ...(significantFigures !== undefined ? { significantFigures } : {}),
    ...(pPercent !== undefined ? { pPercent } : {}),
  };
  const checked = DisclosurePolicySchema.safeParse(policy);
  if (!checked.success) throw new UsageError(`invalid disclosure policy: ${checked.error.issues.map((e) => `${e.path.join('.')}: ${e.message}`).join('; ')}`);
  return policy;
}
