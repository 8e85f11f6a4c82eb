import type { CouncilType } from '../activity/council.js';
import { POOLS, type CohortGroup } from './cohorts.js';
import type { SuppressionReason } from './policy.js';

/**
 * A pooled cohort of a base group (single-tier, upper-tier: see cohorts.ts) and the council-type cohorts it is the
 * union of, as indices into the base group's cohorts.
 */
export interface PooledCohort {
  readonly cohort: number;
  readonly parts: readonly number[];
}

/** The pooled cohorts among a base group's cohorts, each with its council-type cohorts. */
export function pooledCohorts(groups: readonly CohortGroup[]): PooledCohort[] {
  return groups.flatMap((g, cohort) => {
    if (g.kind !== 'pool') return [];
    const types: readonly CouncilType[] = POOLS[g.pool].councilTypes;
    return [{ cohort, parts: groups.flatMap((t, i) => (t.kind === 'council-type' && types.includes(t.councilType) ? [i] : [])) }];
  });
}

/**
 * The rule for a pool's count and total: published only where every one of its types' is, so that it is their sum
 * and tells nothing the published figures did not. Added to the figures of the type and region splits, a pool's
 * figure then leaves what can be worked out by adding and subtracting exactly as it was, and the secondary
 * suppression of those splits (and the ledger's guard around them) protects it unchanged; where a type's figure is
 * withheld, the pool's would give it back as the pool less the other types, so the pool's is withheld too. (A pool
 * could sometimes publish more, e.g. all councils less the district total; that would need secondary suppression
 * over the nested splits.) A pool holding exactly the councils of another cohort that shows the figure (a region
 * with only the pool's councils) is that cohort's set: it shows what that cohort shows, so cohorts of the same
 * councils stay alike and a pool never withholds another cohort's figure.
 * `withheld(c)`: whether cohort c's figure is withheld, undefined where c shows no such figure (a region's total);
 * `sameCouncils`: the cohorts holding exactly the councils of `cohort`. False for a cohort that is not a pool.
 */
export function poolFigureWithheld(pools: readonly PooledCohort[], cohort: number, withheld: (cohort: number) => boolean | undefined, sameCouncils: readonly number[]): boolean {
  const pool = pools.find((p) => p.cohort === cohort);
  if (pool === undefined) return false;
  const twins = sameCouncils.filter((c) => c !== cohort && withheld(c) !== undefined);
  return twins.length > 0 ? twins.some((c) => withheld(c) === true) : pool.parts.some((c) => withheld(c) !== false);
}

/**
 * The reasons of every cohort's count or total after the release's own suppression, with the pools' decided by
 * poolFigureWithheld (`shows(c)`: whether cohort c shows the figure; `sameCouncils` per cohort).
 */
export function withholdPools(
  reasons: readonly (SuppressionReason | undefined)[],
  pools: readonly PooledCohort[],
  sameCouncils: readonly (readonly number[])[],
  shows: (cohort: number) => boolean,
): (SuppressionReason | undefined)[] {
  const withheld = (c: number) => (shows(c) ? reasons[c] !== undefined : undefined);
  return reasons.map((reason, c) => reason ?? (poolFigureWithheld(pools, c, withheld, sameCouncils[c]!) ? 'secondary' : undefined));
}

/**
 * Whether a cohort may show a banded histogram where its quartiles are withheld: not a pool. A pool's bands less
 * its types' published bands count, per band, the councils of its types without a histogram, and the band check
 * (histograms.ts) counts sets of bands but not cohorts' published counts beside them, so pools show quartiles or
 * nothing.
 */
export function mayShowHistogram(group: CohortGroup): boolean {
  return group.kind !== 'pool';
}
