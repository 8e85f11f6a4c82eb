import type { InventoryComparison } from '../../../inventory/compare.js';
import type { Inventory } from '../../../inventory/types.js';
import { biggestSources } from '../../biggest-sources.js';
import { formatPercent, formatTonnes, tonnesText } from '../../format.js';
import { SCOPE_EXPLANATIONS } from '../../notes.js';
import type { ReportSummary } from '../../summary.js';
import { escapeHtml } from '../escape.js';
import { SCOPE_FILLS } from '../palette.js';
import { changeSentence } from './change.js';

const BIGGEST = 5;

/** The top of the page: the total, what it is made of, the biggest sources and any caveat, readable in a minute. */
export function headlineSection(inventory: Inventory, s: ReportSummary, comparison: InventoryComparison | undefined): string {
  const year = inventory.reportingYear === undefined ? '' : ` in ${inventory.reportingYear}`;
  const scopeCards = s.scopes
    .map(
      (r) =>
        `<div class="card ${SCOPE_FILLS[r.scope].name}"><h3>${escapeHtml(r.label)}</h3>` +
        `<p class="amount">${escapeHtml(tonnesText(r.locationBased))}</p>` +
        `<p class="share">${escapeHtml(formatPercent(r.locationBased, s.total))} of the total</p>` +
        `<p>${escapeHtml(SCOPE_EXPLANATIONS[r.scope])}</p></div>`,
    )
    .join('');
  const sources = biggestSources(inventory, BIGGEST)
    .map((r) => `<li><span class="what">${escapeHtml(r.label)}</span> <span class="amount">${escapeHtml(tonnesText(r.kgCO2e))} (${escapeHtml(formatPercent(r.kgCO2e, s.total))})</span></li>`)
    .join('');
  const errors = s.problems.errors;
  return (
    `<section id="headline" class="headline" aria-labelledby="headline-h"><h2 id="headline-h">At a glance</h2>` +
    `<p class="total"><span class="number">${escapeHtml(formatTonnes(s.total))}</span> <span class="unit">tCO2e</span></p>` +
    `<p class="total-caption">Greenhouse-gas emissions from the council’s own operations${escapeHtml(year)}, in tonnes of carbon dioxide equivalent (scope 2 location-based). ` +
    `Counting the council’s own electricity contracts (market-based), the total is ${escapeHtml(tonnesText(s.totalMarketBased))}.</p>` +
    (comparison === undefined ? '' : `<p class="change-headline">${escapeHtml(changeSentence(comparison))}</p>`) +
    (errors === 0 ? '' : `<p class="caveat"><strong>Incomplete:</strong> ${errors} record${errors === 1 ? ' was' : 's were'} left out because of problems with the data (listed under <a href="#problems">Problems</a>).</p>`) +
    `<div class="cards">${scopeCards}</div>` +
    (sources === '' ? '' : `<h3>The biggest sources</h3><ol class="sources">${sources}</ol>`) +
    '</section>'
  );
}
