import { definedFields } from '../defined.js';
import { compareDisplayedTotal } from '../import/displayed-totals.js';
import type { ImportResult } from '../import/result.js';
import type { BaselineProfile } from '../import/profile.js';
import { calculateInventory, type CalculationOptions } from './calculate-inventory.js';
import type { CouncilProfile, Inventory } from './types.js';

/** The About details of a baseline that an inventory carries. */
export function councilFromProfile(profile: BaselineProfile): CouncilProfile {
  return definedFields({ name: profile.councilName, onsCode: profile.onsCode, councilType: profile.councilType, region: profile.region, boundaryNotes: profile.boundaryNotes });
}

/**
 * The inventory of an imported baseline: its council and reporting year from the About sheet, on the factor set
 * asked for, else the one the About sheet names, else the reporting year's. The import's problems come first in
 * `problems`, so every report lists them with the calculation's own.
 * @example
 * const inventory = inventoryFromImport(await importWorkbook('baseline.xlsx'));
 * console.log(`${inventory.council?.name}: ${formatTonnes(inventory.totals.total)} tCO2e, ${inventory.problems.length} problem(s)`);
 */
export function inventoryFromImport(imported: Pick<ImportResult, 'profile' | 'records' | 'problems' | 'displayedTotal'>, options: CalculationOptions = {}): Inventory {
  const { profile, displayedTotal } = imported;
  const factorSet = options.factorSet ?? profile.factorSetId;
  const inventory = calculateInventory(
    { records: imported.records, council: councilFromProfile(profile), ...definedFields({ reportingYear: profile.reportingYear }) },
    { ...options, ...definedFields({ factorSet }) },
  );
  // A workbook's own preview total, when it differs from the exact one beyond what it shows, is said so.
  const differs = displayedTotal === undefined ? undefined : compareDisplayedTotal(displayedTotal, inventory.totals.total, displayedTotal.file);
  return { ...inventory, problems: [...imported.problems, ...(differs !== undefined ? [differs] : []), ...inventory.problems] };
}
