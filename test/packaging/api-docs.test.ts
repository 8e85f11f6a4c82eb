import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The API reference (npm run docs:api, TypeDoc into docs/api/, not committed) builds from the TSDoc of every entry
 * point's exports: nothing exported without documentation, no broken {@link}. Checked here, so CI fails on an
 * export added without its TSDoc.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const TYPEDOC = join(ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc');

/**
 * Exports that still lack TSDoc, all in modules being reworked as this check arrived (the benchmark, the ledger
 * importer, the year-on-year comparison). The list only shrinks: document one and take it off; an export missing
 * from it and undocumented fails the check.
 */
const STILL_UNDOCUMENTED = new Set([
  // src/benchmark/
  'AuditReport', 'Audited', 'AuditedCohortMetric', 'AuditedCohortMetricSchema', 'BENCHMARK_MEASURES', 'Basis', 'BenchmarkOptions', 'Candidate',
  'CohortMetric', 'CohortMetricSchema', 'CohortResult', 'CouncilMetric', 'CouncilMetricSchema', 'CouncilReport', 'CouncilReportSchema',
  'DEFAULT_POLICY', 'DenominatorsInput', 'DifferentialPrivacy', 'DisclosurePolicy', 'DisclosurePolicyInput', 'DominanceRule', 'EMPTY_LEDGER',
  'Intake', 'IntakeEntry', 'Ledger', 'LedgerSchema', 'Method', 'MethodSchema', 'Metric', 'MetricId', 'MetricInfo', 'MetricInfoSchema',
  'POSITION_LABELS', 'Position', 'PositionBand', 'PositionSchema', 'Published', 'QUANTILE_METHOD', 'RegisterEntry', 'SUPPRESSION_EXPLANATIONS',
  'SharedCohort', 'SharedReport', 'SharedReportSchema', 'SubmissionOptions', 'SuppressionReason', 'WITHHELD_METHOD', 'groupLabel',
  // src/import/ledger*.ts, src/import/workbook.ts
  'LedgerAccount', 'LedgerAggregator.result', 'LedgerOptions', 'LedgerResult', 'SpendMappingEntry', 'WorkbookImportOptions',
  // src/inventory/compare.ts
  'COMPARISON_METHOD', 'ComparedYear', 'InventoryComparison',
]);

const UNDOCUMENTED = /^\[warning\] (\S+) \([^)]*\), defined in .*, does not have any documentation$/;

describe('the API reference', () => {
  it('builds from the TSDoc with every exported symbol documented and no other warning', () => {
    const output = execFileSync(process.execPath, [TYPEDOC, '--emit', 'none'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
    const warnings = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n').filter((l) => l.startsWith('[warning]') && !/^\[warning\] Found \d+ errors? and \d+ warnings?$/.test(l));
    // "council-ghg/core.FactorSet.all" → "FactorSet.all": the symbol, whichever entry point reached it.
    const undocumented = warnings.flatMap((l) => UNDOCUMENTED.exec(l)?.[1]?.replace(/^[a-z/-]+\./, '') ?? []);
    expect(warnings.filter((l) => !UNDOCUMENTED.test(l))).toEqual([]);
    expect([...new Set(undocumented)].filter((name) => !STILL_UNDOCUMENTED.has(name))).toEqual([]);
  }, 300_000);
});
