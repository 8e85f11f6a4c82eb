import type { CalculationOptions } from '../inventory/calculate-inventory.js';
import { Decimal, ZERO } from '../decimal.js';
import { screenBatch, type BatchOutcome } from './batch.js';
import { baseGroupId, cohortId, groupLabel, groupsPresent, isMember, type CohortGroup } from './cohorts.js';
import { METRICS, metricValues, type MetricId } from './metrics.js';
import { laplaceNoise } from './noise.js';
import { resolvePolicy, type DisclosurePolicy, type DisclosurePolicyInput, type SuppressionReason } from './policy.js';
import { QUARTILES, quantile, roundSignificant, type QuartileName } from './quantiles.js';
import { restate } from './restate.js';
import { parseSubmission, type Submission } from './submission.js';
import { additiveCell, primaryReason, secondarySuppression, widestDominance, type Additive, type AdditiveCell } from './suppression.js';
import type { CohortMetric, Published } from './views.js';

export interface BenchmarkOptions {
  /**
   * Recalculate councils on this factor set (id or loaded set) where they submitted activity data, so that
   * councils that used different DESNZ years share cohorts. Councils that cannot be recalculated keep their
   * own set, in separate cohorts, and the report says so.
   */
  readonly commonFactorSet?: NonNullable<CalculationOptions['factorSet']>;
}

/** A council in a base group: its submission (restated if it was), and its value for each metric (aligned with METRICS). */
export interface Member {
  readonly submission: Submission;
  readonly values: readonly (Decimal | undefined)[];
  /** The factor set it submitted on, when it was recalculated on the common one. */
  readonly restatedFrom?: string;
  /** Why it could not be recalculated on the common factor set. */
  readonly keptApart?: string;
}

export interface CohortResult {
  readonly id: string;
  readonly label: string;
  readonly group: CohortGroup;
  /** Indices into the base group's members. */
  readonly members: readonly number[];
  /** Published figures, aligned with METRICS. */
  readonly metrics: readonly CohortMetric[];
}

/** The councils reporting one year on one factor set: only they are compared with each other. */
export interface BaseGroupResult {
  readonly reportingYear: string;
  readonly factorSetId: string;
  readonly members: readonly Member[];
  readonly cohorts: readonly CohortResult[];
}

/** Everything the benchmark worked out. Holds councils' own figures: share it only through the views. */
export interface BenchmarkResult {
  readonly policy: DisclosurePolicy;
  readonly synthetic: boolean;
  /** Shareable notes: how cohorts were formed (no council named). */
  readonly notes: readonly string[];
  /** Submissions not used (invalid, or duplicates of a council and year), each with its reasons. */
  readonly excluded: readonly BatchOutcome[];
  readonly baseGroups: readonly BaseGroupResult[];
}

/** The one metric with a published cohort total: totals of other measures would be linked to it by sums. */
export const TOTAL_METRIC: MetricId = 'total/absolute';
const TOTAL_INDEX = METRICS.findIndex((m) => m.id === TOTAL_METRIC);

/**
 * Aggregates submissions into cohorts under the disclosure policy. Submissions are validated again (so one
 * built in code is held to the same rules as a file), duplicates for a council and year are excluded and
 * listed, and the result does not depend on the order submissions are given in.
 */
