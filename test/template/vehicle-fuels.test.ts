import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Category } from '../../src/activity/categories.js';
import { Decimal } from '../../src/decimal.js';
import { loadFactorSet } from '../../src/factors/bundled.js';
import { importCsv } from '../../src/import/csv.js';
import { emptyProfile } from '../../src/import/profile.js';
import { sourceWithFuel } from '../../src/import/source-labels.js';
import { importWorkbook } from '../../src/import/workbook.js';
import { calculateInventory } from '../../src/inventory/calculate-inventory.js';
import { buildBaselineWorkbook, HEADER_ROW } from '../../src/template/baseline-workbook.js';
import { templatePreviews } from '../../src/template/previews.js';
import { comparable, expectAccounted, nonBlankRows } from '../import/support.js';

/**
 * The vehicle sheets (Fleet, Travel) take a vehicle by kind and size in Source and its fuel in Vehicle fuel, a
 * list that depends on the row: INDIRECT of a defined name per vehicle on the hidden Lists sheet. The fuels each
 * list offers must be exactly those DESNZ publishes for the vehicle, read here from the published file.
 */
const factorRows = (id: string) => Papa.parse<Record<string, string>>(readFileSync(join(import.meta.dirname, '..', '..', 'emission-factors', id, 'factors.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;

/** DESNZ's path segments for the fuels, as the Vehicle fuel lists name them. */
const FUEL_NAMES: Record<string, string> = {
  diesel: 'Diesel', petrol: 'Petrol', hybrid: 'Hybrid', 'plug-in-hybrid-electric-vehicle': 'Plug-in hybrid', 'battery-electric-vehicle': 'Battery electric', cng: 'CNG', lpg: 'LPG', unknown: 'Unknown fuel',
};

const loaded = async (wb: ExcelJS.Workbook) => {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return copy;
};

const rangeValues = (wb: ExcelJS.Workbook, range: string): unknown[][] => {
  // A one-cell range is read back as the cell alone: Lists!$AC$2.
  const [, sheet, c1, r1, c2 = c1, r2 = r1] = /^(\w+)!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(range)!;
  const s = wb.getWorksheet(sheet!)!;
  const first = s.getColumn(c1!).number;
  const last = s.getColumn(c2!).number;
  return Array.from({ length: Number(r2) - Number(r1) + 1 }, (_, i) => Array.from({ length: last - first + 1 }, (_, j) => s.getCell(Number(r1) + i, first + j).value));
};

/** Every vehicle a sheet's Source list offers with the fuels its Vehicle fuel list then offers, through the names. */
function offeredPairs(wb: ExcelJS.Workbook, sheet: string): Map<string, string[]> {
  const formula = wb.getWorksheet(sheet)!.getCell(`E${HEADER_ROW + 1}`).dataValidation.formulae![0] as string;
  const [, table] = /^INDIRECT\(VLOOKUP\(\$D5,(Lists!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+),2,FALSE\)\)$/.exec(formula)!;
  const names = new Map((wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => [n.name, n.ranges[0]!]));
  return new Map(rangeValues(wb, table!).map(([vehicle, name]) => [String(vehicle), rangeValues(wb, names.get(String(name))!).map((r) => String(r[0]))]));
}

describe.each(['desnz-2023', 'desnz-2025'])('the Vehicle fuel lists of a template on %s', async (setId) => {
  const previews = templatePreviews(loadFactorSet(setId), '2023/24');
  const wb = await loaded(buildBaselineWorkbook(emptyProfile(), [], previews));
  const fleet = offeredPairs(wb, 'Fleet');
  const travel = offeredPairs(wb, 'Travel');
  const rows = factorRows(setId);

  it('are defined names Excel and LibreOffice accept: letters, digits and underscores, never a cell address', () => {
    const names = (wb.definedNames.model as { name: string }[]).map((n) => n.name);
    expect(names.length).toBe(fleet.size + travel.size);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      expect(name).not.toMatch(/^[A-Za-z]{1,3}\d+$/);
      expect(name).not.toMatch(/^[RC]\d*$|^R\d*C\d*$/i);
    }
  });

  it('offer a car\u2019s fuels as DESNZ publishes them, an HGV\u2019s diesel, and only on the vehicle sheets', () => {
    const published = (size: string) => rows.flatMap((r) => {
      const m = new RegExp(`^passenger-vehicles/cars-by-size/${size}-car/([^/@]+)@km$`).exec(r.key!);
      return m === null ? [] : [FUEL_NAMES[m[1]!]];
    });
    expect(new Set(fleet.get('Car \u2013 small'))).toEqual(new Set(published('small')));
    expect(new Set(fleet.get('Car \u2013 medium'))).toEqual(new Set(published('medium')));
    expect(fleet.get('HGV \u2013 articulated >33 t \u2013 50% laden')).toEqual(['Diesel']);
    expect(fleet.get('HGV refrigerated \u2013 articulated >33 t \u2013 50% laden')).toEqual(['Diesel']);
    expect([...fleet.keys()].filter((v) => !/^(Car|Van|HGV|HGV refrigerated) \u2013/.test(v))).toEqual([]);
    expect(wb.getWorksheet('Buildings')!.getRow(HEADER_ROW).values).not.toContain('Vehicle fuel');
  });

  /** The factor paths (keys less unit) a vehicle and fuel is costed with under a category, and any error. */
  const costed = (vehicle: string, fuel: string, category: Category) => {
    const source = sourceWithFuel(vehicle, fuel);
    expect(source, `${vehicle} + ${fuel}`).toHaveProperty('value');
    const inventory = calculateInventory({ records: [{ category, source: (source as { value: string }).value, quantity: new Decimal(1), unit: 'km' }], reportingYear: '2023/24' }, { factorSet: loadFactorSet(setId) });
    return { errors: inventory.problems.filter((p) => p.severity === 'error'), paths: inventory.lines.map((l) => l.factor.key.split('@')[0]!) };
  };

  it('offer only pairs that resolve to a published factor', () => {
    const keys = new Set(rows.map((r) => r.key!.split('@')[0]));
    for (const [pairs, category] of [[fleet, 'fleet'], [travel, 'business-travel']] as const) {
      for (const [vehicle, fuels] of pairs) {
        for (const fuel of fuels) {
          const { errors, paths } = costed(vehicle, fuel, category);
          expect(errors, `${vehicle} + ${fuel}`).toEqual([]);
          expect(paths.length).toBeGreaterThan(0);
          for (const path of paths) expect(keys.has(path), path).toBe(true);
        }
      }
    }
  });

  it('reach every car, van and HGV row DESNZ publishes for the vehicles the catalogue knows', () => {
    const reached = new Set<string>();
    for (const [pairs, category] of [[fleet, 'fleet'], [travel, 'business-travel']] as const) {
      for (const [vehicle, fuels] of pairs) for (const fuel of fuels) costed(vehicle, fuel, category).paths.forEach((p) => reached.add(p));
    }
    const vehicleRows = new Set(rows.map((r) => r.key!.split('@')[0]!).filter((k) => /^(passenger-vehicles|business-travel-land)\/cars-by-size\/|^delivery-vehicles\/(vans|hgv-all-diesel|hgvs-refrigerated-all-diesel)\//.test(k)));
    expect([...vehicleRows].filter((k) => !reached.has(k))).toEqual([]);
  });
});

describe('the preview of a vehicle and its fuel', async () => {
  const wb = await loaded(buildBaselineWorkbook(emptyProfile(), [], templatePreviews(loadFactorSet('desnz-2023'), '2023/24')));

  it('is DESNZ 2023\u2019s figure per km: an HGV articulated >33 t half laden on diesel, with its fuel or without', () => {
    const found = new Map<string, unknown[]>();
    wb.getWorksheet('Lists')!.eachRow((row) => row.eachCell((cell, col) => {
      if (typeof cell.value === 'string' && cell.value.startsWith('Owned and leased fleet|HGV \u2013 articulated >33 t \u2013 50% laden|')) found.set(cell.value, (row.values as unknown[]).slice(col + 5, col + 8));
    }));
    // factors.csv: delivery-vehicles/hgv-all-diesel/articulated-gt-33t/50-pct-laden@km 0.838494962416107 (scope 1);
    // wtt-delivery-vehs-and-freight/wtt-hgv-all-diesel/articulated-gt-33t/50-pct-laden@km 0.20244 (scope 3).
    expect(found.get('Owned and leased fleet|HGV \u2013 articulated >33 t \u2013 50% laden|Diesel|km')).toEqual([0.838494962416107, 0, 0.20244]);
    expect(found.get('Owned and leased fleet|HGV \u2013 articulated >33 t \u2013 50% laden||km')).toEqual([0.838494962416107, 0, 0.20244]);
  });
});

describe('importing a vehicle and its fuel', () => {
  it('reads names and ids alike, the earlier layout\u2019s whole source, and names the fuel cell of a pair DESNZ does not publish', async () => {
    const wb = await loaded(buildBaselineWorkbook(emptyProfile(), [], templatePreviews(loadFactorSet('desnz-2023'), '2023/24')));
    const fleet = wb.getWorksheet('Fleet')!;
    const rows: [string, string | undefined][] = [
      ['Car \u2013 medium', 'Diesel'],
      ['car:medium', 'petrol'],
      ['Car \u2013 medium \u2013 hybrid', undefined],
      ['car:large:lpg', 'LPG'],
      ['HGV \u2013 articulated >33 t \u2013 50% laden', 'diesel'],
      ['HGV \u2013 articulated >33 t \u2013 50% laden', undefined],
      ['Van \u2013 average size', 'Battery electric'],
      ['HGV \u2013 articulated >33 t \u2013 50% laden', 'Battery electric'],
      ['Diesel (average biofuel blend, forecourt)', 'Diesel'],
      ['Car \u2013 medium \u2013 diesel', 'Petrol'],
      ['Car \u2013 medium', 'Rocket fuel'],
    ];
    rows.forEach(([source, fuel], i) => {
      const r = HEADER_ROW + 1 + i;
      fleet.getCell(`D${r}`).value = source;
      if (fuel !== undefined) fleet.getCell(`E${r}`).value = fuel;
      fleet.getCell(`F${r}`).value = 100;
      fleet.getCell(`G${r}`).value = 'km';
    });
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const result = await importWorkbook(bytes, { file: 'fleet.xlsx' });
    expect(result.records.map((r) => r.source)).toEqual(['car:medium:diesel', 'car:medium:petrol', 'car:medium:hybrid', 'car:large:lpg', 'hgv:artic-over-33t:50', 'hgv:artic-over-33t:50', 'van:average:battery-electric']);
    expect(result.records.map(comparable)[0]).toEqual({ category: 'fleet', source: 'car:medium:diesel', quantity: '100', unit: 'km' });
    const at = (i: number) => `E${HEADER_ROW + 1 + i}`;
    expect(result.problems.map((p) => [p.severity, p.code, p.origin.cell])).toEqual([['error', 'unknown-source', at(7)], ['error', 'unknown-source', at(8)], ['error', 'unknown-source', at(9)], ['error', 'unknown-source', at(10)]]);
    expect(result.problems[0]!.message).toContain('choose one of Diesel');
    expect(result.problems[1]!.message).toContain('only with a car, van or HGV');
    expect(result.problems[2]!.message).toContain('already names its fuel');
    expect(result.problems[3]!.message).toContain('choose one of Diesel, Petrol, Hybrid, Plug-in hybrid, Battery electric, CNG, LPG, Unknown fuel');
    expectAccounted(result, await nonBlankRows(bytes));
  });

  it('reads the pair from a CSV too, naming the line and column of a fuel without a vehicle', async () => {
    const csv = 'Category,Source,Vehicle fuel,Quantity,Unit\r\nfleet,Van \u2013 class I (up to 1.305 t),Petrol,250,km\r\nfleet,,Diesel,10,km\r\n';
    const result = await importCsv(csv, { file: 'fleet.csv' });
    expect(result.records.map(comparable)).toEqual([{ category: 'fleet', source: 'van:class-i:petrol', quantity: '250', unit: 'km' }]);
    expect(result.problems.map((p) => [p.code, p.origin.line, p.message])).toEqual([['unknown-source', 3, "A fuel ('Diesel') without a vehicle: choose the vehicle in Source"]]);
  });

  it('needs a vehicle for a fuel', () => {
    expect(sourceWithFuel(undefined, 'Diesel')).toEqual({ reason: "A fuel ('Diesel') without a vehicle: choose the vehicle in Source" });
    expect(sourceWithFuel('VAN:CLASS-I', 'BATTERY-ELECTRIC')).toEqual({ value: 'van:class-i:battery-electric' });
  });
});
