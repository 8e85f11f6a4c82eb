import type { CouncilReport, SharedReport } from '../../benchmark/views.js';
import { benchmarkSection, sharedBenchmarkSections } from './benchmark-section.js';
import { htmlDocument } from './document.js';

/**
 * A benchmark view on its own page: the shared anonymised report (every cohort's quartiles) or one council's
 * "where we stand" report (its own figures, and the band of the cohort each falls in, beside them).
 */
export function renderBenchmarkHtml(report: SharedReport | CouncilReport): string {
  const isCouncil = report.format === 'council-ghg/benchmark-council-report';
  return htmlDocument({
    title: isCouncil ? `${report.council.name}: benchmark` : 'Council greenhouse-gas benchmark',
    heading: isCouncil ? `${report.council.name}: where we stand` : 'Council greenhouse-gas benchmark',
    subtitle: `${report.synthetic ? 'Synthetic data · ' : ''}Anonymised comparison of councils’ own emissions, in tCO2e`,
    sections: isCouncil ? [benchmarkSection(report)] : sharedBenchmarkSections(report),
    footer: 'Made with council-ghg. No council other than the one named (if any) can be identified from these figures.',
  });
}
