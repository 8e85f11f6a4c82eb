import { byCodePoint } from '../order.js';
import type { CalculationOptions } from '../inventory/calculate-inventory.js';
import { Decimal, ZERO } from '../decimal.js';
import { screenBatch, type BatchOutcome } from './batch.js';
import { baseGroupId, cohortId, groupLabel, groupsPresent, isMember, type CohortGroup } from './cohorts.js';
import { METRICS, metricValues, type MetricId } from './metrics.js';
import { noiseSource, type NoiseSource } from './noise.js';
import { resolvePolicy, type DisclosurePolicy, type DisclosurePolicyInput, type SuppressionReason } from './policy.js';
import { minCohortFor, QUARTILES, quantileWindow, roundSignificant, type QuartileName } from './quantiles.js';
import type { Register } from './register.js';
import { restate } from './restate.js';
import { parseSubmission, type Submission } from './submission.js';
import { additiveCell, failsPPercent, primaryReason, secondarySuppression, widestDominance, type Additive, type AdditiveCell } from './suppression.js';
import type { Audited, AuditedCohortMetric } from './views.js';

export interface BenchmarkOptions {
  /**
   * Recalculate councils on this factor set (id or loaded set) where they submitted activity data, so that
   * councils that used different DESNZ years share cohorts. Councils that cannot be recalculated keep their
   * own set, in separate cohorts, and the report says so.
   */
  readonly commonFactorSet?: NonNullable<CalculationOptions['factorSet']>;
  /**
   * Check every council against this register of local authorities (see register.ts): the CLI passes the
   * bundled one. Left out, submissions built in code are taken as they are, so the caller vouches for them.
   */
  readonly register?: Register;
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
  readonly metrics: readonly AuditedCohortMetric[];
  /** Shareable notes on how like-for-like the cohort is (incomplete inventories, mixed boundaries); no council named. */
  readonly notes: readonly string[];
  /** Whether a difference was left out of the notes because too few councils were on one side of it. */
  readonly notesWithheld: boolean;
}

