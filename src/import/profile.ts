import { COUNCIL_TYPE_INFO, COUNCIL_TYPES, REGION_LABELS, REGIONS, type CouncilType, type Region } from '../activity/council.js';
import type { ReportingYear } from '../activity/record.js';
import type { Decimal } from '../decimal.js';
import { factorLibraryFor } from '../factors/default-library.js';
import { formatOrigin, type Origin, type Problem } from '../problem.js';
import { isNumberReading, readNumber } from './numbers.js';
import { readFinancialYear } from './years.js';

/** What a council states about itself and its boundary: the template's "About" sheet. */
export interface BaselineProfile {
  councilName?: string;
  onsCode?: string;
  councilType?: CouncilType;
  region?: Region;
  reportingYear?: ReportingYear;
  factorSetId?: string;
  boundaryNotes?: string;
  boundary: { schoolsIncluded?: boolean; scope3SpendIncluded?: boolean; leasedAssetsIncluded?: boolean; outsourcedServicesIncluded?: boolean };
  denominators: { population?: Decimal; staffFte?: Decimal; grossRevenueExpenditureGbpMillions?: Decimal; floorAreaM2?: Decimal };
}

/** A baseline profile with every About field blank. */
export function emptyProfile(): BaselineProfile {
  return { boundary: {}, denominators: {} };
}

type Kind = 'text' | 'ons-code' | 'council-type' | 'region' | 'reporting-year' | 'factor-set' | 'yes-no' | 'number';
type BoundaryKey = keyof BaselineProfile['boundary'];
type DenominatorKey = keyof BaselineProfile['denominators'];
type TopKey = Exclude<keyof BaselineProfile, 'boundary' | 'denominators'>;

export interface AboutField {
  /** The label the template writes in column A; others are accepted too. */
  readonly labels: readonly [string, ...string[]];
  readonly kind: Kind;
  readonly key: { readonly top: TopKey } | { readonly boundary: BoundaryKey } | { readonly denominator: DenominatorKey };
  readonly help: string;
}

/** The About sheet, row by row. Also accepted as "Label,value" lines above the header of a long CSV. */
export const ABOUT_FIELDS: readonly AboutField[] = [
  { labels: ['Council name', 'council', 'authority', 'organisation'], kind: 'text', key: { top: 'councilName' }, help: 'As it appears in your published report.' },
  { labels: ['ONS code', 'gss code', 'ons/gss code', 'la code'], kind: 'ons-code', key: { top: 'onsCode' }, help: 'The nine-character GSS code, e.g. E07000123.' },
  { labels: ['Council type', 'type of council', 'authority type'], kind: 'council-type', key: { top: 'councilType' }, help: `One of: ${COUNCIL_TYPES.join(', ')}.` },
  { labels: ['Region'], kind: 'region', key: { top: 'region' }, help: `One of: ${REGIONS.join(', ')}.` },
  { labels: ['Reporting year', 'financial year', 'year'], kind: 'reporting-year', key: { top: 'reportingYear' }, help: 'The financial year, e.g. 2023/24 (April to March).' },
  { labels: ['Factor set', 'emission factors', 'conversion factors'], kind: 'factor-set', key: { top: 'factorSetId' }, help: 'Leave blank for the DESNZ set of the reporting year (2023/24 → desnz-2023).' },
  { labels: ['Boundary notes', 'boundary', 'scope notes', 'notes'], kind: 'text', key: { top: 'boundaryNotes' }, help: 'What is in and out, and why, so later years stay consistent.' },
  { labels: ['Schools included', 'schools'], kind: 'yes-no', key: { boundary: 'schoolsIncluded' }, help: 'Yes or No.' },
  { labels: ['Scope 3 spend included', 'spend included', 'scope 3 spend'], kind: 'yes-no', key: { boundary: 'scope3SpendIncluded' }, help: 'Yes or No.' },
  { labels: ['Leased assets included', 'leased assets'], kind: 'yes-no', key: { boundary: 'leasedAssetsIncluded' }, help: 'Yes or No.' },
  { labels: ['Outsourced services included', 'outsourced services'], kind: 'yes-no', key: { boundary: 'outsourcedServicesIncluded' }, help: 'Yes or No.' },
  { labels: ['Population', 'resident population', 'residents'], kind: 'number', key: { denominator: 'population' }, help: 'Mid-year resident population estimate (ONS).' },
  { labels: ['Staff FTE', 'staff (fte)', 'fte', 'staff', 'employees (fte)'], kind: 'number', key: { denominator: 'staffFte' }, help: 'Full-time equivalent staff.' },
  { labels: ['Gross revenue expenditure (£m)', 'gross revenue expenditure', 'gross expenditure (£m)', 'revenue expenditure (£m)'], kind: 'number', key: { denominator: 'grossRevenueExpenditureGbpMillions' }, help: 'From the Revenue Outturn (RO) return, £ million.' },
  { labels: ['Floor area (m2)', 'floor area', 'floor area (m²)', 'gross internal area (m2)', 'gia (m2)'], kind: 'number', key: { denominator: 'floorAreaM2' }, help: 'Gross internal area of the buildings in the boundary, m².' },
];

