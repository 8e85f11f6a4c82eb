import { formatPercent, formatTonnes, tonnesText } from '../../format.js';
import type { ReportSummary } from '../../summary.js';
import { shareBar } from '../charts/share-bar.js';
import { figure, section } from '../figure.js';
import { SCOPE_FILLS } from '../palette.js';

export function scopesSection(s: ReportSummary): string {
  const share = (kg: (typeof s)['total']) => formatPercent(kg, s.total);
  const chart = shareBar({
    id: 'chart-scopes',
    title: 'Emissions by scope',
    summary: `Share of the total of ${tonnesText(s.total)} in each scope (scope 2 location-based).`,
    segments: s.scopes.map((r) => ({ label: r.label, value: r.locationBased, valueText: `${share(r.locationBased)} (${tonnesText(r.locationBased)})`, fill: SCOPE_FILLS[r.scope] })),
  });
  return section(
    'scopes',
    'Emissions by scope',
    figure(chart, {
      caption: 'Emissions by scope, tCO2e',
      header: ['Scope', 'tCO2e', 'Share'],
      rows: s.scopes.map((r) => [r.label, formatTonnes(r.locationBased), share(r.locationBased)]),
      footer: [['Total', formatTonnes(s.total), share(s.total)]],
      numeric: [1, 2],
    }),
    'The GHG Protocol splits emissions into three scopes by how directly the council causes them.',
  );
}
