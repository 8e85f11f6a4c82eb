import { CATEGORIES } from '../activity/categories.js';
import { parseSource } from '../activity/sources.js';
import type { EmissionLine } from '../calculate/line.js';
import { ZERO } from '../decimal.js';
import type { Inventory } from '../inventory/types.js';
import type { FigureRow } from './summary.js';

/**
 * What a councillor means by "our biggest sources": emissions grouped by what was used and where in the council's
 * activity (natural gas in buildings, diesel in the fleet), each with its upstream and grid-loss lines, largest first.
 */
export function biggestSources(inventory: Inventory, count: number): FigureRow<string>[] {
  const groups = new Map<string, { label: string; kgCO2e: typeof ZERO }>();
  for (const line of inventory.lines) {
    const label = sourceLabel(line);
    const group = groups.get(label) ?? { label, kgCO2e: ZERO };
    groups.set(label, { label, kgCO2e: group.kgCO2e.add(line.kgCO2e) });
  }
  return [...groups.values()]
    .sort((a, b) => b.kgCO2e.comparedTo(a.kgCO2e))
    .slice(0, count)
    .map((g) => ({ key: g.label, label: g.label, kgCO2e: g.kgCO2e }));
}

/** "Natural gas (buildings)", "Car (employee commuting and homeworking)". */
function sourceLabel(line: EmissionLine): string {
  const parsed = parseSource(line.record.source);
  const what =
    !('family' in parsed) || parsed.family.kind === 'desnz'
      ? line.factor.path.split(' › ').at(-1)!
      : parsed.family.label.split(/ \(| by /)[0]!;
  return `${what} (${CATEGORIES[line.category].split(' (')[0]!.toLowerCase()})`;
}
