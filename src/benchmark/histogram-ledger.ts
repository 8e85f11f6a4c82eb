import { z } from 'zod';
import type { BaseGroupResult, CohortResult } from './aggregate.js';
import { ascendingMembers, codeOf, contributors, memberValues } from './contributors.js';
import { compareDecimals } from './decimal-order.js';
import { wantsHistogram } from './figures.js';
import { gridBand } from './bands.js';
import { intersect, RankBounds, windowComplements, type PublishedWindow } from './derived-sums.js';
import { gridBounds, histogramFigures, openRanges, placesWithin, type Ranges } from './histograms.js';
import { HEADLINE_METRICS, HISTOGRAM_METRICS, TOTAL_METRIC, type MetricId } from './metrics.js';
import type { DisclosurePolicy } from './policy.js';
import { Decimal, ZERO } from '../decimal.js';
import { mayShowHistogram } from './pools.js';
import { SumAtoms } from './sum-atoms.js';
import { AuditedHistogramSchema, type AuditedCohortMetric, type AuditedHistogram } from './views.js';

/** A histogram as the ledger records it: the figure, and per band the councils counted in it. */
export const HistogramEntrySchema = z.strictObject({ figure: AuditedHistogramSchema, bands: z.array(z.array(z.string())) });
export type HistogramEntry = z.infer<typeof HistogramEntrySchema>;

/** What the histograms need of an earlier release's cohort: its councils and its histograms per metric. */
export interface EarlierCohort {
  readonly members: readonly string[];
  /** Per metric id and statistic, the figure and the councils behind it. */
  readonly cells: Readonly<Record<string, Readonly<Record<string, { readonly figure: { readonly status: string }; readonly contributors: readonly string[] }>>>>;
  readonly histograms?: Readonly<Record<string, HistogramEntry>> | undefined;
}

/** One headline metric of a base group as the histograms see it across releases. */
interface MetricAcrossReleases {
  /** Members with a value, ascending: position p is member order[p]. */
  readonly order: readonly number[];
  readonly values: readonly (Decimal | undefined)[];
  /** Each council's position: this release's contributors first, then councils only earlier bands hold. */
  readonly position: ReadonlyMap<string, number>;
  /** What every earlier band tells apart (see histogramFigures). */
  readonly counts: SumAtoms;
  /** What every earlier band tells of each contributor's figure, where the figure is still in the band. */
  readonly ranges: Ranges;
  /** Earlier releases' published sums (totals, quartile windows) whose councils are all still here. */
  readonly earlierSums: readonly (readonly number[])[];
}

function acrossReleases(g: BaseGroupResult, metric: MetricId, earlier: readonly (readonly EarlierCohort[])[], k: number): MetricAcrossReleases {
  const order = ascendingMembers(
    g,
    g.members.map((_, i) => i),
    metric,
  );
  const values = memberValues(g, metric);
  const position = new Map(order.map((member, pos) => [codeOf(g, member), pos]));
  const histograms = earlier.flatMap((release) => release.flatMap((e) => e.histograms?.[metric] ?? []));
  const bands = histograms.flatMap((h) => h.bands);
  for (const band of bands) for (const code of band) if (!position.has(code)) position.set(code, position.size);
  const counts = new SumAtoms(position.size, k);
  for (const band of bands) counts.add(band.map((code) => position.get(code)!));
  const ranges = openRanges(order.length);
  for (const h of histograms) {
    if (h.figure.status !== 'published') continue;
    h.figure.bands.forEach((band, b) => {
      const from = band.from === undefined ? undefined : new Decimal(band.from);
      const to = band.to === undefined ? undefined : new Decimal(band.to);
      for (const code of h.bands[b] ?? []) {
        const pos = position.get(code)!;
        const value = pos < order.length ? values[order[pos]!]! : undefined;
        if (value === undefined || (from !== undefined && compareDecimals(value, from) < 0) || (to !== undefined && compareDecimals(value, to) >= 0)) continue;
        if (from !== undefined) ranges.low[pos] = Math.max(ranges.low[pos]!, gridBand(from));
        if (to !== undefined) ranges.high[pos] = Math.min(ranges.high[pos]!, gridBand(to));
      }
    });
  }
  const earlierSums = earlier.flatMap((release) =>
    release.flatMap((e) =>
      Object.values(e.cells[metric] ?? {}).flatMap((cell) => {
        if (cell.figure.status !== 'published' || cell.contributors.length === 0) return [];
        const set = cell.contributors.map((code) => position.get(code));
        return set.every((pos) => pos !== undefined && pos < order.length) ? [set as number[]] : [];
      }),
    ),
  );
  return { order, values, position, counts, ranges, earlierSums };
}

const SUMS = ['lowerQuartile', 'median', 'upperQuartile', 'total'] as const;

