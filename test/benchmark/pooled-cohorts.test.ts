import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CouncilType, Region } from '../../src/activity/council.js';
import { COUNCIL_TYPE_INFO } from '../../src/activity/council.js';
import { applyLedger, auditView, benchmark, DEFAULT_POLICY, EMPTY_LEDGER, LedgerSchema, recordRelease, sharedView, type AuditReport, type Submission } from '../../src/benchmark/index.js';
import { Decimal } from '../../src/decimal.js';
import { tally } from './arbitraries.js';
import { syntheticCouncil } from './districts.js';
import { rank } from './exact-rank.js';
import { inCohort, POOL_TYPES } from './membership.js';

/**
 * Pooled cohorts (single-tier, upper-tier): a pool publishes quartiles its few-membered types cannot, while its
 * count and total tell nothing its types' published figures do not, and its windows are checked like any cohort's.
 */

const K = DEFAULT_POLICY.minCouncils;

/** A synthetic council of any type, all its total scope 1 (codes in an unused range, so a leak is easy to see). */
function council(i: number, councilType: CouncilType, region: Region, total: number | string): Submission {
  return syntheticCouncil(total, { onsCode: `${COUNCIL_TYPE_INFO[councilType].gssPrefix}9${String(i).padStart(5, '0')}`, name: `Pool Test Council ${i}`, councilType, region });
}

type Cohort = AuditReport['baseGroups'][number]['cohorts'][number];
const metricOf = (c: Cohort, metric = 'total/absolute') => c.metrics.find((m) => m.metric === metric)!;
const cohortOf = (audit: AuditReport, suffix: string) => audit.baseGroups[0]!.cohorts.find((c) => c.id.endsWith(` ${suffix}`))!;

/** Whether `target` is a rational combination of `rows` (exact: exact-rank.ts). */
function inSpan(rows: readonly (readonly number[])[], target: readonly number[]): boolean {
  return rank(rows) === rank([...rows, target]);
}

const QUARTER = { lowerQuartile: 1, median: 2, upperQuartile: 3 } as const;

/**
 * Every published sum of one metric in a base group (cohort totals and quartile windows) as the set of councils
 * (indices into `members`) behind it, worked out here from the submissions: a cohort's members by `inCohort`, a
 * window as the k councils from floor((n − 1)q/4 − k/2 + 1) (clamped) of the cohort ascending, ties in member order.
 */
function publishedSums(cohorts: readonly Cohort[], members: readonly Submission[], metric = 'total/absolute'): number[][] {
  return cohorts.flatMap((c) => {
    const m = metricOf(c, metric);
    return (['total', 'lowerQuartile', 'median', 'upperQuartile'] as const).flatMap((s) => (m[s]?.status === 'published' ? [behind(c, members, s, metric)] : []));
  });
}

/** The councils behind one statistic of a cohort (indices into `members`): all its members for a count or total, else its window. */
function behind(c: Cohort, members: readonly Submission[], statistic: 'count' | 'total' | keyof typeof QUARTER, metric = 'total/absolute'): number[] {
  const field = metric.split('/')[0] as 'total' | 'scope1';
  const value = (i: number) => new Decimal(members[i]!.totals[field]);
  const inside = members.flatMap((s, i) => (inCohort(s, c.group) ? [i] : [])).sort((a, b) => value(a).cmp(value(b)) || a - b);
  if (statistic === 'count' || statistic === 'total') return inside;
  const n = inside.length;
  const start = Math.min(Math.max(Math.floor(((n - 1) * QUARTER[statistic]) / 4 - K / 2 + 1), 0), n - K);
  return inside.slice(start, start + K);
}

const indicator = (size: number, set: readonly number[]) => Array.from({ length: size }, (_, i) => (set.includes(i) ? 1 : 0));

