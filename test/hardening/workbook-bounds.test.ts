import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { UnusableInputError } from '../../src/import/result.js';
import { importWorkbook } from '../../src/import/workbook.js';
import { workbookBytes } from '../import/support.js';

const buildings = (extraRows = 0) =>
  workbookBytes((wb) => {
    const s = wb.addWorksheet('Buildings');
    s.addRow(['Site', 'Source', 'Quantity', 'Unit', 'Notes']);
    s.addRow(['Hall', 'natural-gas', 100, 'kWh']);
    // Long notes that compress to almost nothing: the workbook expands far beyond its size.
    for (let r = 0; r < extraRows; r++) s.addRow(['Depot', 'electricity', 200, 'kWh', `${r} ${'x'.repeat(30_000)}`]);
  });

/** The zip's central directory rewritten to claim every part expands to 100 bytes. */
function lyingDirectory(bytes: Uint8Array): Uint8Array {
  const out = Buffer.from(bytes);
  for (let at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at !== -1; at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) out.writeUInt32LE(100, at + 24);
  return out;
}

/** A merge written into the first sheet, as another program (or an attacker) would write it. */
async function withMerge(bytes: Uint8Array, ref: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', `</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('workbooks that lie or merge without end', () => {
  it('a zip directory that understates the sizes: the real inflated bytes are counted, and the count stops at the limit', async () => {
    // 100 notes of 30,000 characters: about 3 MB inflated, claimed as 100 bytes a part.
    const bytes = lyingDirectory(await buildings(100));
    await expect(importWorkbook(bytes, { file: 'lies.xlsx', limits: { maxUncompressedBytes: 1_000_000 } })).rejects.toThrow(
      new UnusableInputError('lies.xlsx', 'the workbook expands to more than 1000000 bytes when inflated, over the limit (limits.maxUncompressedBytes), whatever its zip directory claims'),
    );
    // Within the limit, the reader finds the lie once it has inflated a part, and the file is refused as damaged.
    await expect(importWorkbook(bytes, { file: 'lies.xlsx' })).rejects.toThrow(
      /^lies\.xlsx: a damaged \.xlsx workbook that cannot be read \(its part \S+ inflates to \d+ bytes where its zip directory says 100: damaged in copying, or altered\); open it in Excel or LibreOffice, repair it and save it again$/,
    );
  });

  it('merges over more cells than limits.maxMergedCells are refused before the workbook is loaded', async () => {
    const base = await buildings();
    expect((await importWorkbook(await withMerge(base, 'F1:G2'), { file: 'small.xlsx' })).records).toHaveLength(1);
    await expect(importWorkbook(await withMerge(base, 'A5:J10004'), { file: 'big.xlsx' })).rejects.toThrow(
      new UnusableInputError('big.xlsx', 'the workbook merges 100000 cells or more (the largest merge A5:J10004, 100000 cells), over the limit of 20000 (limits.maxMergedCells): unmerge the cells (Merge & Centre) and save it again'),
    );
  });

  it('a merge is found wherever the inflated chunks cut it: its name before, across or after a chunk edge', async () => {
    // The merge check decodes only chunks holding some of the name "mergeCell"; the sheet is padded (blanks between
    // elements, which XML ignores) so the merge's name starts at each place around edges a chunk could end at. The
    // merge is written bare, as an attacker may write it: a <mergeCells> around it would repeat the name nearby.
    const zip = await JSZip.loadAsync(await buildings());
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const end = Buffer.byteLength(xml.slice(0, xml.indexOf('</sheetData>') + '</sheetData>'.length));
    for (const edge of [2 ** 16, 2 ** 18, 2 ** 20]) {
      for (let offset = -24; offset <= 2; offset += edge === 2 ** 18 ? 1 : 4) {
        const padding = ' '.repeat(edge + offset - end - '<'.length);
        zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', `</sheetData>${padding}<mergeCell ref="A5:J10004"/>`));
        const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
        await expect(importWorkbook(bytes, { file: `edge-${edge}${offset}.xlsx` }), `merge name at ${edge}${offset}`).rejects.toThrow(/merges 100000 cells or more \(the largest merge A5:J10004/);
      }
    }
  });

  it('one merge over the whole grid: refused with exit 2 in a process whose heap is capped at 256 MB', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'merge-')), 'grid.xlsx');
    writeFileSync(path, await withMerge(await buildings(), 'A1:XFD1048576'));
    const run = spawnSync(process.execPath, ['--max-old-space-size=256', '--import', 'tsx', join(process.cwd(), 'src/cli/main.ts'), 'calculate', path], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('grid.xlsx: the workbook merges 17179869184 cells or more (the largest merge A1:XFD1048576');
  });
});
