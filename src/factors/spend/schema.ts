import * as z from 'zod';

const decimalString = z.string().regex(/^\d+(\.\d+)?$/, 'a plain non-negative decimal number');
const fileRef = z.object({ file: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** One published multiplier, as stored in emission-factors/spend/<set>/factors.csv (one CSV row each). */
export const StoredSpendFactorSchema = z.object({
  /** Our id for the group: `sic-` and the published code, lower case, without spaces ("sic-10.2-3"). */
  group: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  /** The code exactly as published ("10.2 -3"). */
  code: z.string().min(1),
  title: z.string().min(1),
  /** The year whose column the value is in; the value is in that year's prices. */
  year: z.coerce.number().int().min(1990).max(2100),
  kgCO2e_per_gbp: decimalString,
  /** Line (or sheet row) of the source file the value was read from. */
  source_row: z.coerce.number().int().positive(),
});
export type StoredSpendFactor = z.infer<typeof StoredSpendFactorSchema>;
export const STORED_SPEND_COLUMNS = Object.keys(StoredSpendFactorSchema.shape) as (keyof StoredSpendFactor)[];

export const SpendSetManifestEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string(),
  publisher: z.string(),
  licence: z.string(),
  attribution: z.string(),
  /** What each value is: "kgCO2e per £ of final demand, all Kyoto gases". */
  measure: z.string(),
  /** How prices are expressed: each year's column in that year's basic prices, excluding VAT. */
  priceBasis: z.string(),
  /** The file the importer read. */
  source: fileRef,
  /** The official file `source` was taken from, when it is a copy (its checksum as the copy states it). */
  derivedFrom: z.object({ file: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/), url: z.string().optional() }).optional(),
  provenanceNote: z.string().optional(),
  /** The first and last year columns. */
  years: z.object({ first: z.number().int(), last: z.number().int() }),
  rows: z.object({ read: z.number().int(), imported: z.number().int() }),
  groupCount: z.number().int(),
});
/** One spend-based set's manifest entry: publisher, source file, SHA-256, licence, price basis, years. */
export type SpendSetManifestEntry = z.infer<typeof SpendSetManifestEntrySchema>;

export const SpendManifestSchema = z.object({ about: z.string(), sets: z.array(SpendSetManifestEntrySchema) });
/** emission-factors/spend/manifest.json: every spend-based set. */
export type SpendManifest = z.infer<typeof SpendManifestSchema>;

export const REPORTING_SPEND_CATEGORIES = ['purchased-goods-and-services', 'capital-goods', 'outsourced-services'] as const;

/** One row of emission-factors/spend/council-categories.csv: a spend category councils use → a SIC group. */
export const CouncilSpendCategorySchema = z.object({
  category: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  label: z.string().min(1),
  /** The SIC group code as published ("41.2", "10.2 -3"). */
  sic_group: z.string().min(1),
  reporting_category: z.enum(REPORTING_SPEND_CATEGORIES),
  /** Other names for the same thing, separated by " | ". */
  aliases: z.string(),
  reason: z.string().min(1),
});
/** A council spend category mapped to a SIC group and a reporting category, with its aliases and the reason. */
export type CouncilSpendCategory = z.infer<typeof CouncilSpendCategorySchema>;
