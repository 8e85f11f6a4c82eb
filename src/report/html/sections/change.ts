import { ZERO, type Decimal } from '../../../decimal.js';
import type { InventoryComparison } from '../../../inventory/compare.js';
import { formatOrigin } from '../../../problem.js';
import { changeSentence, changeTables, methodChangeText, yearOf } from '../../change-text.js';
import { formatTonnes, formatTonnesChange, roundedTonnes } from '../../format.js';
import { bridgeChart } from '../charts/bridge.js';
import { escapeHtml } from '../escape.js';
import { figure, section } from '../figure.js';
import { CHANGE_FILLS } from '../palette.js';
import { htmlTable } from '../tables.js';

// The headline states the change in the same words.
export { changeSentence } from '../../change-text.js';

/** "-123.4 tCO2e (a decrease)": the direction in words, so the chart does not rely on red and green. */
function changeText(kgCO2e: Decimal): string {
  const rounded = roundedTonnes(kgCO2e);
  const direction = rounded.isZero() ? 'no change' : rounded.isNegative() ? 'a decrease' : 'an increase';
  return `${formatTonnesChange(kgCO2e)} tCO2e (${direction})`;
}

export function changeSection(c: InventoryComparison): string {
  const previousYear = yearOf(c.previous, 'Previous year');
  const currentYear = yearOf(c.current, 'This year');
  const { total } = c;
  const afterActivity = total.previous.add(total.activityEffect);
  const afterFactors = afterActivity.add(total.factorEffect);
  const afterMethod = afterFactors.add(total.methodEffect);
  const tables = changeTables(c);
  const { showMethod, showNotComparable } = tables;
  const effectFill = (kg: Decimal) => (roundedTonnes(kg).isNegative() ? CHANGE_FILLS.decrease : CHANGE_FILLS.increase);
  const chart = bridgeChart({
    id: 'chart-change',
    title: `Change in emissions from ${previousYear} to ${currentYear}, split into activity and emission-factor effects`,
    summary: `How the total moved from ${previousYear} to ${currentYear}.`,
    steps: [
      { label: `Emissions ${previousYear} (${c.previous.factorSetId})`, from: ZERO, to: total.previous, valueText: `${formatTonnes(total.previous)} tCO2e`, fill: CHANGE_FILLS.total },
      { label: 'Change from what the council did (activity)', from: total.previous, to: afterActivity, valueText: changeText(total.activityEffect), fill: effectFill(total.activityEffect) },
      { label: 'Change from updated emission factors', from: afterActivity, to: afterFactors, valueText: changeText(total.factorEffect), fill: effectFill(total.factorEffect) },
      ...(showMethod
        ? [{ label: 'Change from DESNZ’s method (gases moved outside the Kyoto basket or back)', from: afterFactors, to: afterMethod, valueText: changeText(total.methodEffect), fill: effectFill(total.methodEffect) }]
        : []),
      ...(showNotComparable
        ? [{ label: 'Records only one year’s factors can cost', from: afterMethod, to: total.current, valueText: changeText(total.notComparable), fill: effectFill(total.notComparable) }]
        : []),
      { label: `Emissions ${currentYear} (${c.current.factorSetId})`, from: ZERO, to: total.current, valueText: `${formatTonnes(total.current)} tCO2e`, fill: CHANGE_FILLS.total },
    ],
  });
  const numeric = tables.header.map((_, i) => i).filter((i) => i > 0);
  const totalRow = [...tables.total];
  const crossProblems =
    c.crossProblems.length === 0
      ? ''
      : `<p>${c.crossProblems.length} record(s) could not be recalculated under the other year’s emission factors, so their emissions are shown apart as not comparable:</p>` +
        `<ul class="problems">${c.crossProblems.map((p) => `<li>${escapeHtml(`${formatOrigin(p.origin)}: ${p.message}`)}</li>`).join('')}</ul>`;
  const methodChanges =
    c.methodChanges.length === 0
      ? ''
      : '<p>Changes DESNZ made between the two sets to how a source is counted (the council’s activity is not what changed):</p>' +
        `<ul class="method-changes">${c.methodChanges.map((m) => `<li>${escapeHtml(methodChangeText(m))}</li>`).join('')}</ul>`;
  return section(
    'change',
    `What changed since ${previousYear}`,
    figure(chart, {
      caption: `Change by scope, ${previousYear} to ${currentYear}, tCO2e`,
      header: [...tables.header],
      rows: tables.byScope.map((r) => [...r]),
      footer: [totalRow],
      numeric,
    }) +
      htmlTable({ caption: `Change by category, ${previousYear} to ${currentYear}, tCO2e`, header: [...tables.header], rows: tables.byCategory.map((r) => [...r]), footer: [totalRow], numeric }) +
      `<p class="method">${escapeHtml(c.method)}</p>` +
      methodChanges +
      crossProblems,
    `${changeSentence(c)} The activity effect is what the council did differently (using more or less gas, fuel or electricity); the factor effect is what changed in the published conversion factors (such as a cleaner electricity grid).`,
  );
}
