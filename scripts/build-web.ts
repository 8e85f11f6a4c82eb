/**
 * Builds the browser page (npm run web): web/ → web/dist/, a static folder to host anywhere (no server code).
 *   web/dist/index.html, style.css     the page (its Content-Security-Policy: scripts from 'self' only)
 *   web/dist/js/main.js, worker.js     the page script and the worker that imports and calculates (esbuild)
 *   web/dist/data/…                    the bundled factor data, copied from emission-factors/, fetched on demand
 * The calculation (the portable core, src/entries/core.ts) imports no Node built-in and fetches its factor sets
 * (web/src/factors.ts). The importers still import some, for reading files by path and streams: those are replaced
 * by web/shims/, stubs that throw if ever called, and the few Node APIs they call on bytes (Buffer methods, zlib's
 * raw inflate, TextDecoder) on the browser's own.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { STYLE } from '../src/report/html/style.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WEB = join(ROOT, 'web');
const OUT = join(WEB, 'dist');
const FACTORS = join(ROOT, 'emission-factors');
const SHIMS = join(WEB, 'shims');

/** Every Node built-in the bundle pulls in goes to its shim in web/shims/; one without a shim fails the build. */
const shimmed = new Map<string, Set<string>>();
const nodeShims: Plugin = {
  name: 'node-shims',
  setup(b) {
    b.onResolve({ filter: /^(node:)?(fs|path|url|stream|string_decoder|crypto|util|zlib|buffer|os|events|child_process|worker_threads)$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      const shim = join(SHIMS, `${name}.ts`);
      if (!existsSync(shim)) return { errors: [{ text: `${args.path} (imported by ${relative(ROOT, args.importer)}) has no browser shim in web/shims/` }] };
      if (!args.importer.startsWith(SHIMS)) shimmed.set(name, (shimmed.get(name) ?? new Set()).add(relative(ROOT, args.importer)));
      return { path: shim };
    });
  },
};

/** The data files the page fetches: manifests, each set's values and skipped rows, the spend category table. */
function copyFactorData(): number {
  let bytes = 0;
  const copy = (from: string) => {
    const to = join(OUT, 'data', relative(FACTORS, from));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
    bytes += statSync(from).size;
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(csv|json)$/.test(entry.name)) copy(path);
    }
  };
  walk(FACTORS);
  return bytes;
}

export async function buildWeb(): Promise<{ outDir: string; sizes: Record<string, number>; shimmed: ReadonlyMap<string, ReadonlySet<string>> }> {
  rmSync(OUT, { recursive: true, force: true });
  shimmed.clear();
  mkdirSync(join(OUT, 'js'), { recursive: true });
  const result = await build({
    entryPoints: { main: join(WEB, 'src', 'main.ts'), worker: join(WEB, 'src', 'worker.ts') },
    outdir: join(OUT, 'js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'safari16.4'],
    minify: true,
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [nodeShims],
    inject: [join(SHIMS, 'buffer.ts')],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  // The report shown in the page's frame keeps its one inline <style>: the page's policy allows exactly that text.
  const styleHash = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;
  writeFileSync(join(OUT, 'index.html'), readFileSync(join(WEB, 'index.html'), 'utf8').replace('%REPORT_STYLE_HASH%', styleHash));
  copyFileSync(join(WEB, 'style.css'), join(OUT, 'style.css'));
  const data = copyFactorData();
  const sizes: Record<string, number> = { data };
  for (const [file, output] of Object.entries(result.metafile.outputs)) sizes[relative(OUT, file)] = output.bytes;
  return { outDir: OUT, sizes, shimmed };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { outDir, sizes, shimmed: shims } = await buildWeb();
  console.log(`Built the browser page in ${relative(process.cwd(), outDir) || '.'}/ (open index.html from any static web host):`);
  for (const [file, bytes] of Object.entries(sizes)) console.log(`  ${file.padEnd(28)} ${(bytes / 1024).toFixed(0).padStart(6)} KB`);
  console.log(`Node built-ins replaced by web/shims/: ${[...shims].map(([name, by]) => `${name} (${[...by].join(', ')})`).join('; ')}`);
}
