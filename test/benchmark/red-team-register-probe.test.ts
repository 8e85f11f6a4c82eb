import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyLedger,
  benchmark,
  councilView,
  EMPTY_LEDGER,
  intakeHolds,
  LedgerSchema,
  loadRegister,
  parseIntake,
  readSubmissionsDir,
  recordRelease,
  sharedView,
  type SharedReport,
  type Submission,
} from '../../src/benchmark/index.js';
import { Decimal } from '../../src/decimal.js';
import { tally } from './arbitraries.js';
import { district, registered } from './districts.js';

/**
 * Red team (issue 12), histograms in play: invented councils against the register and intake list, and a council
 * probing with its own figure through its private view.
 */

const register = loadRegister();
const YEAR = '2023/24';
const southEast = [...register.get(YEAR)!.values()].filter((e) => e.councilType === 'district' && e.regions[0] === 'south-east');

const histogramsOf = (r: SharedReport) => r.baseGroups.flatMap((g) => g.cohorts.flatMap((c) => c.metrics.map((m) => m.histogram)));

describe('red team: invented councils beside a histogram', () => {
  /**
   * The attacker sends 1–6 invented councils of known size, chosen to sit just below and above grid edges, so that
   * their bands, subtracted, would single out a real council's band. Refused by the register (unregistered code,
   * a real code under another name or region, a synthetic council among real ones): every histogram, and the rest
   * of the view, is exactly the release without them.
   */
  it('invented councils never reach a histogram (fast-check)', () => {
    const seen = tally();
    const taken = new Set([...register.values()].flatMap((y) => [...y.keys()]));
    const outsider = southEast[40]!;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 500, max: 30000 }), { minLength: 10, maxLength: 20 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom('999', '1001', '1999', '2001', '4999', '5001', '9999', '10001'), fc.integer({ min: 0, max: 999_999 })), { minLength: 1, maxLength: 6 }),
        (totals, fakes) => {
          const councils = totals.map((t, i) => registered(southEast[i]!, t));
          const invented = fakes.map(([kind, size, n], i): Submission => {
            if (kind === 0) {
              const code = `E07${String(n).padStart(6, '0')}`;
              return taken.has(code) ? registered(outsider, size, { name: 'Elsewhere Council' }) : registered(outsider, size, { onsCode: code, name: `Invented ${i}` });
            }
            if (kind === 1) return registered(outsider, size, { name: 'Elsewhere Council' });
            if (kind === 2) return registered(outsider, size, { region: 'south-west' });
            return { ...registered(outsider, size, { onsCode: `E0799${String(i).padStart(4, '0')}`, name: `Invented ${i}` }), synthetic: true };
          });
          const alone = sharedView(benchmark(councils, {}, { register }));
          const attacked = benchmark([...councils, ...invented], {}, { register });
          seen.add('histogram published', histogramsOf(alone).filter((h) => h?.status === 'published').length);
          expect(histogramsOf(sharedView(attacked))).toEqual(histogramsOf(alone));
          expect(sharedView(attacked).baseGroups).toEqual(alone.baseGroups);
          expect(attacked.excluded).toHaveLength(invented.length);
          seen.add('invented council refused', attacked.excluded.length);
        },
      ),
      { numRuns: 40, seed: 12 },
    );
    seen.expectAtLeast({ 'histogram published': 40, 'invented council refused': 60 });
  });

  /**
   * A file for a real council that is not taking part, with its true name, type and region, passes the register
   * (it proves the council exists, not that it sent the file): the documented limit, answered by the intake list,
   * which holds the release naming the file. Shown here with a histogram the file would have moved.
   */
  it('a registered council that is not taking part passes the register but the intake list holds the release', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'red-team-')), 'submissions');
    mkdirSync(dir);
    const intake = ['file,ons_code,reporting_year,received_from,received_at'];
    const totals = [1200, 1500, 1800, 2500, 3000, 4000, 4500, 6000, 7000, 12000, 15000, 30000];
    const councils = totals.map((t, i) => registered(southEast[i]!, t));
    councils.forEach((s, i) => {
      writeFileSync(join(dir, `${s.profile.onsCode}.json`), JSON.stringify(s));
      intake.push(`${s.profile.onsCode}.json,${s.profile.onsCode},${YEAR},climate${i}@example.gov.uk,2024-07-01T10:00Z`);
    });
    const outsider = registered(southEast[40]!, 1999);
    const alone = histogramsOf(sharedView(benchmark(councils, {}, { register })));
    const withOutsider = histogramsOf(sharedView(benchmark([...councils, outsider], {}, { register })));
    expect(alone.some((h) => h?.status === 'published')).toBe(true);
    // Without the intake the outsider counts (the README says so): the bands move.
    expect(withOutsider).not.toEqual(alone);
    writeFileSync(join(dir, 'outsider.json'), JSON.stringify(outsider));
    const parsed = parseIntake(intake.join('\n'), 'intake.csv');
    if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
    const holds = intakeHolds(readSubmissionsDir(dir), parsed.entries, 'intake.csv');
    expect(holds.map((p) => p.code)).toEqual(['not-on-intake']);
    expect(holds[0]!.message).toContain('outsider.json');
  });
});