export function benchmark(submissions: readonly Submission[], policyInput: DisclosurePolicyInput = {}, options: BenchmarkOptions = {}): BenchmarkResult {
  const policy = resolvePolicy(policyInput);
  const screened = screenBatch(
    submissions.map((s, i) => ({ source: `submission ${i + 1} (${s.profile?.onsCode ?? '?'} ${s.profile?.reportingYear ?? '?'})`, result: parseSubmission(s, { note: `submission ${i + 1}` }) })),
  );
  const accepted = screened.flatMap((o) => (o.status === 'accepted' ? [o.submission] : []));
  const { members, notes } = placeMembers(accepted, options);
  const groups = new Map<string, Member[]>();
  for (const m of members) {
    const key = baseGroupId(m.submission.profile.reportingYear, m.submission.profile.factorSetId);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const excluded = screened.filter((o) => o.status === 'rejected');
  if (excluded.length > 0) notes.push(`${excluded.length} submission(s) were not used (invalid or duplicate); the organiser has the list.`);
  return {
    policy,
    synthetic: accepted.some((s) => s.synthetic === true),
    notes,
    excluded,
    baseGroups: [...groups.keys()].sort(compareText).map((key) => aggregateBaseGroup(groups.get(key)!, policy)),
  };
}

function placeMembers(accepted: readonly Submission[], options: BenchmarkOptions): { members: Member[]; notes: string[] } {
  const sorted = [...accepted].sort((a, b) => compareText(a.profile.reportingYear, b.profile.reportingYear) || compareText(a.profile.onsCode, b.profile.onsCode));
  const common = options.commonFactorSet;
  if (common === undefined) return { members: sorted.map((submission) => ({ submission, values: metricValues(submission) })), notes: [] };
  const commonId = typeof common === 'string' ? common : common.id;
  const keptApart = new Map<string, number>();
  let restatedCount = 0;
  const members = sorted.map((s): Member => {
    if (s.profile.factorSetId === commonId) return { submission: s, values: metricValues(s) };
    const r = restate(s, common);
    if (r.ok) {
      restatedCount++;
      return { submission: r.submission, values: metricValues(r.submission), restatedFrom: r.from };
    }
    const generic = r.reason.startsWith('no activity') ? r.reason : `some records cannot be calculated on ${commonId}`;
    keptApart.set(generic, (keptApart.get(generic) ?? 0) + 1);
    return { submission: s, values: metricValues(s), keptApart: r.reason };
  });
  const notes = [`Common factor set ${commonId}: ${restatedCount} submission(s) on other factor sets were recalculated from their activity data.`];
  for (const [reason, n] of keptApart) notes.push(`${n} submission(s) kept on their own factor set, in separate cohorts, because ${reason}.`);
  return { members, notes };
}

function aggregateBaseGroup(members: readonly Member[], policy: DisclosurePolicy): BaseGroupResult {
  const { reportingYear, factorSetId } = members[0]!.submission.profile;
  const profiles = members.map((m) => m.submission.profile);
  const groups = groupsPresent(profiles);
  const membership = groups.map((g) => profiles.map((p) => isMember(p, g)));
  const byPartition = (kind: CohortGroup['kind']) => groups.flatMap((g, i) => (g.kind === kind ? [i] : []));
  const partitions = [byPartition('council-type'), byPartition('region')];
  const topN = widestDominance(policy);
  const figures = METRICS.map((metric, m) => metricFigures(members, m, membership, partitions, policy, topN, `${baseGroupId(reportingYear, factorSetId)}|${metric.id}`));
  return {
    reportingYear,
    factorSetId,
    members,
    cohorts: groups.map((group, c) => ({
      id: cohortId({ reportingYear, factorSetId, group }),
      label: groupLabel(group),
      group,
      members: membership[c]!.flatMap((inside, i) => (inside ? [i] : [])),
      metrics: figures.map((f) => f[c]!),
    })),
  };
}

/** One metric's published figures for every cohort of a base group (cohort 0 is all councils). */
function metricFigures(
  members: readonly Member[],
  m: number,
  membership: readonly (readonly boolean[])[],
  partitions: readonly (readonly number[])[],
  policy: DisclosurePolicy,
  topN: number,
  noiseKey: string,
): CohortMetric[] {
  const metricId = METRICS[m]!.id;
  const contributors = members.flatMap((member, i) => (member.values[m] === undefined ? [] : [{ i, value: member.values[m]! }]));
  contributors.sort((a, b) => a.value.cmp(b.value));
  const sortedAll = contributors.map((c) => c.value);
  const sortedByCohort = membership.map((inside) => contributors.filter((c) => inside[c.i]).map((c) => c.value));
  const withTotal = m === TOTAL_INDEX;
  // Counts need no sums: only the one metric with a published total has its cells summed.
  const cells = sortedByCohort.map((values): AdditiveCell => (withTotal ? additiveCell(values, topN) : { count: values.length, total: ZERO, top: [] }));
  const countReasons = suppressAdditive(cells, partitions, policy, 'count', membership.length);
  const totalReasons = withTotal ? suppressAdditive(cells, [partitions[0]!], policy, 'total', membership.length) : [];
  const dp = policy.differentialPrivacy;

  const publish = (value: Decimal, reason: SuppressionReason | undefined, figures: 'count' | 'sig'): Published => {
    if (reason !== undefined) return { status: 'suppressed', reason };
    const rounded = figures === 'count' ? value.toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN) : roundSignificant(value, policy.significantFigures);
    if (figures !== 'count' && equalsAny(sortedAll, rounded)) return { status: 'suppressed', reason: 'equals-council-value' };
    return { status: 'published', value: rounded.toString() };
  };
  const isTotalCohort = (c: number) => c === 0 || partitions[0]!.includes(c);

  return sortedByCohort.map((values, c): CohortMetric => {
    const key = `${noiseKey}|${c}`;
    const count = dp === undefined ? new Decimal(values.length) : noisyCount(values.length, dp, `${key}|count`);
    const belowThreshold = values.length < policy.minCouncils ? 'below-threshold' : undefined;
    const q = (name: QuartileName) => (belowThreshold !== undefined ? publish(ZERO, belowThreshold, 'sig') : publish(quantile(values, QUARTILES[name]), undefined, 'sig'));
    const figures: CohortMetric = {
      metric: metricId,
      count: publish(count, countReasons[c], 'count'),
      lowerQuartile: q('lowerQuartile'),
      median: q('median'),
      upperQuartile: q('upperQuartile'),
    };
    if (!withTotal || !isTotalCohort(c)) return figures;
    return { ...figures, total: publish(dpTotal(values, cells[c]!, dp, `${key}|total`), totalReasons[c], 'sig') };
  });
}

