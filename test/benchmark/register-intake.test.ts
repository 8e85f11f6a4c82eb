import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  benchmark,
  intakeHolds,
  loadRegister,
  parseIntake,
  readSubmissionsDir,
  sharedView,
  type Submission,
} from '../../src/benchmark/index.js';
import { benchmarkCommand } from '../../src/cli/commands/benchmark.js';
import { EXIT, type CliIO } from '../../src/cli/io.js';
import { registered } from './districts.js';

const register = loadRegister();
const YEAR = '2023/24';

const districts = (region: string) => [...register.get(YEAR)!.values()].filter((e) => e.councilType === 'district' && e.regions[0] === region);
const southEast = districts('south-east');

describe('the bundled register of local authorities (generated from the ONS files by scripts/build-register.ts)', () => {
  const has = (year: string, code: string) => register.get(year)?.has(code) ?? false;

  it('covers 2019/20 to 2025/26 with the reorganisations SOURCES.md lists', () => {
    expect([...register.keys()]).toEqual(['2019/20', '2020/21', '2021/22', '2022/23', '2023/24', '2024/25', '2025/26']);
    expect(register.get(YEAR)!.get('E07000223')).toMatchObject({ name: 'Adur', councilType: 'district', regions: ['south-east'], county: 'E10000032' });
    // Buckinghamshire became a unitary in April 2020; its four districts went.
    expect([has('2019/20', 'E06000060'), has('2020/21', 'E06000060'), has('2019/20', 'E07000004'), has('2020/21', 'E07000004')]).toEqual([false, true, true, false]);
    // North and West Northamptonshire from 2021; Cumberland, Westmorland and Furness, North Yorkshire and Somerset from 2023.
    expect([has('2020/21', 'E06000061'), has('2021/22', 'E06000061'), has('2022/23', 'E06000063'), has('2023/24', 'E06000066')]).toEqual([false, true, false, true]);
    // Barnsley's new code is in 2025/26 only.
    expect([has('2024/25', 'E08000016'), has('2025/26', 'E08000016'), has('2025/26', 'E08000038')]).toEqual([true, false, true]);
    // 361 districts in 2023 less Northern Ireland's 11; 21 county councils (ONS CTY23).
    const kinds = (year: string) => [...register.get(year)!.values()].reduce<Record<string, number>>((n, e) => ({ ...n, [e.councilType]: (n[e.councilType] ?? 0) + 1 }), {});
    const k = kinds(YEAR);
    expect(k['district']! + k['unitary']! + k['metropolitan-district']! + k['london-borough']! + k['welsh-unitary']! + k['scottish-unitary']!).toBe(350);
    expect(k['county']).toBe(21);
    // Greater Lincolnshire (2025/26) spans the East Midlands and Yorkshire and The Humber.
    expect(register.get('2025/26')!.get('E47000017')!.regions).toEqual(['east-midlands', 'yorkshire-and-the-humber']);
  });
});

/**
 * The attacker from the issue: a participant who adds invented councils of known size to a cohort, so that the
 * published figures minus its own inventions give a real council's figure (one release gave a lone council's
 * total to ±0.4%). Every invented council must be refused, and the release must be exactly as without them.
 */
