import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calculateCommand } from '../../src/cli/commands/calculate.js';
import { EXIT } from '../../src/cli/io.js';
import { Decimal } from '../../src/decimal.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');
const recorder = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
};
const SPEND_FACTORS = {
  id: 'test-eeio',
  title: 'Test spend factors',
  priceYear: 2023,
  kgCO2ePerGBP: { 'professional-services': '0.1', construction: '0.3' },
  priceIndex: { name: 'Test index', values: { '2023': '100' } },
};

describe('council-ghg calculate', () => {
  it('prints one inventory of the example workbook and its spend ledger; energy spend already counted as activity is a warning (exit 0)', async () => {
    const { io, out, err } = recorder();
    const ledger = ['--ledger', join(examples, 'example-council-spend-2023-24.csv'), '--mapping', join(examples, 'example-council-spend-mapping.csv')];
    expect(await calculateCommand([join(examples, 'example-council-baseline.xlsx'), ...ledger], io)).toBe(EXIT.ok);
    expect(out.join('\n')).toMatch(/Example District Council \(fictional\): greenhouse-gas inventory 2023\/24/);
    expect(err[0]).toMatch(/^example-council-baseline\.xlsx: 4046 rows: 37 gave records, 0 rejected with problems, .*; .*example-council-spend-2023-24\.csv: 518 ledger lines: 518 mapped into 38 totals, 0 unmapped/);
    // The ledger's electricity and fuel, split by the calendar year of payment, sum to the £1,240,000 and £1,050,000 it was built from.
    const overlaps = err.filter((l) => l.startsWith('warning spend-counted-as-activity'));
    expect(overlaps.map((l) => /Record ledger-spend-(\w+(?:-\w+)?)-\d{4}/.exec(l)?.[1])).toEqual(['electricity', 'electricity', 'vehicle-fuel', 'vehicle-fuel']);
    const left = (name: string) => overlaps.filter((l) => l.includes(`ledger-spend-${name}-`)).reduce((a, l) => a.add(/£([\d.]+) of spend/.exec(l)![1]!), new Decimal(0)).toFixed();
    expect([left('electricity'), left('vehicle-fuel')]).toEqual(['1240000', '1050000']);
  });

  it('is clean (exit 0) on the bundled spend set, and the CSV gives the same JSON as the workbook', async () => {
    const run = async (file: string) => {
      const { io, out } = recorder();
      const code = await calculateCommand([join(examples, file), '--format', 'json'], io);
      return { code, json: JSON.parse(out.join('\n'), (k, v: unknown) => (k === 'origin' ? undefined : v)) as { records: { id: string }[] } };
    };
    const xlsx = await run('example-council-baseline.xlsx');
    const csv = await run('example-council-baseline.csv');
    expect([xlsx.code, csv.code]).toEqual([EXIT.ok, EXIT.ok]);
    const sorted = (j: typeof xlsx.json) => ({ ...j, records: [...j.records].sort((a, b) => (a.id < b.id ? -1 : 1)) });
    expect(sorted(csv.json).records).toEqual(sorted(xlsx.json).records);
  });

  it('names the cell of a bad value and exits 1; unusable input exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calc-'));
    writeFileSync(join(dir, 'bad.csv'), 'Category,Source,Quantity,Unit\nbuildings,natural-gas,"1,2",kWh\nbuildings,electricity,100,kWh\n');
    const bad = recorder();
    expect(await calculateCommand([join(dir, 'bad.csv'), '--format', 'csv'], bad.io)).toBe(EXIT.problems);
    expect(bad.err).toContain("error invalid-number at bad.csv › line 2, column Quantity: Quantity: '1,2' has a comma that is not a thousands separator (a decimal comma?) (value: \"1,2\")");
    writeFileSync(join(dir, 'nothing.csv'), 'a,b\n1,2\n');
    const none = recorder();
    expect(await calculateCommand([join(dir, 'nothing.csv')], none.io)).toBe(EXIT.unusable);
    expect(none.err[0]).toMatch(/^UnusableInputError: nothing.csv: no recognisable header/);
    writeFileSync(join(dir, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const xls = recorder();
    expect(await calculateCommand([join(dir, 'old.xls')], xls.io)).toBe(EXIT.unusable);
    expect(xls.err[0]).toMatch(/old binary .xls workbook/);
  });

  it('calculates a spend ledger through a mapping, listing unmapped codes (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calc-'));
    writeFileSync(join(dir, 'mapping.csv'), 'Expense code,Spend category\nE1,professional-services\n');
    writeFileSync(join(dir, 'ledger.csv'), 'Date,Expense code,Amount\n01/05/2023,E1,"£1,000.00"\n02/05/2023,E1,(100.00)\n03/05/2023,Z9,250\n');
    writeFileSync(join(dir, 'spend.json'), JSON.stringify(SPEND_FACTORS));
    const { io, out, err } = recorder();
    expect(await calculateCommand([join(dir, 'ledger.csv'), '--mapping', join(dir, 'mapping.csv'), '--spend-factors', join(dir, 'spend.json'), '--format', 'json'], io)).toBe(EXIT.problems);
    expect(err[0]).toBe('ledger.csv: 3 ledger lines: 2 mapped into 1 totals, 1 unmapped (1 codes, listed below), 0 rejected, 1 credits netted.');
    expect(err[1]).toBe("error unmapped-spend at ledger.csv › line 4, column Expense code: 1 line(s) totalling £250 have Expense code 'Z9', which the mapping does not list: add it to the mapping (value: \"Z9\")");
    const json = JSON.parse(out.join('\n')) as { records: { quantity: string; source: string }[] };
    expect(json.records.map((r) => [r.source, r.quantity])).toEqual([['spend:professional-services', '900']]);

    // For one financial year: the inventory is that year's, on its factor set, and later payments are left out, said once.
    const year = recorder();
    writeFileSync(join(dir, 'ledger-2.csv'), 'Date,Expense code,Amount\n01/05/2023,E1,"£1,000.00"\n15/04/2024,E1,400\n');
    await calculateCommand([join(dir, 'ledger-2.csv'), '--mapping', join(dir, 'mapping.csv'), '--spend-factors', join(dir, 'spend.json'), '--reporting-year', '2023-24', '--format', 'json'], year.io);
    const inventory = JSON.parse(year.out.join('\n')) as { reportingYear: string; factorSet: { id: string }; records: { quantity: string }[] };
    expect([inventory.reportingYear, inventory.factorSet.id, inventory.records.map((r) => r.quantity)]).toEqual(['2023/24', 'desnz-2023', ['1000']]);
    expect(year.err.join('\n')).toContain('1 line(s) totalling £400 are dated outside 2023/24');
    await expect(calculateCommand([join(examples, 'example-council-baseline.csv'), '--reporting-year', '2023/24'], recorder().io)).rejects.toThrow(/--reporting-year is for a spend ledger/);
  });

  it('takes import limits from --limit, naming the limit where a file exceeds it', async () => {
    const { io, err } = recorder();
    expect(await calculateCommand([join(examples, 'example-council-baseline.csv'), '--limit', 'maxRows=20'], io)).toBe(EXIT.problems);
    expect(err.join('\n')).toMatch(/limit-exceeded .*maxRows/);
    await expect(calculateCommand([join(examples, 'example-council-baseline.csv'), '--limit', 'maxRowz=20'], recorder().io)).rejects.toThrow(/--limit must be NAME=N/);
    await expect(calculateCommand([join(examples, 'example-council-baseline.csv'), '--limit', 'maxRows=0'], recorder().io)).rejects.toThrow(/--limit/);
  });

  it('takes the format from --out, and sends html and xlsx to council-ghg report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calc-'));
    const { io } = recorder();
    await calculateCommand([join(examples, 'example-council-baseline.csv'), '--out', join(dir, 'inventory.json')], io);
    expect(JSON.parse(readFileSync(join(dir, 'inventory.json'), 'utf8'))).toHaveProperty('factorSet.id', 'desnz-2023');
    // Written in parts to the file, the same bytes as the terminal's JSON (one string).
    const printed = recorder();
    await calculateCommand([join(examples, 'example-council-baseline.csv'), '--format', 'json'], printed.io);
    expect(readFileSync(join(dir, 'inventory.json'), 'utf8')).toBe(`${printed.out.join('\n')}`);
    await calculateCommand([join(examples, 'example-council-baseline.csv'), '--out', join(dir, 'lines.csv'), '--table', 'lines'], io);
    expect(readFileSync(join(dir, 'lines.csv'), 'utf8').split('\r\n')[0]).toMatch(/^\ufeffrecord_id,role,/);
    await expect(calculateCommand([join(examples, 'example-council-baseline.csv'), '--out', join(dir, 'report.html')], io)).rejects.toThrow(/write the inventory with --out inventory\.json, then run council-ghg report inventory\.json --out .*report\.html/);
  });

  it('refuses bad options', async () => {
    const { io } = recorder();
    await expect(calculateCommand([], io)).rejects.toThrow(/needs the FILE/);
    await expect(calculateCommand(['x.xlsx', '--format', 'pdf'], io)).rejects.toThrow(/--format must be one of table, json, csv/);
  });
});
