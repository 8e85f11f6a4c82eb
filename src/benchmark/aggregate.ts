import { byCodePoint } from '../order.js';
import type { CalculationOptions } from '../inventory/calculate-inventory.js';
import { screenBatch, type BatchOutcome } from './batch.js';
import { baseGroupId, cohortId, groupLabel, groupsPresent, isMember, type CohortGroup } from './cohorts.js';
import { pooledCohorts } from './pools.js';
import { metricFigures, publishCount, type GroupContext } from './figures.js';
import { METRICS, metricValues, TOTAL_METRIC, type MetricId, type MetricValues } from './metrics.js';
import { resolvePolicy, type DisclosurePolicy, type DisclosurePolicyInput } from './policy.js';
import type { Register } from './register.js';
import { restate } from './restate.js';
import { revalidate, type Submission } from './submission.js';
import { widestDominance } from './suppression.js';
import type { Audited, AuditedCohortMetric } from './views.js';

/** Options of `benchmark`: a common factor set to restate councils on, and the register to check them against. */
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

/** A council in a base group: its submission (restated if it was), and its value for each metric. */
export interface Member {
  readonly submission: Submission;
  /** Its value for each metric it has (`values.get(id)`); none where it did not report the category or supply the denominator (missing is not zero). */
  readonly values: MetricValues;
  /** The factor set it submitted on, when it was recalculated on the common one. */
  readonly restatedFrom?: string;
  /** Why it could not be recalculated on the common factor set. */
  readonly keptApart?: string;
}

/**
 * One cohort of a base group as the benchmark worked it out: its members (indices into the base group's) and
 * every metric's figures, each withheld one with its reason. It points at councils: share it only through the views.
 */
export interface CohortResult {
  readonly id: string;
  readonly label: string;
  readonly group: CohortGroup;
  /** Indices into the base group's members. */
  readonly members: readonly number[];
  /** Published figures per metric, in the order of METRICS. */
  readonly metrics: ReadonlyMap<MetricId, AuditedCohortMetric>;
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
  /** The number of councils, and of councils recalculated on this factor set, as published (threshold rule). */
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

export { TOTAL_METRIC };

/**
 * Aggregates submissions into cohorts under the disclosure policy. Submissions are validated again (so one
 * built in code is held to the same rules as a file), except those parseSubmission accepted (frozen, so still as
 * checked); duplicates for a council and year are excluded and listed, and the result does not depend on the
 * order submissions are given in.
 * @example
 * const outcomes = readSubmissionsDir('submissions');
 * const submissions = outcomes.flatMap((o) => (o.status === 'accepted' ? [o.submission] : []));
 * const result = benchmark(submissions, { minCouncils: 5 }, { commonFactorSet: 'desnz-2023', register: loadRegister() });
 * const published = sharedView(result); // for everyone
 * const ours = councilView(result, 'E07000223'); // for that council only
 */
export function benchmark(submissions: readonly Submission[], policyInput: DisclosurePolicyInput = {}, options: BenchmarkOptions = {}): BenchmarkResult {
  const policy = resolvePolicy(policyInput);
  const screened = screenBatch(
    submissions.map((s, i) => {
      // Typed as submissions, but from code anything may come: a null or a non-object is refused, not thrown on.
      const profile = typeof s === 'object' && s !== null && typeof s.profile === 'object' && s.profile !== null ? s.profile : undefined;
      return { source: `submission ${i + 1} (${profile?.onsCode ?? '?'} ${profile?.reportingYear ?? '?'})`, result: revalidate(s, { note: `submission ${i + 1}` }) };
    }),
    options.register,
  );
  const accepted = screened.flatMap((o) => (o.status === 'accepted' ? [o.submission] : []));
  const { members, notes } = placeMembers(accepted, options, policy);
  const groups = new Map<string, Member[]>();
  for (const m of members) {
    const key = baseGroupId(m.submission.profile.reportingYear, m.submission.profile.factorSetId);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [m]);
    else group.push(m);
  }
  const excluded = screened.filter((o) => o.status === 'rejected');
  if (excluded.length > 0) notes.push(`${excluded.length} submission(s) were not used (invalid or duplicate); the organiser has the list.`);
  const baseGroups = [...groups.keys()].sort(byCodePoint).map((key) => aggregateBaseGroup(groups.get(key)!, policy));
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
  const howMany = (n: number) => (n >= policy.minCouncils || n === 0 ? String(n) : `Fewer than ${policy.minCouncils}`);
  const notes = [`Common factor set ${commonId}: ${howMany(restatedCount)} submission(s) on other factor sets were recalculated from their activity data.`];
  for (const [reason, n] of keptApart) notes.push(`${howMany(n)} submission(s) kept on their own factor set, in separate cohorts, because ${reason}.`);
  return { members, notes };
}

