/**
 * Synthetic benchmark submissions: clearly fictional councils ("Fictional District 07", GSS codes in an
 * unused 9xxxxx range) with realistic magnitudes (districts about 1,000–8,000 tCO2e, counties 10,000–60,000).
 * Reproducible: a seeded PRNG draws every choice, so the same seed always writes the same files.
 *
 *   npx tsx examples/build-submissions.ts            writes examples/submissions/*.json
 *
 * The example councils' totals are calculated from generated activity data on the DESNZ factor set they
 * name; some omit the activity (so the benchmark cannot restate them) and some used the previous year's set.
 * The bench uses `totalsOnlySubmission`, which skips the calculator to generate thousands quickly.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COUNCIL_TYPE_INFO, regionsFor, type CouncilType, type Region } from '../src/activity/council.js';
import type { ActivityRecordInput } from '../src/activity/record.js';
import { SUBMISSION_FORMAT, SUBMISSION_VERSION, submissionFromInventory, type Submission } from '../src/benchmark/index.js';
import { Decimal } from '../src/decimal.js';
import { calculateInventory } from '../src/inventory/index.js';

/** mulberry32: a small, well-mixed 32-bit PRNG; only integers are drawn from it. */
export function prng(seed: number): (min: number, max: number) => number {
  let a = seed >>> 0;
  return (min, max) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = (t ^ (t >>> 14)) >>> 0;
    return min + (r % (max - min + 1));
  };
}
type Rng = ReturnType<typeof prng>;

export interface SyntheticCouncil {
  readonly onsCode: string;
  readonly name: string;
  readonly councilType: CouncilType;
  readonly region: Region;
  /** Size of the estate in tCO2e, before each year's variation. */
  readonly tonnes: number;
  readonly population: number;
  readonly staffFte: number;
  readonly grossRevenueExpenditureGbpMillions: number;
  readonly floorAreaM2: number;
  readonly schoolsIncluded: boolean;
}

const TYPE_NAMES: Record<CouncilType, string> = {
  county: 'County',
  district: 'District',
  unitary: 'Unitary',
  'metropolitan-district': 'Metropolitan Borough',
  'london-borough': 'London Borough',
  'welsh-unitary': 'Welsh County Borough',
  'scottish-unitary': 'Scottish Council',
  'combined-authority': 'Combined Authority',
};

/** tCO2e range and denominators per type: [min, max] pairs. */
const SIZES: Record<CouncilType, { tonnes: [number, number]; population: [number, number]; fte: [number, number]; gbpM: [number, number]; m2: [number, number] }> = {
  district: { tonnes: [1000, 8000], population: [60000, 180000], fte: [250, 900], gbpM: [15, 60], m2: [15000, 60000] },
  county: { tonnes: [10000, 60000], population: [400000, 1500000], fte: [3000, 15000], gbpM: [400, 1500], m2: [150000, 600000] },
  unitary: { tonnes: [6000, 30000], population: [130000, 550000], fte: [1500, 6000], gbpM: [180, 700], m2: [80000, 300000] },
  'metropolitan-district': { tonnes: [8000, 40000], population: [160000, 1100000], fte: [2500, 9000], gbpM: [250, 1200], m2: [100000, 400000] },
  'london-borough': { tonnes: [5000, 25000], population: [150000, 400000], fte: [1500, 5000], gbpM: [200, 600], m2: [60000, 250000] },
  'welsh-unitary': { tonnes: [4000, 20000], population: [60000, 380000], fte: [1500, 6000], gbpM: [150, 700], m2: [50000, 250000] },
  'scottish-unitary': { tonnes: [5000, 30000], population: [70000, 600000], fte: [2000, 9000], gbpM: [200, 1200], m2: [60000, 300000] },
  'combined-authority': { tonnes: [2000, 15000], population: [1000000, 3000000], fte: [200, 1500], gbpM: [50, 400], m2: [5000, 40000] },
};

/** The example mix: 48 councils, enough of each of five types for type cohorts to pass the threshold. */
const EXAMPLE_MIX: readonly CouncilType[] = [
  ...Array<CouncilType>(18).fill('district'),
  ...Array<CouncilType>(7).fill('county'),
  ...Array<CouncilType>(8).fill('unitary'),
  ...Array<CouncilType>(6).fill('metropolitan-district'),
  ...Array<CouncilType>(5).fill('london-borough'),
  ...Array<CouncilType>(4).fill('welsh-unitary'),
];

