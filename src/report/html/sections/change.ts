import { CATEGORIES, SCOPE_LABELS } from '../../../activity/categories.js';
import { ZERO, type Decimal } from '../../../decimal.js';
import type { ChangeRow, InventoryComparison } from '../../../inventory/compare.js';
import { formatOrigin } from '../../../problem.js';
import { formatPercent, formatTonnes, formatTonnesChange, roundedTonnes } from '../../format.js';
import { bridgeChart } from '../charts/bridge.js';
import { escapeHtml } from '../escape.js';
import { figure, section } from '../figure.js';
import { CHANGE_FILLS } from '../palette.js';
import { htmlTable } from '../tables.js';

const yearOf = (y: { readonly reportingYear?: string }, fallback: string) => y.reportingYear ?? fallback;

/** "-123.4 tCO2e (a decrease)": the direction in words, so the chart does not rely on red and green. */
function changeText(kgCO2e: Decimal): string {
  const rounded = roundedTonnes(kgCO2e);
  const direction = rounded.isZero() ? 'no change' : rounded.isNegative() ? 'a decrease' : 'an increase';
  return `${formatTonnesChange(kgCO2e)} tCO2e (${direction})`;
}

/** "Down 5.2% (-234.5 tCO2e) since 2022/23: -200.0 tCO2e from what the council did, -34.5 tCO2e from updated emission factors." */
export function changeSentence(c: InventoryComparison): string {
  const { total } = c;
  const since = `since ${yearOf(c.previous, 'the previous year')}`;
  const rounded = roundedTonnes(total.change);
  const head = rounded.isZero()
    ? `Unchanged ${since}`
    : `${rounded.isNegative() ? 'Down' : 'Up'} ${formatPercent(total.change.abs(), total.previous)} (${formatTonnesChange(total.change)} tCO2e) ${since}`;
  const notComparable = roundedTonnes(total.notComparable).isZero()
    ? ''
    : `, ${formatTonnesChange(total.notComparable)} tCO2e from records only one year’s factors can cost`;
  return `${head}: ${formatTonnesChange(total.activityEffect)} tCO2e from what the council did, ${formatTonnesChange(total.factorEffect)} tCO2e from updated emission factors${notComparable}.${incompleteCaveat(c)}`;
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

export function changeSection(c: InventoryComparison): string {
  const previousYear = yearOf(c.previous, 'Previous year');
  const currentYear = yearOf(c.current, 'This year');
  const { total } = c;
  const afterActivity = total.previous.add(total.activityEffect);
  const afterFactors = afterActivity.add(total.factorEffect);
  const showNotComparable = [total, ...c.byScope, ...c.byCategory].some((r) => !r.notComparable.isZero());
  const effectFill = (kg: Decimal) => (roundedTonnes(kg).isNegative() ? CHANGE_FILLS.decrease : CHANGE_FILLS.increase);
  const chart = bridgeChart({
    id: 'chart-change',
    title: `Change in emissions from ${previousYear} to ${currentYear}, split into activity and emission-factor effects`,
    summary: `How the total moved from ${previousYear} to ${currentYear}.`,
    steps: [
      { label: `Emissions ${previousYear} (${c.previous.factorSetId})`, from: ZERO, to: total.previous, valueText: `${formatTonnes(total.previous)} tCO2e`, fill: CHANGE_FILLS.total },
      { label: 'Change from what the council did (activity)', from: total.previous, to: afterActivity, valueText: changeText(total.activityEffect), fill: effectFill(total.activityEffect) },
      { label: 'Change from updated emission factors', from: afterActivity, to: afterFactors, valueText: changeText(total.factorEffect), fill: effectFill(total.factorEffect) },
      ...(showNotComparable
        ? [{ label: 'Records only one year’s factors can cost', from: afterFactors, to: total.current, valueText: changeText(total.notComparable), fill: effectFill(total.notComparable) }]
        : []),
      { label: `Emissions ${currentYear} (${c.current.factorSetId})`, from: ZERO, to: total.current, valueText: `${formatTonnes(total.current)} tCO2e`, fill: CHANGE_FILLS.total },
    ],
  });
  const header = ['', `${previousYear} tCO2e`, `${currentYear} tCO2e`, 'Change', 'From activity', 'From factors', ...(showNotComparable ? ['Not comparable'] : [])];
  const row = (label: string, r: ChangeRow<unknown>) => [
    label,
    formatTonnes(r.previous),
    formatTonnes(r.current),
    formatTonnesChange(r.change),
    formatTonnesChange(r.activityEffect),
    formatTonnesChange(r.factorEffect),
    ...(showNotComparable ? [formatTonnesChange(r.notComparable)] : []),
  ];
  const numeric = showNotComparable ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5];
  const totalRow = row('Total', total);
  const crossProblems =
    c.crossProblems.length === 0
      ? ''
      : `<p>${c.crossProblems.length} record(s) could not be recalculated under the other year’s emission factors, so their emissions are shown apart as not comparable:</p>` +
        `<ul class="problems">${c.crossProblems.map((p) => `<li>${escapeHtml(`${formatOrigin(p.origin)}: ${p.message}`)}</li>`).join('')}</ul>`;
  return section(
    'change',
    `What changed since ${previousYear}`,
    figure(chart, {
      caption: `Change by scope, ${previousYear} to ${currentYear}, tCO2e`,
      header,
      rows: c.byScope.map((r) => row(SCOPE_LABELS[r.key], r)),
      footer: [totalRow],
      numeric,
    }) +
      htmlTable({ caption: `Change by category, ${previousYear} to ${currentYear}, tCO2e`, header, rows: c.byCategory.map((r) => row(CATEGORIES[r.key], r)), footer: [totalRow], numeric }) +
      `<p class="method">${escapeHtml(c.method)}</p>` +
      crossProblems,
    `${changeSentence(c)} The activity effect is what the council did differently (using more or less gas, fuel or electricity); the factor effect is what changed in the published conversion factors (such as a cleaner electricity grid).`,
  );
}
