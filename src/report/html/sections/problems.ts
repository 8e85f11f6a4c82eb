import type { Inventory } from '../../../inventory/types.js';
import { formatOrigin } from '../../../problem.js';
import { section } from '../figure.js';
import { htmlTable } from '../tables.js';

export function problemsSection(inventory: Inventory): string {
  const { problems } = inventory;
  const content =
    problems.length === 0
      ? '<p>No problems were found in the data.</p>'
      : htmlTable({
          caption: `${problems.length} problem(s) in the data`,
          header: ['Where', 'Severity', 'What is wrong'],
          rows: problems.map((p) => [formatOrigin(p.origin), p.severity === 'error' ? 'Error: left out' : 'Warning', p.message]),
          numeric: [],
        });
  return section('problems', 'Problems', content, 'Errors are records left out of the totals until they are fixed; warnings are caveats: records included with a note, or rows skipped on purpose, such as totals rows.');
}