function aggregateBaseGroup(members: readonly Member[], policy: DisclosurePolicy): BaseGroupResult {
  const { reportingYear, factorSetId } = members[0]!.submission.profile;
  const profiles = members.map((m) => m.submission.profile);
  const groups = groupsPresent(profiles);
  const byPartition = (kind: CohortGroup['kind']) => groups.flatMap((g, i) => (g.kind === kind ? [i] : []));
  const membership = groups.map((g) => Uint8Array.from(profiles, (p) => (isMember(p, g) ? 1 : 0)));
  const context: GroupContext = {
    values: members.map((m) => m.values),
    membership,
    cohortsOf: profiles.map((_, i) => cohortsHolding(membership, i)),
    partitions: [byPartition('council-type'), byPartition('region')],
    pools: pooledCohorts(groups),
    policy,
    topN: widestDominance(policy),
  };
  const figures = new Map(METRICS.map((metric) => [metric.id, metricFigures(context, metric)]));
  const restatedCount = members.filter((m) => m.restatedFrom !== undefined).length;
  return {
    reportingYear,
    factorSetId,
    members,
    councils: publishCount(members.length, policy),
    restated: publishCount(restatedCount, policy),
    cohorts: groups.map((group, c) => {
      const inside: number[] = [];
      for (let i = 0; i < members.length; i++) if (context.membership[c]![i] === 1) inside.push(i);
      const { notes, withheld } = cohortNotes(
        inside.map((i) => members[i]!),
        figures.get(TOTAL_METRIC)![c]!.count,
        policy,
      );
      return {
        id: cohortId({ reportingYear, factorSetId, group }),
        label: groupLabel(group),
        group,
        members: inside,
        metrics: new Map([...figures].map(([id, f]) => [id, f[c]!])),
        notes,
        notesWithheld: withheld,
      };
    }),
  };
}

/** The cohorts holding member `i`, ascending. */
function cohortsHolding(membership: readonly Uint8Array[], i: number): number[] {
  const cohorts: number[] = [];
  for (let c = 0; c < membership.length; c++) if (membership[c]![i] === 1) cohorts.push(c);
  return cohorts;
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
 * A cohort whose count is withheld has no notes.
 */
function cohortNotes(cohort: readonly Member[], count: Audited, policy: DisclosurePolicy): { notes: string[]; withheld: boolean } {
  // A withheld cohort says nothing at all: even "some members are incomplete" tells its few members about the rest.
  if (count.status !== 'published') return { notes: [], withheld: false };
  const notes: string[] = [];
  let withheld = false;
  // `everyone`: whether all members having it is worth saying (all incomplete is; all including schools is not a difference).
  const note = (inside: number, text: string, everyone = false) => {
    if (inside === 0 || (inside === cohort.length && !everyone)) return;
    if (Math.min(inside, cohort.length - inside) < policy.minCouncils) withheld = true;
    else notes.push(text);
  };
  const incomplete = cohort.filter((m) => (m.submission.excludedRecords ?? 0) > 0).length;
  note(
    incomplete,
    `${incomplete} of ${cohort.length} council(s) submitted incomplete inventories (some records could not be calculated), so their figures are understated.`,
    true,
  );
  for (const [flag, text] of BOUNDARY_NOTES) {
    const inside = cohort.filter((m) => m.submission.profile.boundary[flag]).length;
    note(inside, `Boundaries differ: ${inside} of ${cohort.length} ${text}, so peers are not like-for-like.`);
  }
  return { notes, withheld };
}

/** Said once for the whole benchmark when some cohort's differences were too few to note without singling councils out. */
function withheldNotesNote(k: number): string {
  return `In some cohorts fewer than ${k} councils differ from the rest in boundary or in having an incomplete inventory; those cohorts are not marked, so as not to single the councils out.`;
}
