import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { readCsvText } from '../../tables/read-csv.js';
import { loadWorkbook, worksheetTable } from '../../tables/read-xlsx.js';
import type { SourceTable } from '../../tables/table.js';
import { sha256 } from '../import-file.js';
import { importSpendMultipliers, type SpendImportProblem, type SpendMultipliersImport } from './import-multipliers.js';
import type { SpendSetManifestEntry } from './schema.js';
import { SpendFactorSet } from './spend-set.js';
import {
  EMPTY_SPEND_MANIFEST, SPEND_FACTORS_FILE, SPEND_MANIFEST_FILE, SPEND_SNAPSHOT_FILE,
  parseSpendManifest, renderSpendSnapshot, serialiseSpendFactors, serialiseSpendManifest, withSpendSet,
} from './store.js';

/** Options of `importSpendFactorFile`. */
export interface SpendImportOptions {
  /** Set id; default `defra-leeds-<last year>`. */
  readonly id?: string;
  readonly provenanceNote?: string;
}

/** What `importSpendFactorFile` read: the new spend-based set and its values. */
export interface SpendImportResult {
  readonly entry?: SpendSetManifestEntry;
  readonly set?: SpendFactorSet;
  readonly imported: SpendMultipliersImport;
  /** Any error refuses the set. */
  readonly problems: readonly SpendImportProblem[];
}

const SHEET = 'GHG_SIC_multipliers';

/** A copy's header comments name the official file, its address and checksum ("# Source file: https://….ods (… sha256 ….)"). */
interface CopyOf {
  readonly file: string;
  readonly url: string;
  readonly sha256: string;
}

/**
 * The table of a pipe-separated copy: '#' lines are comments, and the one that starts "Columns:" is the header.
 */
function readCommentedTable(text: string, file: string): { table: SourceTable; copyOf?: CopyOf } {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  const comments = lines.filter((l) => l.startsWith('#')).map((l) => l.replace(/^#\s?/, ''));
  const columns = comments.find((c) => /^columns:/i.test(c))?.replace(/^columns:\s*/i, '');
  // Keep line numbers as in the file: comment lines become blank lines, the header comment becomes the header.
  const body = lines.map((l) => (l.startsWith('#') ? (/^#\s?columns:/i.test(l) ? (columns ?? '') : '') : l)).join('\n');
  const table = readCsvText(body, file, '|');
  const joined = comments.join(' ');
  const url = /(https?:\/\/\S+?\.(?:ods|xlsx|csv))/i.exec(joined)?.[1];
  const checksum = /sha256\s+([0-9a-f]{64})/i.exec(joined)?.[1];
  return { table, ...(url !== undefined && checksum !== undefined ? { copyOf: { file: decodeURIComponent(url.split('/').at(-1)!), url, sha256: checksum } } : {}) };
}

async function readSpendTable(file: string): Promise<{ table: SourceTable; copyOf?: CopyOf }> {
  const name = basename(file);
  const ext = extname(file).toLowerCase();
  if (ext === '.txt') return readCommentedTable(readFileSync(file, 'utf8'), name);
  if (ext === '.csv') return { table: readCsvText(readFileSync(file, 'utf8'), name) };
  if (ext === '.xlsx') {
    const workbook = await loadWorkbook(file);
    const sheet = workbook.getWorksheet(SHEET) ?? workbook.worksheets[0];
    return { table: sheet === undefined ? { file: name, rows: [] } : worksheetTable(sheet, name) };
  }
  throw new Error(
    ext === '.ods'
      ? `${name} is an OpenDocument spreadsheet, which cannot be read: open it in LibreOffice or Excel and save it as .xlsx (the "${SHEET}" sheet is read)`
      : `${name}: expected the multipliers as .xlsx (sheet "${SHEET}"), .csv, or a pipe-separated .txt copy`,
  );
}

/** Reads a published spend multipliers file (or a copy of one) and builds, but does not write, a spend set. */
export async function importSpendFactorFile(file: string, options: SpendImportOptions = {}): Promise<SpendImportResult> {
  const { table, copyOf } = await readSpendTable(file);
  const imported = importSpendMultipliers(table);
  if (imported.problems.some((p) => p.severity === 'error')) return { imported, problems: imported.problems };
  const entry: SpendSetManifestEntry = {
    id: options.id ?? `defra-leeds-${imported.years.last}`,
    title: `UK and England's carbon footprint to ${imported.years.last}: spend-based emissions multipliers by SIC 2007 product group`,
    publisher: 'Department for Environment, Food & Rural Affairs (Defra) and the University of Leeds',
    licence: 'Open Government Licence v3.0',
    attribution: 'Contains public sector information licensed under the Open Government Licence v3.0 (© Crown copyright).',
    measure: 'kgCO2e per £ of final demand (all Kyoto gases)',
    priceBasis: "each year's column in that year's basic prices, excluding VAT",
    source: { file: basename(file), sha256: sha256(file) },
    ...(copyOf !== undefined ? { derivedFrom: copyOf } : {}),
    ...(options.provenanceNote !== undefined ? { provenanceNote: options.provenanceNote } : {}),
    years: imported.years,
    rows: { read: imported.rowsRead, imported: imported.values.length },
    groupCount: imported.groupCount,
  };
  return { entry, set: new SpendFactorSet(entry, imported.values), imported, problems: imported.problems };
}

/** Writes a spend set's files and its manifest entry into `dir` (normally the project's emission-factors/spend/). */
export function writeSpendFactorSet(dir: string, result: Required<Pick<SpendImportResult, 'entry' | 'set'>> & SpendImportResult): void {
  const setDir = join(dir, result.entry.id);
  mkdirSync(setDir, { recursive: true });
  writeFileSync(join(setDir, SPEND_FACTORS_FILE), serialiseSpendFactors(result.imported.values));
  writeFileSync(join(setDir, SPEND_SNAPSHOT_FILE), renderSpendSnapshot(result.set));
  const manifestPath = join(dir, SPEND_MANIFEST_FILE);
  const manifest = existsSync(manifestPath) ? parseSpendManifest(readFileSync(manifestPath, 'utf8')) : EMPTY_SPEND_MANIFEST;
  writeFileSync(manifestPath, serialiseSpendManifest(withSpendSet(manifest, result.entry)));
}
