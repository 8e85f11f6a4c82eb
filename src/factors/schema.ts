import * as z from 'zod';
import { MEASURES } from './measure.js';
import { FactorSetIdSchema } from './set-id.js';

export const SCOPES = ['Scope 1', 'Scope 2', 'Scope 3', 'Outside of Scopes'] as const;
export const FactorScopeSchema = z.enum(SCOPES);
/** The scope DESNZ assigns a factor ("Scope 1" … "Outside of Scopes"). */
export type FactorScope = z.infer<typeof FactorScopeSchema>;

const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'a plain decimal number');

/** One published value, as stored in emission-factors/<set>/factors.csv (one CSV row each). */
export const StoredFactorValueSchema = z.object({
  key: z.string().min(1),
  measure: z.enum(MEASURES),
  value: decimalString,
  scope: FactorScopeSchema,
  level_1: z.string().min(1),
  level_2: z.string(),
  level_3: z.string(),
  level_4: z.string(),
  column_text: z.string(),
  uom: z.string().min(1),
  /** Row of the source file the value was read from (sheet row or CSV line). */
  source_row: z.coerce.number().int().positive(),
  /** DESNZ's own row ID (published since 2023), blank before. */
  source_id: z.string(),
});
export type StoredFactorValue = z.infer<typeof StoredFactorValueSchema>;
export const STORED_COLUMNS = Object.keys(StoredFactorValueSchema.shape) as (keyof StoredFactorValue)[];

export const SkippedRowSchema = z.object({
  source_row: z.coerce.number().int().positive(),
  reason: z.enum(['blank-value', 'non-numeric-value', 'unknown-measure', 'end-marker']),
  value: z.string(),
  path: z.string(),
});
export type SkippedRow = z.infer<typeof SkippedRowSchema>;

const fileRef = z.object({ file: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const FactorSetManifestEntrySchema = z.object({
  id: FactorSetIdSchema,
  title: z.string(),
  publisher: z.string(),
  year: z.number().int().min(2000).max(2100),
  licence: z.literal('Open Government Licence v3.0'),
  attribution: z.string(),
  /** The file the importer read. */
  source: fileRef.extend({ sheet: z.string().optional() }),
  /** The published file `source` was derived from, when the importer read a derived copy. */
  derivedFrom: fileRef.optional(),
  /** Caveats a user of the set must know, e.g. that values were rounded by a third party. */
  provenanceNote: z.string().optional(),
  rows: z.object({ read: z.number().int(), imported: z.number().int(), skipped: z.number().int() }),
  factorCount: z.number().int(),
});
/** One set's manifest entry: id, title, year, licence, source file and its SHA-256, row counts. */
export type FactorSetManifestEntry = z.infer<typeof FactorSetManifestEntrySchema>;
/** A manifest entry as given, before its id is checked: what a caller building one in code writes. */
export type FactorSetManifestEntryInput = z.input<typeof FactorSetManifestEntrySchema>;

export const FactorManifestSchema = z.object({
  about: z.string(),
  sets: z.array(FactorSetManifestEntrySchema),
});
/** emission-factors/manifest.json: every factor set. */
export type FactorManifest = z.infer<typeof FactorManifestSchema>;
/** A manifest as given, before its set ids are checked. */
export type FactorManifestInput = z.input<typeof FactorManifestSchema>;
