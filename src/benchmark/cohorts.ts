import { COUNCIL_TYPES, COUNCIL_TYPE_INFO, REGIONS, REGION_LABELS, type CouncilType, type Region } from '../activity/council.js';
import type { SubmissionProfile as CouncilProfile } from './submission.js';

/**
 * Councils are compared only with councils reporting the same year with the same factor set (a base group);
 * within it, with all of them, with their own type, with their own region and with the pooled cohorts of types
 * their type is in. The type cohorts and the region cohorts are each a partition of "all councils", which is what
 * secondary suppression protects; a pooled cohort is a union of type cohorts (see pools.ts for how its figures
 * are kept from telling anything its types' do not).
 */
export type CohortGroup =
  | { readonly kind: 'all' }
  | { readonly kind: 'council-type'; readonly councilType: CouncilType }
  | { readonly kind: 'region'; readonly region: Region }
  | { readonly kind: 'pool'; readonly pool: PoolId };

/**
 * Pooled cohorts, as English local-government benchmarking groups councils: single-tier councils (unitary
 * authorities, metropolitan districts and London boroughs deliver every service) and upper-tier councils (those,
 * and county councils: the social-care and highways authorities). Counties, metropolitan districts and London
 * boroughs are each too few for quartiles in most releases; pooled, they are compared with councils that run the
 * same services.
 */
export const POOLS = {
  'single-tier': { label: 'Single-tier councils (England)', councilTypes: ['unitary', 'metropolitan-district', 'london-borough'] },
  'upper-tier': { label: 'Upper-tier councils (England: counties and single-tier)', councilTypes: ['county', 'unitary', 'metropolitan-district', 'london-borough'] },
} as const satisfies Record<string, { readonly label: string; readonly councilTypes: readonly CouncilType[] }>;
export type PoolId = keyof typeof POOLS;
export const POOL_IDS = Object.keys(POOLS) as PoolId[];

export interface CohortKey {
  readonly reportingYear: string;
  readonly factorSetId: string;
  readonly group: CohortGroup;
}

export function baseGroupId(reportingYear: string, factorSetId: string): string {
  return `${reportingYear} ${factorSetId}`;
}

export function cohortId(key: CohortKey): string {
  return `${baseGroupId(key.reportingYear, key.factorSetId)} ${groupSuffix(key.group)}`;
}

function groupSuffix(g: CohortGroup): string {
  switch (g.kind) {
    case 'all':
      return 'all';
    case 'council-type':
      return `council-type:${g.councilType}`;
    case 'region':
      return `region:${g.region}`;
    case 'pool':
      return `pool:${g.pool}`;
  }
}

/** A cohort's name for a report: "All councils", the council type's label, "Councils in" its region, or the pool's label. */
export function groupLabel(group: CohortGroup): string {
  switch (group.kind) {
    case 'all':
      return 'All councils';
    case 'council-type':
      return COUNCIL_TYPE_INFO[group.councilType].label;
    case 'region':
      return `Councils in ${REGION_LABELS[group.region]}`;
    case 'pool':
      return POOLS[group.pool].label;
  }
}

/**
 * The cohorts of a base group with at least one council, in report order: all, types, regions, then pools. A pool
 * is present where it is a new set of councils: the base group has councils of at least two of its types (with one
 * it would be that type's cohort again) and of some type outside it (else it would be all councils again, and its
 * count, withheld with a type's, would withhold the all-councils count as the same councils), and not exactly the
 * types of a pool before it (upper-tier without counties is single-tier). Pools come last so that every other
 * cohort's figures are decided as they would be without them.
 */
export function groupsPresent(profiles: readonly CouncilProfile[]): CohortGroup[] {
  const types = new Set(profiles.map((p) => p.councilType));
  const regions = new Set(profiles.map((p) => p.region));
  const pooled: string[] = [];
  const pools = POOL_IDS.filter((pool) => {
    const present = POOLS[pool].councilTypes.filter((t) => types.has(t));
    const key = present.join(',');
    if (present.length < 2 || present.length === types.size || pooled.includes(key)) return false;
    pooled.push(key);
    return true;
  });
  return [
    { kind: 'all' },
    ...COUNCIL_TYPES.filter((t) => types.has(t)).map((councilType) => ({ kind: 'council-type', councilType }) as const),
    ...REGIONS.filter((r) => regions.has(r)).map((region) => ({ kind: 'region', region }) as const),
    ...pools.map((pool) => ({ kind: 'pool', pool }) as const),
  ];
}

export function isMember(profile: CouncilProfile, group: CohortGroup): boolean {
  switch (group.kind) {
    case 'all':
      return true;
    case 'council-type':
      return profile.councilType === group.councilType;
    case 'region':
      return profile.region === group.region;
    case 'pool':
      return (POOLS[group.pool].councilTypes as readonly CouncilType[]).includes(profile.councilType);
  }
}
