/**
 * The README's quick start as a script: a few records in, an inventory with traceable lines out.
 * In your own project, import from 'council-ghg' instead of '../src/index.js'.
 */
import { calculateInventory, formatTonnes, SCOPE_LABELS, SCOPES } from '../src/index.js';

const inventory = calculateInventory(
  {
    council: { name: 'Example District Council' },
    reportingYear: '2023/24',
    records: [
      { category: 'buildings', source: 'natural-gas', quantity: '1184230', unit: 'kWh', site: 'Civic Centre', dataQuality: 'metered' },
      { category: 'buildings', source: 'electricity', quantity: '912400', unit: 'kWh', market: { type: 'renewable-backed' } },
      { category: 'fleet', source: 'diesel', quantity: '318450', unit: 'litre' },
      { category: 'business-travel', source: 'rail:national', quantity: '96300', unit: 'passenger.km' },
    ],
  },
  { factorSet: 'desnz-2023' },
);

console.log(`${inventory.council.name}, ${inventory.reportingYear}: ${formatTonnes(inventory.totals.total)} tCO2e (location-based), ` +
  `${formatTonnes(inventory.totals.totalMarketBased)} tCO2e (market-based), factors ${inventory.factorSet.id}`);
for (const scope of SCOPES) console.log(`  ${SCOPE_LABELS[scope]}: ${formatTonnes(inventory.totals.byScope[scope])} tCO2e`);
console.log('Lines (kgCO2e, exact):');
for (const line of inventory.lines) {
  console.log(`  ${line.recordId.padEnd(3)} ${line.scope}  ${line.factor.path} — ${line.quantity.value.toFixed()} ${line.quantity.uom} × ${line.factor.kgCO2ePerUnit.toFixed()} = ${line.kgCO2e.toFixed()}`);
}
if (inventory.problems.length > 0) throw new Error('the quick start should have no problems');