/** The councils reporting one year on one factor set: only they are compared with each other. */
export interface BaseGroupResult {
  readonly reportingYear: string;
  readonly factorSetId: string;
  readonly members: readonly Member[];
  /** The number of councils, and of councils recalculated on this factor set, as published (threshold, and noise under DP). */
  readonly councils: Audited;
  readonly restated: Audited;
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
  const noise = policy.differentialPrivacy === undefined ? undefined : noiseSource(policy.differentialPrivacy.seed);
  const screened = screenBatch(
    submissions.map((s, i) => {
      // Typed as submissions, but from code anything may come: a null or a non-object is refused, not thrown on.
      const profile = typeof s === 'object' && s !== null && typeof s.profile === 'object' && s.profile !== null ? s.profile : undefined;
      return { source: `submission ${i + 1} (${profile?.onsCode ?? '?'} ${profile?.reportingYear ?? '?'})`, result: parseSubmission(s, { note: `submission ${i + 1}` }) };
    }),
    options.register,
  );
  const accepted = screened.flatMap((o) => (o.status === 'accepted' ? [o.submission] : []));
  const { members, notes } = placeMembers(accepted, options, policy);
  const groups = new Map<string, Member[]>();
  for (const m of members) {
    const key = baseGroupId(m.submission.profile.reportingYear, m.submission.profile.factorSetId);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const excluded = screened.filter((o) => o.status === 'rejected');
  if (excluded.length > 0) notes.push(`${excluded.length} submission(s) were not used (invalid or duplicate); the organiser has the list.`);
  const baseGroups = [...groups.keys()].sort(byCodePoint).map((key) => aggregateBaseGroup(groups.get(key)!, policy, noise));
  if (baseGroups.some((g) => g.cohorts.some((c) => c.notesWithheld))) notes.push(withheldNotesNote(policy.minCouncils));
  return { policy, synthetic: accepted.some((s) => s.synthetic === true), notes, excluded, baseGroups };
}

function placeMembers(accepted: readonly Submission[], options: BenchmarkOptions, policy: DisclosurePolicy): { members: Member[]; notes: string[] } {
  const sorted = [...accepted].sort((a, b) => byCodePoint(a.profile.reportingYear, b.profile.reportingYear) || byCodePoint(a.profile.onsCode, b.profile.onsCode));
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
  // Exact small counts would tell a council that it alone was recalculated (and so what differencing two runs gives).
  const howMany = (n: number) => (policy.differentialPrivacy !== undefined ? 'Some' : n >= policy.minCouncils || n === 0 ? String(n) : `Fewer than ${policy.minCouncils}`);
  const notes = [`Common factor set ${commonId}: ${howMany(restatedCount)} submission(s) on other factor sets were recalculated from their activity data.`];
  for (const [reason, n] of keptApart) notes.push(`${howMany(n)} submission(s) kept on their own factor set, in separate cohorts, because ${reason}.`);
  return { members, notes };
}

function aggregateBaseGroup(members: readonly Member[], policy: DisclosurePolicy, noiseSource: NoiseSource | undefined): BaseGroupResult {
  const { reportingYear, factorSetId } = members[0]!.submission.profile;
  const profiles = members.map((m) => m.submission.profile);
  const groups = groupsPresent(profiles);
  const membership = groups.map((g) => profiles.map((p) => isMember(p, g)));
  const byPartition = (kind: CohortGroup['kind']) => groups.flatMap((g, i) => (g.kind === kind ? [i] : []));
  const partitions = [byPartition('council-type'), byPartition('region')];
  const topN = widestDominance(policy);
  const noise = countNoise(policy, noiseSource, baseGroupId(reportingYear, factorSetId));
  const figures = METRICS.map((metric, m) => metricFigures(members, m, membership, partitions, policy, topN, noise, noiseSource, `${baseGroupId(reportingYear, factorSetId)}|${metric.id}`));
  const restatedCount = members.filter((m) => m.restatedFrom !== undefined).length;
  return {
    reportingYear,
    factorSetId,
    members,
    // The same publish path as every cohort count: the base group is the all-councils cohort of the total,
    // so its noisy count is the very same draw as that cohort's (one set of councils, one noise value).
    councils: publishCount(members.length, noise?.(members.map((_, i) => i)), policy),
    restated: publishCount(restatedCount, noise?.restated(), policy),
    cohorts: groups.map((group, c) => {
      const inside = membership[c]!.flatMap((isIn, i) => (isIn ? [i] : []));
      const { notes, withheld } = cohortNotes(inside.map((i) => members[i]!), figures[TOTAL_INDEX]![c]!.count, policy);
      return {
        id: cohortId({ reportingYear, factorSetId, group }),
        label: groupLabel(group),
        group,
        members: inside,
        metrics: figures.map((f) => f[c]!),
        notes,
        notesWithheld: withheld,
      };
    }),
  };
}

const BOUNDARY_NOTES: readonly [keyof Submission['profile']['boundary'], string][] = [
  ['schoolsIncluded', 'include maintained schools'],
  ['scope3SpendIncluded', 'include spend-based scope 3'],
  ['leasedAssetsIncluded', 'include leased assets'],
  ['outsourcedServicesIncluded', 'include outsourced services'],
];

/**
 * How like-for-like a cohort is: members whose inventories excluded records (their figures are understated)
 * and boundary flags that differ between members. A difference is noted only when at least k councils are on
 * each side of it: "1 of 5 counties is incomplete" beside "1 of 5 in the South East" would single a council out.
 * Numbers are given only without differential privacy; a cohort whose count is withheld has no notes.
 */
function cohortNotes(cohort: readonly Member[], count: Audited, policy: DisclosurePolicy): { notes: string[]; withheld: boolean } {
  // A withheld cohort says nothing at all: even "some members are incomplete" tells its few members about the rest.
  if (count.status !== 'published') return { notes: [], withheld: false };
  const exact = policy.differentialPrivacy === undefined;
  const notes: string[] = [];
  let withheld = false;
  // `everyone`: whether all members having it is worth saying (all incomplete is; all including schools is not a difference).
  const note = (inside: number, numbered: string, unnumbered: string, everyone = false) => {
    if (inside === 0 || (inside === cohort.length && !everyone)) return;
    if (Math.min(inside, cohort.length - inside) < policy.minCouncils) withheld = true;
    else notes.push(exact ? numbered : unnumbered);
  };
  const incomplete = cohort.filter((m) => (m.submission.excludedRecords ?? 0) > 0).length;
  note(
    incomplete,
    `${incomplete} of ${cohort.length} council(s) submitted incomplete inventories (some records could not be calculated), so their figures are understated.`,
    'Some councils submitted incomplete inventories (some records could not be calculated), so their figures are understated.',
    true,
  );
  for (const [flag, text] of BOUNDARY_NOTES) {
    const inside = cohort.filter((m) => m.submission.profile.boundary[flag]).length;
    note(inside, `Boundaries differ: ${inside} of ${cohort.length} ${text}, so peers are not like-for-like.`, `Boundaries differ: some councils ${text} and some do not, so peers are not like-for-like.`);
  }
  return { notes, withheld };
}

/** Said once for the whole benchmark when some cohort's differences were too few to note without singling councils out. */
function withheldNotesNote(k: number): string {
  return `In some cohorts fewer than ${k} councils differ from the rest in boundary or in having an incomplete inventory; those cohorts are not marked, so as not to single the councils out.`;
}

/**
 * Count noise under differential privacy, drawn once per set of councils: every metric (and every cohort)
 * whose contributors are the same councils gets the same noisy count, so averaging many noisy copies of one
 * count learns nothing. Undefined without DP.
 */
interface CountNoise {
  (members: readonly number[]): Decimal;
  restated(): Decimal;
}

function countNoise(policy: DisclosurePolicy, source: NoiseSource | undefined, baseGroupKey: string): CountNoise | undefined {
  const dp = policy.differentialPrivacy;
  if (dp === undefined || source === undefined) return undefined;
  const scale = new Decimal(1).div(dp.epsilon);
  const draw = (key: string): Decimal => source.laplace(`${baseGroupKey}|count|${key}`, scale);
  return Object.assign((members: readonly number[]) => draw([...members].sort((a, b) => a - b).join(',')), { restated: () => draw('restated') });
}

/** A count through the publish path: withheld below the threshold (or for `reason`), else exact or noisy (never below zero), whole. */
function publishCount(count: number, noise: Decimal | undefined, policy: DisclosurePolicy, reason?: SuppressionReason): Audited {
  const why = reason ?? (count < policy.minCouncils ? 'below-threshold' : undefined);
  if (why !== undefined) return { status: 'suppressed', reason: why };
  const value = noise === undefined ? new Decimal(count) : Decimal.max(ZERO, new Decimal(count).plus(noise));
  return { status: 'published', value: value.toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toString() };
}

/** One metric's published figures for every cohort of a base group (cohort 0 is all councils). */
function metricFigures(
  members: readonly Member[],
  m: number,
  membership: readonly (readonly boolean[])[],
  partitions: readonly (readonly number[])[],
  policy: DisclosurePolicy,
  topN: number,
  noise: CountNoise | undefined,
  source: NoiseSource | undefined,
  noiseKey: string,
): AuditedCohortMetric[] {
  const metricId = METRICS[m]!.id;
  const contributors = members.flatMap((member, i) => (member.values[m] === undefined ? [] : [{ i, value: member.values[m]! }]));
  contributors.sort((a, b) => a.value.cmp(b.value));
  const sortedAll = contributors.map((c) => c.value);
  /** Per cohort, positions in `contributors` (so ascending by value). Loops, not flatMap: this runs per metric and cohort. */
  const positionsByCohort = membership.map((inside) => {
    const positions: number[] = [];
    for (let pos = 0; pos < contributors.length; pos++) if (inside[contributors[pos]!.i]) positions.push(pos);
    return positions;
  });
  const sortedByCohort = positionsByCohort.map((positions) => positions.map((pos) => sortedAll[pos]!));
  const withTotal = m === TOTAL_INDEX;
  // Counts need no sums: only the one metric with a published total has its cells summed.
  const cells = sortedByCohort.map((values): AdditiveCell => (withTotal ? additiveCell(values, topN) : { count: values.length, total: ZERO, top: [] }));
  const memberSets = positionsByCohort.map((positions) => positions.join(','));
  const countReasons = suppressAdditive(cells, partitions, policy, 'count', memberSets);
  const totalReasons = withTotal ? suppressAdditive(cells, [partitions[0]!], policy, 'total', memberSets) : [];
  const dp = policy.differentialPrivacy;
  const isTotalCohort = (c: number) => c === 0 || partitions[0]!.includes(c);

  const publishSig = (value: Decimal, reason: SuppressionReason | undefined): Audited => {
    if (reason !== undefined) return { status: 'suppressed', reason };
    const rounded = roundSignificant(value, policy.significantFigures);
    if (equalsAny(sortedAll, rounded)) return { status: 'suppressed', reason: 'equals-council-value' };
    return { status: 'published', value: rounded.toString() };
  };

  // Published sums of this metric's values, as sets of contributors, kept only while every group of councils
  // they single out holds >= k: the all-councils total, the all-councils quartile windows (the headline
  // comparison), the council-type totals (withheld as secondary if they would now single out a small group),
  // then the other cohorts' quartile windows in report order.
  const sums = new SumAtoms(contributors.length, policy.minCouncils);
  const totalFigure = (c: number): Audited | undefined => {
    if (!withTotal || !isTotalCohort(c)) return undefined;
    const published = publishSig(dpTotal(sortedByCohort[c]!, cells[c]!, dp, source, `${noiseKey}|${c}|total`), totalReasons[c]);
    if (published.status !== 'published') return published;
    const next = sums.tryAdd(positionsByCohort[c]!);
    if (next === undefined) return { status: 'suppressed', reason: 'secondary' };
    sums.commit(next);
    return published;
  };
  const quartileFigures = (c: number): Record<QuartileName, Audited> => {
    const positions = positionsByCohort[c]!;
    const n = positions.length;
    const out = {} as Record<QuartileName, Audited>;
    for (const name of ['median', 'lowerQuartile', 'upperQuartile'] as const) {
      if (n < policy.minCouncils) out[name] = { status: 'suppressed', reason: 'below-threshold' };
      else if (n < minCohortFor(name, policy.minCouncils)) out[name] = { status: 'suppressed', reason: 'small-cohort' };
      else {
        const start = quantileWindow(n, QUARTILES[name], policy.minCouncils);
        const window = positions.slice(start, start + policy.minCouncils);
        let sum = ZERO;
        for (const pos of window) sum = sum.plus(sortedAll[pos]!);
        // The window is ascending, so its two largest are its last two: one council must not be most of a quartile.
        const top = [sortedAll[window[window.length - 1]!]!, sortedAll[window[window.length - 2]!]!];
        const reason = tiedWindow(window, sortedAll) ? 'tied-values' : failsPPercent(sum, top, policy.pPercent) ? 'dominance' : undefined;
        const published = publishSig(sum.div(policy.minCouncils), reason);
        const next = published.status === 'published' ? sums.tryAdd(window) : undefined;
        if (published.status !== 'published') out[name] = published;
        else if (next === undefined) out[name] = { status: 'suppressed', reason: 'secondary' };
        else {
          sums.commit(next);
          out[name] = published;
        }
      }
    }
    return out;
  };
  const totals: (Audited | undefined)[] = new Array(sortedByCohort.length);
  const quartiles: Record<QuartileName, Audited>[] = new Array(sortedByCohort.length);
  totals[0] = totalFigure(0);
  quartiles[0] = quartileFigures(0);
  for (let c = 1; c < sortedByCohort.length; c++) totals[c] = totalFigure(c);
  for (let c = 1; c < sortedByCohort.length; c++) quartiles[c] = quartileFigures(c);

  return sortedByCohort.map((values, c): AuditedCohortMetric => {
    const figures: AuditedCohortMetric = {
      metric: metricId,
      // Optional call: without differential privacy the member list is not even built.
      count: publishCount(values.length, noise?.(positionsByCohort[c]!.map((pos) => contributors[pos]!.i)), policy, countReasons[c]),
      lowerQuartile: quartiles[c]!.lowerQuartile,
      median: quartiles[c]!.median,
      upperQuartile: quartiles[c]!.upperQuartile,
    };
    const total = totals[c];
    return total === undefined ? figures : { ...figures, total };
  });
}

/**
 * The groups of councils ("atoms") that published sums of one metric tell apart: councils in exactly the same
 * published sets. Any set of councils whose sum can be worked out by adding and subtracting published sums is
 * a union of atoms lying inside some published set, so if every such atom holds at least k councils, nothing
 * derivable rests on fewer than k. Atoms outside every published set appear in no sum and are not checked.
 */
class SumAtoms {
  private atom: Int32Array;
  private covered: Uint8Array;

