import { formatPercent, formatTonnes, tonnesText } from '../../format.js';
import { DATA_QUALITY_EXPLANATION } from '../../notes.js';
import type { ReportSummary } from '../../summary.js';
import { shareBar } from '../charts/share-bar.js';
import { figure, section } from '../figure.js';
import { DATA_QUALITY_FILLS } from '../palette.js';

export function dataQualitySection(s: ReportSummary): string {
  const share = (kg: (typeof s)['total']) => formatPercent(kg, s.total);
  const chart = shareBar({
    id: 'chart-data-quality',
    title: 'How the figures were measured',
    summary: `Share of the total of ${tonnesText(s.total)} by how its data was measured.`,
    segments: s.dataQuality.map((r) => ({ label: r.label, value: r.kgCO2e, valueText: `${share(r.kgCO2e)} (${tonnesText(r.kgCO2e)})`, fill: DATA_QUALITY_FILLS[r.key] })),
  });
  return section(
    'data-quality',
    'How good is the data?',
    figure(chart, {
      caption: 'Emissions by data quality, tCO2e',
      header: ['Measured by', 'tCO2e', 'Share'],
      rows: s.dataQuality.map((r) => [r.label, formatTonnes(r.kgCO2e), share(r.kgCO2e)]),
      numeric: [1, 2],
    }),
    DATA_QUALITY_EXPLANATION,
  );
}
