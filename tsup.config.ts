import { defineConfig } from 'tsup';

/**
 * The library's entry points, each a subpath export (package.json "exports"): the portable core, a module per
 * layer after it, the Node adapters, and the root, which is all of them for Node. Built together with code
 * splitting (in CommonJS too), so a class or a cache is one module however many entry points a program imports:
 * a FactorSet loaded through 'council-ghg/node' is the one 'council-ghg/core' calculates with.
 */
export const ENTRIES = {
  index: 'src/index.ts',
  core: 'src/entries/core.ts',
  import: 'src/entries/import.ts',
  report: 'src/entries/report.ts',
  benchmark: 'src/entries/benchmark.ts',
  node: 'src/entries/node.ts',
};

export default defineConfig([
  {
    entry: ENTRIES,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: true,
    target: 'node20',
    // import.meta.url in the CommonJS build, used (by the Node adapter only) to find the bundled emission-factors/ folder.
    shims: true,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
