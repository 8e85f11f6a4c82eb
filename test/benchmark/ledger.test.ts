import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../examples/build-submissions.js';
import { benchmarkCommand } from '../../src/cli/commands/benchmark.js';
import { EXIT, type CliIO } from '../../src/cli/io.js';
import { applyLedger, AuditReportSchema, auditView, SharedReportSchema, benchmark, councilView, EMPTY_LEDGER, LedgerSchema, recordRelease, sharedView, type Submission } from '../../src/benchmark/index.js';
import { Decimal } from '../../src/decimal.js';
import { submissionsArb } from './arbitraries.js';
import { district as anyDistrict } from './districts.js';

/** One release through the ledger: the figures it may publish, and the ledger with it recorded. */
function release(subs: readonly Submission[], ledger = EMPTY_LEDGER) {
  const result = applyLedger(benchmark(subs), ledger);
  return { result, ledger: LedgerSchema.parse(recordRelease(result, ledger, '2024-10-01T09:00:00Z')) };
}

type Cell = { status: string; value?: string };
/** Every published figure of a view, keyed by cohort, metric and statistic. */
function published(result: ReturnType<typeof benchmark>): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of auditView(result).baseGroups) {
    for (const c of g.cohorts) {
      for (const m of c.metrics) {
        for (const [s, f] of Object.entries(m) as [string, Cell | string][]) if (typeof f === 'object' && f.status === 'published') out.set(`${c.id}|${m.metric}|${s}`, f.value!);
      }
    }
  }
  return out;
}

const late = (s: Submission, total: string, i: number): Submission => ({
  ...s,
  profile: { ...s.profile, onsCode: `${s.profile.onsCode.slice(0, 3)}7${String(i).padStart(5, '0')}`, name: `Late Council ${i}` },
  totals: { total, scope1: total, scope2Location: '0', scope2Market: '0', scope3: '0', byCategory: {} },
  denominators: {},
});

