import { benchmark, councilView, sharedView, submissionFromInventory, type CouncilReport, type SharedReport } from '../../src/benchmark/index.js';
import { Decimal } from '../../src/decimal.js';
import { calculateInventory, compareInventories } from '../../src/inventory/index.js';
import { council, records, reportingYear } from '../../examples/example-council.js';

/** The example council's inventory, as the demo and the README show it. */
export const exampleInventory = () => calculateInventory({ records, council, reportingYear });

/**
 * A previous year for the example: the same activity 8% higher, costed with the 2022 factors, so the comparison has
 * both an activity effect and a factor effect.
 */
export const examplePreviousInventory = () =>
  calculateInventory(
    { records: records.map((r) => ({ ...r, quantity: new Decimal(String(r.quantity)).mul('1.08').toFixed() })), council, reportingYear: '2022/23' },
  );

export const exampleComparison = () => compareInventories(examplePreviousInventory(), exampleInventory());

/**
 * A benchmark of 12 councils like the example (its activity scaled from 0.6 to 1.7, the example itself at 1, populations alike), and the
 * example council's own "where we stand" view of it.
 */
export function exampleBenchmark(): { shared: SharedReport; council: CouncilReport } {
  const submissions = Array.from({ length: 12 }, (_, i) => {
    const factor = new Decimal(60 + i * 10).div(100);
    const inventory = calculateInventory({ records: records.map((r) => ({ ...r, quantity: new Decimal(String(r.quantity)).mul(factor).toFixed() })), council, reportingYear });
    const result = submissionFromInventory(
      inventory,
      {
        onsCode: i === 4 ? council.onsCode : `E0799${String(i).padStart(4, '0')}`,
        name: i === 4 ? council.name : `Council ${i + 1}`,
        councilType: 'district',
        region: i % 2 === 0 ? 'south-east' : 'east-of-england',
        boundary: { schoolsIncluded: false, scope3SpendIncluded: false, leasedAssetsIncluded: false, outsourcedServicesIncluded: false },
      },
      { population: 90_000 + i * 3_000, staffFte: 500 + i * 10 },
      { synthetic: true, includeActivity: false },
    );
    if (!('submission' in result)) throw new Error(JSON.stringify(result));
    return result.submission;
  });
  const result = benchmark(submissions);
  return { shared: sharedView(result), council: councilView(result, council.onsCode)! };
}
