import { z } from 'zod';
import { Decimal, parseDecimal } from '../decimal.js';
import { slug } from '../factors/key.js';

const decimalText = z.string().refine((t) => parseDecimal(t) !== undefined, 'a decimal number');

/**
 * A spend-based (environmentally extended input-output) factor table, supplied by the user: DESNZ publishes
 * no such table in its company-reporting flat files. kgCO2e per £ by spend category at `priceYear` prices,
 * with the price index used to bring spend from other years to those prices (e.g. ONS CPIH, 2015 = 100).
 */
export const SpendFactorTableSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  priceYear: z.number().int(),
  kgCO2ePerGBP: z.record(z.string(), decimalText),
  priceIndex: z.object({ name: z.string().min(1), values: z.record(z.string().regex(/^\d{4}$/), decimalText) }),
});
export type SpendFactorTable = z.infer<typeof SpendFactorTableSchema>;

export type SpendLookup =
  | { readonly ok: true; readonly kgCO2ePerGBP: Decimal; readonly inflator: Decimal }
  | { readonly ok: false; readonly reason: string };

/** The factor for a spend category and the multiplier taking £ of `priceYear` to the table's price year. */
export function lookupSpendFactor(table: SpendFactorTable, category: string, priceYear: number): SpendLookup {
  // Categories match as slugs, so "Professional_Services" in a table finds spend:professional-services.
  const factor = Object.entries(table.kgCO2ePerGBP).find(([key]) => slug(key) === slug(category))?.[1];
  if (factor === undefined) {
    return { ok: false, reason: `No spend factor for '${category}' in ${table.id}; it has: ${Object.keys(table.kgCO2ePerGBP).join(', ')}` };
  }
  const from = table.priceIndex.values[String(priceYear)];
  const to = table.priceIndex.values[String(table.priceYear)];
  if (from === undefined || to === undefined) {
    return { ok: false, reason: `${table.priceIndex.name} has no value for ${from === undefined ? priceYear : table.priceYear}` };
  }
  return { ok: true, kgCO2ePerGBP: new Decimal(factor), inflator: new Decimal(to).div(from) };
}

