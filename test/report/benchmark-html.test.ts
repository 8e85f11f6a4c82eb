import { HEADLINE_METRICS } from '../../src/benchmark/index.js';
import { describe, expect, it } from 'vitest';
import type { CouncilReport } from '../../src/benchmark/index.js';
import { Decimal } from '../../src/decimal.js';
import { renderBenchmarkHtml } from '../../src/report/html/benchmark-page.js';
import { positionChart } from '../../src/report/html/benchmark-position.js';
import { renderHtml } from '../../src/report/index.js';
import { exampleBenchmark, exampleInventory } from './example.js';

const TRACK = 400;
const num = (text: string, name: string) => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(text)![1]);

describe('benchmark position chart', () => {
  it('places the quartile box, the median and the council on one scale from zero', () => {
    const svg = positionChart({
      id: 'p',
      title: 'T',
      summary: 'S',
      rows: [{ label: 'Total', lowerQuartile: new Decimal(200), median: new Decimal(300), upperQuartile: new Decimal(500), ours: new Decimal(100), valueText: 'you 100' }],
    });
    const row = svg.slice(svg.indexOf('<g class="position">'));
    const max = 500 * 1.1;
    const box = /<rect [^>]*class="mark box"[^>]*>/.exec(row)![0];
    expect(num(box, 'x')).toBeCloseTo((200 / max) * TRACK, 1);
    expect(num(box, 'x') + num(box, 'width')).toBeCloseTo((500 / max) * TRACK, 0);
    expect(Number(/class="median" d="M([\d.]+),/.exec(row)![1])).toBeCloseTo((300 / max) * TRACK, 1);
    expect(Number(/class="ours" d="M([\d.]+),/.exec(row)![1])).toBeCloseTo((100 / max) * TRACK, 1);
  });

  it('draws only what is published', () => {
    const svg = positionChart({ id: 'p', title: 'T', summary: 'S', rows: [{ label: 'Total', ours: new Decimal(100), valueText: 'you 100' }] });
    const row = svg.slice(svg.indexOf('<g class="position">'));
    expect(row).not.toContain('class="mark box"');
    expect(row).not.toContain('class="median"');
    expect(row).toContain('class="ours"');
  });
});

describe('benchmark in HTML', () => {
  const { council, shared } = exampleBenchmark();

  it('shows the council’s position in each cohort it belongs to, with a table of the published figures', () => {
    const html = renderHtml(exampleInventory(), { benchmark: council });
    const year = council.years.at(-1)!;
    const charts = [...html.matchAll(/<svg class="chart" id="(chart-benchmark-\d+)"/g)].map((m) => m[1]);
    expect(charts).toEqual(year.cohorts.map((_, i) => `chart-benchmark-${i + 1}`));
    const first = html.slice(html.indexOf('id="chart-benchmark-1"'), html.indexOf('</figure>', html.indexOf('id="chart-benchmark-1"')));
    expect([...first.matchAll(/class="ours"/g)].length).toBe([...first.matchAll(/<g class="position">/g)].length + 1); // +1: the key
    expect(first).toContain('you 4,290 · 38th percentile');
    expect(html).toContain('Synthetic data:');
  });

  it('says why a figure is withheld', () => {
    const withheld: CouncilReport = {
      ...council,
      years: council.years.map((y) => ({
        ...y,
        cohorts: y.cohorts.map((c) => ({ ...c, metrics: c.metrics.map((m) => ({ ...m, upperQuartile: { status: 'suppressed' as const, reason: 'below-threshold' as const } })) })),
      })),
    };
    const html = renderHtml(exampleInventory(), { benchmark: withheld });
    expect(html).toContain(`withheld: ${council.method.reasons['below-threshold']}`);
    const rows = [...html.matchAll(/<g class="position">.*?<\/g>/g)].map((m) => m[0]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.includes('class="mark box"'))).toBe(false);
  });

  it('renders the shared report on its own page with no council named and no council marker', () => {
    const html = renderBenchmarkHtml(shared);
    expect(/Council \d+|Example District/.test(html)).toBe(false);
    expect(/<path class="ours" d="M(?!370,)/.test(html)).toBe(false); // only the key's diamond
    // A chart per cohort with a published headline median; the others say nothing is published, and why.
    const charted = shared.baseGroups.flatMap((g) => g.cohorts).filter((c) => c.metrics.some((m) => HEADLINE_METRICS.includes(m.metric as never) && m.median.status === 'published'));
    expect(charted.length).toBeGreaterThan(0);
    expect([...html.matchAll(/<svg class="chart"/g)].length).toBe(charted.length);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('renders the council report on its own page', () => {
    const html = renderBenchmarkHtml(council);
    expect(html).toContain('<h1>Example District Council (fictional): where we stand</h1>');
    expect(html).toContain('id="chart-benchmark-1"');
  });
});
