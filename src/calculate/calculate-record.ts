import type { ActivityRecord } from '../activity/record.js';
import { isSourceError, parseSource, type ParsedSource, type SourceError } from '../activity/sources.js';
import { Decimal } from '../decimal.js';
import type { Factor, FactorSet } from '../factors/factor-set.js';
import type { FactorKey } from '../factors/key.js';
import type { FactorLibrary } from '../factors/library.js';
import { describePath, slug } from '../factors/key.js';
import type { Problem } from '../problem.js';
import { convertUnchecked } from '../units/quantity.js';
import { factorPlan, isNonKyotoFactor, type ComponentRole } from './factor-plan.js';
import type { EmissionLine, FactorUsed, LineRole, MarketBasis, MemoLine, QuantityUsed, SpendDetail } from './line.js';
import { printedBound, type PrintedBound } from './bounded.js';
import { blankValueNote, publicationNote } from './publication.js';
import { outsideOfScopesFor, resolveFactor, type ResolvedFactor } from './resolve-factor.js';
import { assignScope, scope3OverrideProblem, type DirectFactor } from './scope.js';
import { sourceSuggestions } from './suggest-source.js';
import { costSpend, type SpendContext } from './spend.js';

export const CALCULATION_PROBLEM_CODES = [
  'factor-not-found',
  'factor-component-missing',
  'no-spend-factor',
  'unknown-source',
  'market-instrument-ignored',
  'scope3-category-ignored',
  'non-kyoto-gas',
  'spend-price-year-unadjusted',
  'supplier-factor-ignored',
  'spend-counted-as-activity',
  'boundary-excludes',
  'factor-bounded',
  'return-to-sewer-ignored',
] as const;
/** The stable code of a problem the calculation finds with a record (a factor not found, spend without a factor …). */
export type CalculationProblemCode = (typeof CALCULATION_PROBLEM_CODES)[number];
/** A problem the calculation finds with one record, naming the record and its origin. */
export type CalculationProblem = Problem<CalculationProblemCode>;

export interface RecordContext {
  readonly set: FactorSet;
  readonly residualMixKgCO2ePerKWh?: Decimal;
  readonly spend?: SpendContext;
  /** SIC groups the activity data already measures, with the records that do (see spend-overlap.ts). */
  readonly coveredByActivity?: ReadonlyMap<string, readonly string[]>;
  /** Upstream or loss lines the council chose to leave out of its boundary (all are included by default). */
  readonly excluded?: ReadonlySet<BoundaryExclusion>;
  /** The sets the set came from, for saying which years publish a factor this set lacks. */
  readonly library?: FactorLibrary;
}

/** The lines a council may leave out, to compare with a peer or an earlier report that did. */
export const BOUNDARY_EXCLUSIONS = ['well-to-tank', 'transmission-and-distribution'] as const satisfies readonly LineRole[];
export type BoundaryExclusion = (typeof BOUNDARY_EXCLUSIONS)[number];

export interface RecordResult {
  readonly lines: EmissionLine[];
  readonly memo: MemoLine[];
  readonly problems: CalculationProblem[];
}

const LINE_ROLE: Record<Exclude<ComponentRole, 'without-radiative-forcing' | 'non-kyoto'>, LineRole> = {
  direct: 'direct',
  'ev-electricity': 'direct',
  'well-to-tank': 'well-to-tank',
  'transmission-and-distribution': 'transmission-and-distribution',
  'ev-transmission-and-distribution': 'transmission-and-distribution',
};

/** The components each boundary choice leaves out (a factor named directly is kept: the council asked for it). */
const EXCLUDABLE: Partial<Record<ComponentRole, BoundaryExclusion>> = {
  'well-to-tank': 'well-to-tank',
  'transmission-and-distribution': 'transmission-and-distribution',
  'ev-transmission-and-distribution': 'transmission-and-distribution',
};

/**
 * One record's emission lines. All-or-nothing: when a required factor is missing the record gives no lines and
 * one error naming it and the nearest factors — never a zero.
 */