describe('red team: a council probing through its own view (ledger)', () => {
  /**
   * The attacker, one of twelve districts, gets the organiser to re-run 300 times with its own figure moved across
   * every grid edge from 1 to 10^6 (and exactly onto the edges), reading its own view each time: the cohort figures
   * and histograms it sees are the release's every time, and its position is the band of its own figure among the
   * release's published quartiles, so the view tells it nothing its own figure and the shared report do not.
   */
  it('own figure varied over 300 re-runs: histograms and cohort figures as released, position from published figures only', () => {
    const TWELVE = [1200, 1500, 1800, 2500, 3000, 4000, 4500, 6000, 7000, 12000, 15000, 30000];
    const twelve = TWELVE.map((t, i) => district(i + 1, t));
    const release = applyLedger(benchmark(twelve), EMPTY_LEDGER);
    const ledger = LedgerSchema.parse(recordRelease(release, EMPTY_LEDGER, '2024-10-01T09:00:00Z'));
    const code = twelve[4]!.profile.onsCode;
    const cohortFigures = (r: typeof release) =>
      councilView(r, code)!.years.flatMap((y) => y.cohorts.map((c) => c.metrics.map(({ ours: _o, position: _p, ...m }) => m)));
    const released = cohortFigures(release);
    expect(JSON.stringify(released)).toContain('"histogram":{"status":"published"');
    let runs = 0;
    const positions = new Set<string>();
    const probes = [...Array.from({ length: 280 }, (_, i) => new Decimal(10).pow(i / 46).toDecimalPlaces(3)), ...['1000', '2000', '5000', '10000', '20000', '50000', '4900', '4899.999', '0'].map((v) => new Decimal(v))];
    for (const own of probes.slice(0, 300)) {
      const rerun = twelve.map((s, i) => (i === 4 ? district(5, own.toFixed()) : s));
      const result = applyLedger(benchmark(rerun), ledger);
      expect(cohortFigures(result)).toEqual(released);
      for (const y of councilView(result, code)!.years) {
        for (const c of y.cohorts) {
          const m = c.metrics.find((x) => x.metric === 'total/absolute')!;
          // Median published (4900), quartiles not: the lower or upper half by own figure against 4900 only.
          expect(m.position).toEqual({ status: 'published', value: own.lt(4900) ? 'lower-half' : 'upper-half' });
          positions.add(JSON.stringify(m.position));
        }
      }
      runs++;
    }
    expect(runs).toBeGreaterThanOrEqual(289);
    expect(positions.size).toBe(2);
  });
});
