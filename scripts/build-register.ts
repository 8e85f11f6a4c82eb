/**
 * Builds register/, the register of local authorities the benchmark checks every submission against, from
 * the ONS geography files gathered in ../shared/ons-geography (see its SOURCES.md). Run it again when those
 * files change; the output is committed and reviewed as a diff, never edited by hand.
 *
 *   npx tsx scripts/build-register.ts [--from DIR] [--out DIR]
 *
 * One row per financial year and council: every local authority district (from the consolidated
 * per-year list), every county council (from the districts' county) and every combined authority (from the
 * districts' combined authority), each with the council type and region the benchmark uses. Before writing,
 * the districts of 2023/24 and 2025/26 are checked against two independent ONS lists, code and name.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { COUNCIL_TYPE_INFO, REGION_LABELS, type CouncilType, type Region } from '../src/activity/council.js';
import { REGISTER_COLUMNS, REGISTER_FILE, REGISTER_MANIFEST, type RegisterEntry } from '../src/benchmark/register.js';

const ROOT = resolve(import.meta.dirname, '..');
const DERIVED = 'derived/lad_by_financial_year_DERIVED.csv';
/** Independent lists the consolidated one is checked against: [file, financial year, code column, name column]. */
const CROSS_CHECKS: readonly [string, string, string, string][] = [
  ['ons_onspd_nov2024_docs/la-ua-codes.csv', '2023/24', 'LAD23CD', 'LAD23NM'],
  ['ons_derived_lists/ONSvisual_geo-scripts_ltla25.csv', '2025/26', 'areacd', 'areanm'],
];
/** Districts per financial year in the ONS lists (SOURCES.md), less Northern Ireland's 11, which no benchmark council type covers. */
const EXPECTED_DISTRICTS: Record<string, number> = { '2019/20': 371, '2020/21': 368, '2021/22': 363, '2022/23': 363, '2023/24': 350, '2024/25': 350, '2025/26': 350 };

const ONS_TYPES: Record<string, CouncilType | 'skip'> = {
  'Non-metropolitan district': 'district',
  'Unitary authority (England)': 'unitary',
  'Metropolitan district': 'metropolitan-district',
  'London borough': 'london-borough',
  'Welsh principal area (unitary)': 'welsh-unitary',
  'Scottish council area': 'scottish-unitary',
  // Northern Ireland's councils are outside the benchmark (no council type), so they are left out, and said so.
  'NI local government district': 'skip',
};
const REGION_BY_NAME = new Map(Object.entries(REGION_LABELS).map(([id, label]) => [label, id as Region]));

type Row = Record<string, string>;

