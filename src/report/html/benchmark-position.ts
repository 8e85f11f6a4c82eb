import type { Decimal } from '../../decimal.js';
import { fillUrl, px, scale, svgChart, svgRect, svgText } from './svg.js';
import { COHORT_FILL } from './palette.js';

/** One metric: the cohort's published quartiles (undefined where withheld) and the council's own figure. */
export interface PositionRow {
  readonly label: string;
  readonly lowerQuartile?: Decimal;
  readonly median?: Decimal;
  readonly upperQuartile?: Decimal;
  readonly ours?: Decimal;
  /** e.g. "you 4,290 · second quarter", printed beside the row. */
  readonly valueText: string;
}

export interface PositionChart {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly rows: readonly PositionRow[];
}

const WIDTH = 720;
const TRACK = 400;
const ROW = 64;
/** Height of the key above the rows. */
const KEY = 34;

/** What the marks mean, drawn with the marks themselves so the chart reads without colour or a separate legend. */
function key(id: string, withCouncil: boolean): string {
  return (
    `<g class="key">` +
    svgRect(0, 4, 28, 16, fillUrl(id, COHORT_FILL), 'mark box') +
    svgText(36, 17, 'middle half of the cohort', 'label') +
    `<path class="median" d="M236,2 V22"/>` +
    svgText(246, 17, 'cohort median', 'label') +
    (withCouncil ? `<path class="ours" d="M370,3 l9,9 l-9,9 l-9,-9 z"/>` + svgText(386, 17, 'this council', 'label') : '') +
    `</g>`
  );
}

/**
 * Where a council stands in its cohort, one row per metric on its own scale from zero: the hatched box is the middle
 * half of the cohort (lower to upper quartile), the bar inside it the median, the diamond the council. Values are the
 * benchmark's published figures, already rounded, converted to coordinates only here.
 */
export function positionChart({ id, title, summary, rows }: PositionChart): string {
  const body = rows
    .map((r, i) => {
      const y = KEY + i * ROW;
      const mid = y + 42;
      const points = [r.lowerQuartile, r.median, r.upperQuartile, r.ours].flatMap((v) => (v === undefined ? [] : [v.toNumber()]));
      const max = Math.max(0, ...points) * 1.1;
      const x = (v: Decimal) => scale(v.toNumber(), max, TRACK);
      const box =
        r.lowerQuartile !== undefined && r.upperQuartile !== undefined
          ? svgRect(x(r.lowerQuartile), mid - 10, x(r.upperQuartile) - x(r.lowerQuartile), 20, fillUrl(id, COHORT_FILL), 'mark box')
          : '';
      const median = r.median === undefined ? '' : `<path class="median" d="M${px(x(r.median))},${px(mid - 13)} V${px(mid + 13)}"/>`;
      const ours =
        r.ours === undefined
          ? ''
          : `<path class="ours" d="M${px(x(r.ours))},${px(mid - 9)} l9,9 l-9,9 l-9,-9 z"/>` + svgText(x(r.ours), mid - 13, 'You', 'you', 'middle');
      return (
        `<g class="position">` +
        svgText(0, y + 14, r.label, 'label') +
        `<path class="axis" d="M0,${px(mid)} H${TRACK}"/>` +
        box +
        median +
        ours +
        svgText(TRACK + 16, mid + 5, r.valueText, 'value') +
        `</g>`
      );
    })
    .join('');
  return svgChart({
    id,
    title,
    description: `${summary} ${rows.map((r) => `${r.label}: ${r.valueText}`).join('; ')}.`,
    width: WIDTH,
    height: KEY + rows.length * ROW,
    fills: [COHORT_FILL],
    body: key(id, rows.some((r) => r.ours !== undefined)) + body,
  });
}
