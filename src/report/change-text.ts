/** The year-on-year change in words and tables, shared by the HTML and text reports. */
import { CATEGORIES, SCOPE_LABELS } from '../activity/categories.js';
import type { Decimal } from '../decimal.js';
import type { ChangeRow, CountedAs, InventoryComparison, MethodChange } from '../inventory/compare.js';
import { formatPercent, formatTonnes, formatTonnesChange, roundedTonnes } from './format.js';

export const yearOf = (y: { readonly reportingYear?: string }, fallback: string): string => y.reportingYear ?? fallback;

/** "Down 5.2% (-234.5 tCO2e) since 2022/23: -200.0 tCO2e from what the council did, -34.5 tCO2e from updated emission factors." */
export function changeSentence(c: InventoryComparison): string {
  const { total } = c;
  const since = `since ${yearOf(c.previous, 'the previous year')}`;
  const rounded = roundedTonnes(total.change);
  const head = rounded.isZero()
    ? `Unchanged ${since}`
    : `${rounded.isNegative() ? 'Down' : 'Up'} ${formatPercent(total.change.abs(), total.previous)} (${formatTonnesChange(total.change)} tCO2e) ${since}`;
  const apart = (kg: Decimal, what: string) => (roundedTonnes(kg).isZero() ? '' : `, ${formatTonnesChange(kg)} tCO2e ${what}`);
  return `${head}: ${formatTonnesChange(total.activityEffect)} tCO2e from what the council did, ${formatTonnesChange(total.factorEffect)} tCO2e from updated emission factors` +
    `${apart(total.methodEffect, 'from changes in DESNZ’s method (gases moved outside the Kyoto basket or back), not the council’s')}` +
    `${apart(total.notComparable, 'from records only one year’s factors can cost')}.${incompleteCaveat(c)}`;
}

/** Where a set counts a gas: in the scopes, outside the Kyoto basket, or split, with the rows it used. */
function countedWhere(c: CountedAs): string {
  const outside = `outside the Kyoto basket, as a memo item (${c.outsideKyoto.join('; ')})`;
  if (c.rows.length === 0) return `wholly ${outside}`;
  if (c.outsideKyoto.length === 0) return `wholly in the scopes (${c.rows.join('; ')})`;
  return `part in the scopes (${c.rows.join('; ')}) and part ${outside}`;
}

/**
 * One of DESNZ's changes in words, with its figure: "refrigerant:r408a (1 record): desnz-2021 counts it wholly in
 * the scopes (…); desnz-2022 counts it part in the scopes (…) and part outside the Kyoto basket (…). -8.5 tCO2e
 * of the change is this change in DESNZ's method, not a reduction by the council."
 */
export function methodChangeText(m: MethodChange): string {
  const what = `${m.source} (${m.recordIds.length} record${m.recordIds.length === 1 ? '' : 's'})`;
  const figure = `${formatTonnesChange(m.kgCO2e)} tCO2e`;
  const direction = roundedTonnes(m.kgCO2e).isZero() ? 'a change' : m.kgCO2e.isNegative() ? 'a reduction' : 'an increase';
  if (m.kind === 'outside-kyoto-basket') {
    return `${what}: ${m.previous.setId} counts it ${countedWhere(m.previous)}; ${m.current.setId} counts it ${countedWhere(m.current)}. ` +
      `${figure} of the change is this change in DESNZ’s method, not ${direction} by the council.`;
  }
  const rows = (c: CountedAs) => c.rows.map((r) => `‘${r}’`).join(', ');
  return `${what}: DESNZ’s row ${rows(m.previous)} in ${m.previous.setId} is ${rows(m.current)} in ${m.current.setId}. ` +
    `The ${figure} on it is part of the factor effect (a renamed or moved row), not ${direction} by the council.`;
}

/** A change between years is only what it seems when neither year left records out. */
function incompleteCaveat(c: InventoryComparison): string {
  const years = [
    [c.previous, yearOf(c.previous, 'the previous year')],
    [c.current, yearOf(c.current, 'this year')],
  ] as const;
  const parts = years.filter(([y]) => y.excludedRecords > 0).map(([y, label]) => `${label} has ${y.excludedRecords} problem(s) that left records out`);
  return parts.length === 0 ? '' : ` Not like for like: ${parts.join(' and ')}, so part of the change is missing data, not emissions.`;
}

export interface ChangeTables {
  readonly header: readonly string[];
  readonly byScope: readonly string[][];
  readonly byCategory: readonly string[][];
  readonly total: readonly string[];
  /** Whether the method and not-comparable columns are shown (only when some row has one). */
  readonly showMethod: boolean;
  readonly showNotComparable: boolean;
}

/** The change by scope and by category, each part a column; the DESNZ-method and not-comparable columns only when used. */
export function changeTables(c: InventoryComparison): ChangeTables {
  const rows = [c.total, ...c.byScope, ...c.byCategory];
  const showMethod = rows.some((r) => !r.methodEffect.isZero());
  const showNotComparable = rows.some((r) => !r.notComparable.isZero());
  const row = (label: string, r: ChangeRow<unknown>) => [
    label,
    formatTonnes(r.previous),
    formatTonnes(r.current),
    formatTonnesChange(r.change),
    formatTonnesChange(r.activityEffect),
    formatTonnesChange(r.factorEffect),
    ...(showMethod ? [formatTonnesChange(r.methodEffect)] : []),
    ...(showNotComparable ? [formatTonnesChange(r.notComparable)] : []),
  ];
  return {
    header: ['', `${yearOf(c.previous, 'Previous year')} tCO2e`, `${yearOf(c.current, 'This year')} tCO2e`, 'Change', 'From activity', 'From factors', ...(showMethod ? ['From DESNZ’s method'] : []), ...(showNotComparable ? ['Not comparable'] : [])],
    byScope: c.byScope.map((r) => row(SCOPE_LABELS[r.key], r)),
    byCategory: c.byCategory.map((r) => row(CATEGORIES[r.key], r)),
    total: row('Total', c.total),
    showMethod,
    showNotComparable,
  };
}
