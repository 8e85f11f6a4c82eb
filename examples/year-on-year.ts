/**
 * Year on year: the example council's 2023/24 activity against its (invented) 2022/23, each on its own year's
 * DESNZ factors. The change in each category is split into what the
 * council did (activity effect) and what the published factors did (factor effect).
 * In your own project, import from 'council-ghg' instead of '../src/index.js'.
 */
import { calculateInventory, CATEGORIES, compareInventories, formatTonnes, recalculate, type Decimal } from '../src/index.js';
import { council, previousRecords, previousReportingYear, records } from './example-council.js';

const previous = calculateInventory({ records: previousRecords, council, reportingYear: previousReportingYear }, { factorSet: 'desnz-2022' });
const current = calculateInventory({ records, council, reportingYear: '2023/24' }, { factorSet: 'desnz-2023' });
const comparison = compareInventories(previous, current);

const signed = (kg: Decimal) => {
  const t = formatTonnes(kg);
  return t === '0.0' || t.startsWith('-') ? t : `+${t}`;
};
console.log(`${comparison.previous.reportingYear} (${comparison.previous.factorSetId}) → ${comparison.current.reportingYear} (${comparison.current.factorSetId}), tCO2e`);
console.log(`${'category'.padEnd(48)} ${'previous'.padStart(9)} ${'current'.padStart(9)} ${'activity'.padStart(9)} ${'factors'.padStart(9)}`);
for (const row of [...comparison.byCategory, comparison.total]) {
  const label = row.key === 'total' ? 'Total' : CATEGORIES[row.key];
  console.log(`${label.padEnd(48)} ${formatTonnes(row.previous).padStart(9)} ${formatTonnes(row.current).padStart(9)} ${signed(row.activityEffect).padStart(9)} ${signed(row.factorEffect).padStart(9)}`);
}
console.log(`\n${comparison.method}`);

// Restating 2023/24 on the newest factors, e.g. to compare with a peer that used them:
const restated = recalculate(current, 'desnz-2025');
console.log(`\n2023/24 on desnz-2025 factors: ${formatTonnes(restated.totals.total)} tCO2e (on desnz-2023: ${formatTonnes(current.totals.total)} tCO2e)`);