export function calculateRecord(record: ActivityRecord, context: RecordContext): RecordResult {
  const result = costRecord(record, context);
  // Only a record with one of these fields can warn; most have none.
  const mayWarn = record.market !== undefined || record.supplierFactor !== undefined || record.returnToSewer !== undefined || record.scope3Category !== undefined;
  if (result.lines.length === 0 || !mayWarn) return result;
  const warnings: CalculationProblem[] = [];
  const warn = (code: CalculationProblemCode, value: string, message: string) =>
    warnings.push({ severity: 'warning', code, origin: record.origin, value, message: `Record ${record.id}: ${message}` });
  // A tariff or supplier figure counts only for grid electricity in the council's own scope 2; say so rather than drop it.
  if (record.market !== undefined && !result.lines.some((l) => l.market?.basis === record.market?.type)) {
    warn('market-instrument-ignored', record.market.type,
      `a market instrument (${record.market.type}) applies only to grid electricity in kWh bought for the council's own operations (scope 2); for ${record.source} under ${record.category} it is not used`);
  }
  if (record.supplierFactor !== undefined && !result.lines.some((l) => l.method === 'supplier-specific')) {
    warn('supplier-factor-ignored', record.supplierFactor.supplier, `a supplier's kgCO2e per £ applies only to spend (spend:<category>); for ${record.source} it is not used`);
  }
  if (record.returnToSewer !== undefined && !result.lines.some((l) => l.quantity.share !== undefined)) {
    warn('return-to-sewer-ignored', record.returnToSewer.toFixed(), `a return-to-sewer share applies only to water-supply (it adds the treatment of that share); for ${record.source} it is not used`);
  }
  const override = scope3OverrideProblem(record);
  if (override !== undefined) warn('scope3-category-ignored', String(record.scope3Category), override);
  return warnings.length === 0 ? result : { ...result, problems: [...result.problems, ...warnings] };
}

function costRecord(record: ActivityRecord, context: RecordContext): RecordResult {
  const source = memoFor(context).source(record.source);
  if (isSourceError(source)) return failure(record, 'unknown-source', source.reason, record.source);
  switch (source.family.kind) {
    case 'spend':
      return spendLine(record, source, context);
    case 'reported':
      return reportedLine(record, source);
    case 'generation':
      return memoOnly(record, 'renewable-generation', convertUnchecked({ value: record.quantity, unit: record.unit }, 'kWh').value, 'kWh',
        `Renewable electricity generated (${source.options[0]}), reported as a memo item, not netted off`);
    case 'removal':
      return memoOnly(record, 'removal', convertUnchecked({ value: record.quantity, unit: record.unit }, 'kg').value, 'kgCO2e',
        'Removals by land use (sequestration), reported separately and never netted into gross totals');
    default: {
      const lines = factorLines(record, source, context);
      return source.family.family === 'water-supply' && record.returnToSewer !== undefined && lines.lines.length > 0 ? withTreatment(record, record.returnToSewer, lines, context) : lines;
    }
  }
}

/**
 * Water supply with the share that returns to sewer (water companies commonly assume 95%): the treatment of that
 * share is costed as a water-treatment record of that volume would be (DESNZ's water treatment factor, scope 3
 * category 5), on the supply record, with the share on the line. All-or-nothing, as for any record: a set
 * without the treatment factor gives its error and no lines.
 */
function withTreatment(record: ActivityRecord, percent: Decimal, supplied: RecordResult, context: RecordContext): RecordResult {
  const treatment = parseSource('water-treatment');
  if (isSourceError(treatment)) throw new Error('the source catalogue has no water-treatment');
  const returned: ActivityRecord = { ...record, source: treatment.family.family, quantity: record.quantity.mul(percent).div(100) };
  const treated = factorLines(returned, treatment, context);
  if (treated.lines.length === 0) return { ...treated, problems: treated.problems.map((p) => ({ ...p, value: record.source })) };
  const share = { percent, of: `water supplied (${record.quantity.toFixed()} ${record.unit}) returned to sewer` };
  return {
    lines: [...supplied.lines, ...treated.lines.map((line) => ({ ...line, record, quantity: { value: line.quantity.value, uom: line.quantity.uom, share, ...(line.quantity.conversion !== undefined ? { conversion: line.quantity.conversion } : {}) } }))],
    memo: [...supplied.memo, ...treated.memo],
    problems: [...supplied.problems, ...treated.problems],
  };
}

