import type { Inventory } from '../../../inventory/types.js';
import { ROUNDING_RULE } from '../../format.js';
import { BOUNDARY_NOTES, METHOD_NOTES } from '../../notes.js';
import { escapeHtml } from '../escape.js';
import { section } from '../figure.js';

/** Who, what boundary, which factors, what rounding: the facts an auditor checks first. */
export function aboutSection(inventory: Inventory): string {
  const { council, factorSet } = inventory;
  const facts: [string, string | undefined][] = [
    ['Council', council.name],
    ['ONS code', council.onsCode],
    ['Council type', council.councilType],
    ['Reporting year', inventory.reportingYear],
    ['Boundary', council.boundaryNotes],
    ['Emission factors', `${factorSet.title} (${factorSet.id})`],
    ['Factor source file', factorSet.sourceFile],
    ['Factor note', factorSet.provenanceNote],
    ['Records', `${inventory.recordCount} read, ${inventory.lines.length} emission lines`],
    ['Rounding', ROUNDING_RULE],
  ];
  const list = facts
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const notes = [...BOUNDARY_NOTES, ...METHOD_NOTES].map((n) => `<p>${escapeHtml(n)}</p>`).join('');
  return section('about', 'About these figures', `<dl class="facts">${list}</dl>${notes}`);
}