/** A count with Laplace noise of scale 1/epsilon (one council changes a count by at most 1), never below zero. */
function noisyCount(count: number, dp: NonNullable<DisclosurePolicy['differentialPrivacy']>, key: string): Decimal {
  return Decimal.max(ZERO, new Decimal(count).plus(laplaceNoise(dp.seed, key, new Decimal(1).div(dp.epsilon))));
}

/** The total as published: exact, or under differential privacy clipped per council and with Laplace noise (never below zero). */
function dpTotal(values: readonly Decimal[], cell: AdditiveCell, dp: DisclosurePolicy['differentialPrivacy'], key: string): Decimal {
  if (dp === undefined) return cell.total;
  const clip = new Decimal(dp.clip.absolute);
  let clipped = ZERO;
  for (const v of values) clipped = clipped.add(Decimal.min(v, clip));
  return Decimal.max(ZERO, clipped.plus(laplaceNoise(dp.seed, key, clip.div(dp.epsilon))));
}

/** Primary rules on every cohort, then secondary suppression within each partition of "all councils". */
function suppressAdditive(cells: readonly AdditiveCell[], partitions: readonly (readonly number[])[], policy: DisclosurePolicy, additive: Additive, cohorts: number): (SuppressionReason | undefined)[] {
  const reasons = Array.from({ length: cohorts }, (_, c) => primaryReason(cells[c]!, policy, additive));
  for (const partition of partitions) {
    const decided = secondarySuppression(reasons[0], partition.map((c) => cells[c]!), partition.map((c) => reasons[c]), policy, additive);
    partition.forEach((c, i) => (reasons[c] = decided[i]));
  }
  return reasons;
}

/** Whether any council's exact value (ascending) equals `value`: a binary search. */
function equalsAny(sorted: readonly Decimal[], value: Decimal): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = sorted[mid]!.cmp(value);
    if (c === 0) return true;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
