import * as z from 'zod';
import { Decimal, parseDecimal } from '../decimal.js';
import type { SpendCategory, SpendCategoryMap } from '../factors/spend/categories.js';
import { sicGroupId, SpendFactorSet, type SpendFactor } from '../factors/spend/spend-set.js';
import { slug } from '../factors/key.js';

/**
 * Decimal text whose value passes `test`. Text that is no decimal is that one issue, and `test` is never asked
 * of it: zod runs every refinement, so a second refinement reading the text again would meet undefined.
 */
const decimalText = (test: (value: Decimal) => boolean, message: string) =>
  z.string().superRefine((text, context) => {
    const value = parseDecimal(text);
    if (value === undefined) context.addIssue({ code: 'custom', message: 'a decimal number' });
    else if (!test(value)) context.addIssue({ code: 'custom', message });
  });
const nonNegative = decimalText((value) => !value.isNegative(), 'a factor cannot be negative');
// An index divides: zero or below would give an infinite or negative adjustment.
const positive = decimalText((value) => value.gt(0), 'an index value must be above zero');

/**
 * A price index (ONS CPIH, a GDP deflator …) by calendar year, any base: it brings spend of one year to another
 * year's prices as index[to] / index[from].
 */
export const PriceIndexSchema = z.object({ name: z.string().min(1), values: z.record(z.string().regex(/^\d{4}$/), positive) });
/** A price index by calendar year (any base); see `PriceIndexSchema`. */
export type PriceIndex = z.infer<typeof PriceIndexSchema>;

/**
 * A user's own spend-based factor table (a procurement data provider's, or another edition): kgCO2e per £ by
 * category at `priceYear` prices, with the price index that brings spend of other years to those prices.
 */
export const SpendFactorTableSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  priceYear: z.number().int(),
  kgCO2ePerGBP: z.record(z.string(), nonNegative),
  priceIndex: PriceIndexSchema,
});
/** A user's own spend-based factor table; see `SpendFactorTableSchema`. */
export type SpendFactorTable = z.infer<typeof SpendFactorTableSchema>;

/** What spend costing needs: a factor set, the council categories it maps to groups, and an optional price index. */
export interface SpendContext {
  readonly set: SpendFactorSet;
  readonly categories: SpendCategoryMap;
  readonly priceIndex?: PriceIndex;
}

/** A user's table as a one-column spend factor set, its categories as the groups. */
export function spendSetFromTable(table: SpendFactorTable): SpendFactorSet {
  const values = Object.entries(table.kgCO2ePerGBP).map(([category, value], i) => ({
    group: groupIdOf(category), code: category, title: category, year: table.priceYear, kgCO2e_per_gbp: new Decimal(value).toFixed(), source_row: i + 1,
  }));
  return new SpendFactorSet(
    {
      id: slug(table.id) || 'user-spend-table', title: table.title, publisher: 'supplied by the user', licence: 'as the supplier states', attribution: '',
      measure: 'kgCO2e per £', priceBasis: `${table.priceYear} prices`,
      source: { file: table.id, sha256: '0'.repeat(64) },
      years: { first: table.priceYear, last: table.priceYear }, rows: { read: values.length, imported: values.length }, groupCount: values.length,
    },
    values,
  );
}

/** A group named by its SIC code ("62", "SIC 41.2", "sic-41.2") or, in a user's table, by its own name. */
function groupIdOf(name: string): string {
  const code = /^(?:sic[\s-]*)?(?<digits>\d.*)$/i.exec(name.trim())?.groups?.['digits'];
  return code === undefined ? slug(name) : sicGroupId(code);
}

/** How the pounds of a spend line were brought to the prices of the factor's year column. */
export type PriceAdjustment =
  | { readonly kind: 'same-year' }
  | { readonly kind: 'price-index'; readonly index: string; readonly multiplier: Decimal }
  /** No index covered both years: costed at the column's factor unadjusted, with a warning naming the gap. */
  | { readonly kind: 'unadjusted'; readonly missing: string };

export type SpendCosting =
  | {
      readonly ok: true;
      readonly factor: SpendFactor;
      /** The council category the record named, when it named one rather than a group. */
      readonly category?: SpendCategory;
      /** The amount in the column's prices. */
      readonly pounds: Decimal;
      readonly adjustment: PriceAdjustment;
    }
  | { readonly ok: false; readonly reason: string };

/**
 * Finds the factor for spend of `priceYear` named `name` — a group of the set ("sic-62", or "62"), or a council
 * category the map sends to one ("ICT software", "R&M buildings") — and brings `amount` to its column's prices.
 */
export function costSpend(context: SpendContext, name: string, priceYear: number, amount: Decimal): SpendCosting {
  const { set } = context;
  const direct = set.group(groupIdOf(name));
  const category = direct === undefined ? context.categories.get(name) : undefined;
  const groupId = direct?.id ?? category?.group;
  if (groupId === undefined) {
    const suggestions = [...context.categories.nearest(name, 3), ...set.nearestGroups(name, 2).map((g) => g.id)];
    return { ok: false, reason: `'${name}' is neither a spend category nor a group of ${set.id}. Did you mean: ${suggestions.join(', ')}? (council-ghg factors spend lists both)` };
  }
  const column = set.columnFor(priceYear);
  const factor = set.factor(groupId, column);
  if (factor === undefined) {
    return { ok: false, reason: `${set.id} has no ${column} factor for ${groupId}${category !== undefined ? ` (where '${name}' is mapped)` : ''}` };
  }
  const adjustment = priceAdjustment(context.priceIndex, priceYear, column);
  const pounds = adjustment.kind === 'price-index' ? amount.mul(adjustment.multiplier) : amount;
  return { ok: true, factor, ...(category !== undefined ? { category } : {}), pounds, adjustment };
}

function priceAdjustment(index: PriceIndex | undefined, from: number, to: number): PriceAdjustment {
  if (from === to) return { kind: 'same-year' };
  const fromValue = index?.values[String(from)];
  const toValue = index?.values[String(to)];
  if (index === undefined || fromValue === undefined || toValue === undefined) {
    const missing = index === undefined ? 'no price index was given' : `${index.name} has no value for ${fromValue === undefined ? from : to}`;
    return { kind: 'unadjusted', missing };
  }
  return { kind: 'price-index', index: index.name, multiplier: new Decimal(toValue).div(fromValue) };
}
