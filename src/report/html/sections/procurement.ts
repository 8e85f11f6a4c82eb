import { formatPercent, formatPounds, formatTonnes, LARGEST_PROCUREMENT_ROWS, tonnesText } from '../../format.js';
import { SPEND_EXPLANATION, vatAndPriceNote } from '../../notes.js';
import type { ReportSummary } from '../../summary.js';
import { shareBar } from '../charts/share-bar.js';
import { escapeHtml } from '../escape.js';
import { figure, section } from '../figure.js';
import { METHOD_FILLS } from '../palette.js';
import { htmlTable } from '../tables.js';

/** How much of the total rests on activity data, suppliers' figures and spend estimates; the largest purchases. */
export function procurementSection(s: ReportSummary): string {
  const { procurement: p } = s;
  if (p.categories.length === 0) return '';
  const share = (kg: (typeof s)['total']) => formatPercent(kg, s.total);
  const chart = shareBar({
    id: 'chart-methods',
    title: 'How the figures were found',
    summary: `Share of the total of ${tonnesText(s.total)} by method.`,
    segments: s.methods.map((r) => ({ label: r.label, value: r.kgCO2e, valueText: `${share(r.kgCO2e)} (${tonnesText(r.kgCO2e)})`, fill: METHOD_FILLS[r.key] })),
  });
  const top = p.categories.slice(0, LARGEST_PROCUREMENT_ROWS);
  const categories = htmlTable({
    caption: `Largest procurement categories${p.categories.length > top.length ? ` (${top.length} of ${p.categories.length}; all in the CSV and XLSX reports)` : ''}`,
    header: ['Category (SIC group)', 'Spend', 'tCO2e', 'Share of total'],
    rows: top.map((r) => [r.label, formatPounds(r.pounds), formatTonnes(r.kgCO2e), share(r.kgCO2e)]),
    numeric: [1, 2, 3],
  });
  const suppliers = p.suppliers.length === 0
    ? ''
    : htmlTable({ caption: 'Suppliers’ own figures used', header: ['Supplier', 'Spend', 'tCO2e'], rows: p.suppliers.map((r) => [r.label, formatPounds(r.pounds), formatTonnes(r.kgCO2e)]), numeric: [1, 2] });
  return section(
    'procurement',
    `Procurement: ${formatPounds(p.pounds)} of spend, ${share(p.kgCO2e)} of the total`,
    figure(chart, { caption: 'Emissions by method, tCO2e', header: ['Method', 'tCO2e', 'Share'], rows: s.methods.map((r) => [r.label, formatTonnes(r.kgCO2e), share(r.kgCO2e)]), numeric: [1, 2] }) +
      categories + suppliers + `<p>${escapeHtml(vatAndPriceNote(p))}</p>`,
    SPEND_EXPLANATION,
  );
}
