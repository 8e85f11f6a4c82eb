import { z } from 'zod';
import type { BaseGroupResult, BenchmarkResult, CohortResult } from './aggregate.js';
import { baseGroupId } from './cohorts.js';
import { contributors, STATISTICS, type Statistic } from './contributors.js';
import { HistogramEntrySchema, ledgerHistograms, recordHistograms, withholdPlacedSums } from './histogram-ledger.js';
import { TOTAL_METRIC, type MetricId } from './metrics.js';
import { poolFigureWithheld, pooledCohorts } from './pools.js';
import { AuditedSchema, type Audited, type AuditedCohortMetric } from './views.js';

/**
 * The release ledger: what each published release showed, per cohort, so that the next release cannot be
 * differenced against it. Suppression protects one release; two releases that differ by one late council give
 * that council's figure away (totals move by exactly it, a quartile window that loses it solves for it), and a
 * council re-running with its own figure changed can watch the quartiles move. So, against every earlier release:
 * - a cohort with exactly the same councils shows exactly what it showed before (re-runs learn nothing new,
 *   whatever figures changed);
 * - otherwise a figure whose contributors (the councils counted or summed, or a quartile's window) differ from
 *   those of the same figure before by fewer than k councils is withheld, as their difference would rest on
 *   fewer than k councils;
 * - histogram bands are counts of sets of councils, checked with every earlier release's bands and sums together
 *   (see histogram-ledger.ts).
 */
const CellSchema = z.strictObject({ figure: AuditedSchema, contributors: z.array(z.string()) });
const CohortEntrySchema = z.strictObject({
  members: z.array(z.string()),
  /** Per metric id, per statistic. */
  cells: z.record(z.string(), z.record(z.string(), CellSchema)),
  /** Per headline metric with a histogram: the figure and the councils in each band (absent in ledgers from before histograms). */
  histograms: z.record(z.string(), HistogramEntrySchema).optional(),
});
/** Checks a release ledger read from its JSON file (format council-ghg/benchmark-ledger, version 1). */
export const LedgerSchema = z.strictObject({
  format: z.literal('council-ghg/benchmark-ledger'),
  version: z.literal(1),
  releases: z.array(z.strictObject({ releasedAt: z.string(), cohorts: z.record(z.string(), CohortEntrySchema) })),
});
/**
 * The release ledger: per earlier release and cohort, its councils and each figure with the councils behind it,
 * so that a new release cannot be differenced against an earlier one. It names councils: the organiser keeps it.
 * @example
 * const ledger = existsSync('ledger.json') ? LedgerSchema.parse(JSON.parse(readFileSync('ledger.json', 'utf8'))) : EMPTY_LEDGER;
 * const result = applyLedger(benchmark(submissions), ledger);
 * writeFileSync('benchmark.json', JSON.stringify(sharedView(result)));
 * writeFileSync('ledger.json', JSON.stringify(recordRelease(result, ledger, new Date().toISOString())));
 */
export type Ledger = z.infer<typeof LedgerSchema>;
type CohortEntry = z.infer<typeof CohortEntrySchema>;

/** A ledger with no release yet: the first release starts from it, and `recordRelease` adds each one published. */
export const EMPTY_LEDGER: Ledger = { format: 'council-ghg/benchmark-ledger', version: 1, releases: [] };

function symmetricDifference(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  return a.filter((x) => !sb.has(x)).length + b.filter((x) => !sa.has(x)).length;
}

const sameMembers = (a: readonly string[], b: readonly string[]) => a.length === b.length && symmetricDifference(a, b) === 0;
const cohortMembers = (g: BaseGroupResult, c: CohortResult) => c.members.map((i) => g.members[i]!.submission.profile.onsCode).sort();

/** The latest earlier release of a cohort with exactly these councils. */
const sameCohort = (before: readonly CohortEntry[], members: readonly string[]) => [...before].reverse().find((e) => sameMembers(e.members, members));

