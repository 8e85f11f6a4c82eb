import { existsSync, mkdirSync } from 'node:fs';
import { available, onPath } from '../support/required.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { HEADLINE_METRICS } from '../../src/benchmark/index.js';
import { renderHtml } from '../../src/report/index.js';
import { exampleBenchmark, exampleComparison, exampleInventory } from './example.js';

/**
 * The example council's HTML report in a real browser (Debian's chromium, installed by .ci/run): the charts are drawn
 * with their labels, nothing is fetched from the network, and a screenshot is kept for people to look at.
 */
const CHROMIUM = onPath('chromium');
const HAVE_CHROMIUM = available('Chromium', CHROMIUM !== undefined, 'apt-get install chromium; .ci/run does this');
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];


describe.skipIf(!HAVE_CHROMIUM)('HTML report in headless Chromium', () => { // skips only off CI: under CI, available() fails the run instead
  const benchmark = exampleBenchmark().council;
  // Cohorts with a published headline quartile or median get a position chart; the others a table only.
  const chartIds = benchmark.years.at(-1)!.cohorts.flatMap((c, i) =>
    c.metrics.some((m) => HEADLINE_METRICS.includes(m.metric as never) && [m.lowerQuartile, m.median, m.upperQuartile].some((q) => q.status === 'published')) ? [`chart-benchmark-${i + 1}`] : [],
  );
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM!, args: ARGS });
    page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    page.on('request', (r) => {
      if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
    });
    // Anything that reaches the network layer is recorded and refused.
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.setContent(renderHtml(exampleInventory(), { comparison: exampleComparison(), benchmark }), { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws every chart as an accessible SVG image with its bars and labels', async () => {
    const charts = page.locator('svg.chart[role="img"]');
    expect(chartIds.length).toBeGreaterThan(0);
    expect(await charts.count()).toBe(6 + chartIds.length);
    const ids = await charts.evaluateAll((els) => els.map((e) => e.getAttribute('id')));
    expect(ids).toEqual(['chart-scopes', 'chart-categories', 'chart-scope2', 'chart-data-quality', 'chart-methods', 'chart-change', ...chartIds]);
    for (const id of ids) {
      const chart = page.locator(`#${id}`);
      expect(await chart.locator('title').textContent()).not.toBe('');
      expect(await chart.locator('desc').textContent()).toMatch(/tCO2e/);
      const box = await chart.boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.height).toBeGreaterThan(80);
    }
    // Categories: one bar per category with emissions, labelled, largest first.
    const inventory = exampleInventory();
    const bars = page.locator('#chart-categories g.bar');
    expect(await bars.count()).toBe(inventory.totals.byCategory.size);
    const labels = await bars.locator('text.label').allTextContents();
    // Capital goods, 1,344.8 + 504.4 + 533.0 = 2,382.2 t (test/calculate/spend.test.ts), are the largest category.
    expect(labels[0]).toBe('Capital goods (spend)');
    const widths = await bars.locator('rect').evaluateAll((els) => els.map((e) => Number(e.getAttribute('width'))));
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    expect(widths.every((w) => w >= 0)).toBe(true);
    // Scopes: three segments and three key entries; scope 2 two bars; the bridge four steps.
    expect(await page.locator('#chart-scopes rect.segment').count()).toBe(3);
    expect(await page.locator('#chart-scopes g.key text.label').allTextContents()).toEqual(['Scope 1', 'Scope 2', 'Scope 3']);
    expect(await page.locator('#chart-scope2 g.bar').count()).toBe(2);
    expect(await page.locator('#chart-change g.bar').count()).toBe(4);
    // Benchmark: a row per headline measure with the council's diamond, labelled "You".
    const positions = page.locator('#chart-benchmark-1 g.position');
    expect(await positions.count()).toBeGreaterThan(0);
    expect(await page.locator('#chart-benchmark-1 g.position path.ours').count()).toBe(await positions.count());
    expect(new Set(await page.locator('#chart-benchmark-1 g.position text.you').allTextContents())).toEqual(new Set(['You']));
    // Patterns, not colour alone: the scope 2 and scope 3 fills are patterns defined in the chart.
    expect(await page.locator('#chart-scopes pattern').count()).toBe(2);
  });

  it('shows the headline total in tCO2e', async () => {
    expect(await page.locator('.headline .total').textContent()).toBe('9,594.4 tCO2e');
    expect(await page.locator('ol.sources li').count()).toBe(5);
  });

  it('makes no network request', async () => {
    expect(requests).toEqual([]);
  });

  it('saves a full-page screenshot and prints to A4', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, 'example-report.png');
    await page.screenshot({ path, fullPage: true });
    expect(existsSync(path)).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
