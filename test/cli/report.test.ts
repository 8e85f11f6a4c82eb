import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/cli/commands/report.js';
import { EXIT, UsageError, type CliIO } from '../../src/cli/io.js';
import { importCsv } from '../../src/import/csv.js';
import { calculateInventory, formatTonnes, parseInventory } from '../../src/inventory/index.js';
import { renderJson } from '../../src/report/index.js';
import { exampleBenchmark, examplePreviousInventory, exampleInventory } from '../report/example.js';

function recorder(): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [];
  const errText: string[] = [];
  return { outText, errText, out: (t) => outText.push(t), err: (t) => errText.push(t) };
}

describe('council-ghg report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'council-ghg-report-'));
  const current = join(dir, 'current.json');
  const previous = join(dir, 'previous.json');

  beforeAll(() => {
    writeFileSync(current, renderJson(exampleInventory()));
    writeFileSync(previous, renderJson(examplePreviousInventory()));
  });

  it('writes an html report with the year-on-year comparison', async () => {
    const io = recorder();
    const out = join(dir, 'report.html');
    const code = await reportCommand([current, '--format', 'html', '--out', out, '--compare', previous], io);
    expect(code).toBe(EXIT.ok); // warnings only: the example's energy spend is counted from its activity
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('id="chart-change"');
    expect(html).toContain('What changed since 2022/23');
    expect(io.errText.at(-1)).toMatch(/^Wrote .*report\.html: 9,594\.4 tCO2e from 56 records, 2 problem\(s\)\.$/);
    expect(io.errText.filter((t) => t.startsWith('warning spend-counted-as-activity'))).toHaveLength(2);
  });

  it('lists the --compare year’s problems, counts them in the exit code and says the change is not like for like', async () => {
    const baseline = (year: string, gasUnit: string) => {
      const path = join(dir, `baseline-${year.replace('/', '-')}.csv`);
      writeFileSync(path, `Reporting year,${year}\n\nCategory,Source,Quantity,Unit\nbuildings,natural-gas,120000,${gasUnit}\nbuildings,electricity,80000,kWh\n`);
      return path;
    };
    const io = recorder();
    const out = join(dir, 'compare.html');
    const code = await reportCommand([baseline('2023/24', 'kWh'), '--out', out, '--compare', baseline('2022/23', 'kwhs')], io);
    expect(code).toBe(EXIT.problems);
    expect(io.errText.some((t) => /baseline-2022-23\.csv \(--compare\): error unknown-unit at baseline-2022-23\.csv › line 4/.test(t))).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('Not like for like: 2022/23 has 1 problem(s) that left records out, so part of the change is missing data, not emissions.');
  });

  it('adds the council’s benchmark position from --benchmark', async () => {
    const view = join(dir, 'where-we-stand.json');
    writeFileSync(view, JSON.stringify(exampleBenchmark().council));
    const out = join(dir, 'benchmark.html');
    await reportCommand([current, '--out', out, '--benchmark', view], recorder());
    expect(readFileSync(out, 'utf8')).toContain('id="chart-benchmark-1"');
    // The file `benchmark --council CODE --format json` writes ({ shared, council }) is accepted as it is.
    const { shared, council } = exampleBenchmark();
    writeFileSync(view, JSON.stringify({ shared, council }));
    await reportCommand([current, '--out', out, '--benchmark', view], recorder());
    expect(readFileSync(out, 'utf8')).toContain('id="chart-benchmark-1"');
    // Another council's view is refused rather than shown as "you".
    writeFileSync(view, JSON.stringify({ ...council, council: { onsCode: 'E07900003', name: 'Fictional District 03' } }));
    await expect(reportCommand([current, '--out', out, '--benchmark', view], recorder())).rejects.toThrow(/benchmark view of E07900003, not of this council/);
    writeFileSync(view, '{"format":"something else"}');
    await expect(reportCommand([current, '--out', out, '--benchmark', view], recorder())).rejects.toThrow(/not a council benchmark report/);
  });

  it('writes an xlsx report whose total equals the inventory’s, choosing the format from --out', async () => {
    const out = join(dir, 'report.xlsx');
    await reportCommand([current, '--out', out], recorder());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(String(workbook.getWorksheet('Summary')!.getCell('B4').value)).toBe(formatTonnes(exampleInventory().totals.total));
  });

  it('writes csv lines or summary and json to standard output without --out', async () => {
    const lines = recorder();
    await reportCommand([current, '--format', 'csv'], lines);
    expect(lines.outText.join('\n').split('\r\n').length - 1).toBe(exampleInventory().lines.length);
    const summary = recorder();
    await reportCommand([current, '--format', 'csv', '--table', 'summary'], summary);
    expect(summary.outText.join('\n')).toContain('total,location-based,Total (scope 2 location-based)');
    const json = recorder();
    await reportCommand([current, '--format', 'json'], json);
    expect(parseInventory(json.outText.join('\n')).totals.total.eq(exampleInventory().totals.total)).toBe(true);
  });

  it('recalculates under another factor set with --set', async () => {
    const io = recorder();
    await reportCommand([current, '--format', 'json', '--set', 'desnz-2022'], io);
    expect(parseInventory(io.outText.join('\n')).factorSet.id).toBe('desnz-2022');
  });

  it('imports a CSV baseline and reports what the importer and the calculator make of it', async () => {
    const text = 'Council name,Hostile <b>Council</b>\nReporting year,2023/24\nCategory,Source,Quantity,Unit,Site\nbuildings,natural-gas,1000,kWh,=HYPERLINK("x")\n';
    const csv = join(dir, 'baseline.csv');
    writeFileSync(csv, text);
    const io = recorder();
    await reportCommand([csv, '--format', 'json'], io);
    const reported = parseInventory(io.outText.join('\n'));
    const imported = await importCsv(text, { file: 'baseline.csv' });
    const expected = calculateInventory({ records: imported.records, reportingYear: '2023/24' });
    expect(reported.council.name).toBe('Hostile <b>Council</b>');
    expect(reported.reportingYear).toBe('2023/24');
    expect(reported.totals.total.eq(expected.totals.total)).toBe(true);
    expect(reported.problems).toHaveLength(imported.problems.length + expected.problems.length);
  });

  it('rejects bad usage', async () => {
    await expect(reportCommand([current, '--format', 'pdf'], recorder())).rejects.toThrow(UsageError);
    await expect(reportCommand([current, '--format', 'xlsx'], recorder())).rejects.toThrow(/needs --out/);
    await expect(reportCommand([current, '--out', join(dir, 'report.pdf')], recorder())).rejects.toThrow(/cannot tell the report format from --out .*report\.pdf: name it \.html/);
    await expect(reportCommand([join(dir, 'missing.xlsx')], recorder())).rejects.toThrow(/no such file/);
    writeFileSync(join(dir, 'data.pdf'), '%PDF-1.4');
    await expect(reportCommand([join(dir, 'data.pdf')], recorder())).rejects.toThrow(/expected a baseline workbook \(\.xlsx\) or a CSV table/);
    expect(await reportCommand([], recorder())).toBe(EXIT.unusable);
    expect(await reportCommand(['--help'], recorder())).toBe(EXIT.ok);
  });
});
