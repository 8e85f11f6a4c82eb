import { definedFields } from '../defined.js';
import { factorLibraryFor } from '../factors/default-library.js';
import { compareDisplayedTotal } from '../import/displayed-totals.js';
import type { Problem } from '../problem.js';
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
  // The About sheet's set is checked against the default library on import; a library given here (the browser
  // page's) may lack it: then it is a problem and the reporting year's set is used, as on import.
  const library = factorLibraryFor(options);
  const about = options.factorSet === undefined ? profile.factorSetId : undefined;
  const aboutUnknown = about !== undefined && library !== undefined && !library.sets.some((s) => s.id === about);
  const factorSet = options.factorSet ?? (aboutUnknown ? undefined : profile.factorSetId);
  const inventory = calculateInventory(
    { records: imported.records, council: councilFromProfile(profile), ...definedFields({ reportingYear: profile.reportingYear }) },
    { ...options, ...definedFields({ factorSet }) },
  );
  // A workbook's own preview total, when it differs from the exact one beyond what it shows, is said so.
  const differs = displayedTotal === undefined ? undefined : compareDisplayedTotal(displayedTotal, inventory.totals.total, displayedTotal.file);
  const unknownSet: Problem[] = aboutUnknown
    ? [{ severity: 'error', code: 'invalid-profile-value', message: `Factor set: no factor set '${about}' ${library.where}; the ${inventory.factorSet.id} set was used. Available: ${library.sets.map((s) => s.id).join(', ')}`, origin: { sheet: 'About', note: 'factor set' }, value: about }]
    : [];
  return { ...inventory, problems: [...imported.problems, ...unknownSet, ...(differs !== undefined ? [differs] : []), ...inventory.problems] };
}