/** The result as this release may publish it, given every earlier release in the ledger. */
export function applyLedger(result: BenchmarkResult, ledger: Ledger): BenchmarkResult {
  if (ledger.releases.length === 0) return result;
  const k = result.policy.minCouncils;
  const earlier = (id: string): CohortEntry[] => ledger.releases.flatMap((r) => (r.cohorts[id] === undefined ? [] : [r.cohorts[id]]));
  const baseGroups = result.baseGroups.map((g): BaseGroupResult => {
    const cohorts = g.cohorts.map((c): CohortResult => {
      const before = earlier(c.id);
      const members = cohortMembers(g, c);
      const same = sameCohort(before, members);
      const metrics = new Map([...c.metrics].map(([metric, f]): [MetricId, AuditedCohortMetric] => {
        if (same !== undefined) return [metric, replay(f, same.cells[metric])];
        const now = contributors(g, c, metric, k);
        const decide = (s: Statistic, figure: Audited): Audited => {
          if (figure.status !== 'published') return figure;
          const clash = before.some((e) => {
            const then = e.cells[metric]?.[s];
            if (then === undefined || then.figure.status !== 'published') return false;
            const d = symmetricDifference(then.contributors, now[s]);
            return d > 0 && d < k;
          });
          return clash ? { status: 'suppressed', reason: 'earlier-release' } : figure;
        };
        return [
          metric,
          {
            metric: f.metric,
            count: decide('count', f.count),
            lowerQuartile: decide('lowerQuartile', f.lowerQuartile),
            median: decide('median', f.median),
            upperQuartile: decide('upperQuartile', f.upperQuartile),
            ...(f.total !== undefined ? { total: decide('total', f.total) } : {}),
          },
        ];
      }));
      return { ...c, metrics };
    });
    const prefix = `${baseGroupId(g.reportingYear, g.factorSetId)} `;
    const earlierInGroup = ledger.releases.map((r) => Object.entries(r.cohorts).flatMap(([id, e]) => (id.startsWith(prefix) ? [e] : [])));
    const same = g.cohorts.map((c) => sameCohort(earlier(c.id), cohortMembers(g, c)));
    const before = g.cohorts.map((c) => earlier(c.id));
    const checked = withholdAroundLedger(withholdPlacedSums(g, cohorts, earlierInGroup, same, before, result.policy));
    const guarded = ledgerHistograms(g, checked, earlierInGroup, same, before, result.policy);
    // The base group's number of councils is the all-councils count (one set of councils, one figure).
    return { ...g, cohorts: guarded, councils: guarded[0]!.metrics.get(TOTAL_METRIC)!.count };
  });
  return { ...result, baseGroups };
}

/** The figures that add up across cohorts: a partition's counts (and totals) sum to the all-councils one. */
const ADDITIVE = ['count', 'total'] as const;

/**
 * The ledger withholds figures after the release's own secondary suppression, so a figure it withholds could be
 * worked out again from the same release: all councils' total minus the published totals of the other council
 * types is the withheld type's, which differenced with the earlier release gives the late council. So where the
 * ledger withholds a type's or region's count or total, the all-councils figure is withheld too; and where that
 * figure is withheld, no partition (types, regions) may show all its cohorts, or their sum would give it back.
 * Cohorts holding the same councils (London boroughs and London) show the same figure or neither, and a pool shows
 * its figure only where all its types show theirs, or as a cohort of the same councils (pools.ts).
 */
