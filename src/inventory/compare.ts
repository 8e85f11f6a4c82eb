import { CATEGORY_IDS, SCOPES, type Category, type Scope } from '../activity/categories.js';
import { ZERO, type Decimal } from '../decimal.js';
import type { Problem } from '../problem.js';
import { recalculate, type CalculationOptions } from './calculate-inventory.js';
import type { Inventory, InventoryTotals } from './types.js';

/** One figure in two years (kgCO2e, exact): its change split so that activityEffect + factorEffect = change. */
export interface ChangeRow<K> {
  readonly key: K;
  readonly previous: Decimal;
  readonly current: Decimal;
  readonly change: Decimal;
  readonly activityEffect: Decimal;
  readonly factorEffect: Decimal;
}

export interface ComparedYear {
  readonly reportingYear?: string;
  readonly factorSetId: string;
}

export interface InventoryComparison {
  readonly previous: ComparedYear;
  readonly current: ComparedYear;
  readonly total: ChangeRow<'total'>;
  readonly byScope: readonly ChangeRow<Scope>[];
  readonly byCategory: readonly ChangeRow<Category>[];
  /** How the split was made, in words for a report. */
  readonly method: string;
  /**
   * Records that could not be costed under the other year's factor set (e.g. a factor DESNZ added later):
   * their emissions fall wholly into the activity effect, and each is named here.
   */
  readonly crossProblems: readonly Problem[];
}

export const COMPARISON_METHOD =
  'The change between the two years is split into an activity effect (what the council did differently) and a ' +
  'factor effect (what changed in the published conversion factors) by recalculating each year under the other ' +
  "year's factor set and averaging the two orders of substitution (a Shapley split), so the two effects add up " +
  'to the change exactly.';

/**
 * Year-on-year change, decomposed. With P = previous activity × previous factors, C = current × current,
 * Pc = previous activity × current factors and Cp = current activity × previous factors:
 * activity effect = ((Cp − P) + (C − Pc)) / 2 and factor effect = ((Pc − P) + (C − Cp)) / 2.
 * `options` (residual mix, spend factors) must be those both inventories were calculated with.
 */
export function compareInventories(previous: Inventory, current: Inventory, options: Omit<CalculationOptions, 'factorSet'> = {}): InventoryComparison {
  const sameSet = previous.factorSet.id === current.factorSet.id;
  const previousAtCurrentFactors = sameSet ? previous : recalculate(previous, current.factorSet.id, options);
  const currentAtPreviousFactors = sameSet ? current : recalculate(current, previous.factorSet.id, options);
  const row = <K>(key: K, pick: (t: InventoryTotals) => Decimal): ChangeRow<K> => {
    const p = pick(previous.totals);
    const c = pick(current.totals);
    const pc = pick(previousAtCurrentFactors.totals);
    const cp = pick(currentAtPreviousFactors.totals);
    const change = c.sub(p);
    const factorEffect = pc.sub(p).add(c.sub(cp)).div(2);
    return { key, previous: p, current: c, change, activityEffect: change.sub(factorEffect), factorEffect };
  };
  const categories = CATEGORY_IDS.filter((c) => previous.totals.byCategory.has(c) || current.totals.byCategory.has(c));
  return {
    previous: describe(previous),
    current: describe(current),
    total: row('total', (t) => t.total),
    byScope: SCOPES.map((s) => row(s, (t) => t.byScope[s])),
    byCategory: categories.map((c) => row(c, (t) => t.byCategory.get(c) ?? ZERO)),
    method: COMPARISON_METHOD,
    crossProblems: sameSet ? [] : [...newProblems(previous, previousAtCurrentFactors), ...newProblems(current, currentAtPreviousFactors)],
  };
}

function describe(inventory: Inventory): ComparedYear {
  return { factorSetId: inventory.factorSet.id, ...(inventory.reportingYear !== undefined ? { reportingYear: inventory.reportingYear } : {}) };
}

function newProblems(original: Inventory, recalculated: Inventory): Problem[] {
  const seen = new Set(original.problems.map((p) => `${p.code}|${p.message}`));
  return recalculated.problems.filter((p) => p.severity === 'error' && !seen.has(`${p.code}|${p.message}`));
}