function factorLines(record: ActivityRecord, source: ParsedSource, context: RecordContext): RecordResult {
  const { set } = context;
  if (source.family.kind === 'desnz' && source.options[0]!.startsWith('outside-of-scopes/')) {
    return failure(record, 'factor-not-found', 'outside-of-scopes figures (biogenic CO2) are not emissions to cost: name the fuel itself, and its biogenic CO2 is reported beside it as a memo item', record.source);
  }
  const resolution = resolveComponents(record, source, context);
  if ('lines' in resolution) return resolution;

  const lines: EmissionLine[] = [];
  const memo: MemoLine[] = [];
  const problems: CalculationProblem[] = [];
  let previous: ResolvedFactor | undefined;
  let direct: ResolvedFactor | undefined;
  for (const { role, found: resolved, nonKyotoFactor } of resolution.components) {
    const found = forQuantity(resolved, record.quantity, previous);
    previous = found;
    if (role === 'without-radiative-forcing') {
      memo.push(memoLine(record, 'flight-without-radiative-forcing', found.quantity.value.mul(found.kgCO2ePerUnit), 'kgCO2e',
        'The same flights without the radiative forcing uplift (totals include it, as DESNZ recommends)', factorUsed(set, found.factor, found.kgCO2ePerUnit)));
      continue;
    }
    // GHG Protocol: gases outside the Kyoto basket (CFCs, HCFCs ...) are reported apart, never in a scope.
    if (role === 'non-kyoto' || nonKyotoFactor) {
      memo.push(memoLine(record, 'non-kyoto-gas', found.quantity.value.mul(found.kgCO2ePerUnit), 'kgCO2e',
        'A gas outside the Kyoto basket (Montreal Protocol or other non-Kyoto gas), reported separately from the scopes', factorUsed(set, found.factor, found.kgCO2ePerUnit)));
      problems.push({
        severity: 'warning', code: 'non-kyoto-gas', origin: record.origin, value: record.source,
        message: `Record ${record.id}: ${record.source} is ${lines.length > 0 ? 'partly ' : ''}a non-Kyoto gas (${describePath(found.factor.path)}): as the GHG Protocol requires, ${lines.length > 0 ? 'that part' : 'it'} is reported as a memo item outside the scopes, not in the totals`,
      });
      continue;
    }
    if (role === 'direct') direct = found;
    lines.push(emissionLine(record, LINE_ROLE[role], found, context, role === 'ev-electricity', resolution.directFactor));
  }
  const { biogenic } = resolution;
  if (biogenic !== undefined && direct !== undefined) {
    memo.push(memoLine(record, 'biogenic-co2', direct.quantity.value.mul(biogenic.perUnit), 'kgCO2e',
      'Biogenic CO2 from the biomass or biofuel content, outside of scopes', factorUsed(set, biogenic.outside, biogenic.perUnit)));
  }
  if (resolution.missingOptional.length > 0) {
    problems.push({
      severity: 'warning', code: 'factor-component-missing', origin: record.origin, value: record.source,
      message: `${set.id} publishes no ${resolution.missingOptional.join(' / ')} factor for ${record.source}; that part is not included`,
    });
  }
  return { lines, memo, problems };
}

/** The factors a source, category and unit resolve to in one calculation: the same for every such record. */
interface Resolution {
  readonly components: readonly { readonly role: ComponentRole; readonly found: ResolvedFactor; readonly nonKyotoFactor: boolean }[];
  readonly missingOptional: readonly string[];
  readonly directFactor: DirectFactor | undefined;
  /** DESNZ's outside-of-scopes row beside the direct factor, for the biogenic CO2 memo item. */
  readonly biogenic: { readonly outside: Factor; readonly perUnit: Decimal } | undefined;
}

/**
 * What one calculation (one context) has already worked out: sources parsed, and factors resolved by source,
 * category and unit. A baseline of 100,000 meters has a handful of kinds, and finding a kind's factors (its plan,
 * the published keys tried, the non-Kyoto and outside-of-scopes checks) cost more than costing the record.
 * Failures are not kept: their messages name the record.
 */
