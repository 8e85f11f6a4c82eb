import type { Decimal } from '../../../decimal.js';
import { chartTonnes, fillUrl, px, scale, svgChart, svgRect, svgText, type Fill } from '../svg.js';

/** One row of a bridge: a bar from `from` to `to` on the shared axis (kgCO2e, exact; drawn at rounded tCO2e). */
export interface Step {
  readonly label: string;
  readonly from: Decimal;
  readonly to: Decimal;
  /** e.g. "-123.4 tCO2e (decrease)": the words carry the direction, not only the colour. */
  readonly valueText: string;
  readonly fill: Fill;
}

export interface BridgeChart {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly steps: readonly Step[];
}

const WIDTH = 720;
const ROW = 50;
const BAR = 22;
const VALUE_ROOM = 200;

/**
 * A bridge (waterfall) chart: each step floats from where the previous one ended, so a previous total, the effects
 * that changed it and the current total read as one path. A dashed connector joins each step to the next.
 */
export function bridgeChart({ id, title, summary, steps }: BridgeChart): string {
  const ends = steps.map((s) => [Math.max(0, chartTonnes(s.from)), Math.max(0, chartTonnes(s.to))] as const);
  const max = Math.max(0, ...ends.flat());
  const x = (v: number) => scale(v, max, WIDTH - VALUE_ROOM);
  const body = steps
    .map((s, i) => {
      const [from, to] = ends[i]!;
      const left = x(Math.min(from, to));
      const right = x(Math.max(from, to));
      const y = i * ROW;
      const connector =
        i + 1 < steps.length ? `<path class="connector" d="M${px(x(to))},${px(y + 21 + BAR)} V${px(y + ROW + 21)}"/>` : '';
      return (
        `<g class="bar">` +
        svgText(0, y + 15, s.label, 'label') +
        // A change too small to see still gets a visible sliver.
        svgRect(left, y + 21, Math.max(right - left, from === to ? 0 : 1.5), BAR, fillUrl(id, s.fill)) +
        svgText(right + 8, y + 21 + BAR / 2 + 5, s.valueText, 'value') +
        connector +
        `</g>`
      );
    })
    .join('');
  return svgChart({
    id,
    title,
    description: `${summary} ${steps.map((s) => `${s.label}: ${s.valueText}`).join('; ')}.`,
    width: WIDTH,
    height: steps.length * ROW,
    fills: [...new Map(steps.map((s) => [s.fill.name, s.fill])).values()],
    body,
  });
}