describe('the release ledger', () => {
  /**
   * The attacker: anyone holding two releases, the second with one late council. Without the ledger the
   * all-councils total moved by exactly the late council's figure. With it, every figure published in both
   * releases is either the same value (nothing learnt) or rests on contributors differing by at least k.
   */
  it('a late submission between two releases cannot be recovered from the pair (fast-check)', () => {
    fc.assert(
      fc.property(submissionsArb, fc.integer({ min: 100, max: 200000 }), fc.nat(), (subs, size, pick) => {
        const first = release(subs);
        const victim = late(subs[pick % subs.length]!, String(size), 1);
        const second = release([...subs, victim], first.ledger);
        const before = published(first.result);
        const after = published(second.result);
        const total = new Decimal(size);
        for (const [key, value] of after) {
          const then = before.get(key);
          if (then === undefined || then === value) continue;
          // A figure that moved: the ledger let it through only if its councils changed by k or more, so the
          // difference is no single council's figure; in particular never the late council's within ±10%.
          if (key.endsWith('|total') && key.includes('/absolute')) {
            const diff = new Decimal(value).minus(then).abs();
            expect(diff.minus(total).abs().lte(total.div(10)) && key.includes(victim.profile.reportingYear), key).toBe(false);
          }
        }
        // The cohorts the late council joined publish nothing new about it: the all-councils total is withheld or unchanged.
        const allTotal = [...after.keys()].filter((k) => k.includes(victim.profile.reportingYear) && k.endsWith(' all|total/absolute|total'));
        for (const key of allTotal) expect(before.get(key) === undefined || before.get(key) === after.get(key), key).toBe(true);
      }),
      { numRuns: 60, seed: 9 },
    );
  });

  /**
   * The attacker: a holder of two releases who works out a withheld type total from the same release (all
   * councils minus the other types) and differences it with the earlier release. One late district arrives with
   * 0-7 late unitaries: when five or more come, the unitary and all-councils totals move by k or more councils and
   * could be published while the district total is withheld (fast-check over cohort sizes and totals).
   */
  it('a type total the ledger withholds cannot be worked out from the same release and differenced (fast-check)', () => {
    const unitary = (i: number, total: number): Submission => {
      const s = anyDistrict(500 + i, total, 'north-east');
      return { ...s, profile: { ...s.profile, onsCode: `E0690${String(i).padStart(4, '0')}`, name: `Test Unitary ${i}`, councilType: 'unitary' } };
    };
    let unitariesMoved = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 100, max: 500 }), { minLength: 10, maxLength: 20 }),
        fc.array(fc.integer({ min: 10000, max: 30000 }), { minLength: 10, maxLength: 20 }),
        fc.integer({ min: 100, max: 1000 }),
        fc.array(fc.integer({ min: 10000, max: 30000 }), { minLength: 3, maxLength: 8 }),
        (districtTotals, unitaryTotals, victimTotal, lateUnitaries) => {
          const ds = districtTotals.map((t, i) => anyDistrict(i + 1, t, 'north-west'));
          const us = unitaryTotals.map((t, i) => unitary(i + 1, t));
          const first = release([...ds, ...us]);
          const second = release([...ds, anyDistrict(99, victimTotal, 'north-west'), ...us, ...lateUnitaries.map((t, i) => unitary(50 + i, t))], first.ledger);
          const key = (cohort: string) => `2023/24 desnz-2023 ${cohort}|total/absolute|total`;
          const districtTotal = (figures: Map<string, string>) => {
            const own = figures.get(key('council-type:district'));
            if (own !== undefined) return new Decimal(own);
            const [all, unitaries] = [figures.get(key('all')), figures.get(key('council-type:unitary'))];
            return all === undefined || unitaries === undefined ? undefined : new Decimal(all).minus(unitaries);
          };
          const [then, now] = [districtTotal(published(first.result)), districtTotal(published(second.result))];
          const after = published(second.result);
          if (after.has(key('council-type:unitary')) && after.get(key('council-type:unitary')) !== published(first.result).get(key('council-type:unitary'))) unitariesMoved++;
          if (then === undefined || now === undefined) return;
          const victim = new Decimal(victimTotal);
          expect(now.minus(then).minus(victim).abs().lte(victim.div(10)), `district total moved by ${now.minus(then).toString()}, the late district is ${victimTotal}`).toBe(false);
        },
      ),
      { numRuns: 80, seed: 12 },
    );
    // The property reached its subject: runs where the unitaries' total moved and was published.
    expect(unitariesMoved).toBeGreaterThanOrEqual(10);
  });

  /**
   * The attacker: a council that gets the benchmark re-run 200 times with its own figure changed each time,
   * watching the shared view and its own view. With the ledger its cohorts hold the same councils, so every run
   * shows exactly what the first release showed: it learns nothing, whatever it submits.
   */
  it('re-runs with a council probing with its own figure show the same shared view every time', () => {
    fc.assert(
      fc.property(submissionsArb.filter((s) => s.length >= 12), (subs) => {
        const first = release(subs);
        const shared = sharedView(first.result);
        const prober = subs[0]!;
        // Each re-run is checked against the first release (recording the re-runs too would add identical entries).
        for (let step = 1; step <= 200; step++) {
          const own = String(step * 997);
          const rerun = release([{ ...prober, totals: { ...prober.totals, total: own, scope1: own, scope2Location: '0', scope3: '0', byCategory: {} } }, ...subs.slice(1)], first.ledger);
          expect(sharedView(rerun.result)).toEqual(shared);
          const mine = councilView(rerun.result, prober.profile.onsCode)!;
          expect(mine.years.flatMap((y) => y.cohorts.map((c) => c.metrics[0]!.median))).toEqual(
            councilView(first.result, prober.profile.onsCode)!.years.flatMap((y) => y.cohorts.map((c) => c.metrics[0]!.median)),
          );
        }
      }),
      { numRuns: 2, seed: 4 },
    );
  });

  it('withholds, with its reason in the audit, a figure whose councils differ from the last release by fewer than k (hand-worked)', () => {
    const district = (i: number, total: number) => anyDistrict(i, total, 'north-west');
    // Ten districts of 1,000 to 1,900: total 14,500. An eleventh of 2,345 would move it to 16,845 (16,800 rounded).
    const ten = Array.from({ length: 10 }, (_, i) => district(i + 1, 1000 + 100 * i));
    const first = release(ten);
    expect(auditView(first.result).baseGroups[0]!.cohorts[0]!.metrics[0]!.total).toEqual({ status: 'published', value: '14500' });
    const second = release([...ten, district(11, 2345)], first.ledger);
    const m = auditView(second.result).baseGroups[0]!.cohorts[0]!.metrics[0]!;
    expect(m.total).toEqual({ status: 'suppressed', reason: 'earlier-release' });
    expect(m.count).toEqual({ status: 'suppressed', reason: 'earlier-release' });
    expect(sharedView(second.result).baseGroups[0]!.councils).toEqual({ status: 'suppressed' });
    // Five more late councils: 16 against 10 differ by 6 ≥ 5, so the total is published again.
    const more = [11, 12, 13, 14, 15, 16].map((i) => district(i, 1500 + i));
    const third = release([...ten, ...more], second.ledger);
    expect(auditView(third.result).baseGroups[0]!.cohorts[0]!.metrics[0]!.total).toEqual({ status: 'published', value: '23600' }); // 14,500 + 9,081 = 23,581
  });

  /**
   * The attacker: a holder of two releases who works a withheld figure out from the same release's published
   * ones. One late district (9,000) and five late unitaries arrive together: the district total is withheld
   * (one council changed), but the all-councils total (six changed) and the unitary total (five) would be
   * published, and all-councils minus unitaries is the districts' total, which minus the first release's
   * district total is the late district. Hand-worked: 14,500 + 9,000 = 23,500 districts; 14,500 + 7,515 = 22,015
   * unitaries (22,000 rounded); 45,515 in all (45,500 rounded).
   */
  it('a figure the ledger withholds is not given back by the other figures of the same release (hand-worked)', () => {
    const unitary = (i: number, total: number): Submission => {
      const s = anyDistrict(100 + i, total, 'north-east');
      return { ...s, profile: { ...s.profile, onsCode: `E0690${String(i).padStart(4, '0')}`, name: `Test Unitary ${i}`, councilType: 'unitary' } };
    };
    const districts = Array.from({ length: 10 }, (_, i) => anyDistrict(i + 1, 1000 + 100 * i, 'north-west'));
    const unitaries = Array.from({ length: 10 }, (_, i) => unitary(i + 1, 1000 + 100 * i));
    const first = release([...districts, ...unitaries]);
    const then = published(first.result);
    const key = (cohort: string) => `2023/24 desnz-2023 ${cohort}|total/absolute|total`;
    expect(then.get(key('council-type:district'))).toBe('14500');
    const lateUnitaries = [1, 2, 3, 4, 5].map((i) => unitary(10 + i, 1500 + i)); // 7,515
    const second = release([...districts, anyDistrict(11, 9000, 'north-west'), ...unitaries, ...lateUnitaries], first.ledger);
    const now = published(second.result);
    const audit = auditView(second.result).baseGroups[0]!.cohorts;
    const totalOf = (id: string) => audit.find((c) => c.id.endsWith(id))!.metrics[0]!.total;
    expect(totalOf('council-type:district')).toEqual({ status: 'suppressed', reason: 'earlier-release' });
    // The late unitaries are five: their cohort's total may be published again (22,000 = 22,015 rounded).
    expect(totalOf('council-type:unitary')).toEqual({ status: 'published', value: '22000' });
    // So the all-councils total must not be: with it, 45,500 - 22,000 - 14,500 = 9,000, the late district.
    expect(totalOf(' all')).toEqual({ status: 'suppressed', reason: 'secondary' });
    expect(now.has(key('all'))).toBe(false);
  });
});

