import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateSpendLedger, readSpendMappingBytes } from '../../src/import/ledger.js';
import { importWorkbook } from '../../src/import/workbook.js';
import { formatProblem } from '../../src/problem.js';
import { withLedger } from '../../src/import/with-ledger.js';
import { formatTonnes, inventoryFromImport } from '../../src/inventory/index.js';
import { factorLibraryFromFiles } from '../../src/factors/library.js';
import { formatTonnes as formatHeadline } from '../../src/report/format.js';
import { buildWeb } from '../../scripts/build-web.js';
import { available, onPath } from '../support/required.js';
import { parseSubmission } from '../../src/benchmark/index.js';

/**
 * The browser page as an officer meets it (npm run web → web/dist/), in real Chromium (Debian's, as the HTML report
 * tests use): served from a local static server, the example council's files chosen in the form, the headline the
 * library's own figure, problems shown with their cells and lines, the downloads readable, and nothing requested
 * from anywhere but the page's own folder.
 */
const CHROMIUM = onPath('chromium');
const HAVE_CHROMIUM = available('Chromium', CHROMIUM !== undefined, 'apt-get install chromium; .ci/run does this');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const example = (name: string) => join(EXAMPLES, name);
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain' };

/** A static file server for web/dist on 127.0.0.1, as any web host would serve the folder. */
function serve(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    const file = path.endsWith(sep) ? join(path, 'index.html') : path;
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe.skipIf(!HAVE_CHROMIUM)('browser page in headless Chromium', () => { // skips only off CI: under CI, available() fails the run instead
  let server: Server;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const requests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const { outDir } = await buildWeb();
    server = await serve(outDir);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ARGS });
    const context = await browser.newContext({ acceptDownloads: true });
    // Every request of the page and its worker, from any frame; anything not to the local server is refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      requests.push(url);
      return url.startsWith(`${origin}/`) ? route.continue() : route.abort();
    });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto(`${origin}/`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  async function calculate(files: { baseline: string | { name: string; buffer: Buffer }; ledger?: string; mapping?: string }): Promise<void> {
    await page.goto(`${origin}/`);
    const file = (f: string | { name: string; buffer: Buffer }) => (typeof f === 'string' ? f : { name: f.name, mimeType: 'application/octet-stream', buffer: f.buffer });
    await page.setInputFiles('#baseline', file(files.baseline));
    if (files.ledger !== undefined) await page.setInputFiles('#ledger', files.ledger);
    if (files.mapping !== undefined) await page.setInputFiles('#mapping', files.mapping);
    await page.getByRole('button', { name: 'Calculate the inventory' }).click();
    // (A locator, not waitForFunction: the page's policy forbids evaluating strings, and the test's types have no DOM.)
    await page.locator('#status', { hasText: /^(Done|This file|The calculation)/ }).waitFor({ timeout: 60_000 });
    await page.locator('#calculate:enabled').waitFor();
  }

  it('costs the example council with its ledger to the library’s exact figure, and shows the report', async () => {
    const baseline = await importWorkbook(readFileSync(example('example-council-baseline.xlsx')), { file: 'example-council-baseline.xlsx' });
    const { mapping, problems } = readSpendMappingBytes(readFileSync(example('example-council-spend-mapping.csv')), 'example-council-spend-mapping.csv');
    const ledger = await aggregateSpendLedger(example('example-council-spend-2023-24.csv'), mapping, { reportingYear: baseline.profile.reportingYear!, priceYear: 2023 });
    const inventory = inventoryFromImport(withLedger(baseline, { ...ledger, problems: [...problems, ...ledger.problems] }, 'example-council-spend-2023-24.csv'));
    const expected = formatTonnes(inventory.totals.total);
    expect(expected).toBe('9594.4');

    await calculate({ baseline: example('example-council-baseline.xlsx'), ledger: example('example-council-spend-2023-24.csv'), mapping: example('example-council-spend-mapping.csv') });
    const headline = await page.locator('#headline').textContent();
    expect(headline).toBe('9,594.4 tCO2e');
    expect(headline!.replace(/,/g, '')).toBe(`${expected} tCO2e`);
    expect(await page.locator('#about').textContent()).toContain('desnz-2023');
    expect(await page.locator('#ledger-summary').textContent()).toContain('518 ledger lines');
    // The same report the CLI writes, in the sandboxed frame, with its headline and charts.
    const frame = page.frameLocator('#report');
    expect(await frame.locator('.headline .total').textContent()).toBe('9,594.4 tCO2e');
    expect(await frame.locator('svg.chart[role="img"]').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('#report').getAttribute('sandbox')).toBe('');
    // The problems the library reports, the same number, each with its place.
    const shown = await page.locator('#problems li').allTextContents();
    expect(shown).toEqual(inventory.problems.map(formatProblem));
    expect(shown.some((t) => t.includes('spend-counted-as-activity'))).toBe(true);
    expect(await page.locator('#status').getAttribute('aria-live')).toBe('polite');
  });

  it('offers the XLSX report as a download that opens with a Summary sheet, and the CSV and JSON', async () => {
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('#download-xlsx').click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsx.path())!);
    expect(workbook.getWorksheet('Summary')).toBeDefined();
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#download-json').click()]);
    expect(JSON.parse(readFileSync((await json.path())!, 'utf8'))).toHaveProperty('totals');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
    expect(readFileSync((await csv.path())!, 'utf8').split('\n').length).toBeGreaterThan(100);
    // The benchmark submission the council sends, checked by the library's own reader.
    const [submission] = await Promise.all([page.waitForEvent('download'), page.locator('#download-submission').click()]);
    const parsed = parseSubmission(JSON.parse(readFileSync((await submission.path())!, 'utf8')), { file: 'submission.json' });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.submission.profile).toMatchObject({ onsCode: 'E07999999', reportingYear: '2023/24', factorSetId: 'desnz-2023' });
  });

  it('offers every bundled factor set, and recalculates on the one chosen', async () => {
    await page.goto(`${origin}/`);
    await page.locator('#factor-set option[value="desnz-2016"]').waitFor({ state: 'attached' });
    const options = await page.locator('#factor-set option').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
    expect(options).toContain('desnz-2016');
    expect(options[0]).toBe('');
    await page.setInputFiles('#baseline', example('example-council-baseline.xlsx'));
    await page.selectOption('#factor-set', 'desnz-2022');
    await page.getByRole('button', { name: 'Calculate the inventory' }).click();
    await page.locator('#status', { hasText: /^Done/ }).waitFor({ timeout: 60_000 });
    expect(await page.locator('#about').textContent()).toContain('desnz-2022');
  });

  it('on a set lacking a factor a record needs, lists the record as the library does with the same factor data', async () => {
    // The page fetches the one set it uses, so the library's note on a missing factor has no other year to compare with.
    const data = join(import.meta.dirname, '..', '..', 'emission-factors');
    const read = (path: string) => readFileSync(join(data, path), 'utf8');
    const factors = factorLibraryFromFiles({
      manifest: read('manifest.json'),
      sets: { 'desnz-2016': { factors: read('desnz-2016/factors.csv'), skipped: read('desnz-2016/skipped.csv') } },
      spend: { manifest: read('spend/manifest.json'), sets: { 'defra-leeds-2023': { factors: read('spend/defra-leeds-2023/factors.csv') } }, categories: read('spend/council-categories.csv') },
    });
    const baseline = await importWorkbook(readFileSync(example('example-council-baseline.xlsx')), { file: 'example-council-baseline.xlsx' });
    const expected = inventoryFromImport(baseline, { factorSet: 'desnz-2016', factors });
    expect(expected.problems.some((p) => p.code === 'factor-not-found')).toBe(true);

    await page.goto(`${origin}/`);
    await page.locator('#factor-set option[value="desnz-2016"]').waitFor({ state: 'attached' });
    await page.setInputFiles('#baseline', example('example-council-baseline.xlsx'));
    await page.selectOption('#factor-set', 'desnz-2016');
    await page.getByRole('button', { name: 'Calculate the inventory' }).click();
    await page.locator('#status', { hasText: /^(Done|This file|The calculation)/ }).waitFor({ timeout: 60_000 });
    expect(await page.locator('#status').textContent()).toMatch(/^Done/);
    expect(await page.locator('#headline').textContent()).toBe(`${formatHeadline(expected.totals.total)} tCO2e`);
    expect(await page.locator('#problems li').allTextContents()).toEqual(expected.problems.map(formatProblem));
  });

  it('places dropped files in their boxes: the mapping by its name, then the baseline and the ledger', async () => {
    await page.goto(`${origin}/`);
    // (The test's types have no DOM: the browser's own DataTransfer and File, reached through globalThis.)
    const transfer = await page.evaluateHandle(() => {
      const web = globalThis as unknown as { DataTransfer: new () => { items: { add(file: unknown): void } }; File: new (parts: string[], name: string) => unknown };
      const dropped = new web.DataTransfer();
      for (const name of ['baseline.xlsx', 'spend-mapping.csv', 'ledger.csv']) dropped.items.add(new web.File(['x'], name));
      return dropped;
    });
    await page.locator('#drop').dispatchEvent('drop', { dataTransfer: transfer });
    const names = async (id: string) => page.locator(id).evaluate((e) => (e as unknown as { files: { name: string }[] }).files[0]?.name);
    expect([await names('#baseline'), await names('#ledger'), await names('#mapping')]).toEqual(['baseline.xlsx', 'ledger.csv', 'spend-mapping.csv']);
  });

  it('lists a broken CSV’s problems with their lines', async () => {
    const csv = readFileSync(example('example-council-baseline.csv'), 'utf8').split('\n');
    const header = csv.findIndex((l) => l.startsWith('Reference,'));
    const at = csv.findIndex((l, i) => i > header && l.includes(',kWh,') && !l.includes('"'));
    expect(at).toBeGreaterThan(header);
    const columns = csv[header]!.split(',');
    const q = columns.findIndex((c) => /quantity/i.test(c));
    const cells = csv[at]!.split(',');
    cells[q] = 'lots';
    csv[at] = cells.join(',');
    await calculate({ baseline: { name: 'broken-baseline.csv', buffer: Buffer.from(csv.join('\n')) } });
    const problems = await page.locator('#problems li').allTextContents();
    expect(problems.some((p) => p.includes(`broken-baseline.csv › line ${at + 1}`) && p.includes('"lots"'))).toBe(true);
  });

  it('lists a broken workbook’s problems with their sheet and cell', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(example('example-council-baseline.xlsx'));
    const sheet = workbook.getWorksheet('Buildings')!;
    let header = 0;
    let column = 0;
    sheet.eachRow((row, n) => {
      if (header !== 0) return;
      row.eachCell((cell, c) => {
        if (String(cell.value).trim() === 'Quantity') [header, column] = [n, c];
      });
    });
    expect(header).toBeGreaterThan(0);
    const cell = sheet.getRow(header + 1).getCell(column);
    cell.value = 'lots';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    await calculate({ baseline: { name: 'broken-baseline.xlsx', buffer: bytes } });
    const problems = await page.locator('#problems li').allTextContents();
    expect(problems.some((p) => p.startsWith('error ') && p.includes(`broken-baseline.xlsx › Buildings!${cell.address}`) && p.includes('"lots"'))).toBe(true);
  });

  it('says plainly when a file is no workbook', async () => {
    await calculate({ baseline: { name: 'notes.xlsx', buffer: Buffer.from('These are my notes, not a workbook.\n') } });
    expect(await page.locator('#status').textContent()).toMatch(/cannot be used: notes\.xlsx: not an \.xlsx workbook/);
    expect(await page.locator('#problems li').allTextContents()).toEqual([expect.stringContaining('notes.xlsx')]);
    expect(await page.locator('#results').isHidden()).toBe(true);
    await calculate({ baseline: { name: 'notes.txt', buffer: Buffer.from('These are my notes, not a workbook.\n') } });
    expect(await page.locator('#status').textContent()).toMatch(/notes\.txt/);
    expect(await page.locator('#problems li').count()).toBeGreaterThan(0);
  });

  it('reads a large ledger in its worker, showing progress, and keeps the page responsive', async () => {
    const lines = readFileSync(example('example-council-spend-2023-24.csv'), 'utf8').trimEnd().split('\n');
    const big = join(mkdtempSync(join(tmpdir(), 'council-ghg-web-')), 'large-ledger.csv');
    writeFileSync(big, [lines[0], ...Array.from({ length: 300 }, () => lines.slice(1)).flat()].join('\n') + '\n');
    const baseline = await importWorkbook(readFileSync(example('example-council-baseline.xlsx')), { file: 'example-council-baseline.xlsx' });
    const { mapping } = readSpendMappingBytes(readFileSync(example('example-council-spend-mapping.csv')), 'example-council-spend-mapping.csv');
    const ledger = await aggregateSpendLedger(big, mapping, { reportingYear: baseline.profile.reportingYear!, priceYear: 2023 });
    const expected = formatTonnes(inventoryFromImport(withLedger(baseline, ledger, 'large-ledger.csv')).totals.total);

    await page.goto(`${origin}/`);
    await page.setInputFiles('#baseline', example('example-council-baseline.xlsx'));
    await page.setInputFiles('#ledger', big);
    await page.setInputFiles('#mapping', example('example-council-spend-mapping.csv'));
    await page.getByRole('button', { name: 'Calculate the inventory' }).click();
    const seen = new Set<string>();
    for (;;) {
      const text = (await page.locator('#status').textContent()) ?? '';
      seen.add(text);
      if (/^(Done|This file|The calculation)/.test(text)) break;
      await page.waitForTimeout(25);
    }
    // The page answered while the worker read: it showed the worker's progress. Checked by what it showed, not
    // timed, so a busy machine cannot make it flake.
    expect([...seen].filter((t) => /^Reading the spend ledger: line [\d,]+ of 155,401$/.test(t)).length).toBeGreaterThanOrEqual(1);
    expect((await page.locator('#headline').textContent())!.replace(/,/g, '')).toBe(`${expected} tCO2e`);
    expect(await page.locator('#ledger-summary').textContent()).toContain('155,400 ledger lines');
  });

  it('requests nothing but its own files from 127.0.0.1, and breaks no rule of its security policy', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
