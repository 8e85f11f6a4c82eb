import { CATEGORY_IDS, SCOPES, type Category, type Scope } from '../activity/categories.js';
import type { EmissionLine, MemoLine } from '../calculate/line.js';
import { ZERO, type Decimal } from '../decimal.js';
import type { FactorSetId } from '../factors/set-id.js';
import type { Problem } from '../problem.js';
import { totalLines } from './build.js';
import { recalculate, type CalculationOptions } from './calculate-inventory.js';
import type { Inventory, InventoryTotals } from './types.js';

/**
 * One figure in two years (kgCO2e, exact), its change split so that activityEffect + factorEffect +
 * methodEffect + notComparable = change. `methodEffect` is what moved in or out of the scopes because DESNZ
 * moved a gas between the Kyoto basket and the memo items outside it (R408A from 2022), not because a value
 * or the council's activity changed. `notComparable` is the emissions of records one year's factor set cannot
 * cost (e.g. homeworking before DESNZ published it), for which no effect can be told apart: zero when both
 * years use one set or every record is costed under both.
 */
export interface ChangeRow<K> {
  readonly key: K;
  readonly previous: Decimal;
  readonly current: Decimal;
  readonly change: Decimal;
  readonly activityEffect: Decimal;
  readonly factorEffect: Decimal;
  readonly methodEffect: Decimal;
  readonly notComparable: Decimal;
}

/** One year of a comparison: its reporting year, the factor set it was calculated on, and the records its errors left out. */
export interface ComparedYear {
  readonly reportingYear?: string;
  readonly factorSetId: FactorSetId;
  /** Error problems in that year's inventory: records left out, so its total understates the year. */
  readonly excludedRecords: number;
}

/** How one factor set counts a source: the rows its emission lines used, and those it put outside the Kyoto basket. */
export interface CountedAs {
  readonly setId: FactorSetId;
  /** DESNZ paths of the in-scope lines ("Refrigerant & other › Kyoto protocol- blends › R408A"). */
  readonly rows: readonly string[];
  /** DESNZ paths of the parts reported as non-Kyoto memo items, outside the scopes. */
  readonly outsideKyoto: readonly string[];
}

/**
 * A change DESNZ made between the two sets to how a source is counted, found from the lines' factor provenance:
 * `outside-kyoto-basket`, a gas moved (wholly or in part) between the scopes and the non-Kyoto memo items, whose
 * `kgCO2e` is the method effect it caused; `renamed-row`, the same records costed on a row DESNZ renamed or moved
 * (including the names src/calculate/renames.ts aliases), whose `kgCO2e` is the factor effect of the lines on it.
 */
export interface MethodChange {
  readonly kind: 'outside-kyoto-basket' | 'renamed-row';
  readonly source: string;
  readonly recordIds: readonly string[];
  readonly previous: CountedAs;
  readonly current: CountedAs;
  readonly kgCO2e: Decimal;
}

/**
 * Two years' inventories compared, made by `compareInventories`: the change in the total, per scope and per
 * category, each split into activity, factor and method effects, with DESNZ's changes of method behind them.
 */
export interface InventoryComparison {
  readonly previous: ComparedYear;
  readonly current: ComparedYear;
  readonly total: ChangeRow<'total'>;
  readonly byScope: readonly ChangeRow<Scope>[];
  readonly byCategory: readonly ChangeRow<Category>[];
  /** How the split was made, in words for a report. */
  readonly method: string;
  /** DESNZ's own changes of method and of row names behind the method and factor effects, each with its figure. */
  readonly methodChanges: readonly MethodChange[];
  /**
   * Records that could not be costed under the other year's factor set (e.g. a factor DESNZ added later):
   * their emissions are the `notComparable` part of each row, and each is named here.
   */
  readonly crossProblems: readonly Problem[];
}

/** How a comparison splits the change, in words for a report (every comparison's `method`). */
export const COMPARISON_METHOD =
  'The change between the two years is split into an activity effect (what the council did differently) and a ' +
  'factor effect (what changed in the published conversion factors) by recalculating each year under the other ' +
  "year's factor set and averaging the two orders of substitution (a Shapley split). Where DESNZ moved a gas between " +
  'the Kyoto basket and the non-Kyoto gases reported outside the scopes, what that moved is shown apart as a method ' +
  "effect: DESNZ's change, not the council's. Records that one year's factors cannot cost are shown apart as not " +
  'comparable; the parts add up to the change exactly.';

/** One record's costing under one factor set: its lines and its non-Kyoto memo items. */
interface Costing {
  readonly lines: readonly EmissionLine[];
  readonly outside: readonly MemoLine[];
}

