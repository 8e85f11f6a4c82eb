import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { bundledSpendCategories, bundledSpendDir, defaultSpendFactorSetId, loadSpendFactorSet } from '../../factors/spend/bundled.js';
import { importSpendFactorFile, writeSpendFactorSet } from '../../factors/spend/import-file.js';
import { sicGroupId } from '../../factors/spend/spend-set.js';
import { describePath } from '../../factors/key.js';
import { MEASURES } from '../../factors/measure.js';
import { defaultFactorSetId, loadFactorSet, loadManifest } from '../../factors/bundled.js';
import { importFactorFile, writeFactorSet } from '../../factors/import-file.js';
import { formatProblem } from '../../problem.js';
import { formatTextTable } from '../../report/text-table.js';
import { EXIT, UsageError, type CliIO, type Command } from '../io.js';

const HELP = `council-ghg factors <command>

  sets                                  list the factor sets available (bundled by default)
  list [--set ID] [--search TEXT]       list factor keys of a set, optionally filtered by words
  show KEY [--set ID]                   print one factor's values per gas, with provenance
  import FILE [--year YYYY] [--id ID] [--out-dir DIR] [--derived-from FILE] [--note TEXT]
                                        read a published DESNZ flat file (.xlsx or .csv) and write a new set
  spend [--search TEXT] [--set ID]      list the spend-based groups (SIC 2007) and the council spend categories
                                        mapped to them, with this year's multipliers
  import-spend FILE [--id ID] [--out-dir DIR] [--note TEXT]
                                        read the Defra / Leeds spend multipliers (.xlsx saved from the .ods,
                                        .csv, or a pipe-separated .txt copy) and write a new spend set

Options common to all: --dir DIR  read sets from DIR instead of the bundled emission-factors/`;

export const factorsCommand: Command = async (args, io) => {
  const [sub, ...rest] = args;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(HELP);
    return EXIT.ok;
  }
  switch (sub) {
    case 'sets':
      return sets(rest, io);
    case 'list':
      return list(rest, io);
    case 'show':
      return show(rest, io);
    case 'import':
      return importCommand(rest, io);
    case 'spend':
      return spendCommand(rest, io);
    case 'import-spend':
      return importSpendCommand(rest, io);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(HELP);
      return EXIT.ok;
    default:
      throw new UsageError(`Unknown factors command '${sub}': use sets, list, show, import, spend or import-spend (see council-ghg factors --help)`);
  }
};

function dirOption(dir: string | undefined): string | undefined {
  return dir === undefined ? undefined : resolve(dir);
}

async function sets(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { dir: { type: 'string' } } });
  const manifest = loadManifest(dirOption(values.dir));
  io.out(
    formatTextTable({
      header: ['Set', 'Year', 'Publisher', 'Factors', 'Source file'],
      rows: manifest.sets.map((s) => [s.id, String(s.year), s.publisher, String(s.factorCount), s.derivedFrom?.file ?? s.source.file]),
      right: [3],
    }),
  );
  io.out(`\nDefault: ${defaultFactorSetId(undefined, dirOption(values.dir))} (or the set of the reporting year's first calendar year when calculating).`);
  return EXIT.ok;
}

async function list(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { set: { type: 'string' }, search: { type: 'string' }, dir: { type: 'string' } } });
  const dir = dirOption(values.dir);
  const set = loadFactorSet(values.set ?? defaultFactorSetId(undefined, dir), dir);
  const factors = values.search === undefined ? set.all() : set.search(values.search);
  io.out(
    formatTextTable({
      header: ['Key', 'Scope', 'kgCO2e per unit'],
      rows: factors.map((f) => [f.key, f.scope, f.values.get('kgCO2e')?.toFixed() ?? (f.values.has('kWh') ? `(${f.values.get('kWh')!.toFixed()} kWh)` : '')]),
      right: [2],
    }),
  );
  io.out(`\n${factors.length} of ${set.size} factors in ${set.id}.`);
  return EXIT.ok;
}

async function show(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { set: { type: 'string' }, dir: { type: 'string' } } });
  const key = positionals[0];
  if (key === undefined) throw new UsageError('factors show needs a KEY (find one with: council-ghg factors list --search "natural gas")');
  const dir = dirOption(values.dir);
  const set = loadFactorSet(values.set ?? defaultFactorSetId(undefined, dir), dir);
  const factor = set.get(key);
  const rows = MEASURES.filter((m) => factor.values.has(m)).map((m) => {
    const source = factor.sources.get(m)!;
    return [m, factor.values.get(m)!.toFixed(), `row ${source.row}${source.id ? ` (ID ${source.id})` : ''}`];
  });
  io.out(`${factor.key}\n`);
  io.out(`  Set:      ${set.id} — ${set.info.title}`);
  io.out(`  Path:     ${describePath(factor.path)}`);
  io.out(`  Unit:     per ${factor.uom}`);
  io.out(`  Scope:    ${factor.scope}`);
  io.out(`  Source:   ${set.info.source.file}${set.info.source.sheet ? `, sheet "${set.info.source.sheet}"` : ''} (SHA-256 ${set.info.source.sha256.slice(0, 16)}…)`);
  if (set.info.derivedFrom) io.out(`  Derived from: ${set.info.derivedFrom.file}`);
  if (set.info.provenanceNote) io.out(`  Note:     ${set.info.provenanceNote}`);
  io.out(`  Licence:  ${set.info.licence}\n`);
  io.out(formatTextTable({ header: ['Measure', 'Value per unit', 'Source row'], rows, right: [1] }));
  const outside = set.outsideOfScopesFor(factor);
  if (outside !== undefined) io.out(`\nBiogenic CO2 (outside of scopes): ${outside.values.get('kgCO2e-CO2')?.toFixed() ?? outside.values.get('kgCO2e')?.toFixed()} kg per ${outside.uom} — ${outside.key}`);
  return EXIT.ok;
}

