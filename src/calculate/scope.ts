import type { Category, Scope, Scope3Category } from '../activity/categories.js';
import type { ActivityRecord } from '../activity/record.js';
import type { FactorScope } from '../factors/schema.js';
import type { LineRole } from './line.js';

/** Categories inside the council's own operational boundary: their direct emissions are scope 1 or 2. */
const OWN_OPERATIONS: ReadonlySet<Category> = new Set(['buildings', 'street-lighting', 'fleet', 'fugitive-emissions']);

/** The scope 3 category a council reporting category falls in (GHG Protocol Scope 3 Standard). */
const SCOPE3_OF_CATEGORY: Partial<Record<Category, Scope3Category>> = {
  'business-travel': 6,
  'employee-commuting': 7,
  waste: 5,
  water: 1,
  'purchased-goods-and-services': 1,
  'capital-goods': 2,
  'upstream-leased-assets': 8,
  'downstream-leased-assets': 13,
  'outsourced-services': 1,
  investments: 15,
};

/**
 * The scope 3 categories a record may be moved to with `scope3Category`: its reporting category's own, plus
 * the alternatives the Scope 3 Standard allows for it (e.g. a contractor's fleet fuel as category 4, upstream
 * transport). Own operations are scopes 1 and 2 and cannot be moved.
 */
const SCOPE3_OVERRIDES: Partial<Record<Category, readonly Scope3Category[]>> = {
  'business-travel': [6],
  'employee-commuting': [7],
  waste: [5, 12],
  water: [1, 5],
  'purchased-goods-and-services': [1, 4],
  'capital-goods': [2],
  'upstream-leased-assets': [8],
  'downstream-leased-assets': [13],
  'outsourced-services': [1, 4, 5, 9],
};

/** Why a record's `scope3Category` cannot be used, or undefined when it can (or none was given). */
export function scope3OverrideProblem(record: ActivityRecord): string | undefined {
  const wanted = record.scope3Category as Scope3Category | undefined;
  if (wanted === undefined) return undefined;
  const allowed = SCOPE3_OVERRIDES[record.category] ?? [];
  if (allowed.includes(wanted)) return undefined;
  return allowed.length === 0
    ? `${record.category} is the council's own operations (scopes 1 and 2), so scope 3 category ${wanted} is not used`
    : `scope 3 category ${wanted} does not fit ${record.category} (allowed: ${allowed.join(', ')}); category ${allowed[0]} is used`;
}

function overridden(record: ActivityRecord): Scope3Category | undefined {
  return scope3OverrideProblem(record) === undefined ? (record.scope3Category as Scope3Category | undefined) : undefined;
}

const FACTOR_SCOPES: Record<Exclude<FactorScope, 'Outside of Scopes'>, Scope> = { 'Scope 1': 'scope-1', 'Scope 2': 'scope-2', 'Scope 3': 'scope-3' };

export interface ScopeAssignment {
  readonly scope: Scope;
  readonly scope3Category?: Scope3Category;
}

/**
 * The scope 3 category of each DESNZ section (Level 1 of a factor key) whose factors are scope 3, for a factor
 * named directly (`desnz:<path>`) under the council's own operations, where the reporting category says nothing
 * about it: losses and upstream of energy are category 3, freight 4, waste 5, travel 6, homeworking 7 and
 * managed (leased) assets 8. Material use and water supply are purchased goods, category 1.
 */
const SCOPE3_OF_SECTION: Record<string, Scope3Category> = {
  'transmission-and-distribution': 3,
  'uk-electricity-t-and-d-for-evs': 3,
  'freighting-goods': 4,
  'waste-disposal': 5,
  'water-treatment': 5,
  'business-travel-air': 6,
  'business-travel-land': 6,
  'business-travel-sea': 6,
  'hotel-stay': 6,
  homeworking: 7,
  'managed-assets-electricity': 8,
  'managed-assets-vehicles': 8,
  'material-use': 1,
  'water-supply': 1,
};

/** Every "WTT- …" section is the upstream of a fuel or of energy: category 3 when its own fuel is the council's. */
const sectionCategory = (section: string): Scope3Category => (section.startsWith('wtt-') ? 3 : SCOPE3_OF_SECTION[section] ?? 1);

/** The factor a record's direct line used: its DESNZ scope and section (Level 1 of its key). */
export interface DirectFactor {
  readonly scope: FactorScope;
  readonly section: string;
}

/**
 * Own operations keep DESNZ's scope for the direct emission (fuel burnt: 1; electricity and heat bought: 2);
 * their upstream (well-to-tank) and grid losses are scope 3 category 3. A scope 3 factor named directly under
 * own operations takes its DESNZ section's category, and so do its upstream lines (the WTT of freight is part
 * of category 4, not 3). Everything reported under a value-chain category is scope 3 in that category,
 * upstream included, unless the record names another category. Wastewater treatment is category 5 (waste
 * generated in operations), water supply category 1.
 */
export function assignScope(record: ActivityRecord, role: LineRole, desnzScope: FactorScope, direct?: DirectFactor): ScopeAssignment {
  if (OWN_OPERATIONS.has(record.category)) {
    const scope3Direct = direct?.scope === 'Scope 3' ? sectionCategory(direct.section) : undefined;
    if (role !== 'direct') return { scope: 'scope-3', scope3Category: scope3Direct ?? 3 };
    const scope = desnzScope === 'Outside of Scopes' ? 'scope-3' : FACTOR_SCOPES[desnzScope];
    return scope === 'scope-3' ? { scope, scope3Category: scope3Direct ?? 1 } : { scope };
  }
  const implied = record.source === 'water-treatment' ? 5 : SCOPE3_OF_CATEGORY[record.category] ?? 1;
  return { scope: 'scope-3', scope3Category: overridden(record) ?? implied };
}
