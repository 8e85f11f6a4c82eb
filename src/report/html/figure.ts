import { escapeHtml } from './escape.js';
import { htmlTable, type HtmlTable } from './tables.js';

/** A section of the page with its heading, an optional plain-English lead, and its content. */
export function section(id: string, heading: string, content: string, lead?: string): string {
  return (
    `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${escapeHtml(heading)}</h2>` +
    (lead === undefined ? '' : `<p class="lead">${escapeHtml(lead)}</p>`) +
    content +
    '</section>'
  );
}

/** A chart and its data table: the table is the text alternative a screen reader, a printout or a copy-paste uses. */
export function figure(chart: string, table: HtmlTable): string {
  return `<figure>${chart}${htmlTable(table)}</figure>`;
}