export function syntheticCouncils(types: readonly CouncilType[], rng: Rng): SyntheticCouncil[] {
  const seen = new Map<CouncilType, number>();
  return types.map((councilType) => {
    const n = (seen.get(councilType) ?? 0) + 1;
    seen.set(councilType, n);
    const size = SIZES[councilType];
    const regions = regionsFor(councilType);
    return {
      onsCode: `${COUNCIL_TYPE_INFO[councilType].gssPrefix}9${String(n).padStart(5, '0')}`,
      name: `Fictional ${TYPE_NAMES[councilType]} ${String(n).padStart(2, '0')}`,
      councilType,
      region: regions[rng(0, regions.length - 1)]!,
      tonnes: rng(...size.tonnes),
      population: rng(...size.population),
      staffFte: rng(...size.fte),
      grossRevenueExpenditureGbpMillions: rng(...size.gbpM),
      floorAreaM2: rng(...size.m2),
      schoolsIncluded: councilType !== 'district' && rng(0, 1) === 1,
    };
  });
}

/**
 * Each line's share of the council's tCO2e and its approximate tCO2e per unit (DESNZ 2023, with well-to-tank
 * and T&D), used only to size the activity; the calculator then applies the real factors.
 */
const ACTIVITY_MIX = [
  { category: 'buildings', source: 'natural-gas', unit: 'kWh', share: '0.30', perUnit: '0.000213', scope: 'scope1' },
  { category: 'buildings', source: 'electricity', unit: 'kWh', share: '0.22', perUnit: '0.000229', scope: 'scope2' },
  { category: 'street-lighting', source: 'electricity', unit: 'kWh', share: '0.08', perUnit: '0.000229', scope: 'scope2' },
  { category: 'fleet', source: 'diesel', unit: 'litre', share: '0.20', perUnit: '0.00312', scope: 'scope1' },
  { category: 'fugitive-emissions', source: 'refrigerant:r410a', unit: 'kg', share: '0.01', perUnit: '1.924', scope: 'scope1' },
  { category: 'business-travel', source: 'car:average:unknown', unit: 'mile', share: '0.03', perUnit: '0.000339', scope: 'scope3' },
  { category: 'employee-commuting', source: 'car:average:unknown', unit: 'km', share: '0.10', perUnit: '0.00021', scope: 'scope3' },
  { category: 'employee-commuting', source: 'homeworking', unit: 'FTE hour', share: '0.02', perUnit: '0.000334', scope: 'scope3' },
  { category: 'waste', source: 'waste:commercial-and-industrial-waste:combustion', unit: 'tonne', share: '0.02', perUnit: '0.0213', scope: 'scope3' },
  { category: 'water', source: 'water-supply', unit: 'm3', share: '0.01', perUnit: '0.00038', scope: 'scope3' },
] as const;

/** A year's activity: each line's share varied by ±30 % (and the whole by the year's trend). */
function activityFor(council: SyntheticCouncil, yearIndex: number, rng: Rng): ActivityRecordInput[] {
  const trend = new Decimal(100 - 4 * yearIndex).div(100);
  const greenTariff = rng(0, 2) === 0;
  return ACTIVITY_MIX.map((line, i) => {
    const wobble = new Decimal(rng(70, 130)).div(100);
    const quantity = new Decimal(council.tonnes).times(trend).times(line.share).times(wobble).div(line.perUnit).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN);
    const record: ActivityRecordInput = { id: `a${i + 1}`, category: line.category, source: line.source, quantity: Decimal.max(1, quantity).toFixed(), unit: line.unit, dataQuality: 'invoiced' };
    // A third of councils buy their buildings' electricity on a REGO-backed tariff (market-based scope 2).
    return line.source === 'electricity' && line.category === 'buildings' && greenTariff ? { ...record, market: { type: 'renewable-backed' } } : record;
  });
}