describe('pooled cohorts: hand-worked', () => {
  // 10 districts in the South West, 4 unitaries and 3 metropolitan districts in the North West, 3 London boroughs.
  const DISTRICTS = [1010, 1120, 1230, 1340, 1460, 1550, 1680, 1790, 1890, 1990];
  const UNITARIES = [10100, 12300, 14700, 18900];
  const METROPOLITAN = [11200, 13900, 16100];
  const LONDON = [10600, 15200, 17300];
  const subs = [
    ...DISTRICTS.map((v, i) => council(i, 'district', 'south-west', v)),
    ...UNITARIES.map((v, i) => council(20 + i, 'unitary', 'north-west', v)),
    ...METROPOLITAN.map((v, i) => council(30 + i, 'metropolitan-district', 'north-west', v)),
    ...LONDON.map((v, i) => council(40 + i, 'london-borough', 'london', v)),
  ];

  it('the single-tier pool publishes a median none of its types can, and keeps its count back as its types keep theirs', () => {
    const audit = auditView(benchmark(subs));
    const pool = metricOf(cohortOf(audit, 'pool:single-tier'));
    // The pool's ten, ascending: 10100 10600 11200 | 12300 13900 14700 15200 16100 | 17300 18900. Window start
    // floor((10 − 1) × 0.5 − 5/2 + 1) = 3: (12300 + 13900 + 14700 + 15200 + 16100) / 5 = 72200 / 5 = 14440 → 14400.
    expect(pool.median).toEqual({ status: 'published', value: '14400' });
    // 4, 3 and 3 councils: no type has a median (2k = 10), nor the North West (7).
    for (const id of ['council-type:unitary', 'council-type:metropolitan-district', 'council-type:london-borough', 'region:north-west', 'region:london']) {
      expect(metricOf(cohortOf(audit, id)).median.status, id).toBe('suppressed');
    }
    // Its types' counts are withheld (below the threshold), so the pool's ten is too: it would be their sum.
    expect(pool.count).toEqual({ status: 'suppressed', reason: 'secondary' });
    expect(pool.total).toEqual({ status: 'suppressed', reason: 'secondary' });
    // No upper-tier pool without counties: it would be the single-tier pool again.
    expect(audit.baseGroups[0]!.cohorts.map((c) => c.id.split(' ').pop())).not.toContain('pool:upper-tier');
    // Labelled in the shared view, under a stable id.
    const shared = sharedView(benchmark(subs)).baseGroups[0]!.cohorts.find((c) => c.group.kind === 'pool')!;
    expect([shared.id, shared.label]).toEqual(['2023/24 desnz-2023 pool:single-tier', 'Single-tier councils (England)']);
  });

  it('a late single-tier council between two releases: the pool median it moves is withheld by the ledger, and would have been published without it', () => {
    const first = applyLedger(benchmark(subs), EMPTY_LEDGER);
    const ledger = LedgerSchema.parse(recordRelease(first, EMPTY_LEDGER, '2024-10-01T09:00:00Z'));
    expect(ledger.releases[0]!.cohorts['2023/24 desnz-2023 pool:single-tier']!.cells['total/absolute']!.median!.contributors).toHaveLength(K);
    const withLate = [...subs, council(33, 'metropolitan-district', 'north-west', 12000)];
    // Eleven, ascending: 10100 10600 11200 | 12000 12300 13900 14700 15200 | …; start floor(10 × 0.5 − 1.5) = 3.
    // Alone it is (12000 + 12300 + 13900 + 14700 + 15200) / 5 = 68100 / 5 = 13620 → 13600; against release 1 the
    // window lost 16100 and gained 12000, so the pair gives 16100 − 12000: two councils, fewer than k.
    expect(metricOf(cohortOf(auditView(benchmark(withLate)), 'pool:single-tier')).median).toEqual({ status: 'published', value: '13600' });
    const second = auditView(applyLedger(benchmark(withLate), ledger));
    expect(metricOf(cohortOf(second, 'pool:single-tier')).median).toEqual({ status: 'suppressed', reason: 'earlier-release' });
  });

  it('a pool total is published where every one of its types\' totals is, as their sum', () => {
    // 5 districts, 5 unitaries and 5 metropolitan districts, ascending in that order: all councils' median window
    // (start floor(14 × 0.5 − 1.5) = 5) is exactly the unitaries, so every type total can be published beside it.
    const list = [
      ...[1010, 1230, 1450, 1670, 1890].map((v, i) => council(i, 'district', 'south-west', v)),
      ...[10100, 11300, 12200, 13400, 14600].map((v, i) => council(10 + i, 'unitary', 'north-west', v)),
      ...[15200, 17100, 19300, 21800, 24600].map((v, i) => council(20 + i, 'metropolitan-district', 'north-west', v)),
    ];
    const audit = auditView(benchmark(list));
    const total = (id: string) => metricOf(cohortOf(audit, id)).total;
    // By hand: districts 7250, unitaries 61600, metropolitan districts 98000; the pool 61600 + 98000 = 159600 → 160000.
    expect([total('council-type:district'), total('council-type:unitary'), total('council-type:metropolitan-district')]).toEqual([
      { status: 'published', value: '7250' },
      { status: 'published', value: '61600' },
      { status: 'published', value: '98000' },
    ]);
    expect(total('pool:single-tier')).toEqual({ status: 'published', value: '160000' });
    expect(metricOf(cohortOf(audit, 'pool:single-tier')).count).toEqual({ status: 'published', value: '10' });
  });

  it('a pool holding exactly a region\'s councils shows that region\'s count, and withholds no other cohort\'s', () => {
    // 10 districts in the South West; 6 unitaries and 3 metropolitan districts, all in the North West, which so holds
    // exactly the single-tier pool. The 3 metropolitan districts' count is withheld, and with it the unitaries' (the
    // next smallest of the split), so the pool's is no sum of published types; but it is the North West's 9.
    const list = [
      ...DISTRICTS.map((v, i) => council(i, 'district', 'south-west', v)),
      ...[10100, 12300, 14700, 18900, 21100, 23300].map((v, i) => council(20 + i, 'unitary', 'north-west', v)),
      ...METROPOLITAN.map((v, i) => council(30 + i, 'metropolitan-district', 'north-west', v)),
    ];
    const audit = auditView(benchmark(list));
    const count = (id: string) => metricOf(cohortOf(audit, id)).count;
    expect(count('council-type:metropolitan-district')).toEqual({ status: 'suppressed', reason: 'below-threshold' });
    expect(count('council-type:unitary')).toEqual({ status: 'suppressed', reason: 'secondary' });
    expect([count('all'), count('council-type:district'), count('region:north-west'), count('region:south-west')]).toEqual(
      ['19', '10', '9', '10'].map((value) => ({ status: 'published', value })),
    );
    expect(count('pool:single-tier')).toEqual({ status: 'published', value: '9' });
  });

  it('a withheld London-borough count or total cannot be had as the pool less the other types: the attacker solving for London fails', () => {
    // 3 London boroughs (below the threshold); 5 districts, 8 unitaries and 8 metropolitan districts, all in the North West.
    const values = (n: number, from: number, step: number) => Array.from({ length: n }, (_, i) => from + i * step + (i % 3) * 37);
    const types: [CouncilType, Region, number[]][] = [
      ['district', 'north-west', values(5, 1100, 210)],
      ['unitary', 'north-west', values(8, 9000, 1700)],
      ['metropolitan-district', 'north-west', values(8, 12000, 1900)],
      ['london-borough', 'london', [9100, 13300, 17900]],
    ];
    const list = types.flatMap(([type, region, vs], t) => vs.map((v, i) => council(100 * t + i, type, region, v)));
    const audit = auditView(benchmark(list));
    const cohorts = audit.baseGroups[0]!.cohorts;
    // The cells an attacker solves over: councils of one type in one region.
    const cells = types.map(([type, region]) => ({ profile: { councilType: type, region } }) as Pick<Submission, 'profile'>);
    const row = (c: Cohort) => cells.map((cell) => (inCohort(cell, c.group) ? 1 : 0));
    const london = cells.map((_, i) => (i === 3 ? 1 : 0));
    const pool = cohorts.find((c) => c.group.kind === 'pool')!;
    const sharedPool = sharedView(benchmark(list)).baseGroups[0]!.cohorts.find((c) => c.group.kind === 'pool')!.metrics[0]!;
    for (const figure of ['count', 'total'] as const) {
      // The pool's figure is withheld, as the one marker in the shared view and 'secondary' in the audit.
      expect(metricOf(pool)[figure], figure).toEqual({ status: 'suppressed', reason: 'secondary' });
      expect(sharedPool[figure]).toEqual({ status: 'suppressed' });
    }
    // Counts: the other types' and all councils' are published (the partition withheld the districts' beside London's).
    const counted = cohorts.filter((c) => metricOf(c).count.status === 'published');
    expect(counted.map((c) => c.id.split(' ').pop())).toEqual(['all', 'council-type:unitary', 'council-type:metropolitan-district']);
    // The attacker: every published count as an equation over the cells; London's is not determined…
    expect(inSpan(counted.map(row), london)).toBe(false);
    // …and would have been, had the pool's been published: pool − unitaries − metropolitan districts.
    expect(inSpan([...counted.map(row), row(pool)], london)).toBe(true);
    // Totals: every published total and quartile window as an equation over the councils; London's total is not determined.
    const sums = publishedSums(cohorts, list);
    expect(sums.length).toBeGreaterThanOrEqual(2);
    const londonCouncils = list.flatMap((s, i) => (s.profile.councilType === 'london-borough' ? [i] : []));
    expect(inSpan(sums.map((set) => indicator(list.length, set)), indicator(list.length, londonCouncils))).toBe(false);
  });
});

