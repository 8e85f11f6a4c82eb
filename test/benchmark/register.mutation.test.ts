import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegister, type RegisterEntry } from '../../src/benchmark/index.js';
import { registerProblems } from '../../src/benchmark/register.js';
import { registered } from './districts.js';

/**
 * A council's name, type and region against the ONS register (src/benchmark/register.ts; issue 17, mutation
 * testing). The register rows quoted are those of register/local-authorities.csv; the expected outcomes follow
 * from the documented rule (the council's name contains the register's, ignoring case, punctuation, "&" for "and"
 * and the ONS style "X, City of" / "X, County of").
 */

const register = loadRegister();
const entry = (year: string, code: string): RegisterEntry => register.get(year)!.get(code)!;
const problems = (entry: RegisterEntry, change: Parameters<typeof registered>[2]) =>
  registerProblems(registered(entry, 100, change), register, { file: 'x.json' }).map((p) => `${p.code} (${p.value}): ${p.message}`);

describe('a council name against the register', () => {
  // 2023/24,E06000019,"Herefordshire, County of",unitary,west-midlands
  const herefordshire = entry('2023/24', 'E06000019');
  // 2023/24,E06000010,"Kingston upon Hull, City of",unitary,yorkshire-and-the-humber
  const hull = entry('2023/24', 'E06000010');
  // 2023/24,E07000223,Adur,district,south-east
  const adur = entry('2023/24', 'E07000223');

  it('accepts the ONS "X, County of" and "X, City of" styles as X, in any case and with any punctuation', () => {
    expect(problems(herefordshire, { name: 'Herefordshire Council' })).toEqual([]);
    expect(problems(hull, { name: 'HULL CITY COUNCIL (Kingston-upon-Hull)' })).toEqual([]);
    expect(problems(hull, { name: 'Kingston upon Hull City Council' })).toEqual([]);
    expect(problems(adur, { name: 'adur district council' })).toEqual([]);
    expect(problems(adur, { name: 'Adur' })).toEqual([]);
  });

  it('matches whole words only: a name that merely contains the register name inside a word is another council', () => {
    expect(problems(adur, { name: 'Kadurby District Council' })).toEqual(["register-mismatch (Kadurby District Council): E07000223 is Adur on the register, not 'Kadurby District Council'"]);
    // "Hull" alone is not "Kingston upon Hull".
    expect(problems(hull, { name: 'Hull City Council' })).toEqual(["register-mismatch (Hull City Council): E06000010 is Kingston upon Hull, City of on the register, not 'Hull City Council'"]);
  });

  it('lists every way the profile differs, the type and region as the register has them', () => {
    expect(problems(adur, { name: 'Worthing Borough Council', councilType: 'unitary', region: 'london' })).toEqual([
      "register-mismatch (Worthing Borough Council): E07000223 is Adur on the register, not 'Worthing Borough Council'",
      'register-mismatch (unitary): E07000223 (Adur) is a district council on the register, not unitary',
      'register-mismatch (london): E07000223 (Adur) is in South East on the register, not London',
    ]);
  });

  it('takes either region of a combined authority that spans two, and names both when neither is given', () => {
    // 2025/26,E47000017,Greater Lincolnshire,combined-authority,east-midlands;yorkshire-and-the-humber
    const lincolnshire = entry('2025/26', 'E47000017');
    const as = (region: RegisterEntry['regions'][number]) => problems(lincolnshire, { name: 'Greater Lincolnshire Combined County Authority', region });
    expect(as('east-midlands')).toEqual([]);
    expect(as('yorkshire-and-the-humber')).toEqual([]);
    expect(as('north-east')).toEqual(['register-mismatch (north-east): E47000017 (Greater Lincolnshire) is in East Midlands or Yorkshire and The Humber on the register, not North East']);
  });

  it('a year the register does not cover is an error naming the years it does', () => {
    const refused = registerProblems(registered(adur, 100, { reportingYear: '2018/19' }), register, { file: 'x.json' });
    expect(refused.map((p) => [p.severity, p.code, p.value, p.origin.file])).toEqual([['error', 'not-on-register', '2018/19', 'x.json']]);
  });

  it('a code is looked for in its own year only', () => {
    // Buckinghamshire's districts were abolished in April 2020: E07000004 (Aylesbury Vale) is in 2019/20, not 2020/21.
    const aylesbury = entry('2019/20', 'E07000004');
    expect(problems(aylesbury, {})).toEqual([]);
    expect(problems(aylesbury, { reportingYear: '2020/21' })).toEqual(['not-on-register (E07000004): E07000004 is not a local authority in 2020/21 on the ONS register, so it cannot be benchmarked']);
  });
});

describe('the register', () => {
  const HEADER = 'financial_year,ons_code,name,council_type,region,county_code,combined_authority_code';
  const folder = (lines: readonly string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'register-'));
    writeFileSync(join(dir, 'local-authorities.csv'), [HEADER, ...lines].join('\n'));
    return dir;
  };

  it('is read once per folder', () => {
    expect(loadRegister()).toBe(register);
  });

  it('is read from a folder given, every row an entry by year and code, a row of two regions as both', () => {
    const dir = folder(['2023/24,E07000223,Adur,district,south-east,E10000032,', '2025/26,E47000017,Greater Lincolnshire,combined-authority,east-midlands;yorkshire-and-the-humber,,']);
    const read = loadRegister(dir);
    expect([...read.keys()]).toEqual(['2023/24', '2025/26']);
    expect(read.get('2023/24')!.get('E07000223')).toEqual({ financialYear: '2023/24', onsCode: 'E07000223', name: 'Adur', councilType: 'district', regions: ['south-east'], county: 'E10000032', combinedAuthority: '' });
    expect(read.get('2025/26')!.get('E47000017')!.regions).toEqual(['east-midlands', 'yorkshire-and-the-humber']);
    expect(loadRegister(dir)).toBe(read);
  });

  it('that is malformed is a broken installation: it throws, naming the file and the row', () => {
    const file = (dir: string) => join(dir, 'local-authorities.csv');
    const unknownType = folder(['2023/24,E07000223,Adur,parish,south-east,,']);
    expect(() => loadRegister(unknownType)).toThrow(`${file(unknownType)}: E07000223 has an unknown type or region`);
    // One of two regions unknown is as wrong as one.
    const unknownRegion = folder(['2023/24,E47000017,Greater Lincolnshire,combined-authority,east-midlands;atlantis,,']);
    expect(() => loadRegister(unknownRegion)).toThrow(`${file(unknownRegion)}: E47000017 has an unknown type or region`);
    const unclosed = folder(['2023/24,E07000223,"Adur,district,south-east,,']);
    expect(() => loadRegister(unclosed)).toThrow(new RegExp(`^${file(unclosed).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `));
  });
});
