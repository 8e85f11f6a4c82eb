import { CATEGORIES, SCOPES, type Category, type Scope } from '../activity/categories.js';
import type { ActivityRecordInput, ReportingYear } from '../activity/record.js';
import { isSourceError, parseSource } from '../activity/sources.js';
import { Decimal } from '../decimal.js';
import type { FactorSet } from '../factors/factor-set.js';
import { defaultFactorLibrary } from '../factors/default-library.js';
import type { FactorLibrary } from '../factors/library.js';
import { calculateInventory } from '../inventory/calculate-inventory.js';
import type { Unit } from '../units/units.js';
import { CATEGORY_GROUPS, sourceChoices, unitsOf, type CategoryGroup } from '../import/groups.js';
import type { SourceChoice } from '../import/source-labels.js';

/**
 * The template's preview figures: what one unit of each source a sheet offers costs, in each category the sheet
 * offers it under, found by costing a record of quantity 1 with the library's own calculation (never typed). The
 * workbook's formulas multiply them by the officer's quantities so totals show as they type; the import then
 * recalculates every record exactly. A source and unit the calculation cannot cost (no factor in the set) has
 * no figure, and its rows show "no preview". Records given (a filled-in workbook's) have their own sources costed
 * too where no list offers them, under their id as the label.
 */
export interface PreviewFigure {
  readonly category: Category;
  readonly choice: SourceChoice;
  readonly unit: Unit;
  /** Location-based kgCO2e per unit, by scope (memo items, outside the totals, count zero). */
  readonly kgCO2e: Readonly<Record<Scope, Decimal>>;
}

/** What a template shows of a factor library: its Source drop-downs and per-unit figures from one set, and the sets it offers. */
export interface TemplatePreviews {
  /** The set the figures are costed with. */
  readonly set: FactorSet;
  /** The factor set ids the About sheet offers, as the library holds them. */
  readonly setIds: readonly string[];
  readonly reportingYear?: ReportingYear;
  /** The sheets' Source drop-downs, as costed. */
  readonly choices: ReadonlyMap<CategoryGroup, readonly SourceChoice[]>;
  readonly figures: readonly PreviewFigure[];
}

/**
 * The key a workbook formula looks a figure up by: category label, the Source cell, the vehicle's fuel cell
 * (blank on sheets without one, and for a source given whole) and unit.
 */
export const previewKey = (category: Category, what: string, fuel: string, unit: string): string => `${CATEGORIES[category]}|${what}|${fuel}|${unit}`;

/**
 * Costs one unit of every (category, source, unit) the sheets offer. Spend is costed apart from activity, so
 * energy spend is not taken as already counted by the activity rows costed beside it; at the reporting year's
 * price year (blank in the template means that year). The spend categories and the spend factor set are the
 * library's (default: the default library, else a `NoFactorLibraryError`); a library without spend data gives a
 * Spend sheet with no categories listed and its rows "no preview".
 */
export function templatePreviews(set: FactorSet, reportingYear?: ReportingYear, records: readonly ActivityRecordInput[] = [], factors: FactorLibrary = defaultFactorLibrary('the template\u2019s spend data')): TemplatePreviews {
  const choices = new Map(CATEGORY_GROUPS.map((g) => [g, sourceChoices(g, set, factors.spendCategories())]));
  const candidates = new Map<string, Omit<PreviewFigure, 'kgCO2e'>>();
  for (const [group, list] of choices) {
    for (const category of group.categories) {
      for (const choice of list) {
        if (!choice.family.categories.includes(category)) continue;
        for (const unit of unitsOf(choice.family)) candidates.set(previewKey(category, choice.label, '', unit), { category, choice, unit });
      }
    }
  }
  // A filled-in workbook's rows may name a source no list offers (a trade name, a DESNZ path): costed too.
  for (const record of records) {
    const source = record.source.trim().toLowerCase();
    const parsed = parseSource(source);
    if (isSourceError(parsed) || [...choices.values()].some((list) => list.some((c) => c.source === source))) continue;
    const category = record.category as Category;
    candidates.set(previewKey(category, source, '', record.unit), { category, choice: { source, label: source, family: parsed.family }, unit: record.unit as Unit });
  }
  const all = [...candidates.values()];
  const isSpend = (c: Omit<PreviewFigure, 'kgCO2e'>) => c.choice.family.kind === 'spend';
  const cost = (list: readonly Omit<PreviewFigure, 'kgCO2e'>[]) => costOneUnit(list, set, reportingYear, factors);
  const figures = [...cost(all.filter((c) => !isSpend(c))), ...cost(all.filter(isSpend))];
  const order = new Map(all.map((c, i) => [c, i]));
  return { set, setIds: factors.sets.map((s) => s.id), ...(reportingYear !== undefined ? { reportingYear } : {}), choices, figures: figures.sort((a, b) => order.get(a.from)! - order.get(b.from)!).map((f) => f.figure) };
}

function costOneUnit(candidates: readonly Omit<PreviewFigure, 'kgCO2e'>[], set: FactorSet, reportingYear: ReportingYear | undefined, factors: FactorLibrary): { from: Omit<PreviewFigure, 'kgCO2e'>; figure: PreviewFigure }[] {
  if (candidates.length === 0) return [];
  const records: ActivityRecordInput[] = candidates.map((c, i) => ({
    id: `preview-${i}`, category: c.category, source: c.choice.source, quantity: new Decimal(1), unit: c.unit, origin: { file: 'template preview', line: i },
  }));
  // The library given, so the figures never depend on which factor library a caller has made the default.
  const options = { factorSet: set, factors };
  const inventory = calculateInventory({ records, ...(reportingYear !== undefined ? { reportingYear } : {}) }, options);
  const failed = new Set(inventory.problems.filter((p) => p.severity === 'error').map((p) => p.origin.line));
  const byRecord = new Map<string, Record<Scope, Decimal>>();
  for (const line of inventory.lines) {
    const sums = byRecord.get(line.recordId) ?? Object.fromEntries(SCOPES.map((s) => [s, new Decimal(0)])) as Record<Scope, Decimal>;
    sums[line.scope] = sums[line.scope].add(line.kgCO2e);
    byRecord.set(line.recordId, sums);
  }
  const zero = Object.fromEntries(SCOPES.map((s) => [s, new Decimal(0)])) as Record<Scope, Decimal>;
  return candidates.flatMap((from, i) => (failed.has(i) ? [] : [{ from, figure: { ...from, kgCO2e: byRecord.get(`preview-${i}`) ?? zero } }]));
}