class CalculationMemo {
  private readonly sources = new Map<string, ParsedSource | SourceError>();
  readonly resolutions = new Map<string, Resolution>();

  source(id: string): ParsedSource | SourceError {
    let parsed = this.sources.get(id);
    if (parsed === undefined) this.sources.set(id, (parsed = parseSource(id)));
    return parsed;
  }
}
const memos = new WeakMap<RecordContext, CalculationMemo>();

function memoFor(context: RecordContext): CalculationMemo {
  let memo = memos.get(context);
  if (memo === undefined) memos.set(context, (memo = new CalculationMemo()));
  return memo;
}

function resolveComponents(record: ActivityRecord, source: ParsedSource, context: RecordContext): Resolution | RecordResult {
  const known = memoFor(context).resolutions;
  const key = `${record.source}\u0000${record.category}\u0000${record.unit}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const { set } = context;
  const plan = factorPlan(source, record.category);
  const resolved: { role: ComponentRole; found: ResolvedFactor }[] = [];
  const missingOptional: string[] = [];
  // The publication note looks for any of the plan's factors, so a gas DESNZ published only as non-Kyoto counts.
  const notFound = (stems: readonly string[], role: ComponentRole, anyOf: readonly string[] = stems) => {
    const suggestions = sourceSuggestions(set, source, stems, record.category);
    const nearest = suggestions.length > 0 ? `Did you mean: ${suggestions.join(', ')}?` : `Nearest published factors: ${set.nearestKeys(stems[0]!.replace(/\*/g, ''), 3).join(', ')}`;
    const blank = blankValueNote(set, stems);
    return failure(record, 'factor-not-found', `${set.id} has no ${role} factor for ${record.source} in ${record.unit} (looked for ${stems[0]}@…): ${publicationNote(set, anyOf, context.library)}. ${blank !== undefined ? `${blank}. ` : ''}${nearest}`, record.source);
  };
  for (const component of plan.components) {
    const exclusion = EXCLUDABLE[component.role];
    if (exclusion !== undefined && context.excluded?.has(exclusion)) continue;
    const found = resolveFactor(set, component.stems, record.quantity, record.unit);
    if (found !== undefined) resolved.push({ role: component.role, found });
    else if (component.presence === 'required') return notFound(component.stems, component.role);
    else if (component.presence === 'optional') missingOptional.push(component.role);
  }
  if (!resolved.some((r) => r.role === 'direct' || r.role === 'ev-electricity' || r.role === 'non-kyoto')) {
    const bound = source.family.kind === 'refrigerant' ? printedBound(set, plan.components.flatMap((c) => c.stems)) : undefined;
    if (bound !== undefined) return boundedMemo(record, set, bound);
    const first = plan.components[0];
    return first === undefined
      ? failure(record, 'factor-not-found', `${set.id} publishes no factor for ${record.source} in ${record.unit}`, record.source)
      : notFound(first.stems, first.role, plan.components.flatMap((c) => c.stems));
  }
  const components = resolved.map(({ role, found }) => ({ role, found, nonKyotoFactor: isNonKyotoFactor(found.factor) }));
  const directFound = resolved.find((r) => r.role === 'direct')?.found.factor;
  // The direct factor whose line the biogenic CO2 goes with: the last one that gives a line.
  const direct = components.filter((c) => c.role === 'direct' && !c.nonKyotoFactor).at(-1)?.found.factor;
  const resolution: Resolution = {
    components,
    missingOptional: [...new Set(missingOptional)],
    directFactor: directFound === undefined ? undefined : { scope: directFound.scope, section: directFound.key.split('/')[0]! },
    biogenic: plan.biogenic && direct !== undefined ? biogenicRow(set, direct) : undefined,
  };
  known.set(key, resolution);
  return resolution;
}

/**
 * DESNZ's outside-of-scopes rows are the biogenic CO2 of burning a fuel (scope 1) or generating electricity
 * (scope 2); a scope 3 factor named directly (T&D, WTT) shares their key tail but is not that burning.
 */
function biogenicRow(set: FactorSet, direct: Factor): Resolution['biogenic'] {
  if (direct.scope === 'Scope 3') return undefined;
  const outside = outsideOfScopesFor(set, direct);
  const perUnit = outside?.values.get('kgCO2e-CO2') ?? outside?.values.get('kgCO2e');
  return outside !== undefined && perUnit !== undefined ? { outside, perUnit } : undefined;
}

/**
 * A resolution's factor applied to this record's quantity, converted as `resolveFactor` converted the first
 * record's; lines of one record in the same unit share one quantity.
 */
function forQuantity(found: ResolvedFactor, value: Decimal, previous: ResolvedFactor | undefined): ResolvedFactor {
  const { conversion, uom } = found.quantity;
  if (conversion === undefined && previous !== undefined && previous.quantity.conversion === undefined && previous.quantity.uom === uom) {
    return { factor: found.factor, kgCO2ePerUnit: found.kgCO2ePerUnit, quantity: previous.quantity };
  }
  return { factor: found.factor, kgCO2ePerUnit: found.kgCO2ePerUnit, quantity: conversion === undefined ? { value, uom } : { value: value.mul(conversion.multiplier), uom, conversion } };
}

/**
 * A gas whose factor DESNZ printed only as a bound ("< 1"): the loss is reported as a memo item at the bound, an
 * upper limit, outside the scopes as DESNZ lists these gases from 2022 (non-Kyoto rows only), with the
 * assumption stated, rather than refused or counted as zero.
 */
function boundedMemo(record: ActivityRecord, set: FactorSet, bound: PrintedBound): RecordResult {
  const kg = convertUnchecked({ value: record.quantity, unit: record.unit }, 'kg').value;
  const most = kg.mul(bound.upTo);
  const where = `${set.id} row ${bound.row}, ${bound.path}`;
  return {
    lines: [],
    memo: [memoLine(record, 'non-kyoto-gas', most, 'kgCO2e', `At most ${most.toFixed()} kgCO2e: DESNZ printed "${bound.text}" kgCO2e per kg, not a value (${where}); reported at that bound, outside the scopes`)],
    problems: [{
      severity: 'warning', code: 'factor-bounded', origin: record.origin, value: bound.text,
      message: `Record ${record.id}: DESNZ printed "${bound.text}" instead of a factor for ${record.source} (${where}); assumed at most ${bound.upTo.toFixed()} kgCO2e per kg, so the ${kg.toFixed()} kg lost is reported as a memo item of at most ${most.toFixed()} kgCO2e, outside the scopes as DESNZ lists this gas from 2022, not in the totals`,
    }],
  };
}

function emissionLine(record: ActivityRecord, role: LineRole, found: ResolvedFactor, context: RecordContext, evByDistance: boolean, direct: DirectFactor | undefined): EmissionLine {
  const { factor, quantity } = found;
  const kgCO2e = compact(quantity.value.mul(found.kgCO2ePerUnit));
  const { scope, scope3Category } = assignScope(record, role, factor.scope, direct);
  // The fields every line has come first, in one literal: V8 builds that part from a template, where fields
  // after a spread are added one by one (this made building a line twice as slow).
  const line = {
    recordId: record.id,
    record,
    role,
    category: record.category,
    scope,
    dataQuality: record.dataQuality,
    method: 'activity-based' as const,
    factor: factorUsed(context.set, factor, found.kgCO2ePerUnit),
    quantity,
    kgCO2e,
    ...(scope3Category !== undefined ? { scope3Category } : {}),
    ...(record.site !== undefined ? { site: record.site } : {}),
    ...(scope === 'scope-2' ? { market: marketBased(record, quantity, kgCO2e, context, evByDistance) } : {}),
  };
  return Object.defineProperty(line, 'byGas', BY_GAS) as typeof line & Pick<EmissionLine, 'byGas'>;
}

/**
 * A product as a Decimal of its own digits: decimal.js builds a product's digits in an array with room to spare,
 * and a line is kept for the life of the inventory (250,000 of them for a 100,000-row baseline).
 */
function compact(value: Decimal): Decimal {
  return new Decimal(value);
}

type GasSplit = EmissionLine['byGas'];
type GasLine = Pick<EmissionLine, 'factor' | 'quantity'>;

/** The published kgCO2e per unit of each gas, by the factor description lines share. */
const gasPerUnit = new WeakMap<FactorUsed, { readonly [G in keyof GasSplit]-?: Decimal | undefined }>();
/** Each line's split, once read. */
const splits = new WeakMap<GasLine, GasSplit>();

/**
 * A line's kgCO2e per gas (CO2, CH4, N2O where DESNZ publishes the split), worked out from its quantity and factor
 * when first read and kept: reports and the JSON file read it, totals never do, and holding three exact products
 * on each of a large baseline's lines cost more than all else the lines hold. An own enumerable property, so a
 * copy of the line (spread, JSON) has it as a value; one getter for every line, so lines keep one shape.
 */
const BY_GAS: PropertyDescriptor = {
  enumerable: true,
  get(this: GasLine): GasSplit {
    let split = splits.get(this);
    if (split === undefined) {
      const perUnit = gasPerUnit.get(this.factor)!;
      const gas = (g: Decimal | undefined) => (g === undefined ? undefined : this.quantity.value.mul(g));
      const [CO2, CH4, N2O] = [gas(perUnit.CO2), gas(perUnit.CH4), gas(perUnit.N2O)];
      split = { ...(CO2 ? { CO2 } : {}), ...(CH4 ? { CH4 } : {}), ...(N2O ? { N2O } : {}) };
      splits.set(this, split);
    }
    return split;
  },
};

/** Scope 2 Guidance hierarchy: contractual instrument, then residual mix, then grid average (stated). */
function marketBased(record: ActivityRecord, quantity: QuantityUsed, location: Decimal, context: RecordContext, evByDistance: boolean): { kgCO2e: Decimal; basis: MarketBasis } {
  const isGridKWh = !evByDistance && record.source === 'electricity' && quantity.uom === 'kWh';
  // Heat, and EV charging known only by distance: no contract to apply, so the location-based figure, said as such.
  if (!isGridKWh) return { kgCO2e: location, basis: 'location-based' };
  if (record.market?.type === 'renewable-backed') return { kgCO2e: new Decimal(0), basis: 'renewable-backed' };
  if (record.market?.type === 'supplier-specific') return { kgCO2e: quantity.value.mul(record.market.kgCO2ePerKWh), basis: 'supplier-specific' };
  if (context.residualMixKgCO2ePerKWh !== undefined) return { kgCO2e: quantity.value.mul(context.residualMixKgCO2ePerKWh), basis: 'residual-mix' };
  return { kgCO2e: location, basis: 'grid-average' };
}

function spendLine(record: ActivityRecord, source: ParsedSource, context: RecordContext): RecordResult {
  const name = source.options[0]!;
  const { spend } = context;
  if (spend === undefined) return failure(record, 'no-spend-factor', 'No spend factor set was given; spend is excluded rather than counted as zero', record.source);
  // Multipliers are per £ excluding VAT: an amount stated to include it is brought to net first, exactly.
  const net = record.includesVatAt === undefined ? record.quantity : record.quantity.mul(100).div(record.includesVatAt.add(100));
  const costing = costSpend(spend, name, record.priceYear!, net);
  if (!costing.ok) return failure(record, 'no-spend-factor', `${costing.reason} (£${record.quantity.toFixed()} excluded, not counted as zero)`, record.source);
  const { factor, category, adjustment } = costing;
  // Judged by the category's own group where the record named one, so a user's table keyed otherwise still counts.
  const covering = context.coveredByActivity?.get(category?.group ?? factor.group.id);
  if (covering !== undefined && record.supplierFactor === undefined) return spendCountedAsActivity(record, costing.pounds.mul(factor.kgCO2ePerGBP), factor.group.title, covering);
  const { scope, scope3Category } = assignScope(record, 'direct', 'Scope 3');
  const supplier = record.supplierFactor;
  const detail: SpendDetail = {
    ...(category !== undefined ? { category: category.id, categoryLabel: category.label, mappingReason: category.reason } : {}),
    group: factor.group.id, code: factor.group.code, title: factor.group.title,
    amount: net, priceYear: record.priceYear!, column: factor.year, adjustment: adjustment.kind,
    ...(adjustment.kind === 'price-index' ? { priceIndex: adjustment.index } : {}),
    ...(supplier !== undefined ? { supplier: supplier.supplier, evidence: supplier.evidence } : {}),
  };
  const base = {
    recordId: record.id, record, role: 'direct' as const, category: record.category, scope,
    ...(scope3Category !== undefined ? { scope3Category } : {}),
    ...(record.site !== undefined ? { site: record.site } : {}),
    byGas: {}, spend: detail,
  };
  if (supplier !== undefined) {
    // The supplier's figure is for the council's contract in the pounds paid: no group average, no price adjustment.
    const uom = `£ (${record.priceYear} prices, excl. VAT)`;
    const line: EmissionLine = {
      ...base, dataQuality: record.dataQuality === 'spend-based' ? 'estimated' : record.dataQuality, method: 'supplier-specific',
      factor: { key: `supplier/${slug(supplier.supplier) || 'supplier'}@gbp` as FactorKey, setId: 'supplier-specific', path: `${supplier.supplier} › ${supplier.evidence}`, uom, desnzScope: 'Scope 3', kgCO2ePerUnit: supplier.kgCO2ePerGBP, sourceFile: supplier.evidence, sourceRow: 0 },
      quantity: { value: net, uom, ...conversionFrom(record.quantity, net) },
      kgCO2e: net.mul(supplier.kgCO2ePerGBP),
    };
    return { lines: [line], memo: [], problems: [] };
  }
  const set = spend.set;
  const uom = `£ (${factor.year} ${set.info.priceBasis.includes('basic prices') ? 'basic prices' : 'prices'}, excl. VAT)`;
  const line: EmissionLine = {
    ...base, dataQuality: 'spend-based', method: 'spend-based',
    factor: {
      key: `spend/${factor.group.id}@gbp-${factor.year}` as FactorKey, setId: set.id,
      path: `${set.info.title} › ${factor.group.code} ${factor.group.title} › ${factor.year}`,
      uom, desnzScope: 'Scope 3', kgCO2ePerUnit: factor.kgCO2ePerGBP, sourceFile: set.info.source.file, sourceRow: factor.sourceRow,
    },
    quantity: { value: costing.pounds, uom, ...conversionFrom(record.quantity, costing.pounds) },
    kgCO2e: costing.pounds.mul(factor.kgCO2ePerGBP),
  };
  const problems: CalculationProblem[] = adjustment.kind === 'unadjusted'
    ? [{
        severity: 'warning', code: 'spend-price-year-unadjusted', origin: record.origin, value: String(record.priceYear),
        message: `Record ${record.id}: spend of ${record.priceYear} costed with ${set.id}'s ${factor.year} multiplier without bringing it to ${factor.year} prices (${adjustment.missing}); give a price index (priceIndex, --price-index) to adjust`,
      }]
    : [];
  return { lines: [line], memo: [], problems };
}

