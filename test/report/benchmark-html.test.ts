import { HEADLINE_METRICS } from '../../src/benchmark/index.js';
import { describe, expect, it } from 'vitest';
import type { CouncilReport } from '../../src/benchmark/index.js';
import { Decimal } from '../../src/decimal.js';
import { renderBenchmarkHtml } from '../../src/report/html/benchmark-page.js';
import { positionChart } from '../../src/report/html/benchmark-position.js';
import { escapeHtml } from '../../src/report/html/escape.js';
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

/** Cohorts with a position chart: a published quartile or median in a headline metric (a chart of the council alone would mislead). */
const isCharted = (c: { metrics: readonly { metric: string; lowerQuartile: { status: string }; median: { status: string }; upperQuartile: { status: string } }[] }) =>
  c.metrics.some((m) => HEADLINE_METRICS.includes(m.metric as never) && [m.lowerQuartile, m.median, m.upperQuartile].some((q) => q.status === 'published'));

describe('benchmark in HTML', () => {
  const { council, shared } = exampleBenchmark();

  it('shows the council’s position in each cohort it belongs to, with a table of the published figures', () => {
    const html = renderHtml(exampleInventory(), { benchmark: council });
    const year = council.years.at(-1)!;
    const charts = [...html.matchAll(/<svg class="chart" id="(chart-benchmark-\d+)"/g)].map((m) => m[1]);
    expect(charts).toEqual(year.cohorts.flatMap((c, i) => (isCharted(c) ? [`chart-benchmark-${i + 1}`] : [])));
    expect(charts.length).toBeGreaterThan(0);
    const first = html.slice(html.indexOf('id="chart-benchmark-1"'), html.indexOf('</figure>', html.indexOf('id="chart-benchmark-1"')));
    expect([...first.matchAll(/class="ours"/g)].length).toBe([...first.matchAll(/<g class="position">/g)].length + 1); // +1: the key
    // 9,594.45 tCO2e to 3 significant figures; 12 councils publish a median (11,500) but no quartiles, so a half: 9,594.45 < 11,500.
    expect(first).toContain('you 9,590 · lower half');
    expect(html).toContain('Synthetic data:');
  });

  it('marks a withheld figure with one word, whatever the reason, explained once', () => {
    const withheld: CouncilReport = {
      ...council,
      years: council.years.map((y) => ({
        ...y,
        cohorts: y.cohorts.map((c) => ({ ...c, metrics: c.metrics.map((m) => ({ ...m, upperQuartile: { status: 'suppressed' as const } })) })),
      })),
    };
    const html = renderHtml(exampleInventory(), { benchmark: withheld });
    expect(html).toContain('<td class="num">withheld</td>');
    expect(html.split(escapeHtml(council.method.withheld)).length - 1).toBe(1); // explained once, under the tables
    expect(html).not.toMatch(/withheld \([A-Z]\)|below-threshold|equals-council-value|tied-values/);
    const rows = [...html.matchAll(/<g class="position">.*?<\/g>/g)].map((m) => m[0]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.includes('class="mark box"'))).toBe(false);
  });

  it('renders the shared report on its own page with no council named and no council marker', () => {
    const html = renderBenchmarkHtml(shared);
    expect(/Council \d+|Example District/.test(html)).toBe(false);
    expect(html).not.toContain('class="ours"'); // no council marker, not even in the key
    expect(html).not.toContain('this council');
    // A chart per cohort with a published headline quartile or median.
    const charted = shared.baseGroups.flatMap((g) => g.cohorts).filter(isCharted);
    expect(charted.length).toBeGreaterThan(0);
    expect([...html.matchAll(/<svg class="chart"/g)].length).toBe(charted.length);
    // Published counts and cohort totals are on the page even where no quartile is: the same figures as the JSON and text.
    const all = shared.baseGroups[0]!.cohorts[0]!.metrics.find((m) => m.metric === 'total/absolute')!;
    expect(all.total?.status).toBe('published');
    if (all.total?.status === 'published') expect(html).toContain(`<td class="num">${Number(all.total.value).toLocaleString('en-GB')}</td>`);
    expect(html).not.toContain('How the council compares');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('refuses another council’s view, which would show its figures as “you”', () => {
    const other = { ...council, council: { ...council.council, onsCode: 'E06900001' } };
    expect(() => renderHtml(exampleInventory(), { benchmark: other })).toThrow(/the benchmark view is of council E06900001, not of this inventory's council/);
  });

  it('renders the council report on its own page', () => {
    const html = renderBenchmarkHtml(council);
    expect(html).toContain('<h1>Example District Council (fictional): where we stand</h1>');
    expect(html).toContain('id="chart-benchmark-1"');
  });
});