describe('fake councils are refused by the register', () => {
  const taken = new Set([...register.values()].flatMap((y) => [...y.keys()]));
  const fake = fc.oneof(
    // A code of the right shape and prefix that is no council (the original attack).
    fc.integer({ min: 0, max: 999_999 }).map((n) => ({ kind: 'unregistered', code: `E07${String(n).padStart(6, '0')}` })).filter((f) => !taken.has(f.code)),
    // A real council's code under a different name, type or region.
    fc.constantFrom('name', 'type', 'region').map((kind) => ({ kind, code: '' })),
    // A made-up council marked synthetic beside real ones.
    fc.constant({ kind: 'synthetic', code: 'E07999001' }),
  );

  it('4-9 invented submissions of known size change nothing in the release (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1000, max: 20000 }), { minLength: 12, maxLength: 30 }),
        fc.array(fc.tuple(fake, fc.integer({ min: 1, max: 50000 })), { minLength: 4, maxLength: 9 }),
        (totals, fakes) => {
          const councils = totals.map((t, i) => registered(southEast[i]!, t));
          const outsider = southEast[40]!; // a real council that is not taking part
          const invented = fakes.map(([f, size], i): Submission => {
            const base = registered(outsider, size);
            if (f.kind === 'unregistered') return { ...base, profile: { ...base.profile, onsCode: f.code, name: `Invented ${i}` } };
            if (f.kind === 'name') return registered(outsider, size, { name: 'Somewhere Else Council' });
            if (f.kind === 'type') return registered(outsider, size, { councilType: 'unitary', onsCode: outsider.onsCode.replace('E07', 'E06') });
            if (f.kind === 'region') return registered(outsider, size, { region: 'north-west' });
            return { ...base, synthetic: true, profile: { ...base.profile, onsCode: f.code, name: `Invented ${i}` } };
          });
          const alone = benchmark(councils, {}, { register });
          const attacked = benchmark([...councils, ...invented], {}, { register });
          expect(sharedView(attacked).baseGroups).toEqual(sharedView(alone).baseGroups);
          const codes = attacked.excluded.map((o) => o.problems.map((p) => p.code)[0]);
          expect(codes).toHaveLength(invented.length);
          for (const c of codes) expect(['not-on-register', 'register-mismatch', 'synthetic-among-real']).toContain(c);
        },
      ),
      { numRuns: 40, seed: 3 },
    );
  });

  it('says why, naming the register entry', () => {
    const adur = register.get(YEAR)!.get('E07000223')!;
    const result = benchmark(
      [registered(adur, 100, { onsCode: 'E07000999' }), registered(adur, 100, { region: 'north-west' }), registered(adur, 100, { reportingYear: '2018/19' }), registered(adur, 100, { name: 'Worthing Borough Council' })],
      {},
      { register },
    );
    expect(result.excluded.flatMap((o) => o.problems.map((p) => p.message))).toEqual([
      'E07000999 is not a local authority in 2023/24 on the ONS register, so it cannot be benchmarked',
      'E07000223 (Adur) is in South East on the register, not North West',
      'the register of local authorities has no year 2018/19 (it covers 2019/20, 2020/21, 2021/22, 2022/23, 2023/24, 2024/25, 2025/26)',
      "E07000223 is Adur on the register, not 'Worthing Borough Council'",
    ]);
  });

  it('accepts the ONS "Bristol, City of" style and "&" for "and"', () => {
    const bristol = register.get(YEAR)!.get('E06000023')!;
    const brighton = register.get(YEAR)!.get('E06000043')!;
    expect(brighton.name).toBe('Brighton and Hove');
    const result = benchmark([registered(bristol, 5, { name: 'Bristol City Council' }), registered(brighton, 5, { name: 'Brighton & Hove City Council' })], {}, { register });
    expect(result.excluded).toEqual([]);
  });
});

function recorder(): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [];
  const errText: string[] = [];
  return { outText, errText, out: (t) => outText.push(t), err: (t) => errText.push(t) };
}

/** A folder of 25 real South East districts' files and the intake list that accounts for them. */
function intakeFolder(): { dir: string; intake: string[] } {
  const dir = join(mkdtempSync(join(tmpdir(), 'intake-')), 'submissions');
  mkdirSync(dir);
  const intake = ['file,ons_code,reporting_year,received_from,received_at'];
  southEast.slice(0, 25).forEach((e, i) => {
    writeFileSync(join(dir, `${e.onsCode}.json`), JSON.stringify(registered(e, 2000 + 137 * i)));
    intake.push(`${e.onsCode}.json,${e.onsCode},${YEAR},climate@${e.name.toLowerCase().replace(/\W+/g, '')}.gov.uk,2024-07-0${1 + (i % 9)}T10:00Z`);
  });
  return { dir, intake };
}

/**
 * The attackers the intake list answers: a file for a real council that is not taking part (it passes the
 * register), and a spoof file carrying a participant's code (which used to get both dropped, forcing a release
 * without the victim). Each holds the whole release, naming the files, and nothing is published.
 */