/**
 * Emissions a supplier or fund reports for the council's share: a supplier's for a contract is a supplier-specific
 * scope 3 line; a fund's financed emissions (category investments) are scope 3 category 15, reported as a memo
 * item apart from the operational totals, as councils and the GHG Protocol's guidance for investments keep them.
 */
function reportedLine(record: ActivityRecord, source: ParsedSource): RecordResult {
  const who = source.options[0]!;
  const kg = convertUnchecked({ value: record.quantity, unit: record.unit }, 'kg').value;
  if (record.category === 'investments') {
    return memoOnly(record, 'financed-emissions', kg, 'kgCO2e', `Scope 3 category 15 (investments): financed emissions reported by ${who}, kept apart from the operational totals`);
  }
  const { scope, scope3Category } = assignScope(record, 'direct', 'Scope 3');
  const line: EmissionLine = {
    recordId: record.id, record, role: 'direct', category: record.category, scope,
    ...(scope3Category !== undefined ? { scope3Category } : {}),
    ...(record.site !== undefined ? { site: record.site } : {}),
    dataQuality: record.dataQuality, method: 'supplier-specific',
    factor: { key: `reported/${slug(who) || 'supplier'}@kgco2e` as FactorKey, setId: 'supplier-reported', path: `Reported by ${who}${record.notes !== undefined ? ` › ${record.notes}` : ''}`, uom: 'kgCO2e', desnzScope: 'Scope 3', kgCO2ePerUnit: new Decimal(1), sourceFile: who, sourceRow: 0 },
    quantity: { value: kg, uom: 'kgCO2e', ...(record.unit === 'kg' ? {} : { conversion: { from: record.unit, multiplier: kg.div(record.quantity.isZero() ? 1 : record.quantity) } }) },
    kgCO2e: kg,
    byGas: {},
  };
  return { lines: [line], memo: [], problems: [] };
}

