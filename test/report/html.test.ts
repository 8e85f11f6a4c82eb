import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/decimal.js';
import { calculateInventory, formatTonnes } from '../../src/inventory/index.js';
import { barChart } from '../../src/report/html/charts/bars.js';
import { bridgeChart } from '../../src/report/html/charts/bridge.js';
import { shareBar } from '../../src/report/html/charts/share-bar.js';
import { CATEGORY_FILL, CHANGE_FILLS, SCOPE_FILLS } from '../../src/report/html/palette.js';
import { renderHtml } from '../../src/report/index.js';
import { HOSTILE_TEXTS } from './arbitrary.js';
import { exampleComparison, exampleInventory } from './example.js';

const attr = (tag: string, name: string) => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(tag)![1]);
const rects = (svg: string, className = 'mark') => [...svg.matchAll(new RegExp(`<rect [^>]*class="${className}"[^>]*/>`, 'g'))].map((m) => m[0]);

describe('charts', () => {
  it('draws bar lengths proportional to the tCO2e printed on them', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000_000 }), { minLength: 1, maxLength: 10 }), (grams) => {
        const values = grams.map((g) => new Decimal(g).div(1000));
        const svg = barChart({ id: 'c', title: 'T', summary: 'S', bars: values.map((v, i) => ({ label: `b${i}`, value: v, valueText: formatTonnes(v), fill: CATEGORY_FILL })) });
        const widths = rects(svg).map((r) => attr(r, 'width'));
        const printed = values.map((v) => Number(formatTonnes(v)));
        const max = Math.max(...printed);
        const longest = Math.max(...widths);
        widths.forEach((w, i) => expect(Math.abs(w - (max === 0 ? 0 : (printed[i]! / max) * longest))).toBeLessThanOrEqual(0.1));
      }),
    );
  });

  it('splits a share bar in proportion and keys every segment, zero ones too', () => {
    const svg = shareBar({
      id: 's',
      title: 'T',
      summary: 'S',
      segments: [
        { label: 'A', value: new Decimal(3000), valueText: '75%', fill: SCOPE_FILLS['scope-1'] },
        { label: 'B', value: new Decimal(1000), valueText: '25%', fill: SCOPE_FILLS['scope-2'] },
        { label: 'C', value: new Decimal(0), valueText: '0%', fill: SCOPE_FILLS['scope-3'] },
      ],
    });
    expect(rects(svg, 'mark segment').map((r) => attr(r, 'width'))).toEqual([540, 180]);
    expect([...svg.matchAll(/<g class="key">/g)]).toHaveLength(3);
  });

  it('floats each bridge step from where the last one ended', () => {
    const svg = bridgeChart({
      id: 'b',
      title: 'T',
      summary: 'S',
      steps: [
        { label: 'Before', from: new Decimal(0), to: new Decimal(1_000_000), valueText: '1,000.0', fill: CHANGE_FILLS.total },
        { label: 'Activity', from: new Decimal(1_000_000), to: new Decimal(800_000), valueText: '-200.0', fill: CHANGE_FILLS.decrease },
        { label: 'Factors', from: new Decimal(800_000), to: new Decimal(900_000), valueText: '+100.0', fill: CHANGE_FILLS.increase },
        { label: 'After', from: new Decimal(0), to: new Decimal(900_000), valueText: '900.0', fill: CHANGE_FILLS.total },
      ],
    });
    const bars = rects(svg).map((r) => [attr(r, 'x'), attr(r, 'x') + attr(r, 'width')]);
    expect(bars).toEqual([[0, 520], [416, 520], [416, 468], [0, 468]]);
  });
});

describe('renderHtml', () => {
  const html = renderHtml(exampleInventory(), { comparison: exampleComparison() });

  it('is one self-contained page: no external resources, scripts or fonts', () => {
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face/i);
    expect(html).not.toMatch(/\b(src|href)="(?!#)/);
    expect([...html.matchAll(/url\(([^)]*)\)/g)].every((m) => m[1]!.startsWith('#'))).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  });

  it('gives every chart a role, a title and a description carrying its data, and a data table', () => {
    const charts = [...html.matchAll(/<figure>(<svg class="chart" id="([^"]+)" role="img" aria-labelledby="\2-title \2-desc"[^>]*><title id="\2-title">[^<]+<\/title><desc id="\2-desc">([^<]+)<\/desc>.*?<\/svg>)<table>/g)];
    expect(charts.map((m) => m[2])).toEqual(['chart-scopes', 'chart-categories', 'chart-scope2', 'chart-data-quality', 'chart-methods', 'chart-change']);
    const scopes = charts[0]![3]!;
    expect(scopes).toContain('Scope 1: 19.2% (1,845.4 tCO2e)'); // 1,845.4 of 9,594.45 tCO2e
  });

  it('states the headline total, the factor set, the rounding rule and the problems', () => {
    expect(html).toContain('<span class="number">9,594.4</span> <span class="unit">tCO2e</span>');
    expect(html).toContain('desnz-2023');
    expect(html).toContain('rounded once, for display, to 0.1 tCO2e (half to even)');
    expect(html).toContain('of spend on Electricity, transmission and distribution is left out');
    expect(html).not.toContain('records were left out');
    // The year before: activity 4,600.9 tCO2e on desnz-2022 (as before spend was costed) and the procurement 8% higher,
    // 5,302.95 × 1.08 = 5,727.19 t: 10,328.05 t, so 9,594.45 − 10,328.05 = −733.6 t, −7.1%.
    expect(html).toMatch(/Down 7\.1% \(-733\.6 tCO2e\) since 2022\/23/);
  });

  it('shows the method mix, the largest procurement categories and says spend-based figures are estimates', () => {
    const section = /<section id="procurement".*?<\/section>/s.exec(html)![0];
    // £24,370,000 of spend; 5,302.95 t of 9,594.45 t is 55.3%.
    expect(section).toContain('Procurement: £24,370,000 of spend, 55.3% of the total');
    // Activity 4,291.5 t (44.7%), suppliers' own 556.2 t (5.8%), spend-based 4,746.8 t (49.5%).
    expect(section).toContain('44.7% (4,291.5 tCO2e)');
    expect(section).toContain('5.8% (556.2 tCO2e)');
    expect(section).toContain('49.5% (4,746.8 tCO2e)');
    expect(section).toContain('<th scope="row">Construction: new buildings and major refurbishment (SIC 41.2)</th><td class="num">£5,800,000</td><td class="num">1,344.8</td>');
    expect(section).toContain('Greenway Recycling Ltd (fictional)');
    expect(section).toContain('They are estimates with wide uncertainty');
    expect(section).toContain('Spend amounts are taken as excluding VAT');
  });

  it('prints to A4', () => {
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@media print');
  });

  it('shows no comparison without one', () => {
    expect(renderHtml(exampleInventory())).not.toContain('chart-change');
  });

  it('escapes hostile text from the input everywhere it appears', () => {
    const inventory = calculateInventory({
      records: HOSTILE_TEXTS.map((text, i) => ({ id: `r${i}`, category: 'buildings', source: 'natural-gas', quantity: '1000', unit: 'kWh', site: text })),
      council: { name: '<script>alert("name")</script>', boundaryNotes: '<img src=x onerror=alert(1)>' },
      reportingYear: '2023/24',
    });
    const page = renderHtml(inventory);
    expect(page).not.toMatch(/<script|<img/i);
    expect(page).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('renders an empty inventory without dividing by zero', () => {
    const page = renderHtml(calculateInventory({ records: [] }));
    expect(page).toContain('<span class="number">0.0</span>');
    expect(page).not.toMatch(/NaN|Infinity/);
  });
});
