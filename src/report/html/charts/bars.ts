import type { Decimal } from '../../../decimal.js';
import { chartTonnes, fillUrl, scale, svgChart, svgRect, svgText, type Fill } from '../svg.js';

export interface Bar {
  readonly label: string;
  /** kgCO2e, exact; drawn at its rounded tCO2e. */
  readonly value: Decimal;
  /** The value as printed beside the bar, e.g. "1,234.5 tCO2e (28.8%)". */
  readonly valueText: string;
  readonly fill: Fill;
}

export interface BarChart {
  readonly id: string;
  readonly title: string;
  /** What the chart shows, before the list of values the description adds. */
  readonly summary: string;
  readonly bars: readonly Bar[];
}

const WIDTH = 720;
const ROW = 50;
const BAR = 22;
/** Room to the right of the longest bar for its value text. */
const VALUE_ROOM = 200;

/**
 * Horizontal bars, each with its label above and its value printed at its end, so no legend or colour is needed to
 * read it. Bars are drawn in the order given (callers sort when order is not meaningful); negative values draw none.
 */
export function barChart({ id, title, summary, bars }: BarChart): string {
  const values = bars.map((b) => Math.max(0, chartTonnes(b.value)));
  const max = Math.max(0, ...values);
  const body = bars
    .map((b, i) => {
      const y = i * ROW;
      const w = scale(values[i]!, max, WIDTH - VALUE_ROOM);
      return (
        `<g class="bar">` +
        svgText(0, y + 15, b.label, 'label') +
        svgRect(0, y + 21, w, BAR, fillUrl(id, b.fill)) +
        svgText(w + 8, y + 21 + BAR / 2 + 5, b.valueText, 'value') +
        `</g>`
      );
    })
    .join('');
  return svgChart({
    id,
    title,
    description: `${summary} ${bars.map((b) => `${b.label}: ${b.valueText}`).join('; ')}.`,
    width: WIDTH,
    height: bars.length * ROW,
    fills: [...new Map(bars.map((b) => [b.fill.name, b.fill])).values()],
    body,
  });
}
