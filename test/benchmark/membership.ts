import type { CouncilType } from '../../src/activity/council.js';
import type { CohortGroup, Submission } from '../../src/benchmark/index.js';

/** The council types of each pooled cohort, written out here as the tests' oracle (the councils English benchmarking pools). */
export const POOL_TYPES: Record<Extract<CohortGroup, { kind: 'pool' }>['pool'], readonly CouncilType[]> = {
  'single-tier': ['unitary', 'metropolitan-district', 'london-borough'],
  'upper-tier': ['county', 'unitary', 'metropolitan-district', 'london-borough'],
};

/** Whether a submission's council is in a cohort: all councils, its type, its region, or a pool of its type. */
export function inCohort(s: Pick<Submission, 'profile'>, group: CohortGroup): boolean {
  switch (group.kind) {
    case 'all':
      return true;
    case 'council-type':
      return s.profile.councilType === group.councilType;
    case 'region':
      return s.profile.region === group.region;
    case 'pool':
      return POOL_TYPES[group.pool].includes(s.profile.councilType);
  }
}