function yearLabel(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** A submission calculated from generated activity on `factorSetId`. */
export function activitySubmission(council: SyntheticCouncil, yearStart: number, yearIndex: number, factorSetId: string, includeActivity: boolean, rng: Rng): Submission {
  const reportingYear = yearLabel(yearStart);
  const inventory = calculateInventory({ records: activityFor(council, yearIndex, rng), reportingYear }, { factorSet: factorSetId });
  const result = submissionFromInventory(
    inventory,
    { ...profileOf(council), reportingYear },
    { population: council.population, staffFte: council.staffFte, grossRevenueExpenditureGbpMillions: council.grossRevenueExpenditureGbpMillions, floorAreaM2: council.floorAreaM2 },
    { includeActivity, synthetic: true },
  );
  if (!result.ok) throw new Error(`generated submission for ${council.name} is invalid: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.submission;
}

function profileOf(council: SyntheticCouncil) {
  return {
    onsCode: council.onsCode,
    name: council.name,
    councilType: council.councilType,
    region: council.region,
    boundary: { schoolsIncluded: council.schoolsIncluded, scope3SpendIncluded: false, leasedAssetsIncluded: false, outsourcedServicesIncluded: false },
  };
}

/** A submission with totals drawn directly (no activity, no calculator): for generating thousands quickly. */
export function totalsOnlySubmission(council: SyntheticCouncil, yearStart: number, yearIndex: number, rng: Rng): Submission {
  const trend = new Decimal(100 - 4 * yearIndex).div(100);
  const scopes = { scope1: new Decimal(0), scope2: new Decimal(0), scope3: new Decimal(0) };
  const byCategory: Record<string, Decimal> = {};
  for (const line of ACTIVITY_MIX) {
    const t = new Decimal(council.tonnes).times(trend).times(line.share).times(rng(70, 130)).div(100).toDecimalPlaces(1, Decimal.ROUND_HALF_EVEN);
    scopes[line.scope] = scopes[line.scope].plus(t);
    byCategory[line.category] = (byCategory[line.category] ?? new Decimal(0)).plus(t);
  }
  const market = scopes.scope2.times(rng(20, 100)).div(100).toDecimalPlaces(1, Decimal.ROUND_HALF_EVEN);
  const reportingYear = yearLabel(yearStart);
  return {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    synthetic: true,
    profile: { ...profileOf(council), reportingYear, factorSetId: `desnz-${yearStart}` },
    totals: {
      total: scopes.scope1.plus(scopes.scope2).plus(scopes.scope3).toFixed(),
      scope1: scopes.scope1.toFixed(),
      scope2Location: scopes.scope2.toFixed(),
      scope2Market: market.toFixed(),
      scope3: scopes.scope3.toFixed(),
      byCategory: Object.fromEntries(Object.entries(byCategory).map(([c, t]) => [c, t.toFixed()])),
    },
    denominators: {
      population: String(council.population),
      staffFte: String(council.staffFte),
      grossRevenueExpenditureGbpMillions: String(council.grossRevenueExpenditureGbpMillions),
      floorAreaM2: String(council.floorAreaM2),
    },
  };
}

/** The bundled examples: 48 councils × 2 years (2022/23, 2023/24). */
export function exampleSubmissions(seed = 20240401): Submission[] {
  const rng = prng(seed);
  const councils = syntheticCouncils(EXAMPLE_MIX, rng);
  return councils.flatMap((council, i) =>
    [2022, 2023].map((start, y) => {
      // Every fifth council used the previous year's factor set in 2023/24; every seventh sent no activity.
      const factorSet = start === 2023 && i % 5 === 4 ? 'desnz-2022' : `desnz-${start}`;
      return activitySubmission(council, start, y, factorSet, i % 7 !== 6, rng);
    }),
  );
}

export const EXAMPLES_DIR = join(import.meta.dirname, 'submissions');

export function fileNameOf(s: Submission): string {
  return `${s.profile.onsCode}-${s.profile.reportingYear.replace('/', '-')}.json`;
}

function main(): void {
  mkdirSync(EXAMPLES_DIR, { recursive: true });
  for (const f of readdirSync(EXAMPLES_DIR)) if (f.endsWith('.json')) rmSync(join(EXAMPLES_DIR, f));
  const submissions = exampleSubmissions();
  for (const s of submissions) writeFileSync(join(EXAMPLES_DIR, fileNameOf(s)), JSON.stringify(s, null, 2) + '\n');
  console.log(`Wrote ${submissions.length} synthetic submissions to ${EXAMPLES_DIR}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