/** The published sums of one metric in each cohort, as positions, by statistic. */
function publishedSums(g: BaseGroupResult, c: CohortResult, metric: MetricId, k: number, at: MetricAcrossReleases): [(typeof SUMS)[number], number[]][] {
  const f = c.metrics.get(metric)!;
  const who = contributors(g, c, metric, k);
  return SUMS.flatMap((s) => (f[s]?.status === 'published' ? [[s, who[s].map((code) => at.position.get(code)!)] as [(typeof SUMS)[number], number[]]] : []));
}

const exactAt = (at: MetricAcrossReleases) => (pos: number) => at.values[at.order[pos]!]!;
const approximationsOf = (at: MetricAcrossReleases) => Float64Array.from(at.order, (i) => at.values[i]!.toNumber());

const WINDOWS = ['lowerQuartile', 'median', 'upperQuartile'] as const;

/**
 * The sums this release's quartile windows give with the totals of the same cohort, this release's and earlier
 * releases' (councils all still here): each total minus each union of the windows inside it (see derived-sums.ts),
 * per cohort, and what every published window's mean tells of the ranks.
 */
function derivedSums(
  g: BaseGroupResult,
  cohorts: readonly CohortResult[],
  before: readonly (readonly EarlierCohort[])[],
  metric: MetricId,
  k: number,
  at: MetricAcrossReleases,
): { byCohort: number[][][]; ranks: RankBounds } {
  const ranks = new RankBounds(at.order.length);
  const byCohort = cohorts.map((c, i): number[][] => {
    if (metric !== TOTAL_METRIC) return [];
    const cohort = ascendingMembers(g, c.members, metric).map((m) => at.position.get(codeOf(g, m))!);
    const who = contributors(g, c, metric, k);
    const f = c.metrics.get(metric)!;
    const windows = WINDOWS.flatMap((s): PublishedWindow[] => {
      if (f[s].status !== 'published') return [];
      const positions = who[s].map((code) => at.position.get(code)!);
      const sum = positions.reduce((a, pos) => a.plus(at.values[at.order[pos]!]!), ZERO);
      return [{ positions, mean: sum.div(positions.length) }];
    });
    windows.forEach((w) => ranks.addWindow(cohort, w));
    const totals = [
      ...(f.total?.status === 'published' ? [cohort] : []),
      ...(before[i] ?? []).flatMap((e) => {
        const cell = e.cells[metric]?.['total'];
        if (cell?.figure.status !== 'published') return [];
        const set = cell.contributors.map((code) => at.position.get(code));
        return set.every((pos) => pos !== undefined && pos < at.order.length) ? [(set as number[]).sort((x, y) => x - y)] : [];
      }),
    ];
    return totals.flatMap((total) => {
      const inside = new Set(total);
      return windowComplements(
        total,
        windows.filter((w) => w.positions.every((pos) => inside.has(pos))),
      );
    });
  });
  return { byCohort, ranks };
}

/**
 * Earlier releases' bands with this release's totals and quartile windows can say more than either (see
 * placesWithin): a window whose members an earlier histogram has banded may place one of them within ±p%. Such a
 * total or window of a headline metric is withheld (`earlier-release`), except in a cohort shown as it was (`same`).
 * A total minus its windows (an earlier release's total too) is checked the same way, with what ranks tell; where
 * one places a council, the cohort's windows are withheld.
 */
export function withholdPlacedSums(
  g: BaseGroupResult,
  cohorts: readonly CohortResult[],
  earlier: readonly (readonly EarlierCohort[])[],
  same: readonly (EarlierCohort | undefined)[],
  before: readonly (readonly EarlierCohort[])[],
  policy: DisclosurePolicy,
): CohortResult[] {
  const k = policy.minCouncils;
  const metrics = cohorts.map((c) => new Map(c.metrics));
  // Every headline metric: a ledger from before histograms were kept to total emissions may band the others.
  for (const metric of HEADLINE_METRICS) {
    if (!cohorts[0]!.metrics.has(metric)) continue;
    const banded = earlier.some((release) => release.some((e) => e.histograms?.[metric] !== undefined));
    if (!banded && metric !== TOTAL_METRIC) continue;
    const at = acrossReleases(g, metric, earlier, k);
    const check = { exact: exactAt(at), approximations: approximationsOf(at), policy };
    const bands = gridBounds(at.ranges);
    const derived = derivedSums(g, cohorts, before, metric, k, at);
    const known = intersect(bands, derived.ranks);
    const withhold = (i: number, s: (typeof SUMS)[number]) =>
      metrics[i]!.set(metric, { ...metrics[i]!.get(metric)!, [s]: { status: 'suppressed', reason: 'earlier-release' } });
    cohorts.forEach((c, i) => {
      // A cohort shown as it was before shows sums already published.
      if (same[i] !== undefined) return;
      if (banded) for (const [s, set] of publishedSums(g, c, metric, k, at)) if (placesWithin(set, check, bands) !== undefined) withhold(i, s);
      if (derived.byCohort[i]!.some((set) => placesWithin(set, check, known) !== undefined)) {
        // Cohorts with the same councils (London and its boroughs) publish the same windows: withheld in both.
        const key = c.members.join(',');
        cohorts.forEach((o, j) => {
          if (o.members.join(',') !== key) return;
          for (const s of WINDOWS) if (metrics[j]!.get(metric)![s].status === 'published') withhold(j, s);
        });
      }
    });
  }
  return cohorts.map((c, i) => ({ ...c, metrics: metrics[i]! }));
}

