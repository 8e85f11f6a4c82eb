import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { readCsvText } from '../tables/read-csv.js';
import { loadWorkbook, worksheetTable } from '../tables/read-xlsx.js';
import type { SourceTable } from '../tables/table.js';
import { FactorSet } from './factor-set.js';
import { importFlatFile, type FlatFileImport, type FlatFileProblem } from './import-flat-file.js';
import type { FactorSetManifestEntry } from './schema.js';
import { parseFactorSetId } from './set-id.js';
import {
  EMPTY_MANIFEST, FACTORS_FILE, MANIFEST_FILE, SKIPPED_FILE, SNAPSHOT_FILE,
  parseManifest, renderSnapshot, serialiseManifest, serialiseSkipped, serialiseValues, withSet,
} from './store.js';

/** Options of `importFactorFile`. */
export interface FactorImportOptions {
  /** Year of the set; read from the "GHG Conversion Factor YYYY" header when not given. */
  readonly year?: number;
  /** Set id; default `desnz-<year>`. */
  readonly id?: string;
  readonly publisher?: string;
  /** For a derived copy (e.g. a normalised CSV): the published file it came from. */
  readonly derivedFrom?: string;
  readonly provenanceNote?: string;
}

/** What `importFactorFile` read: the new set, its values and the source rows skipped. */
export interface FactorImportResult {
  readonly entry?: FactorSetManifestEntry;
  readonly set?: FactorSet;
  readonly imported: FlatFileImport;
  /** Errors refuse the set; warnings accompany a set that was written. */
  readonly problems: readonly FlatFileProblem[];
}

/** The sheet DESNZ puts the flat table on; the first sheet with a Scope/Level 1 header otherwise. */
const FACTOR_SHEET = 'Factors by Category';

async function readFactorTable(file: string): Promise<SourceTable> {
  const name = basename(file);
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return readCsvText(readFileSync(file, 'utf8'), name);
  if (ext === '.xlsx') {
    const workbook = await loadWorkbook(file);
    const sheet = workbook.getWorksheet(FACTOR_SHEET) ?? workbook.worksheets[0];
    if (sheet === undefined) return { file: name, rows: [] };
    return worksheetTable(sheet, name);
  }
  throw new Error(
    ext === '.xls'
      ? `${name} is an old binary .xls workbook, which cannot be read: open it in Excel or LibreOffice and save it as .xlsx, or export the "${FACTOR_SHEET}" sheet as CSV`
      : `${name}: expected a .xlsx or .csv conversion factors file`,
  );
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function publisherFor(year: number): string {
  if (year >= 2023) return 'Department for Energy Security and Net Zero (DESNZ)';
  if (year >= 2016) return 'Department for Business, Energy & Industrial Strategy (BEIS) and Defra';
  return 'Department for Environment, Food & Rural Affairs (Defra)';
}

/** Reads a published conversion factors file and builds (but does not write) a factor set. */
export async function importFactorFile(file: string, options: FactorImportOptions = {}): Promise<FactorImportResult> {
  const table = await readFactorTable(file);
  const imported = importFlatFile(table, options.year === undefined ? {} : { year: options.year });
  const problems = imported.problems;
  if (problems.some((p) => p.severity === 'error')) return { imported, problems };
  const id = parseFactorSetId(options.id ?? `desnz-${imported.year}`);
  const entry: FactorSetManifestEntry = {
    id,
    title: `UK Government GHG Conversion Factors for Company Reporting ${imported.year}`,
    publisher: options.publisher ?? publisherFor(imported.year),
    year: imported.year,
    licence: 'Open Government Licence v3.0',
    attribution: 'Contains public sector information licensed under the Open Government Licence v3.0 (© Crown copyright).',
    source: { file: basename(file), sha256: sha256(file), ...(table.sheet !== undefined ? { sheet: table.sheet } : {}) },
    ...(options.derivedFrom !== undefined ? { derivedFrom: { file: basename(options.derivedFrom), sha256: sha256(options.derivedFrom) } } : {}),
    ...(options.provenanceNote !== undefined ? { provenanceNote: options.provenanceNote } : {}),
    rows: { read: imported.rowsRead, imported: imported.values.length, skipped: imported.skipped.length },
    factorCount: new Set(imported.values.map((v) => v.key)).size,
  };
  return { entry, set: new FactorSet(entry, imported.values), imported, problems };
}

/** Writes a set's files and its manifest entry into `dir` (normally the project's emission-factors/). */
export function writeFactorSet(dir: string, result: Required<Pick<FactorImportResult, 'entry' | 'set'>> & FactorImportResult): void {
  const setDir = join(dir, result.entry.id);
  mkdirSync(setDir, { recursive: true });
  writeFileSync(join(setDir, FACTORS_FILE), serialiseValues(result.imported.values));
  writeFileSync(join(setDir, SKIPPED_FILE), serialiseSkipped(result.imported.skipped));
  writeFileSync(join(setDir, SNAPSHOT_FILE), renderSnapshot(result.set));
  const manifestPath = join(dir, MANIFEST_FILE);
  const manifest = existsSync(manifestPath) ? parseManifest(readFileSync(manifestPath, 'utf8')) : EMPTY_MANIFEST;
  writeFileSync(manifestPath, serialiseManifest(withSet(manifest, result.entry)));
}
