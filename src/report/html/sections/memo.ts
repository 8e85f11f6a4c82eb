import { formatMemoValue } from '../../format.js';
import type { ReportSummary } from '../../summary.js';
import { section } from '../figure.js';
import { htmlTable } from '../tables.js';

export function memoSection(s: ReportSummary): string {
  if (s.memo.length === 0) return '';
  return section(
    'memo',
    'Reported alongside, not in the total',
    htmlTable({
      caption: 'Memo items',
      header: ['Item', 'Amount', 'Records'],
      rows: s.memo.map((m) => [m.label, formatMemoValue(m), String(m.count)]),
      numeric: [1, 2],
    }),
    'Carbon from burning wood, renewable electricity the council generated, and carbon taken up by its trees are reported here and never subtracted from the total, as the GHG Protocol requires.',
  );
}
