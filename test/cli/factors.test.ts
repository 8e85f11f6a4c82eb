import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/io.js';
import { FactorNotFoundError } from '../../src/factors/factor-set.js';
import { loadFactorSet } from '../../src/factors/bundled.js';
import { runCli as run } from '../support/cli.js';

const GRID = 'uk-electricity/electricity-generated/electricity-uk@kwh';

describe('council-ghg factors', () => {
  it('show prints the value per gas with its provenance (set, path, source file, row and DESNZ ID)', async () => {
    const { code, out } = await run('factors', 'show', GRID, '--set', 'desnz-2023');
    expect(code).toBe(EXIT.ok);
    expect(out).toContain('desnz-2023');
    expect(out).toContain('UK electricity › Electricity generated › Electricity: UK');
    expect(out).toContain('ghg-conversion-factors-2023-flat-file-update.xlsx');
    expect(out).toContain('Open Government Licence v3.0');
    // The published 2023 UK grid factor and its DESNZ row ID.
    expect(out).toMatch(/kgCO2e\s+0\.207074288590604\s+row \d+ \(ID 7_400_4000_5_1\)/);
  });

  it('show of an unknown key fails with the nearest keys suggested', async () => {
    const { code, err } = await run('factors', 'show', 'uk-electricity/electricity-generated/electricity-uk@kwhh', '--set', 'desnz-2023');
    expect(code).toBe(EXIT.unusable);
    expect(err).toContain('FactorNotFoundError');
    expect(err).toContain(GRID);
  });

  it('the lookup API throws a typed error carrying the suggestions', () => {
    const set = loadFactorSet('desnz-2024');
    expect(() => set.get('fuels/gaseous-fuels/natural-gass@kwh-gross-cv' as never)).toThrow(FactorNotFoundError);
    try {
      set.get('fuels/gaseous-fuels/natural-gass@kwh-gross-cv' as never);
    } catch (error) {
      expect((error as FactorNotFoundError).suggestions).toContain('fuels/gaseous-fuels/natural-gas@kwh-gross-cv');
    }
  });

  it('list --search filters by every word and reports the count', async () => {
    const { code, out } = await run('factors', 'list', '--set', 'desnz-2023', '--search', 'natural gas');
    expect(code).toBe(EXIT.ok);
    const keys = out.split('\n').filter((l) => /^\S+@\S+/.test(l)).map((l) => l.split(/\s+/)[0]!);
    expect(keys).toContain('fuels/gaseous-fuels/natural-gas@kwh-gross-cv');
    expect(keys.every((k) => k.includes('natural-gas'))).toBe(true);
    expect(out).toMatch(new RegExp(`${keys.length} of \\d+ factors in desnz-2023`));
  });

  it('sets lists every bundled version with its source file and names the default', async () => {
    const { code, out } = await run('factors', 'sets');
    expect(code).toBe(EXIT.ok);
    for (const year of [2016, 2019, 2023, 2025]) expect(out).toContain(`desnz-${year}`);
    expect(out).toMatch(/Default: desnz-\d{4}/);
  });

  it('import writes a new version from a flat file, and reports skipped rows with reasons', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'council-ghg-factors-'));
    const file = join(dir, 'next-june.csv');
    writeFileSync(
      file,
      [
        'ID,Scope,Level 1,Level 2,Level 3,Level 4,Column Text,UOM,GHG/Unit,GHG Conversion Factor 2026',
        '1,Scope 1,Fuels,Gaseous fuels,Natural gas,,,kWh (Gross CV),kg CO2e,0.18',
        '2,Scope 1,Fuels,Gaseous fuels,Natural gas,,,kWh (Gross CV),kg CO2e of CO2 per unit,0.179',
        '3,Scope 1,Fuels,Gaseous fuels,Butane,,,kWh (Gross CV),kg CO2e,',
      ].join('\n'),
    );
    const outDir = join(dir, 'sets');
    const { code, out } = await run('factors', 'import', file, '--out-dir', outDir);
    expect(code).toBe(EXIT.ok);
    expect(out).toMatch(/Wrote desnz-2026 .*3 rows read, 2 values imported into 1 factors, 1 skipped \(1 blank-value\)/);
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as { sets: { id: string; licence: string }[] };
    expect(manifest.sets.map((s) => s.id)).toContain('desnz-2026');
    const shown = await run('factors', 'show', 'fuels/gaseous-fuels/natural-gas@kwh-gross-cv', '--set', 'desnz-2026', '--dir', outDir);
    expect(shown.out).toMatch(/kgCO2e\s+0\.18\b/);
  });

  it('import of a file that is not a flat file is refused with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'council-ghg-factors-'));
    const file = join(dir, 'wrong.csv');
    writeFileSync(file, 'name,amount\nwidgets,3\n');
    const { code, out, err } = await run('factors', 'import', file, '--year', '2026', '--out-dir', join(dir, 'sets'));
    expect(code).not.toBe(EXIT.ok);
    expect(`${out}\n${err}`).toMatch(/no-header-row|header/i);
  });
});
