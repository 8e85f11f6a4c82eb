import type { CouncilReport } from '../../benchmark/views.js';
import type { InventoryComparison } from '../../inventory/compare.js';
import type { Inventory } from '../../inventory/types.js';
import { summarise } from '../summary.js';
import { benchmarkSection } from './benchmark-section.js';
import { htmlDocument } from './document.js';
import { aboutSection } from './sections/about.js';
import { categoriesSection } from './sections/categories.js';
import { changeSection } from './sections/change.js';
import { dataQualitySection } from './sections/data-quality.js';
import { headlineSection } from './sections/headline.js';
import { memoSection } from './sections/memo.js';
import { problemsSection } from './sections/problems.js';
import { procurementSection } from './sections/procurement.js';
import { scope2Section } from './sections/scope2.js';
import { scopesSection } from './sections/scopes.js';

/** What else `renderHtml` shows: a year-on-year comparison, a benchmark position. */
export interface HtmlReportOptions {
  /** The year-on-year change from `compareInventories(previous, inventory)`: adds the activity/factor bridge. */
  readonly comparison?: InventoryComparison;
  /**
   * This council's "where we stand" benchmark view (`councilView`): adds its position in each cohort. Another
   * council's view is refused (RangeError), as its figures would be shown as "you".
   */
  readonly benchmark?: CouncilReport;
}

/**
 * The inventory as one self-contained HTML page for councillors and residents: headline total, biggest sources,
 * charts with their data tables, problems, and how the figures were made.
 */
export function renderHtml(inventory: Inventory, options: HtmlReportOptions = {}): string {
  const ours = inventory.council.onsCode;
  const viewOf = options.benchmark?.council.onsCode;
  if (viewOf !== undefined && ours !== undefined && viewOf.toUpperCase() !== ours.toUpperCase()) {
    throw new RangeError(`the benchmark view is of council ${viewOf}, not of this inventory's council ${ours}: its figures would be shown as this council's`);
  }
  const s = summarise(inventory);
  const { factorSet } = inventory;
  return htmlDocument({
    title: s.title,
    heading: s.councilName,
    subtitle: [
      `Greenhouse-gas inventory${inventory.reportingYear === undefined ? '' : ` ${inventory.reportingYear}`}`,
      `Emission factors: ${factorSet.title} (${factorSet.id})`,
      'Figures in tCO2e, rounded to 0.1',
    ].join(' · '),
    sections: [
      headlineSection(inventory, s, options.comparison),
      scopesSection(s),
      categoriesSection(s),
      scope2Section(s),
      dataQualitySection(s),
      procurementSection(s),
      options.comparison === undefined ? '' : changeSection(options.comparison),
      options.benchmark === undefined ? '' : benchmarkSection(options.benchmark),
      memoSection(s),
      problemsSection(inventory),
      aboutSection(inventory),
    ],
    footer: `Made with council-ghg from ${inventory.recordCount} records. Every figure is calculated exactly in kgCO2e and rounded once, for display.`,
  });
}
