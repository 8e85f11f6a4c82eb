/**
 * The size of the portable core as a browser app pays for it (npm run size, after npm run build): a core-only
 * use (CORE_USE) bundled and minified by esbuild for the browser, against the budget CI enforces
 * (test/packaging/consumers.test.ts bundles the same use from the packed package). Also lists any Node built-in,
 * exceljs or papaparse the bundle would pull in: the core must pull in none.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

/** What a browser app using only the core writes: factor data from a URL, one calculation, one figure shown. */
export const CORE_USE = `
import { calculateInventory, fetchFactorLibrary, formatTonnes } from 'council-ghg/core';

const factors = await fetchFactorLibrary(new URL('./emission-factors/', location.href), { reportingYearStart: 2023 });
const inventory = calculateInventory({ reportingYear: '2023/24', records: [{ category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh' }] }, { factors });
document.body.textContent = \`\${formatTonnes(inventory.totals.total)} tCO2e\`;
`;

/**
 * The budget for CORE_USE bundled and minified: measured at 195 KB on 30 November 2026 (zod about 100 KB, the
 * library about 62 KB, decimal.js 32 KB), with about 20% headroom. A change that pulls a large dependency into
 * the core fails the packaging test; raise the budget only for a reason stated here (and in docs/api-reference.md).
 */
export const CORE_BUDGET_BYTES = 235_000;

export interface CoreBundle {
  readonly bytes: number;
  /** Node built-ins imported (left out of the bundle), with the module importing each. */
  readonly builtins: readonly string[];
  /** Bundled files of the packages the core must not need (exceljs, papaparse). */
  readonly heavy: readonly string[];
  /** Whether the bundle holds the library at all (a wrong resolution would make a tiny bundle pass). */
  readonly hasLibrary: boolean;
}

/** Node's built-in modules a bundle imports, left out of it and listed: a browser has none of them. */
function builtinsFound(found: Set<string>): Plugin {
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  return {
    name: 'builtins-found',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (!builtins.has(args.path) && !args.path.startsWith('node:')) return undefined;
        found.add(`${args.path} (from ${args.importer.replace(/.*node_modules\//, '')})`);
        return { path: args.path, external: true };
      });
    },
  };
}

/** Bundles `entry` (a project where council-ghg resolves) for the browser, minified, as an app's build would. */
export async function bundleCoreUse(entry: string): Promise<CoreBundle> {
  const builtins = new Set<string>();
  const result = await build({
    entryPoints: [entry], absWorkingDir: dirname(entry), bundle: true, platform: 'browser', format: 'esm', target: 'es2022',
    minify: true, write: false, metafile: true, logLevel: 'silent', plugins: [builtinsFound(builtins)],
  });
  const inputs = Object.keys(result.metafile.inputs);
  return {
    bytes: result.outputFiles[0]!.contents.byteLength,
    builtins: [...builtins],
    heavy: inputs.filter((i) => /node_modules\/(exceljs|papaparse)\//.test(i)),
    hasLibrary: inputs.some((i) => /(^|\/)dist\/core\.js$/.test(i)),
  };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  // This clone's build, as an installed package: a project whose node_modules/council-ghg is the clone.
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const project = mkdtempSync(join(tmpdir(), 'council-ghg-size-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(root, join(project, 'node_modules', 'council-ghg'), 'dir');
  writeFileSync(join(project, 'index.ts'), CORE_USE);
  const bundle = await bundleCoreUse(join(project, 'index.ts')).finally(() => rmSync(project, { recursive: true, force: true }));
  const within = bundle.bytes <= CORE_BUDGET_BYTES;
  console.log(`Core-only browser bundle: ${(bundle.bytes / 1000).toFixed(1)} KB minified, budget ${CORE_BUDGET_BYTES / 1000} KB (${within ? 'within' : 'OVER'}).`);
  if (bundle.builtins.length > 0) console.log(`Node built-ins pulled in: ${bundle.builtins.join(', ')}`);
  if (bundle.heavy.length > 0) console.log(`exceljs or papaparse pulled in: ${bundle.heavy.length} files`);
  if (!within || bundle.builtins.length > 0 || bundle.heavy.length > 0 || !bundle.hasLibrary) process.exitCode = 1;
}
