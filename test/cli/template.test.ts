import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateCommand } from '../../src/cli/commands/template.js';
import { UsageError } from '../../src/cli/io.js';
import { importCsv } from '../../src/import/csv.js';
import { importWorkbook } from '../../src/import/workbook.js';

const recorder = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
};

describe('council-ghg template', () => {
  it('writes a blank workbook that imports with no records, and says so, with no other problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tpl-'));
    const path = join(dir, 'baseline.xlsx');
    const { io, out } = recorder();
    expect(await templateCommand(['--out', path], io)).toBe(0);
    expect(out[0]).toMatch(/^Wrote .*baseline.xlsx\. Fill the yellow cells in Excel or LibreOffice, then run: council-ghg calculate/);
    const result = await importWorkbook(path);
    expect(result.records).toEqual([]);
    expect(result.problems.map((p) => [p.severity, p.code, p.origin])).toEqual([['warning', 'no-records', { file: 'baseline.xlsx' }]]);
    expect(result.accounting.every((a) => a.outcome === 'skipped' || a.outcome === 'profile')).toBe(true);
  });

  it('writes the long CSV, and refuses to overwrite without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tpl-'));
    const path = join(dir, 'baseline.csv');
    const { io, out } = recorder();
    expect(await templateCommand(['--out', path], io)).toBe(0);
    expect(out[0]).toMatch(/Fill in the About lines, then add one row per activity under the header/);
    expect(readFileSync(path, 'utf8')).toContain('Reference,Category,Site,Source,Quantity,Unit,Price year');
    expect((await importCsv(readFileSync(path), { file: 'baseline.csv' })).records).toEqual([]);
    await expect(templateCommand(['--out', path], io)).rejects.toBeInstanceOf(UsageError);
    expect(await templateCommand(['--out', path, '--force'], io)).toBe(0);
    await expect(templateCommand(['--out', join(dir, 'x.ods')], io)).rejects.toThrow(/must end .xlsx or .csv/);
    expect(existsSync(join(dir, 'x.ods'))).toBe(false);
  });

  it('has --help', async () => {
    const { io, out } = recorder();
    expect(await templateCommand(['--help'], io)).toBe(0);
    expect(out[0]).toMatch(/^council-ghg template \[--out FILE\]/);
  });
});
