import type { Decimal } from '../../../decimal.js';
import { chartTonnes, fillUrl, scale, svgChart, svgRect, svgText, type Fill } from '../svg.js';

export interface Segment {
  readonly label: string;
  /** kgCO2e, exact; drawn at its rounded tCO2e. */
  readonly value: Decimal;
  /** e.g. "44.8% (1,921.1 tCO2e)" */
  readonly valueText: string;
  readonly fill: Fill;
}

export interface ShareBar {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly segments: readonly Segment[];
}

const WIDTH = 720;
const BAR = 44;
const KEY_ROW = 28;

/**
 * One bar split into the shares of a whole, with a key underneath that labels every segment directly (swatch with
 * the segment's pattern, name, share and amount), so the split reads in greyscale and for zero-width segments too.
 */
export function shareBar({ id, title, summary, segments }: ShareBar): string {
  const values = segments.map((s) => Math.max(0, chartTonnes(s.value)));
  const whole = values.reduce((a, b) => a + b, 0);
  let x = 0;
  const bar = segments
    .map((s, i) => {
      const w = scale(values[i]!, whole, WIDTH);
      const rect = w === 0 ? '' : svgRect(x, 0, w, BAR, fillUrl(id, s.fill), 'mark segment');
      x += w;
      return rect;
    })
    .join('');
  const key = segments
    .map((s, i) => {
      const y = BAR + 16 + i * KEY_ROW;
      return `<g class="key">${svgRect(0, y, 20, 20, fillUrl(id, s.fill))}${svgText(30, y + 15, s.label, 'label')}${svgText(WIDTH, y + 15, s.valueText, 'value', 'end')}</g>`;
    })
    .join('');
  return svgChart({
    id,
    title,
    description: `${summary} ${segments.map((s) => `${s.label}: ${s.valueText}`).join('; ')}.`,
    width: WIDTH,
    height: BAR + 16 + segments.length * KEY_ROW,
    fills: [...new Map(segments.map((s) => [s.fill.name, s.fill])).values()],
    body: `<g class="segments">${bar}</g>${key}`,
  });
}
