import { escapeHtml } from './escape.js';

/** A data table: the accessible, printable companion of each chart. Numeric columns are right-aligned. */
export interface HtmlTable {
  readonly caption: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly footer?: readonly (readonly string[])[];
  /** Indices of numeric columns. */
  readonly numeric: readonly number[];
}

export function htmlTable({ caption, header, rows, footer = [], numeric }: HtmlTable): string {
  const cell = (tag: 'td' | 'th', text: string, i: number, scope?: 'col' | 'row') =>
    `<${tag}${scope === undefined ? '' : ` scope="${scope}"`}${numeric.includes(i) ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`;
  const row = (cells: readonly string[]) => `<tr>${cells.map((c, i) => (i === 0 ? cell('th', c, i, 'row') : cell('td', c, i))).join('')}</tr>`;
  return (
    `<table><caption>${escapeHtml(caption)}</caption>` +
    `<thead><tr>${header.map((h, i) => cell('th', h, i, 'col')).join('')}</tr></thead>` +
    `<tbody>${rows.map(row).join('')}</tbody>` +
    (footer.length === 0 ? '' : `<tfoot>${footer.map(row).join('')}</tfoot>`) +
    '</table>'
  );
}
