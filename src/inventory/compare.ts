import { CATEGORY_IDS, SCOPES, type Category, type Scope } from '../activity/categories.js';
import { ZERO, type Decimal } from '../decimal.js';
import type { Problem } from '../problem.js';
import { totalLines } from './build.js';
import { recalculate, type CalculationOptions } from './calculate-inventory.js';
import type { Inventory, InventoryTotals } from './types.js';

/**
 * One figure in two years (kgCO2e, exact), its change split so that activityEffect + factorEffect +
 * notComparable = change. `notComparable` is the emissions of records one year's factor set cannot cost
 * (e.g. homeworking before DESNZ published it), for which neither effect can be told apart: zero when both
 * years use one set or every record is costed under both.
 */
export interface ChangeRow<K> {
  readonly key: K;
  readonly previous: Decimal;
  readonly current: Decimal;
  readonly change: Decimal;
  readonly activityEffect: Decimal;
  readonly factorEffect: Decimal;
  readonly notComparable: Decimal;
}

export interface ComparedYear {
  readonly reportingYear?: string;
  readonly factorSetId: string;
  /** Error problems in that year's inventory: records left out, so its total understates the year. */
  readonly excludedRecords: number;
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
   * their emissions are the `notComparable` part of each row, and each is named here.
   */
  readonly crossProblems: readonly Problem[];
}

export const COMPARISON_METHOD =
  'The change between the two years is split into an activity effect (what the council did differently) and a ' +
  'factor effect (what changed in the published conversion factors) by recalculating each year under the other ' +
  "year's factor set and averaging the two orders of substitution (a Shapley split). Records that one year's " +
  'factors cannot cost are shown apart as not comparable; the parts add up to the change exactly.';

/**
 * Year-on-year change, decomposed. With P = previous activity × previous factors, C = current × current,
 * Pc = previous activity × current factors and Cp = current activity × previous factors, each over the records
 * both sets can cost: activity effect = ((Cp − P) + (C − Pc)) / 2 and factor effect = ((Pc − P) + (C − Cp)) / 2.
 * `options` (residual mix, spend factors) must be those both inventories were calculated with.
 */
export function compareInventories(previous: Inventory, current: Inventory, options: Omit<CalculationOptions, 'factorSet'> = {}): InventoryComparison {
  const sameSet = previous.factorSet.id === current.factorSet.id;
  const previousAtCurrentFactors = sameSet ? previous : recalculate(previous, current.factorSet.id, options);
  const currentAtPreviousFactors = sameSet ? current : recalculate(current, previous.factorSet.id, options);
  const previousBoth = costedUnderBoth(previous, previousAtCurrentFactors);
  const currentBoth = costedUnderBoth(current, currentAtPreviousFactors);
  const comparable = {
    p: totalsOf(previous, previousBoth),
    pc: totalsOf(previousAtCurrentFactors, previousBoth),
    c: totalsOf(current, currentBoth),
    cp: totalsOf(currentAtPreviousFactors, currentBoth),
  };
  const row = <K>(key: K, pick: (t: InventoryTotals) => Decimal): ChangeRow<K> => {
    const [p, c] = [pick(previous.totals), pick(current.totals)];
    const [p2, pc, c2, cp] = [pick(comparable.p), pick(comparable.pc), pick(comparable.c), pick(comparable.cp)];
    const factorEffect = pc.sub(p2).add(c2.sub(cp)).div(2);
    const activityEffect = c2.sub(p2).sub(factorEffect);
    const change = c.sub(p);
    return { key, previous: p, current: c, change, activityEffect, factorEffect, notComparable: change.sub(activityEffect).sub(factorEffect) };
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
  return {
    factorSetId: inventory.factorSet.id,
    ...(inventory.reportingYear !== undefined ? { reportingYear: inventory.reportingYear } : {}),
    excludedRecords: inventory.problems.filter((p) => p.severity === 'error').length,
  };
}

/** Ids of records with emission lines under both factor sets. */
function costedUnderBoth(inventory: Inventory, recalculated: Inventory): ReadonlySet<string> {
  const other = new Set(recalculated.lines.map((l) => l.recordId));
  return new Set(inventory.lines.map((l) => l.recordId).filter((id) => other.has(id)));
}

function totalsOf(inventory: Inventory, recordIds: ReadonlySet<string>): InventoryTotals {
  return totalLines(inventory.lines.filter((l) => recordIds.has(l.recordId)), []);
}

function newProblems(original: Inventory, recalculated: Inventory): Problem[] {
  const seen = new Set(original.problems.map((p) => `${p.code}|${p.message}`));
  return recalculated.problems.filter((p) => p.severity === 'error' && !seen.has(`${p.code}|${p.message}`));
}
