import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The API reference (npm run docs:api, TypeDoc into docs/api/, not committed) builds from the TSDoc of every entry
 * point's exports: nothing exported without documentation, no broken {@link}. Checked here, so CI fails on an
 * export added without its TSDoc.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const TYPEDOC = join(ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc');

describe('the API reference', () => {
  it('builds from the TSDoc with every exported symbol documented and no other warning', () => {
    const output = execFileSync(process.execPath, [TYPEDOC, '--emit', 'none'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
    const warnings = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n').filter((l) => l.startsWith('[warning]') && !/^\[warning\] Found \d+ errors? and \d+ warnings?$/.test(l));
    // Each warning names the symbol and its file: "… SharedReport (TypeAlias), defined in …/views.ts, does not have any documentation".
    expect(warnings).toEqual([]);
  }, 300_000);
});
