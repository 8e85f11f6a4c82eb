import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSubmission } from '../../src/benchmark/index.js';
import { calculateCommand } from '../../src/cli/commands/calculate.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import { submitCommand } from '../../src/cli/commands/submit.js';
import { EXIT, UsageError, type CliIO } from '../../src/cli/io.js';
import { parseInventory } from '../../src/inventory/index.js';

/** --set, --factors-dir, --spend-factors and --residual-mix mean the same on calculate, report and submit. */
const root = join(import.meta.dirname, '..', '..');
const example = join(root, 'examples', 'example-council-baseline.csv');
const dir = mkdtempSync(join(tmpdir(), 'calc-options-'));

function recorder(): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [];
  const errText: string[] = [];
  return { outText, errText, out: (t) => outText.push(t), err: (t) => errText.push(t) };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const spendFactors = file(
  'spend.json',
  JSON.stringify({ id: 'test-eeio', title: 'Test spend factors', priceYear: 2023, kgCO2ePerGBP: { 'professional-services': '0.1', construction: '0.3' }, priceIndex: { name: 'Test index', values: { '2023': '100' } } }),
);

describe('calculation options on every command that calculates', () => {
  it('submit costs spend on the bundled multipliers, or on your own table with --spend-factors', async () => {
    // The example's About details, and two spend rows (2023 prices) in place of its activity.
    const about = readFileSync(example, 'utf8').split(/\r\n\r\n/)[0]!;
    const baseline = file('spend-only.csv', `${about}\r\n\r\nCategory,Source,Quantity,Unit,Price year\r\npurchased-goods-and-services,spend:professional-services,2450000,GBP,2023\r\ncapital-goods,spend:construction,3120000,GBP,2023\r\n`);
    const submission = async (...options: string[]) => {
      const io = recorder();
      const code = await submitCommand([baseline, ...options], io);
      const parsed = parseSubmission(JSON.parse(io.outText.join('\n')), { file: 'stdout' });
      if (!parsed.ok) throw new Error('not a submission');
      return { code, totals: parsed.submission.totals };
    };
    const bundled = await submission();
    const own = await submission('--spend-factors', spendFactors);
    expect([bundled.code, own.code]).toEqual([EXIT.ok, EXIT.ok]);
    // Bundled, 2023 column: professional services (SIC 74) 0.125908 kg/£, construction (SIC 41.2) 0.231865 kg/£:
    // 2,450,000 × 0.125908 + 3,120,000 × 0.231865 = 308,474.6 + 723,418.8 = 1,031,893.4 kg.
    expect(bundled.totals.scope3).toBe('1031.8934');
    // Own table: 2,450,000 × 0.1 + 3,120,000 × 0.3 = 1,181,000 kg.
    expect(own.totals.scope3).toBe('1181');
  });

  it('report prices market-based electricity with --residual-mix, on a baseline and on a saved inventory', async () => {
    const baseline = file('electricity.csv', 'Reporting year,2023/24\n\nCategory,Source,Quantity,Unit\nbuildings,electricity,1000,kWh\n');
    const report = async (path: string, ...options: string[]) => {
      const io = recorder();
      await reportCommand([path, '--format', 'json', ...options], io);
      return parseInventory(io.outText.join('\n'));
    };
    const plain = await report(baseline);
    expect(plain.lines.flatMap((l) => l.market?.basis ?? [])).toEqual(['grid-average']);
    const priced = await report(baseline, '--residual-mix', '0.5');
    expect(priced.totals.scope2MarketBased.toFixed()).toBe('500');
    expect(priced.lines.flatMap((l) => l.market?.basis ?? [])).toEqual(['residual-mix']);
    const saved = file('plain.json', await jsonOf(baseline));
    expect((await report(saved, '--residual-mix', '0.5')).totals.scope2MarketBased.toFixed()).toBe('500');
    expect((await report(saved)).totals.scope2MarketBased.toFixed()).toBe(plain.totals.scope2MarketBased.toFixed());
  });

  it('calculate reads sets from --factors-dir, and its newest set is the default there', async () => {
    const factorsDir = join(dir, 'factors');
    cpSync(join(root, 'emission-factors'), factorsDir, { recursive: true });
    const manifestPath = join(factorsDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { sets: { id: string }[] };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, sets: manifest.sets.filter((s) => s.id === 'desnz-2021') }));
    const io = recorder();
    await calculateCommand([example, '--factors-dir', factorsDir, '--format', 'json'], io);
    const inventory = parseInventory(io.outText.join('\n'));
    expect(inventory.factorSet.id).toBe('desnz-2021');
    expect(io.errText.join('\n')).toMatch(/the 2023\/24 figures use desnz-2021, the newest available/);
  });

  it('refuses a bad option value as a usage error naming it', async () => {
    await expect(submitCommand([example, '--residual-mix=-1'], recorder())).rejects.toThrow(/--residual-mix must be a non-negative number/);
    await expect(reportCommand([example, '--spend-factors', file('broken.json', '{ not json')], recorder())).rejects.toThrow(UsageError);
    await expect(calculateCommand([example, '--factors-dir', dir], recorder())).rejects.toThrow(/--factors-dir .*: no manifest\.json there/);
    await expect(reportCommand([example, '--spend-factors', file('wrong.json', '{"id":"x"}')], recorder())).rejects.toThrow(/is not a spend factor table: /);
  });
});

async function jsonOf(baseline: string): Promise<string> {
  const io = recorder();
  await reportCommand([baseline, '--format', 'json'], io);
  return io.outText.join('\n');
}