/** A record of one year, costed under the previous year's set (A) and the current year's (B). */
interface Pair {
  readonly recordId: string;
  readonly source: string;
  readonly category: Category;
  readonly a: Costing;
  readonly b: Costing;
}

/**
 * Year-on-year change, decomposed. With P = previous activity × previous factors, C = current × current,
 * Pc = previous activity × current factors and Cp = current activity × previous factors, each over the records
 * both sets can cost (with emission lines or non-Kyoto memo items): activity effect = ((Cp − P) + (C − Pc)) / 2
 * and factor effect = ((Pc − P) + (C − Cp)) / 2, of which the part that records moved between the scopes and the
 * non-Kyoto memo items account for, −(the same Shapley change in those memo items), is the method effect.
 * `options` (residual mix, spend factors) must be those both inventories were calculated with.
 * @example
 * const previous = calculateInventory({ reportingYear: '2022/23', records: lastYear }, { factorSet: 'desnz-2022' });
 * const current = calculateInventory({ reportingYear: '2023/24', records: thisYear }, { factorSet: 'desnz-2023' });
 * const { total } = compareInventories(previous, current);
 * console.log(`${formatTonnes(total.change)} tCO2e: ${formatTonnes(total.activityEffect)} from activity, ${formatTonnes(total.factorEffect)} from factors`);
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
  // Every record of either year that both sets cost, under the previous year's set (a) and the current's (b).
  const pairs = [...pairsOf(previous, previous, previousAtCurrentFactors, previousBoth), ...pairsOf(current, currentAtPreviousFactors, current, currentBoth)];
  const moved = pairs.filter(movedAcrossKyotoBasket).map((pair) => ({ pair, effect: methodEffectOf(pair), scope: scopeOf(pair) }));
  const methodOf = (match: (m: (typeof moved)[number]) => boolean) => sum(moved.filter(match).map((m) => m.effect));
  const row = <K>(key: K, pick: (t: InventoryTotals) => Decimal, methodEffect: Decimal): ChangeRow<K> => {
    const [p, c] = [pick(previous.totals), pick(current.totals)];
    const [p2, pc, c2, cp] = [pick(comparable.p), pick(comparable.pc), pick(comparable.c), pick(comparable.cp)];
    const factorAndMethod = pc.sub(p2).add(c2.sub(cp)).div(2);
    const activityEffect = c2.sub(p2).sub(factorAndMethod);
    const change = c.sub(p);
    return {
      key, previous: p, current: c, change, activityEffect, factorEffect: factorAndMethod.sub(methodEffect), methodEffect,
      notComparable: change.sub(activityEffect).sub(factorAndMethod),
    };
  };
  const categories = CATEGORY_IDS.filter((c) => previous.totals.byCategory.has(c) || current.totals.byCategory.has(c));
  return {
    previous: describe(previous),
    current: describe(current),
    total: row('total', (t) => t.total, methodOf(() => true)),
    byScope: SCOPES.map((s) => row(s, (t) => t.byScope[s], methodOf((m) => m.scope === s))),
    byCategory: categories.map((c) => row(c, (t) => t.byCategory.get(c) ?? ZERO, methodOf((m) => m.pair.category === c))),
    method: COMPARISON_METHOD,
    methodChanges: sameSet ? [] : methodChanges(pairs, previous.factorSet.id, current.factorSet.id),
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

const isOutsideKyoto = (m: MemoLine) => m.kind === 'non-kyoto-gas';

/**
 * Ids of records accounted for under both factor sets: with emission lines, or with non-Kyoto memo items (a gas
 * DESNZ moved wholly outside the Kyoto basket is still counted, as zero in the scopes, not missing).
 */
function costedUnderBoth(inventory: Inventory, recalculated: Inventory): ReadonlySet<string> {
  const accounted = (i: Inventory) => new Set([...i.lines.map((l) => l.recordId), ...i.memo.filter(isOutsideKyoto).map((m) => m.recordId)]);
  const other = accounted(recalculated);
  return new Set([...accounted(inventory)].filter((id) => other.has(id)));
}

function totalsOf(inventory: Inventory, recordIds: ReadonlySet<string>): InventoryTotals {
  return totalLines(inventory.lines.filter((l) => recordIds.has(l.recordId)), []);
}

function costings(inventory: Inventory): ReadonlyMap<string, Costing> {
  const byId = new Map<string, { lines: EmissionLine[]; outside: MemoLine[] }>();
  const of = (id: string) => byId.get(id) ?? byId.set(id, { lines: [], outside: [] }).get(id)!;
  for (const line of inventory.lines) of(line.recordId).lines.push(line);
  for (const memo of inventory.memo) if (isOutsideKyoto(memo)) of(memo.recordId).outside.push(memo);
  return byId;
}