function readCsv(path: string): Row[] {
  const parsed = Papa.parse<Row>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${path}: ${parsed.errors[0]!.message}`);
  return parsed.data;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function regionOf(name: string, where: string): Region {
  const region = REGION_BY_NAME.get(name);
  if (region === undefined) throw new Error(`${where}: unknown region '${name}'`);
  return region;
}

function buildRegister(from: string): { entries: RegisterEntry[]; skipped: number } {
  const rows = readCsv(join(from, DERIVED));
  const entries: RegisterEntry[] = [];
  // Counties and combined authorities, gathered from their districts: (year, code) → name and regions.
  const parents = new Map<string, { year: string; code: string; name: string; type: CouncilType; regions: Set<Region> }>();
  let skipped = 0;
  for (const r of rows) {
    const where = `${DERIVED}, ${r['fy']} ${r['lad_code']}`;
    const type = ONS_TYPES[r['council_type']!];
    if (type === undefined) throw new Error(`${where}: unknown council type '${r['council_type']}'`);
    if (type === 'skip') {
      skipped++;
      continue;
    }
    if (!r['lad_code']!.startsWith(COUNCIL_TYPE_INFO[type].gssPrefix)) throw new Error(`${where}: code does not match type ${type}`);
    const region = regionOf(r['region_name']!, where);
    entries.push({ financialYear: r['fy']!, onsCode: r['lad_code']!, name: r['lad_name']!, councilType: type, regions: [region], county: r['county_code'] ?? '', combinedAuthority: r['cauth_code'] ?? '' });
    for (const [codeColumn, nameColumn, parentType] of [['county_code', 'county_name', 'county'], ['cauth_code', 'cauth_name', 'combined-authority']] as const) {
      const code = r[codeColumn] ?? '';
      if (code === '') continue;
      if (!code.startsWith(COUNCIL_TYPE_INFO[parentType].gssPrefix)) throw new Error(`${where}: ${codeColumn} ${code} is not a ${parentType} code`);
      const key = `${r['fy']} ${code}`;
      const parent = parents.get(key) ?? { year: r['fy']!, code, name: r[nameColumn]!, type: parentType, regions: new Set<Region>() };
      if (parent.name !== r[nameColumn]) throw new Error(`${where}: ${code} is named both '${parent.name}' and '${r[nameColumn]}'`);
      parent.regions.add(region);
      parents.set(key, parent);
    }
  }
  for (const p of parents.values()) {
    // A county lies in one region; a combined authority may span two (Greater Lincolnshire, 2025/26), and may then declare either.
    if (p.type === 'county' && p.regions.size !== 1) throw new Error(`${p.year} ${p.code}: a county in ${p.regions.size} regions`);
    entries.push({ financialYear: p.year, onsCode: p.code, name: p.name, councilType: p.type, regions: [...p.regions].sort(), county: '', combinedAuthority: '' });
  }
  entries.sort((a, b) => (a.financialYear < b.financialYear ? -1 : a.financialYear > b.financialYear ? 1 : a.onsCode < b.onsCode ? -1 : a.onsCode > b.onsCode ? 1 : 0));
  return { entries, skipped };
}

function crossCheck(from: string, entries: readonly RegisterEntry[]): void {
  for (const [year, expected] of Object.entries(EXPECTED_DISTRICTS)) {
    const n = entries.filter((e) => e.financialYear === year && e.councilType !== 'county' && e.councilType !== 'combined-authority').length;
    if (n !== expected) throw new Error(`${year}: ${n} districts and unitaries, expected ${expected}`);
  }
  for (const [file, year, codeColumn, nameColumn] of CROSS_CHECKS) {
    const ours = new Map(entries.filter((e) => e.financialYear === year && !['county', 'combined-authority'].includes(e.councilType)).map((e) => [e.onsCode, e.name]));
    const theirs = readCsv(join(from, file)).filter((r) => /^[EWS]\d{8}$/.test(r[codeColumn] ?? ''));
    if (theirs.length !== ours.size) throw new Error(`${file}: ${theirs.length} councils in Great Britain, ${ours.size} in the register for ${year}`);
    for (const r of theirs) {
      // The ONS files disagree only in no-break spaces (SOURCES.md), which are no part of a name.
      const name = r[nameColumn]!.replace(/\u00a0/g, ' ').trim();
      if (ours.get(r[codeColumn]!) !== name) throw new Error(`${file}: ${r[codeColumn]} '${name}' is '${ours.get(r[codeColumn]!) ?? 'absent'}' in the register for ${year}`);
    }
  }
}

function main(): void {
  const { values } = parseArgs({ options: { from: { type: 'string' }, out: { type: 'string' } } });
  const from = resolve(values.from ?? join(ROOT, '..', 'shared', 'ons-geography'));
  const out = resolve(values.out ?? join(ROOT, 'register'));
  const { entries, skipped } = buildRegister(from);
  crossCheck(from, entries);
  mkdirSync(out, { recursive: true });
  const csv = Papa.unparse(
    entries.map((e) => [e.financialYear, e.onsCode, e.name, e.councilType, e.regions.join(';'), e.county, e.combinedAuthority]),
    { columns: undefined, newline: '\n' },
  );
  writeFileSync(join(out, REGISTER_FILE), `${REGISTER_COLUMNS.join(',')}\n${csv}\n`);
  const counts: Record<string, Record<string, number>> = {};
  for (const e of entries) {
    const year = (counts[e.financialYear] ??= {});
    year[e.councilType] = (year[e.councilType] ?? 0) + 1;
  }
  const source = (file: string) => ({ file, sha256: sha256(join(from, file)) });
  const manifest = {
    description: 'Local authorities of Great Britain per financial year, for checking benchmark submissions: districts, unitaries, London boroughs, metropolitan districts, Welsh and Scottish councils, county councils and combined authorities.',
    generatedBy: 'npx tsx scripts/build-register.ts (from ../shared/ons-geography); do not edit by hand',
    sourceFolder: 'ons-geography (SOURCES.md there gives each file\'s origin)',
    sources: [source(DERIVED), ...CROSS_CHECKS.map(([file]) => source(file))],
    licence: 'Contains ONS data, Open Government Licence v3.0',
    method: [
      `Districts and unitaries: ${DERIVED}, one row per financial year and district; council type from the ONS type, region from the ONS region.`,
      'County councils and combined authorities: one row per financial year for each county and combined authority its districts name, with their regions.',
      `Northern Ireland's ${skipped} district-years are left out: the benchmark has no council type for them.`,
      `Checked before writing: districts per year (${Object.values(EXPECTED_DISTRICTS).join(', ')}), and every code and name of 2023/24 and 2025/26 against ${CROSS_CHECKS.map(([f]) => f).join(' and ')}.`,
      'Combined authorities are keyed to the lookup year, not the exact date they were formed within a financial year (see SOURCES.md). A combined authority spanning two regions lists both.',
    ],
    counts,
  };
  writeFileSync(join(out, REGISTER_MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`Wrote ${entries.length} register entries to ${relative(ROOT, out) || out}.`);
}

main();