describe('the intake list holds the release', () => {
  const holdsFor = (dir: string, intake: readonly string[]) => {
    const parsed = parseIntake(intake.join('\n'), 'intake.csv');
    if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
    return intakeHolds(readSubmissionsDir(dir), parsed.entries, 'intake.csv').map((p) => `${p.code}: ${p.message}`);
  };

  it('a folder that matches its intake list is released', async () => {
    const { dir, intake } = intakeFolder();
    expect(holdsFor(dir, intake)).toEqual([]);
    writeFileSync(join(dir, '..', 'intake.csv'), intake.join('\n'));
    const io = recorder();
    expect(await benchmarkCommand([dir, '--intake', join(dir, '..', 'intake.csv')], io)).toBe(EXIT.ok);
    expect(io.outText.join('\n')).toMatch(/All councils +Total \(location-based scope 2\), tCO2e +25 /);
  });

  it('a file for a real council not on the intake list holds the release, naming the file', () => {
    const { dir, intake } = intakeFolder();
    const outsider = southEast[40]!;
    writeFileSync(join(dir, 'late.json'), JSON.stringify(registered(outsider, 4000)));
    expect(holdsFor(dir, intake)).toEqual([`not-on-intake: release held: late.json arrived in the folder but is not on the intake list intake.csv: who sent it is unknown`]);
  });

  it("a second file for a participant's council and year (a spoof) holds the release, naming both files", () => {
    const { dir, intake } = intakeFolder();
    const victim = southEast[3]!;
    writeFileSync(join(dir, 'zz-spoof.json'), JSON.stringify(registered(victim, 1)));
    expect(holdsFor(dir, intake)).toEqual([
      'not-on-intake: release held: zz-spoof.json arrived in the folder but is not on the intake list intake.csv: who sent it is unknown',
      `duplicate-submission: release held: ${victim.onsCode}.json and zz-spoof.json are both for ${victim.onsCode} ${YEAR}; withdraw one (or correct the intake list) before the release`,
    ]);
    // Logged on the intake list too, it still holds the release: the operator decides which file is the council's.
    const logged = [...intake, `zz-spoof.json,${victim.onsCode},${YEAR},someone@example.com,2024-07-09T11:00Z`];
    expect(holdsFor(dir, logged)).toEqual([
      `duplicate-submission: release held: ${victim.onsCode}.json and zz-spoof.json are both for ${victim.onsCode} ${YEAR}; withdraw one (or correct the intake list) before the release`,
    ]);
  });

  it('a file whose council is not the one the intake list records, or a listed file that is missing, holds the release', () => {
    const { dir, intake } = intakeFolder();
    const [a, b] = [southEast[0]!, southEast[1]!];
    expect(a.name).toBe('Eastbourne');
    writeFileSync(join(dir, `${a.onsCode}.json`), JSON.stringify(registered(b, 10)));
    const missing = [...intake, `gone.json,${southEast[30]!.onsCode},${YEAR},x@example.com,2024-07-09T11:00Z`];
    expect(holdsFor(dir, missing)).toEqual([
      `intake-mismatch: release held: gone.json is on the intake list (line 27) but is not in the folder`,
      `intake-mismatch: release held: ${a.onsCode}.json holds ${b.onsCode} ${YEAR}, but the intake list (line 2) records it as ${a.onsCode} ${YEAR} from climate@eastbourne.gov.uk`,
      `duplicate-submission: release held: ${a.onsCode}.json and ${b.onsCode}.json are both for ${b.onsCode} ${YEAR}; withdraw one (or correct the intake list) before the release`,
    ]);
  });

  it('the command prints nothing but the reasons, and exits 2', async () => {
    const { dir, intake } = intakeFolder();
    writeFileSync(join(dir, 'zz-spoof.json'), JSON.stringify(registered(southEast[3]!, 1)));
    writeFileSync(join(dir, '..', 'intake.csv'), intake.join('\n'));
    const io = recorder();
    expect(await benchmarkCommand([dir, '--intake', join(dir, '..', 'intake.csv'), '--council', southEast[0]!.onsCode], io)).toBe(EXIT.unusable);
    expect(io.outText).toEqual([]);
    expect(io.errText.at(-1)).toBe('Release held: 2 problem(s) with the intake. Nothing is published until the folder and the intake list agree.');
  });

  it('an intake list with a blank sender or missing columns is itself a hold', () => {
    expect(parseIntake('file,ons_code\na.json,E07000223', 'intake.csv')).toMatchObject({ ok: false, problems: [{ message: 'the intake list needs the columns file, ons_code, reporting_year, received_from, received_at; missing: reporting_year, received_from, received_at' }] });
    expect(parseIntake('file,ons_code,reporting_year,received_from,received_at\na.json,E07000223,2023/24,,2024-07-01', 'intake.csv')).toMatchObject({
      ok: false,
      problems: [{ message: 'received_from left blank: every file on the intake list says which council sent it, from where and when', origin: { line: 2 } }],
    });
  });
});