/** Councils of each type and region as English base groups have them, few of each single-tier type (so no type has quartiles) but enough pooled. */
const PLACES: Record<'district' | 'county' | 'unitary' | 'metropolitan-district' | 'london-borough', { regions: readonly Region[]; most: number; size: [number, number] }> = {
  district: { regions: ['south-west', 'east-midlands'], most: 14, size: [800, 9000] },
  county: { regions: ['south-west', 'east-midlands'], most: 7, size: [15000, 60000] },
  unitary: { regions: ['north-west', 'south-west'], most: 9, size: [5000, 30000] },
  'metropolitan-district': { regions: ['north-west'], most: 9, size: [8000, 40000] },
  'london-borough': { regions: ['london'], most: 9, size: [6000, 25000] },
};

const baseGroupArb = fc
  .tuple(
    ...(Object.entries(PLACES) as [CouncilType, (typeof PLACES)[keyof typeof PLACES]][]).map(([type, place]) =>
      fc
        // Half the time at least k of the type (its count published, so the pool's can be), else any number up to the most.
        .oneof(fc.constant(0), fc.constant(type === 'district' || type === 'county' ? 0 : K))
        .chain((least) => fc.array(fc.tuple(fc.constantFrom(...place.regions), fc.integer({ min: place.size[0] * 10, max: place.size[1] * 10 })), { minLength: least, maxLength: place.most, size: 'max' }))
        .map((list) => list.map(([region, tenths]) => ({ type, region, tenths }))),
    ),
  )
  .map((byType) =>
    // Distinct figures (a thousandth apart at least), so a window's councils are the same whatever breaks ties.
    byType.flat().map((c, i) => council(i, c.type, c.region, new Decimal(c.tenths).div(10).plus(new Decimal(i).div(1000)).toFixed())),
  );