const normaliseLabel = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').replace(/:$/, '').trim();
const fieldByLabel = new Map(ABOUT_FIELDS.flatMap((f) => f.labels.map((l) => [normaliseLabel(l), f] as const)));

export function aboutField(label: string): AboutField | undefined {
  return fieldByLabel.get(normaliseLabel(label));
}

export type ProfileProblemCode = 'invalid-profile-value' | 'ons-code-type-mismatch';

/** Sets one About field on `profile` from its text, or returns the problem. Blank values are left unset. */
export function setAboutValue(profile: BaselineProfile, field: AboutField, text: string, origin: Origin): Problem<ProfileProblemCode> | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const parsed = parseAboutValue(field.kind, t);
  if ('reason' in parsed) return { severity: 'error', code: 'invalid-profile-value', message: `${field.labels[0]}: ${parsed.reason}`, origin, value: t };
  const key = field.key;
  if ('top' in key) (profile as unknown as Record<string, unknown>)[key.top] = parsed.value;
  else if ('boundary' in key) profile.boundary[key.boundary] = parsed.value as boolean;
  else profile.denominators[key.denominator] = parsed.value as Decimal;
  return undefined;
}

function parseAboutValue(kind: Kind, t: string): { value: unknown } | { reason: string } {
  switch (kind) {
    case 'text':
      return { value: t };
    case 'ons-code':
      return /^[EWSN]\d{8}$/i.test(t) ? { value: t.toUpperCase() } : { reason: 'not a nine-character GSS code such as E07000123' };
    case 'council-type': {
      const type = matchChoice(t, COUNCIL_TYPES, (c) => COUNCIL_TYPE_INFO[c].label);
      return type !== undefined ? { value: type } : { reason: `not a council type; use one of ${COUNCIL_TYPES.join(', ')}` };
    }
    case 'region': {
      const region = matchChoice(t, REGIONS, (r) => REGION_LABELS[r]);
      return region !== undefined ? { value: region } : { reason: `not a region; use one of ${REGIONS.join(', ')}` };
    }
    case 'reporting-year': {
      const year = readFinancialYear(t);
      return year !== undefined ? { value: year } : { reason: 'not a financial year such as 2023/24' };
    }
    case 'factor-set': {
      // Checked against the default library (the bundled sets in Node); without one, the calculation checks it.
      const ids: readonly string[] | undefined = factorLibraryFor({})?.sets.map((s) => s.id);
      const id = t.toLowerCase();
      return ids === undefined || ids.includes(id) ? { value: id } : { reason: `no factor set '${t}'; available: ${ids.join(', ')}` };
    }
    case 'yes-no': {
      const v = t.toLowerCase();
      if (['yes', 'y', 'true', 'included', 'include', 'in'].includes(v)) return { value: true };
      if (['no', 'n', 'false', 'excluded', 'exclude', 'out'].includes(v)) return { value: false };
      return { reason: 'answer Yes or No' };
    }
    case 'number': {
      const n = readNumber(t);
      if (!isNumberReading(n)) return { reason: n.reason };
      return n.value.isPositive() && !n.value.isZero() ? { value: n.value } : { reason: 'must be greater than zero' };
    }
  }
}

/** Matches an id or its label, ignoring case, spaces/hyphens and a trailing "council(s)" or "authority". */
function matchChoice<T extends string>(text: string, ids: readonly T[], label: (id: T) => string): T | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-(councils?|authorit(y|ies))$/, '').replace(/^-|-$/g, '');
  const wanted = norm(text);
  return ids.find((id) => norm(id) === wanted || norm(label(id)) === wanted || norm(label(id)).replace(/s$/, '') === wanted);
}

/**
 * Checks across fields: a GSS code whose prefix contradicts the stated council type. An error, as one of the two
 * is wrong and a benchmark submission is refused for it; it points at the ONS code and names the type's cell.
 */
export function checkProfile(profile: BaselineProfile, originOf: (fieldLabel: string) => Origin): Problem<ProfileProblemCode>[] {
  if (profile.onsCode === undefined || profile.councilType === undefined) return [];
  const prefix = COUNCIL_TYPE_INFO[profile.councilType].gssPrefix;
  if (profile.onsCode.startsWith(prefix)) return [];
  const { file: _file, ...typeCell } = originOf('Council type');
  const typeAt = typeCell.sheet !== undefined || typeCell.line !== undefined ? ` (${formatOrigin(typeCell)})` : '';
  return [{
    severity: 'error',
    code: 'ons-code-type-mismatch',
    message: `ONS code ${profile.onsCode} does not fit the council type${typeAt}: ${COUNCIL_TYPE_INFO[profile.councilType].label} have GSS codes starting ${prefix}; correct whichever is wrong`,
    origin: originOf('ONS code'),
    value: profile.onsCode,
  }];
}

/** The About sheet's value for each field, as the template writes it. */
export function aboutValueText(profile: BaselineProfile, field: AboutField): string {
  const key = field.key;
  const value = 'top' in key ? profile[key.top] : 'boundary' in key ? profile.boundary[key.boundary] : profile.denominators[key.denominator];
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return typeof value === 'string' ? value : value.toFixed();
}