function withholdAroundLedger(cohorts: readonly CohortResult[]): CohortResult[] {
  const figures = cohorts.map((c) => new Map([...c.metrics].map(([id, f]) => [id, { ...f }])));
  const withhold = (c: number, metric: MetricId, s: (typeof ADDITIVE)[number]) => {
    const f = figures[c]!.get(metric)!;
    f[s] = { status: 'suppressed', reason: 'secondary' };
  };
  const partitions = (['council-type', 'region'] as const).map((kind) => cohorts.flatMap((c, i) => (c.group.kind === kind ? [i] : [])));
  const pools = pooledCohorts(cohorts.map((c) => c.group));
  const memberKeys = cohorts.map((c) => c.members.join(','));
  const sameMembers = memberKeys.map((key) => memberKeys.flatMap((other, o) => (other === key ? [o] : [])));
  for (const metric of figures[0]!.keys()) {
    for (const s of ADDITIVE) {
      const status = (c: number) => figures[c]!.get(metric)![s];
      if (status(0) === undefined) continue;
      const ledgerWithheld = cohorts.some((_, c) => {
        const f = status(c);
        return c > 0 && f?.status === 'suppressed' && f.reason === 'earlier-release';
      });
      if (ledgerWithheld && status(0)!.status === 'published') withhold(0, metric, s);
      for (let changed = true; changed; ) {
        changed = false;
        if (status(0)!.status === 'suppressed') {
          for (const partition of partitions) {
            const open = partition.filter((c) => status(c)?.status === 'published');
            if (open.length === 0 || open.length < partition.length) continue;
            // The cohort with fewest councils, as the release's own secondary suppression chooses.
            const smallest = open.reduce((a, b) => (cohorts[b]!.members.length < cohorts[a]!.members.length ? b : a));
            withhold(smallest, metric, s);
            changed = true;
          }
        }
        for (let c = 0; c < cohorts.length; c++) {
          if (status(c)?.status !== 'published') continue;
          if (memberKeys.some((key, other) => other !== c && key === memberKeys[c] && status(other)?.status === 'suppressed')) {
            withhold(c, metric, s);
            changed = true;
          }
        }
        for (const { cohort: c } of pools) {
          if (status(c)?.status !== 'published') continue;
          const withheld = (o: number) => (status(o) === undefined ? undefined : status(o)!.status !== 'published');
          if (!poolFigureWithheld(pools, c, withheld, sameMembers[c]!)) continue;
          withhold(c, metric, s);
          changed = true;
        }
      }
    }
  }
  return cohorts.map((c, i) => ({ ...c, metrics: figures[i]! }));
}

/** A cohort whose councils are unchanged shows what it showed before, cell by cell. */
function replay(f: AuditedCohortMetric, before: Record<string, z.infer<typeof CellSchema>> | undefined): AuditedCohortMetric {
  const then = (s: Statistic, now: Audited): Audited => before?.[s]?.figure ?? now;
  return {
    metric: f.metric,
    count: then('count', f.count),
    lowerQuartile: then('lowerQuartile', f.lowerQuartile),
    median: then('median', f.median),
    upperQuartile: then('upperQuartile', f.upperQuartile),
    ...(f.total !== undefined ? { total: then('total', f.total) } : {}),
  };
}

/** The ledger with this release added: per cohort, its councils and every figure with its contributors. */
export function recordRelease(result: BenchmarkResult, ledger: Ledger, releasedAt: string): Ledger {
  const k = result.policy.minCouncils;
  const cohorts: Record<string, CohortEntry> = {};
  for (const g of result.baseGroups) {
    for (const c of g.cohorts) {
      const cells: CohortEntry['cells'] = {};
      c.metrics.forEach((f, metric) => {
        const who = contributors(g, c, metric, k);
        const row: Record<string, z.infer<typeof CellSchema>> = {};
        for (const s of STATISTICS) {
          const figure = f[s];
          if (figure !== undefined) row[s] = { figure, contributors: figure.status === 'published' ? who[s] : [] };
        }
        cells[f.metric] = row;
      });
      const members = cohortMembers(g, c);
      const histograms = recordHistograms(g, c, sameCohort(ledger.releases.flatMap((r) => r.cohorts[c.id] ?? []), members));
      cohorts[c.id] = { members, cells, ...(Object.keys(histograms).length > 0 ? { histograms } : {}) };
    }
  }
  return { ...ledger, releases: [...ledger.releases, { releasedAt, cohorts }] };
}