/** Spend on a utility the activity data measures: kept as a memo item and a warning naming the £, never added. */
function spendCountedAsActivity(record: ActivityRecord, wouldBe: Decimal, title: string, covering: readonly string[]): RecordResult {
  const records = covering.length > 3 ? `${covering.slice(0, 3).join(', ')} and ${covering.length - 3} more` : covering.join(', ');
  return {
    lines: [],
    memo: [memoLine(record, 'spend-counted-as-activity', wouldBe, 'kgCO2e', `£${record.quantity.toFixed()} of ${title} spend, counted from activity data instead (${records})`)],
    problems: [{
      severity: 'warning', code: 'spend-counted-as-activity', origin: record.origin, value: record.quantity.toFixed(),
      message: `Record ${record.id}: £${record.quantity.toFixed()} of spend on ${title} is left out, because the same purchases are counted from activity data (${records}); if some of it buys supplies the activity data lacks, report those in kWh, litres or m3 instead`,
    }],
  };
}

/** The £ entered → the £ costed (VAT removed, prices adjusted), when they differ. */
function conversionFrom(entered: Decimal, costed: Decimal): Pick<QuantityUsed, 'conversion'> {
  return entered.isZero() || entered.eq(costed) ? {} : { conversion: { from: 'GBP', multiplier: costed.div(entered) } };
}

