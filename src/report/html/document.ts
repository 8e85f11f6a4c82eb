import { escapeHtml } from './escape.js';
import { STYLE } from './style.js';

export interface HtmlDocument {
  readonly title: string;
  readonly heading: string;
  readonly subtitle: string;
  readonly sections: readonly string[];
  readonly footer: string;
}

/**
 * A self-contained report page. Nothing is fetched: CSS and SVG are inline, fonts are the reader's own, and a
 * Content-Security-Policy forbids any request should input text try one.
 */
export function htmlDocument({ title, heading, subtitle, sections, footer }: HtmlDocument): string {
  return (
    '<!doctype html>\n' +
    '<html lang="en-GB"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>\n` +
    `<body><main><header class="page"><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(subtitle)}</p></header>\n` +
    sections.filter((x) => x !== '').join('\n') +
    `\n<footer>${escapeHtml(footer)}</footer>` +
    '</main></body></html>\n'
  );
}
