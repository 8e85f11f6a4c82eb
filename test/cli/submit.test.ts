import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSubmission } from '../../src/benchmark/index.js';
import { submitCommand } from '../../src/cli/commands/submit.js';
import { EXIT, UsageError, type CliIO } from '../../src/cli/io.js';

function recorder(): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [];
  const errText: string[] = [];
  return { outText, errText, out: (t) => outText.push(t), err: (t) => errText.push(t) };
}

const ABOUT = [
  'Council name,Fictional District 42',
  'ONS code,E07900042',
  'Council type,district',
  'Region,south-west',
  'Reporting year,2023/24',
  'Schools included,No',
  'Scope 3 spend included,No',
  'Leased assets included,No',
  'Outsourced services included,No',
  'Population,98000',
  'Staff FTE,512.5',
];
const TABLE = ['', 'Category,Source,Quantity,Unit', 'buildings,natural-gas,1200000,kWh', 'buildings,electricity,850000,kWh', 'fleet,diesel,240000,litre'];

function csv(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'submit-'));
  const file = join(dir, 'baseline.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('council-ghg submit', () => {
  it('turns a baseline CSV into a valid submission with its activity', async () => {
    const file = csv([...ABOUT, ...TABLE]);
    const out = join(mkdtempSync(join(tmpdir(), 'submit-out-')), 's.json');
    const io = recorder();
    expect(await submitCommand([file, '--out', out], io)).toBe(EXIT.ok);
    const result = parseSubmission(JSON.parse(readFileSync(out, 'utf8')), { file: out });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.submission.profile).toMatchObject({ onsCode: 'E07900042', name: 'Fictional District 42', reportingYear: '2023/24', factorSetId: 'desnz-2023' });
    expect(result.submission.denominators).toEqual({ population: '98000', staffFte: '512.5' });
    expect(result.submission.activity).toHaveLength(3);
    expect(Number(result.submission.totals.total)).toBeGreaterThan(500);
    expect(io.errText.at(-1)).toMatch(/^Wrote .*s\.json: Fictional District 42 2023\/24, [\d,]+\.\d tCO2e on desnz-2023 \(the file keeps the exact figures\)\.$/);
  });

  it('refuses a baseline without who the council is, naming what is missing', async () => {
    const io = recorder();
    expect(await submitCommand([csv([ABOUT[0]!, ABOUT[4]!, ...TABLE])], io)).toBe(EXIT.unusable);
    expect(io.errText.slice(-2)).toEqual(['error incomplete-profile at baseline.csv: The About details lack ONS code, council type, region', 'No submission: see the problems above.']);
    expect(io.outText).toEqual([]);
  });

  it('takes an unstated boundary flag as No, with a warning, and can leave the activity out', async () => {
    const io = recorder();
    expect(await submitCommand([csv([...ABOUT.slice(0, 5), ...TABLE]), '--no-activity'], io)).toBe(EXIT.ok);
    expect(io.errText.join('\n')).toMatch(/warning boundary-assumed .*Schools included not stated on the About sheet: taken as No/);
    const submission = JSON.parse(io.outText.join('\n')) as { activity?: unknown; profile: { boundary: unknown } };
    expect(submission.activity).toBeUndefined();
    expect(submission.profile.boundary).toEqual({ schoolsIncluded: false, scope3SpendIncluded: false, leasedAssetsIncluded: false, outsourcedServicesIncluded: false });
  });

  it('warns when a boundary answer of No is contradicted by the council’s own records', async () => {
    const io = recorder();
    const withSpend = [...ABOUT, ...TABLE, 'purchased-goods-and-services,spend:construction,50000,GBP'];
    expect(await submitCommand([csv(withSpend)], io)).toBe(EXIT.ok); // a warning, not an error: the spend is costed
    expect(io.errText.filter((t) => t.includes('boundary-contradicted'))).toEqual([
      expect.stringMatching(/warning boundary-contradicted at baseline\.csv: Scope 3 spend included is No, but 1 record\(s\) are of that kind/),
    ]);
  });

  it('needs a file', async () => {
    await expect(submitCommand([], recorder())).rejects.toThrow(UsageError);
    const help = recorder();
    expect(await submitCommand(['--help'], help)).toBe(EXIT.ok);
    expect(help.outText.join('\n')).toMatch(/--no-activity/);
  });
});
