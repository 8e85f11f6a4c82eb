import { COUNCIL_TYPES, COUNCIL_TYPE_INFO, REGIONS, REGION_LABELS, type CouncilType, type Region } from '../activity/council.js';
import type { SubmissionProfile as CouncilProfile } from './submission.js';

/**
 * Councils are compared only with councils reporting the same year with the same factor set (a base group);
 * within it, with all of them, with their own type and with their own region. The type cohorts and the
 * region cohorts are each a partition of "all councils", which is what secondary suppression protects.
 */
export type CohortGroup =
  | { readonly kind: 'all' }
  | { readonly kind: 'council-type'; readonly councilType: CouncilType }
  | { readonly kind: 'region'; readonly region: Region };
export type Partition = CohortGroup['kind'];

export interface CohortKey {
  readonly reportingYear: string;
  readonly factorSetId: string;
  readonly group: CohortGroup;
}

export function baseGroupId(reportingYear: string, factorSetId: string): string {
  return `${reportingYear} ${factorSetId}`;
}

export function cohortId(key: CohortKey): string {
  const g = key.group;
  const suffix = g.kind === 'all' ? 'all' : g.kind === 'council-type' ? `council-type:${g.councilType}` : `region:${g.region}`;
  return `${baseGroupId(key.reportingYear, key.factorSetId)} ${suffix}`;
}

/** A cohort's name for a report: "All councils", the council type's label, or "Councils in" its region. */
export function groupLabel(group: CohortGroup): string {
  return group.kind === 'all' ? 'All councils' : group.kind === 'council-type' ? COUNCIL_TYPE_INFO[group.councilType].label : `Councils in ${REGION_LABELS[group.region]}`;
}

/** The cohorts of a base group with at least one council, in report order: all, types, regions. */
export function groupsPresent(profiles: readonly CouncilProfile[]): CohortGroup[] {
  const types = new Set(profiles.map((p) => p.councilType));
  const regions = new Set(profiles.map((p) => p.region));
  return [
    { kind: 'all' },
    ...COUNCIL_TYPES.filter((t) => types.has(t)).map((councilType) => ({ kind: 'council-type', councilType }) as const),
    ...REGIONS.filter((r) => regions.has(r)).map((region) => ({ kind: 'region', region }) as const),
  ];
}

export function isMember(profile: CouncilProfile, group: CohortGroup): boolean {
  return group.kind === 'all' || (group.kind === 'council-type' ? profile.councilType === group.councilType : profile.region === group.region);
}
