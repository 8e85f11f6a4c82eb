import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importCsv } from '../../src/import/csv.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';
import { inventoryFromImport } from '../../src/inventory/from-import.js';
import { renderCsv } from '../../src/report/csv.js';
import { bundleCoreUse, CORE_BUDGET_BYTES, CORE_USE } from '../../scripts/core-size.js';

/**
 * The package as users meet it: packed with `npm pack` (which builds dist/), installed into fresh projects, and
 * used from TypeScript under nodenext (ESM), bundler resolution and CommonJS, the root and every subpath export,
 * type-checked with the project's own TypeScript (no skipLibCheck, so the published declarations are checked too)
 * and run; a core-only browser use bundled by esbuild within its size budget, with nothing of Node's; and the
 * packed CLI run.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const work = mkdtempSync(join(tmpdir(), 'council-ghg-consumers-'));

const run = (command: string, args: readonly string[], cwd: string) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });

const USE = `
const inventory = calculateInventory({ reportingYear: '2023/24', records: [
  { category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh' },
  { category: 'purchased-goods-and-services', source: 'spend:legal-services', quantity: '100000', unit: 'GBP' },
] });
const total: Decimal = inventory.totals.total.mul(1);
console.log(JSON.stringify({ total: total.toFixed(), spendGroup: inventory.lines.find((l) => l.spend !== undefined)?.spend?.group }));
`;

/**
 * Every subpath in one program: a set loaded through council-ghg/node is the set council-ghg/core calculates with
 * (one module, so one class, in ESM and CommonJS alike), and a baseline goes through import, core and report.
 */
const SUBPATHS = `
import { readFileSync } from 'node:fs';
import { calculateInventory } from 'council-ghg';
import { calculateInventory as coreCalculate, inventoryFromImport, type FactorLibrary, type Inventory } from 'council-ghg/core';
import { importCsv } from 'council-ghg/import';
import { renderCsv } from 'council-ghg/report';
import { benchmark } from 'council-ghg/benchmark';
import { bundledFactorLibrary, loadFactorSet } from 'council-ghg/node';

async function main(): Promise<void> {
  const factors: FactorLibrary = bundledFactorLibrary();
  const onSet: Inventory = coreCalculate({ records: [{ category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh' }] }, { factors, factorSet: loadFactorSet('desnz-2023') });
  const imported = await importCsv(readFileSync('node_modules/council-ghg/examples/example-council-baseline-2022-23.csv'), { file: 'baseline.csv' });
  const csv: string = renderCsv(inventoryFromImport(imported));
  console.log(JSON.stringify({ gas: onSet.totals.total.toFixed(), sameFunction: coreCalculate === calculateInventory, csvLines: csv.split('\\n').length, benchmark: typeof benchmark }));
}
void main();
`;

/** A consumer project: its package.json, tsconfig and one source file, installed with the packed tarball. */
function consumer(name: string, type: 'module' | 'commonjs', compilerOptions: Record<string, unknown>, source: string): string {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type }));
  // A Node project has Node's types: the project's own @types/node stands in for the consumer's.
  const typeRoots = [join(ROOT, 'node_modules', '@types')];
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'es2022', strict: true, outDir: 'out', typeRoots, types: ['node'], ...compilerOptions }, include: ['*.ts'] }));
  writeFileSync(join(dir, 'index.ts'), source);
  return dir;
}

const install = (dir: string) => run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--silent', tarball], dir);

let tarball = '';

beforeAll(() => {
  run('npm', ['pack', '--silent', '--pack-destination', work], ROOT);
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
}, 300_000);

describe('the packed package in fresh projects', () => {
  // The packed build computes what the source does (the figures themselves are checked in test/calculate).
  const source = calculateInventory({ reportingYear: '2023/24', records: [
    { category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh' },
    { category: 'purchased-goods-and-services', source: 'spend:legal-services', quantity: '100000', unit: 'GBP' },
  ] });
  const expected = { total: source.totals.total.toFixed(), spendGroup: 'sic-69.1' };
  const gas = calculateInventory({ records: [{ category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh' }] }, { factorSet: 'desnz-2023' });
  let subpathsExpected: Record<string, unknown> = {};

  beforeAll(async () => {
    const imported = await importCsv(readFileSync(join(ROOT, 'examples', 'example-council-baseline-2022-23.csv')), { file: 'baseline.csv' });
    subpathsExpected = { gas: gas.totals.total.toFixed(), sameFunction: true, csvLines: renderCsv(inventoryFromImport(imported)).split('\n').length, benchmark: 'function' };
  });

  it.each([
    ['esm-nodenext', 'module', { module: 'nodenext', moduleResolution: 'nodenext' }, `import { calculateInventory, type Decimal } from 'council-ghg';\n${USE}`],
    ['esm-bundler', 'module', { module: 'es2022', moduleResolution: 'bundler' }, `import { calculateInventory, type Decimal } from 'council-ghg';\n${USE}`],
    ['cjs', 'commonjs', { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true }, `import { calculateInventory, type Decimal } from 'council-ghg';\n${USE}`],
  ] as const)('%s: type-checks against the published declarations and runs', (name, type, options, source) => {
    const dir = consumer(name, type, options, source);
    writeFileSync(join(dir, 'subpaths.ts'), SUBPATHS);
    install(dir);
    run(process.execPath, [TSC, '-p', '.'], dir);
    // Bundler resolution leaves the extensionless import to a bundler; Node runs the ESM and CJS builds directly.
    if (name === 'esm-bundler') return;
    expect(JSON.parse(run(process.execPath, [join('out', 'index.js')], dir))).toEqual(expected);
    expect(JSON.parse(run(process.execPath, [join('out', 'subpaths.js')], dir))).toEqual(subpathsExpected);
  }, 300_000);

  it(`a core-only use bundles for the browser with no Node built-in, exceljs or papaparse, within ${CORE_BUDGET_BYTES / 1000} KB`, async () => {
    const dir = consumer('browser-core', 'module', { module: 'es2022', moduleResolution: 'bundler', lib: ['es2022', 'dom'], types: [] }, CORE_USE);
    install(dir);
    // Its types need nothing of Node's: the project has none.
    run(process.execPath, [TSC, '-p', '.', '--noEmit'], dir);
    const bundle = await bundleCoreUse(join(dir, 'index.ts'));
    expect(bundle.builtins).toEqual([]);
    expect(bundle.heavy).toEqual([]);
    expect(bundle.hasLibrary).toBe(true);
    console.log(`core-only browser bundle: ${bundle.bytes} bytes (budget ${CORE_BUDGET_BYTES})`);
    expect(bundle.bytes).toBeLessThanOrEqual(CORE_BUDGET_BYTES);
  }, 300_000);

  it('the packed command line prints its version and costs the example council', () => {
    const dir = consumer('cli', 'module', {}, '');
    install(dir);
    const bin = join(dir, 'node_modules', '.bin', 'council-ghg');
    expect(run(bin, ['--version'], dir)).toMatch(/^council-ghg \d+\.\d+\.\d+/);
    const examples = join(dir, 'node_modules', 'council-ghg', 'examples');
    const out = run(bin, ['calculate', join(examples, 'example-council-baseline.xlsx'), '--ledger', join(examples, 'example-council-spend-2023-24.csv'), '--mapping', join(examples, 'example-council-spend-mapping.csv')], dir);
    expect(out).toContain('Total: 9,594.4 tCO2e (scope 2 location-based)');
  }, 300_000);
});
