import type { Decimal } from '../../decimal.js';
import { roundedTonnes } from '../format.js';
import { escapeHtml } from './escape.js';

/**
 * SVG building blocks for the charts. Geometry is the one place a report uses floating-point numbers.
 */

/**
 * An emission as a chart coordinate: the tCO2e printed beside it (rounded by the stated rule), as a number. The only
 * place emissions become floating point, after all arithmetic on them is done in Decimal; drawing the rounded value
 * keeps each bar's length proportional to the figure printed on it.
 */
export function chartTonnes(kgCO2e: Decimal): number {
  return roundedTonnes(kgCO2e).toNumber();
}

/** `value` as a length on an axis where `max` spans `span` pixels (0 when there is nothing to scale by). */
export function scale(value: number, max: number, span: number): number {
  return max > 0 ? (value / max) * span : 0;
}

/** A fill readable without colour: each series has a pattern as well as a hue. */
export interface Fill {
  readonly name: string;
  readonly colour: string;
  readonly pattern: 'solid' | 'hatch' | 'dots' | 'cross';
}

/** Pixel coordinates to 1 decimal place: enough for a crisp chart, short enough to keep the page small. */
export function px(n: number): string {
  return String(Number(n.toFixed(1)));
}

export function fillUrl(chartId: string, fill: Fill): string {
  return fill.pattern === 'solid' ? fill.colour : `url(#${chartId}-${fill.name})`;
}

function patternDef(chartId: string, fill: Fill): string {
  const marks: Record<Exclude<Fill['pattern'], 'solid'>, string> = {
    hatch: '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#fff" stroke-width="2"/>',
    dots: '<circle cx="2" cy="2" r="1.6" fill="#fff"/><circle cx="6" cy="6" r="1.6" fill="#fff"/>',
    cross: '<path d="M0,4 h8 M4,0 v8" stroke="#fff" stroke-width="1.6"/>',
  };
  if (fill.pattern === 'solid') return '';
  return `<pattern id="${chartId}-${fill.name}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${fill.colour}"/>${marks[fill.pattern]}</pattern>`;
}

export interface SvgChart {
  readonly id: string;
  /** Short name of the chart, read first by a screen reader. */
  readonly title: string;
  /** The chart's content in words: every value it shows. */
  readonly description: string;
  readonly width: number;
  readonly height: number;
  readonly fills: readonly Fill[];
  readonly body: string;
}

/** An accessible chart: role="img" named by its <title> and described by its <desc>, which carry the data. */
export function svgChart({ id, title, description, width, height, fills, body }: SvgChart): string {
  const defs = fills.map((f) => patternDef(id, f)).join('');
  return (
    `<svg class="chart" id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>` +
    (defs === '' ? '' : `<defs>${defs}</defs>`) +
    body +
    '</svg>'
  );
}

export function svgText(x: number, y: number, text: string, className: string, anchor: 'start' | 'middle' | 'end' = 'start'): string {
  return `<text x="${px(x)}" y="${px(y)}" class="${className}"${anchor === 'start' ? '' : ` text-anchor="${anchor}"`}>${escapeHtml(text)}</text>`;
}

/** A bar or swatch with a thin dark outline, so a white-on-colour pattern stays visible when printed in grey. */
export function svgRect(x: number, y: number, width: number, height: number, fill: string, className = 'mark'): string {
  return `<rect x="${px(x)}" y="${px(y)}" width="${px(Math.max(0, width))}" height="${px(height)}" fill="${fill}" class="${className}"/>`;
}