/**
 * One frozen description per factor used at its own value, shared by every line that uses it: building one per
 * line made a 100,000-row baseline hold 100,000 copies of a few dozen descriptions.
 */
const usedAtOwnValue = new WeakMap<Factor, FactorUsed>();

function factorUsed(set: FactorSet, factor: Factor, kgCO2ePerUnit: Decimal): FactorUsed {
  const own = factor.values.get('kgCO2e') === kgCO2ePerUnit;
  const shared = own ? usedAtOwnValue.get(factor) : undefined;
  if (shared !== undefined && shared.setId === set.id) return shared;
  const used = describeFactorUsed(set, factor, kgCO2ePerUnit);
  gasPerUnit.set(used, { CO2: factor.values.get('kgCO2e-CO2'), CH4: factor.values.get('kgCO2e-CH4'), N2O: factor.values.get('kgCO2e-N2O') });
  if (own) usedAtOwnValue.set(factor, Object.freeze(used));
  return used;
}

function describeFactorUsed(set: FactorSet, factor: Factor, kgCO2ePerUnit: Decimal): FactorUsed {
  const source = factor.sources.get('kgCO2e') ?? factor.sources.get('kgCO2e-CO2') ?? [...factor.sources.values()][0]!;
  return {
    key: factor.key,
    setId: set.id,
    path: describePath(factor.path),
    uom: factor.uom,
    desnzScope: factor.scope,
    kgCO2ePerUnit,
    sourceFile: set.info.source.file,
    sourceRow: source.row,
    ...(source.id !== undefined ? { sourceId: source.id } : {}),
  };
}

function memoLine(record: ActivityRecord, kind: MemoLine['kind'], value: Decimal, unit: MemoLine['unit'], note: string, factor?: FactorUsed): MemoLine {
  return { recordId: record.id, kind, category: record.category, ...(record.site !== undefined ? { site: record.site } : {}), value, unit, note, ...(factor ? { factor } : {}) };
}

function memoOnly(record: ActivityRecord, kind: MemoLine['kind'], value: Decimal, unit: MemoLine['unit'], note: string): RecordResult {
  return { lines: [], memo: [memoLine(record, kind, value, unit, note)], problems: [] };
}

function failure(record: ActivityRecord, code: CalculationProblemCode, message: string, value: string): RecordResult {
  return { lines: [], memo: [], problems: [{ severity: 'error', code, message: `Record ${record.id}: ${message}`, origin: record.origin, value }] };
}
