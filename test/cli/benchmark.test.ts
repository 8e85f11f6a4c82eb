import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../examples/build-submissions.js';
import { CouncilReportSchema, SharedReportSchema } from '../../src/benchmark/index.js';
import { benchmarkCommand } from '../../src/cli/commands/benchmark.js';
import { EXIT, UsageError, type CliIO } from '../../src/cli/io.js';

function recorder(): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [];
  const errText: string[] = [];
  return { outText, errText, out: (t) => outText.push(t), err: (t) => errText.push(t) };
}

const CODE = 'E07900003';

describe('council-ghg benchmark', () => {
  it('prints the shared and the private view of the bundled synthetic councils', async () => {
    const io = recorder();
    expect(await benchmarkCommand([EXAMPLES_DIR, '--council', CODE], io)).toBe(EXIT.ok);
    const text = io.outText.join('\n');
    expect(text).toMatch(/shared, anonymised report/);
    expect(text).toMatch(/SYNTHETIC DATA/);
    expect(text).toMatch(/All councils\s+Total \(location-based scope 2\), tCO2e\s+48\s/);
    expect(text).toMatch(/Where we stand — private report for Fictional District 03 \(E07900003\)/);
    // One marker for every withheld figure; no reason in the views (it would point at the councils protected).
    expect(text).toContain('Withheld figures (–): a withheld figure is shown by one marker, whatever the reason');
    expect(text).not.toMatch(/– [TNDSEV]\b|below-threshold|equals-council-value|tied-values/);
    // Cohorts with nothing published are one line, and the thresholds are said once.
    expect(text).toContain('Nothing published for: London boroughs, Welsh unitary authorities');
    expect(text).not.toMatch(/^Welsh unitary authorities +Total/m);
    expect(text).toContain('Thresholds: any figure needs 5 councils, a median 10 and the lower and upper quartiles 21.');
    const lowerCase = recorder();
    expect(await benchmarkCommand([EXAMPLES_DIR, '--council', ` ${CODE.toLowerCase()}`], lowerCase)).toBe(EXIT.ok);
    expect(lowerCase.outText).toEqual(io.outText);
    // The shared part names no council; the private part names only its own.
    const [shared, mine] = text.split('Where we stand');
    expect(shared).not.toMatch(/Fictional|E\d{8}/);
    expect([...new Set(mine!.match(/Fictional [A-Za-z ]+\d\d|E\d{8}/g))]).toEqual(['Fictional District 03', CODE]);
    expect(io.errText).toEqual(['96 file(s) read: 96 used, 0 not used.']);
  });

  it('writes JSON that validates against the view schemas', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bench-cli-')), 'report.json');
    expect(await benchmarkCommand([EXAMPLES_DIR, '--format', 'json', '--out', out, '--council', CODE], recorder())).toBe(EXIT.ok);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { shared: unknown; council: unknown };
    SharedReportSchema.parse(json.shared);
    expect(CouncilReportSchema.parse(json.council).council).toEqual({ onsCode: CODE, name: 'Fictional District 03' });
    const io = recorder();
    await benchmarkCommand([EXAMPLES_DIR, '--format', 'json'], io);
    expect(SharedReportSchema.parse(JSON.parse(io.outText.join('\n'))).baseGroups).toHaveLength(3);
  });

  it('writes the shared view, or a council’s own view, as an HTML page naming no other council', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
    expect(await benchmarkCommand([EXAMPLES_DIR, '--format', 'html', '--out', join(dir, 'shared.html')], recorder())).toBe(EXIT.ok);
    const shared = readFileSync(join(dir, 'shared.html'), 'utf8');
    expect(shared).toMatch(/<svg[^>]*role="img"/);
    expect(shared).not.toMatch(/Fictional [A-Z][a-z]+ \d\d|E\d{8}/);
    expect(await benchmarkCommand([EXAMPLES_DIR, '--format', 'html', '--council', CODE, '--out', join(dir, 'mine.html')], recorder())).toBe(EXIT.ok);
    const mine = readFileSync(join(dir, 'mine.html'), 'utf8');
    expect(mine).toContain('Fictional District 03: where we stand');
    expect([...new Set(mine.match(/Fictional [A-Z][a-z]+ \d\d|E\d{8}/g))]).toEqual(['Fictional District 03']);
  });

  it('lists broken files with their reasons, exits 1, and benchmarks the rest exactly as without them', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bench-cli-')), 'subs');
    cpSync(EXAMPLES_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'zz-broken.json'), '{"format": "council-ghg/benchmark-submission", ');
    writeFileSync(join(dir, 'zz-wrong.json'), JSON.stringify({ format: 'council-ghg/benchmark-submission', version: 1 }));
    const withBroken = recorder();
    const clean = recorder();
    expect(await benchmarkCommand([dir, '--format', 'json'], withBroken)).toBe(EXIT.problems);
    await benchmarkCommand([EXAMPLES_DIR, '--format', 'json'], clean);
    expect(withBroken.outText).toEqual(clean.outText);
    expect(withBroken.errText.join('\n')).toMatch(/error invalid-json at .*zz-broken\.json: not valid JSON/);
    expect(withBroken.errText.join('\n')).toMatch(/error invalid-field at .*zz-wrong\.json: profile: /);
    expect(withBroken.errText.at(-1)).toBe('98 file(s) read: 96 used, 2 not used.');
  });

  it('a common factor set and the p% rule from the command line', async () => {
    const io = recorder();
    await benchmarkCommand([EXAMPLES_DIR, '--p-percent', '20', '--common-factor-set', 'desnz-2023', '--format', 'json'], io);
    const report = JSON.parse(io.outText.join('\n'));
    expect(report.method.policy.pPercent).toBe(20);
    // Counted from the files themselves: those on another factor set that carry activity to recalculate.
    const files = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(EXAMPLES_DIR, f), 'utf8')));
    const recalculable = files.filter((f) => f.profile.factorSetId !== 'desnz-2023' && Array.isArray(f.activity) && f.activity.length > 0).length;
    expect(recalculable).toBeGreaterThanOrEqual(5);
    expect(report.notes.join('\n')).toContain(`Common factor set desnz-2023: ${recalculable} submission(s) on other factor sets were recalculated`);
    await expect(benchmarkCommand([EXAMPLES_DIR, '--p-percent', 'ten'], recorder())).rejects.toThrow(/--p-percent must be a whole number/);
    await expect(benchmarkCommand([EXAMPLES_DIR, '--dp-epsilon', '1'], recorder())).rejects.toThrow(/dp-epsilon/);
  });

  it('refuses bad usage', async () => {
    await expect(benchmarkCommand([], recorder())).rejects.toThrow(UsageError);
    await expect(benchmarkCommand([EXAMPLES_DIR, '--format', 'pdf'], recorder())).rejects.toThrow(/--format must be text, json or html/);
    await expect(benchmarkCommand([EXAMPLES_DIR, '--min-councils', '2'], recorder())).rejects.toThrow(/minCouncils/);
    await expect(benchmarkCommand([EXAMPLES_DIR, '--council', 'E07000001'], recorder())).rejects.toThrow(/no usable submission from council E07000001/);
    const empty = mkdtempSync(join(tmpdir(), 'bench-empty-'));
    expect(await benchmarkCommand([empty], recorder())).toBe(EXIT.unusable);
    const help = recorder();
    expect(await benchmarkCommand(['--help'], help)).toBe(EXIT.ok);
    expect(help.outText.join('\n')).toMatch(/--council CODE/);
  });
});
