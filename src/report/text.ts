import type { InventoryComparison } from '../inventory/compare.js';
import type { Inventory } from '../inventory/types.js';
import { changeSentence, changeTables, methodChangeText, yearOf } from './change-text.js';
import { formatMemoValue, formatPercent, formatPounds, formatTonnes, LARGEST_PROCUREMENT_ROWS, ROUNDING_RULE } from './format.js';
import { SPEND_EXPLANATION, vatAndPriceNote } from './notes.js';
import { summarise, type ReportSummary } from './summary.js';
import { formatTextTable } from './text-table.js';

export interface TextReportOptions {
  /** The year-on-year change from `compareInventories(previous, inventory)`: adds its section. */
  readonly comparison?: InventoryComparison;
}

/** A readable summary for the terminal: what a council officer checks before publishing. */
export function renderText(inventory: Inventory, options: TextReportOptions = {}): string {
  const s = summarise(inventory);
  const { factorSet } = inventory;
  const share = (kg: Parameters<typeof formatPercent>[0]) => formatPercent(kg, s.total);
  const sections: string[] = [
    `${s.title}\n${'='.repeat(s.title.length)}`,
    [
      `Total: ${formatTonnes(s.total)} tCO2e (scope 2 location-based); ${formatTonnes(s.totalMarketBased)} tCO2e with scope 2 market-based.`,
      `Emission factors: ${factorSet.title} (${factorSet.id}, from ${factorSet.sourceFile}).`,
      ...(factorSet.provenanceNote === undefined ? [] : [`Factor note: ${factorSet.provenanceNote}`]),
      `Records: ${inventory.recordCount} read, ${inventory.lines.length} emission lines, ${inventory.memo.length} memo items.`,
      `Rounding: ${ROUNDING_RULE}`,
    ].join('\n'),
    heading('By scope (tCO2e)') +
      formatTextTable({
        header: ['Scope', 'Location-based', 'Market-based', 'Share'],
        rows: s.scopes.map((r) => [r.label, formatTonnes(r.locationBased), formatTonnes(r.marketBased), share(r.locationBased)]),
        footer: [['Total', formatTonnes(s.total), formatTonnes(s.totalMarketBased), share(s.total)]],
        right: [1, 2, 3],
      }),
    heading('By category (tCO2e, location-based)') +
      formatTextTable({
        header: ['Category', 'tCO2e', 'Share'],
        rows: s.categories.map((r) => [r.label, formatTonnes(r.kgCO2e), share(r.kgCO2e)]),
        footer: [['Total', formatTonnes(s.total), share(s.total)]],
        right: [1, 2],
      }),
    ...(options.comparison === undefined ? [] : [changeText(options.comparison)]),
    heading('Scope 3 by GHG Protocol category (tCO2e)') +
      (s.scope3Categories.length === 0
        ? 'No scope 3 emissions reported.'
        : formatTextTable({
            header: ['Category', 'tCO2e', 'Share of scope 3'],
            rows: s.scope3Categories.map((r) => [r.label, formatTonnes(r.kgCO2e), formatPercent(r.kgCO2e, s.scopes[2]!.locationBased)]),
            right: [1, 2],
          })),
    heading('Data quality (share of total emissions)') +
      formatTextTable({
        header: ['Source of the figures', 'tCO2e', 'Share'],
        rows: s.dataQuality.map((r) => [r.label, formatTonnes(r.kgCO2e), share(r.kgCO2e)]),
        right: [1, 2],
      }),
    heading('How the figures were found (share of total emissions)') +
      formatTextTable({
        header: ['Method', 'tCO2e', 'Share'],
        rows: s.methods.map((r) => [r.label, formatTonnes(r.kgCO2e), share(r.kgCO2e)]),
        right: [1, 2],
      }),
    ...(s.procurement.categories.length === 0 ? [] : [procurementText(s)]),
    heading('Memo items (reported beside the inventory, not included in totals)') +
      (s.memo.length === 0
        ? 'None.'
        : formatTextTable({ header: ['Item', 'Amount', 'Records'], rows: s.memo.map((m) => [m.label, formatMemoValue(m), String(m.count)]), right: [1, 2] })),
    heading('Problems') +
      `${s.problems.errors} error(s): records excluded from the totals; ${s.problems.warnings} warning(s): records included with a caveat.` +
      (s.problems.errors + s.problems.warnings > 0 ? ' Each is listed in the JSON and XLSX reports.' : ''),
  ];
  return sections.join('\n\n') + '\n';
}

/** The change since the previous year: the sentence, the parts by scope, and each of DESNZ's own changes. */
function changeText(c: InventoryComparison): string {
  const tables = changeTables(c);
  const right = tables.header.map((_, i) => i).filter((i) => i > 0);
  return (
    heading(`Change since ${yearOf(c.previous, 'the previous year')} (tCO2e)`) +
    `${changeSentence(c)}\n\n` +
    formatTextTable({ header: [...tables.header], rows: tables.byScope.map((r) => [...r]), footer: [[...tables.total]], right }) +
    (c.methodChanges.length === 0 ? '' : `\n\nChanges DESNZ made to how a source is counted (not the council's):\n${c.methodChanges.map((m) => `- ${methodChangeText(m)}`).join('\n')}`) +
    (c.crossProblems.length === 0 ? '' : `\n\n${c.crossProblems.length} record(s) could not be recalculated under the other year's factors: their emissions are shown as not comparable.`)
  );
}

function procurementText(s: ReportSummary): string {
  const { procurement: p } = s;
  const top = p.categories.slice(0, LARGEST_PROCUREMENT_ROWS);
  return (
    heading(`Procurement: ${formatPounds(p.pounds)} costed, ${formatTonnes(p.kgCO2e)} tCO2e (${formatPercent(p.kgCO2e, s.total)} of the total)`) +
    formatTextTable({
      header: ['Largest categories (SIC group)', 'Spend', 'tCO2e', 'Share'],
      rows: top.map((r) => [r.label, formatPounds(r.pounds), formatTonnes(r.kgCO2e), formatPercent(r.kgCO2e, s.total)]),
      right: [1, 2, 3],
    }) +
    (p.categories.length > top.length ? `\n…and ${p.categories.length - top.length} more (every one in the CSV and XLSX reports).` : '') +
    (p.suppliers.length === 0 ? '' : '\n\n' + formatTextTable({
      header: ['Suppliers’ own figures', 'Spend', 'tCO2e'],
      rows: p.suppliers.map((r) => [r.label, formatPounds(r.pounds), formatTonnes(r.kgCO2e)]),
      right: [1, 2],
    })) +
    `\n\n${SPEND_EXPLANATION}\n${vatAndPriceNote(p)}`
  );
}

function heading(text: string): string {
  return `${text}\n\n`;
}