  constructor(
    size: number,
    private readonly minimum: number,
  ) {
    this.atom = new Int32Array(size);
    this.covered = new Uint8Array(size);
  }

  /** The atoms with one more published set, or undefined if an atom inside a published set would hold fewer than the minimum. */
  tryAdd(set: readonly number[]): { atom: Int32Array; covered: Uint8Array } | undefined {
    const size = this.atom.length;
    const inSet = new Uint8Array(size);
    for (const pos of set) inSet[pos] = 1;
    // Atom ids are below `size`, so (old atom, in set) pairs index a flat table: no Map on this hot path.
    const idOf = new Int32Array(2 * size).fill(-1);
    const atom = new Int32Array(size);
    const covered = new Uint8Array(this.covered);
    const sizes = new Int32Array(size);
    const coveredIds = new Uint8Array(size);
    let atoms = 0;
    for (let pos = 0; pos < size; pos++) {
      const key = this.atom[pos]! * 2 + inSet[pos]!;
      let id = idOf[key]!;
      if (id === -1) id = idOf[key] = atoms++;
      atom[pos] = id;
      sizes[id]!++;
      if (inSet[pos] === 1) covered[pos] = 1;
      if (covered[pos] === 1) coveredIds[id] = 1;
    }
    for (let id = 0; id < atoms; id++) if (coveredIds[id] === 1 && sizes[id]! < this.minimum) return undefined;
    return { atom, covered };
  }

