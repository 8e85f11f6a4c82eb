import { definedFields } from '../defined.js';
import { createReadStream, existsSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { CsvEncoding } from '../import/encoding.js';
import type { BaselineProfile } from '../import/profile.js';
import { DEFAULT_LIMITS, importCsv, importWorkbook, type ImportLimits, type ImportResult } from '../import/index.js';
import { calculateInventory, type CalculationOptions } from '../inventory/calculate-inventory.js';
import type { CouncilProfile, Inventory } from '../inventory/types.js';
import { UsageError } from './io.js';

/** What every command that reads a council's baseline shares: the file by its kind, then the inventory. */
export interface BaselineReadOptions {
  readonly encoding?: CsvEncoding;
  readonly limits?: Partial<ImportLimits>;
  /** Bytes of a CSV read so far, for a progress bar. */
  readonly onBytes?: (bytesRead: number) => void;
}

/** A baseline workbook (.xlsx) or long CSV table (.csv, .tsv, .txt; streamed, never held whole). */
export async function importBaseline(path: string, options: BaselineReadOptions = {}): Promise<ImportResult> {
  const full = resolve(path);
  const file = basename(path);
  const extension = extname(path).toLowerCase();
  if (!existsSync(full)) throw new UsageError(`${path}: no such file`);
  if (extension === '.csv' || extension === '.tsv' || extension === '.txt') {
    const stream = createReadStream(full);
    if (options.onBytes !== undefined) stream.on('data', () => options.onBytes!(stream.bytesRead));
    return importCsv(stream, { file, ...definedFields({ encoding: options.encoding, limits: options.limits }) });
  }
  if (extension === '.xlsx' || extension === '.xlsm' || extension === '.xls' || extension === '.ods') return importWorkbook(full, { file, ...definedFields({ limits: options.limits }) });
  throw new UsageError(`${path}: expected a baseline workbook (.xlsx) or a CSV table (.csv)`);
}

export const LIMIT_OPTION_HELP = `  --limit NAME=N         raise or lower an import limit (repeatable): ${Object.keys(DEFAULT_LIMITS).join(', ')}`;

/** `--limit maxRows=500000` options as import limits; a bad one is a usage error. */
export function limitOptions(values: readonly string[] | undefined): Partial<ImportLimits> {
  const limits: Record<string, number> = {};
  for (const text of values ?? []) {
    const match = /^(\w+)=(\d+)$/.exec(text.replace(/_/g, ''));
    if (match === null || !(match[1]! in DEFAULT_LIMITS) || Number(match[2]) < 1) {
      throw new UsageError(`--limit must be NAME=N with NAME one of ${Object.keys(DEFAULT_LIMITS).join(', ')} and N a whole number of at least 1, not '${text}'`);
    }
    limits[match[1]!] = Number(match[2]);
  }
  return limits as Partial<ImportLimits>;
}

/** The About details an inventory carries. */
export function councilOf(profile: BaselineProfile): CouncilProfile {
  return definedFields({ name: profile.councilName, onsCode: profile.onsCode, councilType: profile.councilType, region: profile.region, boundaryNotes: profile.boundaryNotes });
}

/**
 * The inventory of an imported baseline, on the factor set asked for, else the one its About sheet names, else
 * the reporting year's. Import problems come first in `problems`, so every report lists them with the rest.
 */
export function inventoryOf(imported: Pick<ImportResult, 'profile' | 'records' | 'problems'>, options: CalculationOptions = {}): Inventory {
  const { profile } = imported;
  const factorSet = options.factorSet ?? profile.factorSetId;
  const inventory = calculateInventory(
    { records: imported.records, council: councilOf(profile), ...(profile.reportingYear !== undefined ? { reportingYear: profile.reportingYear } : {}) },
    { ...options, ...(factorSet !== undefined ? { factorSet } : {}) },
  );
  return { ...inventory, problems: [...imported.problems, ...inventory.problems] };
}