function pairsOf(year: Inventory, underA: Inventory, underB: Inventory, ids: ReadonlySet<string>): Pair[] {
  const [a, b] = [costings(underA), costings(underB)];
  return year.records
    .filter((r) => ids.has(r.id))
    .map((r) => ({ recordId: r.id, source: r.source, category: r.category, a: a.get(r.id)!, b: b.get(r.id)! }));
}

const sum = (values: readonly Decimal[]) => values.reduce((s, v) => s.add(v), ZERO);

/** Whether the two sets put a record's gas in different places: in the scopes, outside the Kyoto basket, or both. */
function movedAcrossKyotoBasket({ a, b }: Pair): boolean {
  return (a.lines.length > 0) !== (b.lines.length > 0) || (a.outside.length > 0) !== (b.outside.length > 0);
}

/**
 * This record's share of the method effect: what left the scopes for the non-Kyoto memo items (or came back),
 * halved as each record's factor effect is (it is one of the two orders of substitution). For R408A from 2021
 * to 2022 the in-scope part fell from 3152 to 2301 kgCO2e per kg and 851 went outside the basket: all of the
 * fall is this method effect, none a change in the gas's published GWP.
 */
function methodEffectOf({ a, b }: Pair): Decimal {
  return sum(b.outside.map((m) => m.value)).sub(sum(a.outside.map((m) => m.value))).neg().div(2);
}

/** The scope of the record's direct emission in whichever set counts any in the scopes. */
function scopeOf({ a, b }: Pair): Scope | undefined {
  const lines = [...a.lines, ...b.lines];
  return (lines.find((l) => l.role === 'direct') ?? lines[0])?.scope;
}

const stem = (line: EmissionLine) => line.factor.key.split('@')[0]!;

/**
 * The rows a set costed the record on under another name than the other set did: line by line (the same role in
 * the same place), a different DESNZ path. None when the two costings have different lines (a part DESNZ published
 * in one year only), as they cannot be paired.
 */
function renamedRows({ a, b }: Pair): { previous: string[]; current: string[]; factorEffect: Decimal } {
  const paired = a.lines.length === b.lines.length && a.lines.every((line, i) => line.role === b.lines[i]!.role);
  const changed = paired ? a.lines.map((line, i) => [line, b.lines[i]!] as const).filter(([x, y]) => stem(x) !== stem(y)) : [];
  return {
    previous: changed.map(([x]) => x.factor.path),
    current: changed.map(([, y]) => y.factor.path),
    factorEffect: sum(changed.map(([x, y]) => y.kgCO2e.sub(x.kgCO2e))).div(2),
  };
}

/** Records alike (same source, same rows either side) are one change, their figures summed. */
function methodChanges(pairs: readonly Pair[], previousSet: FactorSetId, currentSet: FactorSetId): MethodChange[] {
  const changes = new Map<string, { change: Omit<MethodChange, 'kgCO2e' | 'recordIds'>; recordIds: Set<string>; kgCO2e: Decimal }>();
  const outsidePaths = (c: Costing) => c.outside.map((m) => m.factor?.path ?? m.note);
  for (const pair of pairs) {
    const moved = movedAcrossKyotoBasket(pair);
    const rows = moved ? { previous: pair.a.lines.map((l) => l.factor.path), current: pair.b.lines.map((l) => l.factor.path), factorEffect: ZERO } : renamedRows(pair);
    if (!moved && rows.previous.length === 0) continue;
    const change: Omit<MethodChange, 'kgCO2e' | 'recordIds'> = {
      kind: moved ? 'outside-kyoto-basket' : 'renamed-row',
      source: pair.source,
      previous: { setId: previousSet, rows: rows.previous, outsideKyoto: outsidePaths(pair.a) },
      current: { setId: currentSet, rows: rows.current, outsideKyoto: outsidePaths(pair.b) },
    };
    const key = JSON.stringify(change);
    const effect = moved ? methodEffectOf(pair) : rows.factorEffect;
    const seen = changes.get(key);
    // A record present in both years is one record, though it counts in both halves of the split.
    if (seen === undefined) changes.set(key, { change, recordIds: new Set([pair.recordId]), kgCO2e: effect });
    else {
      seen.recordIds.add(pair.recordId);
      seen.kgCO2e = seen.kgCO2e.add(effect);
    }
  }
  return [...changes.values()].map(({ change, recordIds, kgCO2e }) => ({ ...change, recordIds: [...recordIds], kgCO2e }));
}

function newProblems(original: Inventory, recalculated: Inventory): Problem[] {
  const seen = new Set(original.problems.map((p) => `${p.code}|${p.message}`));
  return recalculated.problems.filter((p) => p.severity === 'error' && !seen.has(`${p.code}|${p.message}`));
}
