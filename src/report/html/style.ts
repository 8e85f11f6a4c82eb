import { SCOPE_FILLS } from './palette.js';

/**
 * The page's only stylesheet, inline: system fonts (nothing to download), print to A4 without splitting a chart from
 * its table, and chart text sized to read at a glance.
 */
export const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; background: #fff; }
main { max-width: 820px; margin: 0 auto; padding: 24px 20px 48px; }
header.page { border-bottom: 4px solid ${SCOPE_FILLS['scope-1'].colour}; padding-bottom: 12px; }
header.page h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 4px; }
header.page p { margin: 0; color: #4a4a4a; }
h2 { font-size: 1.35rem; margin: 32px 0 8px; padding-top: 10px; border-top: 1px solid #d0d7de; }
h3 { font-size: 1.05rem; margin: 18px 0 6px; }
a { color: ${SCOPE_FILLS['scope-1'].colour}; }
.lead { margin: 0 0 12px; max-width: 70ch; }
.headline h2 { border-top: 0; margin-top: 12px; }
.headline .total { margin: 0; line-height: 1.05; }
.headline .total .number { font-size: 3.6rem; font-weight: 700; color: ${SCOPE_FILLS['scope-1'].colour}; font-variant-numeric: tabular-nums; }
.headline .total .unit { font-size: 1.6rem; font-weight: 600; }
.total-caption { margin: 6px 0 10px; max-width: 68ch; }
.change-headline { font-weight: 600; }
.caveat { background: #fff4e5; border-left: 4px solid ${SCOPE_FILLS['scope-2'].colour}; padding: 8px 12px; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; margin: 16px 0; }
.card { border: 1px solid #d0d7de; border-top-width: 6px; border-radius: 4px; padding: 10px 12px; font-size: 0.88rem; }
${Object.values(SCOPE_FILLS).map((f) => `.card.${f.name} { border-top-color: ${f.colour}; }`).join('\n')}
.card h3 { margin: 0; font-size: 1rem; }
.card .amount { font-size: 1.45rem; font-weight: 700; margin: 2px 0 0; font-variant-numeric: tabular-nums; }
.card .share { margin: 0 0 6px; color: #4a4a4a; }
.card p { margin: 0; }
ol.sources { margin: 0; padding-left: 1.6em; }
ol.sources li { border-bottom: 1px dotted #d0d7de; padding: 2px 0; }
ol.sources .amount { float: right; font-weight: 600; font-variant-numeric: tabular-nums; }
figure { margin: 12px 0 20px; break-inside: avoid; }
svg.chart { display: block; width: 100%; max-width: 720px; height: auto; overflow: visible; margin: 8px 0; }
svg.chart text { font-size: 14px; fill: #1a1a1a; }
svg.chart .value { font-weight: 600; }
svg.chart .mark { stroke: #1a1a1a; stroke-width: 0.75; }
svg.chart .connector { stroke: #4a4a4a; stroke-dasharray: 3 3; fill: none; }
svg.chart .axis { stroke: #8a8a8a; }
svg.chart .median { stroke: #1a1a1a; stroke-width: 3; }
svg.chart .ours { fill: #1a1a1a; }
svg.chart .you { font-size: 11px; font-weight: 700; }
.notice { background: #eef3f8; border-left: 4px solid ${SCOPE_FILLS['scope-1'].colour}; padding: 8px 12px; }
table { border-collapse: collapse; width: 100%; margin: 10px 0; font-size: 0.88rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0; color: #4a4a4a; }
th, td { padding: 3px 8px; border-bottom: 1px solid #e5e8eb; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #1a1a1a; }
tbody th { font-weight: normal; }
tfoot th, tfoot td { border-top: 2px solid #1a1a1a; font-weight: 700; }
.num { text-align: right; white-space: nowrap; }
.method { font-size: 0.88rem; color: #4a4a4a; }
dl.facts { display: grid; grid-template-columns: 11em 1fr; gap: 4px 12px; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
footer { margin-top: 32px; padding-top: 8px; border-top: 1px solid #d0d7de; color: #4a4a4a; font-size: 0.85rem; }
@media (max-width: 640px) { .cards { grid-template-columns: 1fr; } }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  .card, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .headline .total .number { font-size: 36pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
