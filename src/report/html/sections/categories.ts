import { formatPercent, formatTonnes, tonnesText } from '../../format.js';
import { largestFirst, type ReportSummary } from '../../summary.js';
import { barChart } from '../charts/bars.js';
import { figure, section } from '../figure.js';
import { CATEGORY_FILL } from '../palette.js';

export function categoriesSection(s: ReportSummary): string {
  const rows = largestFirst(s.categories);
  const share = (kg: (typeof s)['total']) => formatPercent(kg, s.total);
  const chart = barChart({
    id: 'chart-categories',
    title: 'Emissions by category, largest first',
    summary: `Emissions of each of the council’s reporting categories, largest first, out of ${tonnesText(s.total)}.`,
    bars: rows.map((r) => ({ label: r.label, value: r.kgCO2e, valueText: `${tonnesText(r.kgCO2e)} (${share(r.kgCO2e)})`, fill: CATEGORY_FILL })),
  });
  return section(
    'categories',
    'Where the emissions come from',
    figure(chart, {
      caption: 'Emissions by category, tCO2e, largest first',
      header: ['Category', 'tCO2e', 'Share'],
      rows: rows.map((r) => [r.label, formatTonnes(r.kgCO2e), share(r.kgCO2e)]),
      footer: [['Total', formatTonnes(s.total), share(s.total)]],
      numeric: [1, 2],
    }),
    'Each category is an area of the council’s activity, with every scope it touches: buildings include the gas burnt (scope 1), the electricity bought (scope 2) and their supply chains (scope 3).',
  );
}