  commit(next: { atom: Int32Array; covered: Uint8Array }): void {
    this.atom = next.atom;
    this.covered = next.covered;
  }
}

/** The total as published: exact, or under differential privacy clipped per council and with Laplace noise (never below zero). */
function dpTotal(values: readonly Decimal[], cell: AdditiveCell, dp: DisclosurePolicy['differentialPrivacy'], source: NoiseSource | undefined, key: string): Decimal {
  if (dp === undefined || source === undefined) return cell.total;
  const clip = new Decimal(dp.clip.absolute);
  let clipped = ZERO;
  for (const v of values) clipped = clipped.add(Decimal.min(v, clip));
  return Decimal.max(ZERO, clipped.plus(source.laplace(key, clip.div(dp.epsilon))));
}

/**
 * Primary rules on every cohort, then secondary suppression within each partition of "all councils". Cohorts
 * of different partitions can hold exactly the same councils (every London borough is in London, and London
 * holds only boroughs): a figure withheld in one is withheld in the other too, or the published copy would
 * undo the suppression. That can call for more secondary suppression, so the two steps repeat until stable.
 */
function suppressAdditive(
  cells: readonly AdditiveCell[],
  partitions: readonly (readonly number[])[],
  policy: DisclosurePolicy,
  additive: Additive,
  memberSets: readonly string[],
): (SuppressionReason | undefined)[] {
  const reasons = cells.map((cell) => primaryReason(cell, policy, additive));
  for (let changed = true; changed; ) {
    changed = false;
    for (const partition of partitions) {
      const decided = secondarySuppression(reasons[0], partition.map((c) => cells[c]!), partition.map((c) => reasons[c]), policy, additive);
      partition.forEach((c, i) => (reasons[c] = decided[i]));
    }
    for (let c = 0; c < cells.length; c++) {
      if (reasons[c] !== undefined) continue;
      if (memberSets.some((set, other) => other !== c && reasons[other] !== undefined && set === memberSets[c])) {
        reasons[c] = 'secondary';
        changed = true;
      }
    }
  }
  return reasons;
}

/**
 * Councils that share a figure may know that they do (zero market-based scope 2 on a REGO tariff is no secret),
 * so each knows the others' figures: five councils on REGO tariffs all at zero market-based scope 2 know one another's.
 * A window mean then reveals the sum of the window's untied figures, and exactly one of them if it is alone.
 * A window is published only when at least MIN_UNTIED of its figures are shared with no other council, so an
 * untied member learns at most the sum of two others.
 */
const MIN_UNTIED = 3;
function tiedWindow(window: readonly number[], sortedAll: readonly Decimal[]): boolean {
  let untied = 0;
  for (const pos of window) {
    const value = sortedAll[pos]!;
    const tied = (pos > 0 && sortedAll[pos - 1]!.eq(value)) || (pos + 1 < sortedAll.length && sortedAll[pos + 1]!.eq(value));
    if (!tied) untied++;
  }
  return untied < MIN_UNTIED;
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