describe('council-ghg benchmark --ledger --audit', () => {
  const recorder = (): CliIO & { outText: string[]; errText: string[] } => {
    const outText: string[] = [];
    const errText: string[] = [];
    return { outText, errText, out: (t) => outText.push(t), err: (t) => errText.push(t) };
  };

  it('records each release, withholds what a late file changes in the next, and keeps the reasons for the audit file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
    const dir = join(root, 'submissions');
    cpSync(EXAMPLES_DIR, dir, { recursive: true });
    const [ledger, audit] = [join(root, 'ledger.json'), join(root, 'audit.json')];
    expect(await benchmarkCommand([dir, '--ledger', ledger, '--format', 'json'], recorder())).toBe(EXIT.ok);
    expect(LedgerSchema.parse(JSON.parse(readFileSync(ledger, 'utf8'))).releases).toHaveLength(1);

    const s = JSON.parse(readFileSync(join(dir, 'E07900001-2023-24.json'), 'utf8')) as Submission;
    writeFileSync(join(dir, 'zz-late.json'), JSON.stringify({ ...s, profile: { ...s.profile, onsCode: 'E07900099', name: 'Fictional District 99' } }));
    const io = recorder();
    expect(await benchmarkCommand([dir, '--ledger', ledger, '--audit', audit, '--format', 'json'], io)).toBe(EXIT.ok);
    const shared = SharedReportSchema.parse(JSON.parse(io.outText.join('\n')));
    const group = (g: { reportingYear: string; factorSetId: string }) => g.reportingYear === '2023/24' && g.factorSetId === s.profile.factorSetId;
    expect(shared.baseGroups.find(group)!.councils).toEqual({ status: 'suppressed' });
    const audited = AuditReportSchema.parse(JSON.parse(readFileSync(audit, 'utf8')));
    expect(audited.baseGroups.find(group)!.cohorts[0]!.metrics[0]!.count).toEqual({ status: 'suppressed', reason: 'earlier-release' });
    expect(io.outText.join('\n')).not.toContain('earlier-release');
    expect(LedgerSchema.parse(JSON.parse(readFileSync(ledger, 'utf8'))).releases).toHaveLength(2);
  });
});