async function importCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      year: { type: 'string' },
      id: { type: 'string' },
      'out-dir': { type: 'string' },
      'derived-from': { type: 'string' },
      note: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (file === undefined) throw new UsageError('factors import needs the FILE of a published conversion factors flat file (.xlsx or .csv)');
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) throw new UsageError(`--year must be a year such as 2025, not '${values.year}'`);
  const result = await importFactorFile(resolve(file), {
    ...(year !== undefined ? { year } : {}),
    ...(values.id !== undefined ? { id: values.id } : {}),
    ...(values['derived-from'] !== undefined ? { derivedFrom: resolve(values['derived-from']) } : {}),
    ...(values.note !== undefined ? { provenanceNote: values.note } : {}),
  });
  for (const p of result.problems) io.err(formatProblem(p));
  if (result.entry === undefined || result.set === undefined) {
    io.err(`\nNothing written: ${result.problems.filter((p) => p.severity === 'error').length} error(s) above.`);
    return EXIT.unusable;
  }
  const outDir = resolve(values['out-dir'] ?? 'emission-factors');
  writeFactorSet(outDir, { ...result, entry: result.entry, set: result.set });
  const { rows } = result.entry;
  const reasons = new Map<string, number>();
  for (const s of result.imported.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  io.out(`Wrote ${result.entry.id} to ${outDir}: ${rows.read} rows read, ${rows.imported} values imported into ${result.entry.factorCount} factors, ${rows.skipped} skipped (${[...reasons].map(([r, n]) => `${n} ${r}`).join(', ') || 'none'}).`);
  return EXIT.ok;
}

async function spendCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { set: { type: 'string' }, search: { type: 'string' }, dir: { type: 'string' } } });
  const dir = dirOption(values.dir);
  const set = loadSpendFactorSet(values.set ?? defaultSpendFactorSetId(dir), dir ?? bundledSpendDir());
  const categories = bundledSpendCategories();
  const words = (values.search ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
  const matches = (text: string) => words.every((w) => text.toLowerCase().includes(w));
  const year = set.info.years.last;
  const groups = set.groups().filter((g) => matches(`${g.id} ${g.title} ${categories.filter((c) => sicGroupId(c.sic_group) === g.id).map((c) => `${c.category} ${c.label} ${c.aliases}`).join(' ')}`));
  io.out(formatTextTable({
    header: ['Group', 'Title', `kgCO2e per £ (${year})`, 'Council categories'],
    rows: groups.map((g) => [g.id, g.title.length > 60 ? `${g.title.slice(0, 57)}…` : g.title, set.factor(g.id, year)?.kgCO2ePerGBP.toFixed() ?? '', categories.filter((c) => sicGroupId(c.sic_group) === g.id).map((c) => c.category).join(', ')]),
    right: [2],
  }));
  io.out(`\n${groups.length} of ${set.groups().length} groups in ${set.id} (${set.info.priceBasis}). A spend record names a group (spend:sic-62) or a council category (spend:ict-software-and-services).`);
  return EXIT.ok;
}

async function importSpendCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { id: { type: 'string' }, 'out-dir': { type: 'string' }, note: { type: 'string' } } });
  const file = positionals[0];
  if (file === undefined) throw new UsageError('factors import-spend needs the FILE of the spend multipliers (.xlsx, .csv or pipe-separated .txt)');
  const result = await importSpendFactorFile(resolve(file), {
    ...(values.id !== undefined ? { id: values.id } : {}),
    ...(values.note !== undefined ? { provenanceNote: values.note } : {}),
  });
  for (const p of result.problems) io.err(formatProblem(p));
  if (result.entry === undefined || result.set === undefined) {
    io.err(`\nNothing written: ${result.problems.filter((p) => p.severity === 'error').length} error(s) above.`);
    return EXIT.unusable;
  }
  const outDir = resolve(values['out-dir'] ?? join('emission-factors', 'spend'));
  writeSpendFactorSet(outDir, { ...result, entry: result.entry, set: result.set });
  const { rows, groupCount, years } = result.entry;
  io.out(`Wrote ${result.entry.id} to ${outDir}: ${rows.read} rows read, ${rows.imported} multipliers for ${groupCount} groups, ${years.first}–${years.last}.`);
  return EXIT.ok;
}
