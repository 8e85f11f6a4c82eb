import { describe, expect, it } from 'vitest';
import { benchmark, sharedView, submissionFromInventory, type Submission } from '../../src/benchmark/index.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';

/** Twelve districts alike but for size; `incomplete` of them with a spend record in a category no table maps, `schools` including schools. */
function districts(incomplete: number, schools: number): Submission[] {
  return Array.from({ length: 12 }, (_, i) => {
    const records = [
      { category: 'buildings', source: 'natural-gas', quantity: String(500_000 + i * 37_000), unit: 'kWh' },
      ...(i < incomplete ? [{ category: 'purchased-goods-and-services', source: 'spend:not-a-mapped-category', quantity: '100000', unit: 'GBP', priceYear: 2023 }] : []),
    ];
    const inventory = calculateInventory({ records, reportingYear: '2023/24' }, { factorSet: 'desnz-2023' });
    const result = submissionFromInventory(
      inventory,
      { onsCode: `E079${String(i).padStart(5, '0')}`, name: `Qzx District ${i}`, councilType: 'district', region: 'south-east', boundary: { schoolsIncluded: i < schools, scope3SpendIncluded: false, leasedAssetsIncluded: false, outsourcedServicesIncluded: false } },
      { population: 90_000 },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.submission;
  });
}

describe('cohort notes', () => {
  it('carry the number of excluded records in the submission and say how many members are incomplete', () => {
    const submissions = districts(5, 0);
    expect(submissions.map((s) => s.excludedRecords ?? 0)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    const view = sharedView(benchmark(submissions));
    expect(view.baseGroups[0]!.cohorts[0]!.notes).toContain('5 of 12 council(s) submitted incomplete inventories (some records could not be calculated), so their figures are understated.');
    expect(view.notes).toEqual([]);
  });

  it('say where boundaries differ, and name no council', () => {
    const view = sharedView(benchmark(districts(0, 5)));
    const notes = view.baseGroups[0]!.cohorts.flatMap((c) => c.notes);
    expect(notes).toContain('Boundaries differ: 5 of 12 include maintained schools, so peers are not like-for-like.');
    expect(JSON.stringify(view)).not.toMatch(/Qzx|E079\d{5}/);
  });

  it('do not mark a difference fewer than k councils are on one side of, but say once that some were left out', () => {
    // "1 of 5 counties" beside "1 of 5 in the South East" would point at the one county in the South East.
    for (const [incomplete, schools] of [[3, 0], [0, 4], [1, 11], [12, 0]]) {
      const view = sharedView(benchmark(districts(incomplete!, schools!)));
      expect(view.baseGroups[0]!.cohorts.flatMap((c) => c.notes)).toEqual([]);
      expect(view.notes).toEqual(['In some cohorts fewer than 5 councils differ from the rest in boundary or in having an incomplete inventory; those cohorts are not marked, so as not to single the councils out.']);
    }
  });

  it('are left out for a cohort whose count is withheld', () => {
    const few = districts(1, 2).slice(0, 4);
    const view = sharedView(benchmark(few));
    for (const cohort of view.baseGroups[0]!.cohorts) {
      expect(cohort.metrics[0]!.count.status).toBe('suppressed');
      expect(cohort.notes).toEqual([]);
    }
  });
});
