import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';

/**
 * The package as users meet it: packed with `npm pack` (which builds dist/), installed into fresh projects, and
 * used from TypeScript under nodenext (ESM), bundler resolution and CommonJS, type-checked with the project's own
 * TypeScript (no skipLibCheck, so the published declarations are checked too) and run; and the packed CLI run.
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

/** A consumer project: its package.json, tsconfig and one source file, installed with the packed tarball. */
function consumer(name: string, type: 'module' | 'commonjs', compilerOptions: Record<string, unknown>, source: string): string {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type }));
  // A Node project has Node's types: the project's own @types/node stands in for the consumer's.
  const typeRoots = [join(ROOT, 'node_modules', '@types')];
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'es2022', strict: true, outDir: 'out', typeRoots, types: ['node'], ...compilerOptions }, include: ['index.ts'] }));
  writeFileSync(join(dir, 'index.ts'), source);
  return dir;
}

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

  it.each([
    ['esm-nodenext', 'module', { module: 'nodenext', moduleResolution: 'nodenext' }, `import { calculateInventory, type Decimal } from 'council-ghg';\n${USE}`],
    ['esm-bundler', 'module', { module: 'es2022', moduleResolution: 'bundler' }, `import { calculateInventory, type Decimal } from 'council-ghg';\n${USE}`],
    ['cjs', 'commonjs', { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true }, `import { calculateInventory, type Decimal } from 'council-ghg';\n${USE}`],
  ] as const)('%s: type-checks against the published declarations and runs', (name, type, options, source) => {
    const dir = consumer(name, type, options, source);
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--silent', tarball], dir);
    run(process.execPath, [TSC, '-p', '.'], dir);
    // Bundler resolution leaves the extensionless import to a bundler; Node runs the ESM and CJS builds directly.
    if (name !== 'esm-bundler') expect(JSON.parse(run(process.execPath, [join('out', 'index.js')], dir))).toEqual(expected);
  }, 300_000);

  it('the packed command line prints its version and costs the example council', () => {
    const dir = consumer('cli', 'module', {}, '');
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--silent', tarball], dir);
    const bin = join(dir, 'node_modules', '.bin', 'council-ghg');
    expect(run(bin, ['--version'], dir)).toMatch(/^council-ghg \d+\.\d+\.\d+/);
    const examples = join(dir, 'node_modules', 'council-ghg', 'examples');
    const out = run(bin, ['calculate', join(examples, 'example-council-baseline.xlsx'), '--ledger', join(examples, 'example-council-spend-2023-24.csv'), '--mapping', join(examples, 'example-council-spend-mapping.csv')], dir);
    expect(out).toContain('Total: 9,594.4 tCO2e (scope 2 location-based)');
  }, 300_000);
});