/**
 * The histograms of one base group decided again against every earlier release: a band count is a count of a set
 * of councils, and the count of the same range in an earlier release (a late council moves one band count by one),
 * or a parent's band in one release against the children's in another, could be differenced. So every band of every
 * earlier release of this base group is recorded first in what published counts tell apart (councils that have
 * left count too), and this release's bands are merged, or the histogram withheld, until no group of councils
 * they single out holds fewer than k (see histogramFigures); the ranges earlier bands give, and earlier totals and
 * windows, count in the p% check too. A cohort whose councils are exactly those of an earlier release shows the
 * histogram it showed then (`same`, per cohort), so re-runs learn nothing.
 * `cohorts` carry the figures the ledger let through; their quartiles and totals are the published sums checked against.
 */
export function ledgerHistograms(
  g: BaseGroupResult,
  cohorts: readonly CohortResult[],
  earlier: readonly (readonly EarlierCohort[])[],
  same: readonly (EarlierCohort | undefined)[],
  before: readonly (readonly EarlierCohort[])[],
  policy: DisclosurePolicy,
): CohortResult[] {
  const k = policy.minCouncils;
  const metrics = cohorts.map((c) => new Map(c.metrics));
  const show = (metric: MetricId, decided: readonly (AuditedHistogram | undefined)[]) =>
    cohorts.forEach((_, i) => {
      const { histogram: _earlier, ...f } = metrics[i]!.get(metric)!;
      const histogram = same[i] !== undefined ? same[i].histograms?.[metric]?.figure : decided[i];
      metrics[i]!.set(metric, histogram === undefined ? f : { ...f, histogram });
    });
  for (const metric of HISTOGRAM_METRICS) {
    if (!cohorts[0]!.metrics.has(metric)) continue;
    // A re-run of the same councils shows only what was shown before: nothing to decide.
    if (same.every((e) => e !== undefined)) {
      show(metric, []);
      continue;
    }
    const at = acrossReleases(g, metric, earlier, k);
    const derived = derivedSums(g, cohorts, before, metric, k, at);
    const decided = histogramFigures({
      exact: exactAt(at),
      approximations: approximationsOf(at),
      cohorts: cohorts.map((c) => ascendingMembers(g, c.members, metric).map((i) => at.position.get(codeOf(g, i))!)),
      wanted: cohorts.map((c, i) => same[i] === undefined && mayShowHistogram(c.group) && wantsHistogram(c.metrics.get(metric)!.count, c.metrics.get(metric)!)),
      sums: [...cohorts.flatMap((c) => publishedSums(g, c, metric, k, at).map(([, set]) => set)), ...at.earlierSums],
      policy,
      counts: at.counts,
      ranges: at.ranges,
      derived: { sets: derived.byCohort.flat(), ranks: derived.ranks },
    });
    show(metric, decided);
  }
  return cohorts.map((c, i) => ({ ...c, metrics: metrics[i]! }));
}

/**
 * A cohort's histograms as the ledger records them: each with the councils counted in each band. A histogram shown
 * again from an earlier release (`same`) keeps the councils recorded then; else a band holds the members whose figure
 * lies from its `from` up to (not including) its `to`.
 */
export function recordHistograms(g: BaseGroupResult, c: CohortResult, same: EarlierCohort | undefined): Record<string, HistogramEntry> {
  const out: Record<string, HistogramEntry> = {};
  c.metrics.forEach((f: AuditedCohortMetric, metric: MetricId) => {
    const figure = f.histogram;
    if (figure === undefined) return;
    const then = same?.histograms?.[metric];
    if (then !== undefined && JSON.stringify(then.figure) === JSON.stringify(figure)) {
      out[metric] = then;
      return;
    }
    out[metric] = { figure, bands: bandMembers(g, c, metric, figure) };
  });
  return out;
}

function bandMembers(g: BaseGroupResult, c: CohortResult, metric: MetricId, figure: AuditedHistogram): string[][] {
  if (figure.status !== 'published') return [];
  const values = memberValues(g, metric);
  const members = ascendingMembers(g, c.members, metric);
  return figure.bands.map((band) => {
    const from = band.from === undefined ? undefined : new Decimal(band.from);
    const to = band.to === undefined ? undefined : new Decimal(band.to);
    return members
      .filter((i) => (from === undefined || compareDecimals(values[i]!, from) >= 0) && (to === undefined || compareDecimals(values[i]!, to) < 0))
      .map((i) => codeOf(g, i));
  });
}
