import { formatTonnes, tonnesText } from '../../format.js';
import { SCOPE_2_EXPLANATION } from '../../notes.js';
import type { ReportSummary } from '../../summary.js';
import { barChart } from '../charts/bars.js';
import { figure, section } from '../figure.js';
import { MARKET_BASED_FILL, SCOPE_FILLS } from '../palette.js';

export function scope2Section(s: ReportSummary): string {
  const scope2 = s.scopes[1]!;
  const rows = [
    { label: 'Location-based (UK grid average)', value: scope2.locationBased, fill: SCOPE_FILLS['scope-2'] },
    { label: 'Market-based (the council’s contracts)', value: scope2.marketBased, fill: MARKET_BASED_FILL },
  ];
  const chart = barChart({
    id: 'chart-scope2',
    title: 'Scope 2 electricity and heat: location-based and market-based',
    summary: 'Scope 2 emissions counted two ways.',
    bars: rows.map((r) => ({ ...r, valueText: tonnesText(r.value) })),
  });
  return section(
    'scope2',
    'Electricity: grid average or the council’s contracts',
    figure(chart, {
      caption: 'Scope 2 emissions, tCO2e',
      header: ['Method', 'tCO2e'],
      rows: rows.map((r) => [r.label, formatTonnes(r.value)]),
      numeric: [1],
    }),
    SCOPE_2_EXPLANATION,
  );
}