describe('pooled cohorts: properties', () => {
  it('every group of councils the published totals and windows of a metric tell apart holds k or more; a pool count or total is published only as the sum of its published types', () => {
    const seen = tally();
    fc.assert(
      fc.property(baseGroupArb, (members) => {
        if (members.length === 0) return;
        const cohorts = auditView(benchmark(members)).baseGroups[0]!.cohorts;
        for (const c of cohorts.filter((x) => x.group.kind === 'pool')) {
          const group = c.group as Extract<Cohort['group'], { kind: 'pool' }>;
          const m = metricOf(c);
          for (const name of ['lowerQuartile', 'median', 'upperQuartile'] as const) seen.figure(`${group.pool} ${name}`, m[name]);
          // Pools show quartiles or nothing: no banded histogram (its bands less its types' are not checked with counts).
          expect(m.histogram, c.id).toBeUndefined();
          const parts = cohorts.filter((t) => t.group.kind === 'council-type' && POOL_TYPES[group.pool].includes(t.group.councilType));
          // A new set of councils: two or more of its types, and not all councils again.
          expect(parts.length, c.id).toBeGreaterThanOrEqual(2);
          expect(members.some((s) => !inCohort(s, c.group)), c.id).toBe(true);
          // Other cohorts of exactly the pool's councils (a region holding only them): the pool is their set.
          const key = (x: Cohort) => members.map((s) => (inCohort(s, x.group) ? 1 : 0)).join('');
          const twins = cohorts.filter((x) => x.group.kind !== 'pool' && key(x) === key(c));
          for (const figure of ['count', 'total'] as const) {
            seen.figure(`pool ${figure}`, m[figure]);
            const twin = twins.find((x) => metricOf(x)[figure] !== undefined);
            if (twin !== undefined) {
              // Published or withheld alike, and then the same number: nothing new.
              seen.add(`pool ${figure} beside a cohort of the same councils`);
              expect(m[figure], `${c.id} ${figure} as ${twin.id}`).toEqual(metricOf(twin)[figure]?.status === 'published' ? metricOf(twin)[figure] : { status: 'suppressed', reason: expect.any(String) });
              continue;
            }
            if (m[figure]?.status !== 'published') continue;
            const shown = parts.map((t) => metricOf(t)[figure]!);
            expect(shown.every((f) => f.status === 'published'), `${c.id} ${figure}: its types' are ${JSON.stringify(shown)}`).toBe(true);
            if (figure === 'count') expect(m.count).toEqual({ status: 'published', value: String(shown.reduce((a, f) => a + Number(f.status === 'published' ? f.value : NaN), 0)) });
          }
          // A published pool quartile is the mean of its window of the pool's councils, rounded to 3 significant figures.
          const sorted = members.filter((s) => inCohort(s, c.group)).map((s) => new Decimal(s.totals.total)).sort((a, b) => a.cmp(b));
          for (const name of ['lowerQuartile', 'median', 'upperQuartile'] as const) {
            if (m[name].status !== 'published') continue;
            const start = Math.min(Math.max(Math.floor(((sorted.length - 1) * QUARTER[name]) / 4 - K / 2 + 1), 0), sorted.length - K);
            const mean = sorted.slice(start, start + K).reduce((a, b) => a.plus(b), new Decimal(0)).div(K);
            expect(m[name], `${c.id} ${name}`).toEqual({ status: 'published', value: mean.toSignificantDigits(3, Decimal.ROUND_HALF_EVEN).toString() });
          }
        }
        // The atoms of the published sums: councils in exactly the same published sets. Any set whose sum can be
        // worked out by adding and subtracting published sums is a union of atoms, so each must hold k or more.
        const sums = publishedSums(cohorts, members);
        const atoms = new Map<string, number>();
        members.forEach((_, i) => {
          const key = sums.flatMap((set, s) => (set.includes(i) ? [s] : [])).join(',');
          if (key !== '') atoms.set(key, (atoms.get(key) ?? 0) + 1);
        });
        for (const [key, size] of atoms) {
          seen.add('atom');
          if (key.split(',').some((s) => cohorts.some((c) => c.group.kind === 'pool' && sums[Number(s)]!.every((i) => inCohort(members[i]!, c.group))))) seen.add('atom inside a pool sum');
          expect(size, `atom in published sums ${key}`).toBeGreaterThanOrEqual(K);
        }
      }),
      { numRuns: 300, seed: 4242 },
    );
    seen.expectAtLeast({
      'single-tier median published': 25,
      'single-tier lowerQuartile published': 8,
      'single-tier upperQuartile published': 8,
      'upper-tier median published': 12,
      'upper-tier lowerQuartile published': 8,
      'upper-tier upperQuartile published': 8,
      'pool count published': 40,
      'pool count beside a cohort of the same councils': 1,
      'pool count suppressed': 100,
      'atom inside a pool sum': 200,
    });
  });

  it('two releases with 1 to 8 late single-tier councils: a pool figure that moved rests on councils differing by k or more, and a pool count or total stays the sum of its types\' (ledger)', () => {
    const seen = tally();
    const single = fc.constantFrom<CouncilType>('unitary', 'metropolitan-district', 'london-borough');
    const figure = fc.integer({ min: 50000, max: 300000 });
    // A few late councils of any single-tier types (fewer than k: what the ledger must withhold), or k to 8 of one type (enough to publish).
    const lateArb = fc.oneof(
      fc.array(fc.tuple(single, figure), { minLength: 1, maxLength: 4 }),
      fc.tuple(single, fc.array(figure, { minLength: K, maxLength: 8 })).map(([type, figures]) => figures.map((f) => [type, f] as [CouncilType, number])),
    );
    fc.assert(
      fc.property(baseGroupArb, lateArb, (members, lateOnes) => {
        if (members.length === 0) return;
        const first = applyLedger(benchmark(members), EMPTY_LEDGER);
        const ledger = LedgerSchema.parse(recordRelease(first, EMPTY_LEDGER, '2024-10-01T09:00:00Z'));
        const late = lateOnes.map(([type, tenths], i) => council(900 + i, type, PLACES[type as keyof typeof PLACES].regions[0]!, new Decimal(tenths).div(10).plus(new Decimal(i).div(10000)).toFixed()));
        const after = [...members, ...late];
        const before = auditView(first).baseGroups[0]!.cohorts;
        const now = auditView(applyLedger(benchmark(after), ledger)).baseGroups[0]!.cohorts;
        const codes = (list: readonly Submission[], set: readonly number[]) => set.map((i) => list[i]!.profile.onsCode);
        for (const c of now.filter((x) => x.group.kind === 'pool')) {
          const then = before.find((x) => x.id === c.id);
          const m = metricOf(c);
          for (const s of ['count', 'total', 'lowerQuartile', 'median', 'upperQuartile'] as const) {
            const f = m[s];
            seen.figure(`release 2 pool ${s}`, f);
            const earlier = then === undefined ? undefined : metricOf(then)[s];
            if (f?.status !== 'published' || earlier?.status !== 'published' || then === undefined) continue;
            const a = new Set(codes(members, behind(then, members, s)));
            const b = new Set(codes(after, behind(c, after, s)));
            const moved = [...a].filter((x) => !b.has(x)).length + [...b].filter((x) => !a.has(x)).length;
            if (moved === 0) continue;
            seen.add('pool figure moved');
            expect(moved, `${c.id} ${s}: ${f.value} then ${earlier.value}`).toBeGreaterThanOrEqual(K);
          }
          const parts = now.filter((t) => t.group.kind === 'council-type' && POOL_TYPES[(c.group as { pool: keyof typeof POOL_TYPES }).pool].includes(t.group.councilType));
          const key = (x: Cohort) => after.map((s) => (inCohort(s, x.group) ? 1 : 0)).join('');
          for (const s of ['count', 'total'] as const) {
            if (m[s]?.status !== 'published') continue;
            // Its types' are published (it is their sum), or a cohort of the same councils shows the same figure.
            const twin = now.find((x) => x.group.kind !== 'pool' && key(x) === key(c) && metricOf(x)[s] !== undefined);
            if (twin !== undefined) expect(metricOf(twin)[s], `${c.id} ${s} as ${twin.id}`).toEqual(m[s]);
            else expect(parts.every((t) => metricOf(t)[s]?.status === 'published'), `${c.id} ${s}`).toBe(true);
          }
        }
      }),
      { numRuns: 150, seed: 777 },
    );
    seen.expectAtLeast({ 'release 2 pool median published': 10, 'release 2 pool median suppressed': 100, 'release 2 pool count published': 5, 'pool figure moved': 5 });
  });
});
