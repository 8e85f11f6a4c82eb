import { editDistance } from '../edit-distance.js';
import { isFreeText, type ParsedSource } from '../activity/sources.js';
import type { Category } from '../activity/categories.js';
import type { FactorSet } from '../factors/factor-set.js';
import { factorPlan } from './factor-plan.js';
import { slug } from '../factors/key.js';

/**
 * For a source with a free-text part that the factor set does not know (waste:general:landfill,
 * refrigerant:r404), the source ids a council could type instead, nearest first: the values DESNZ publishes in
 * that part of the path (waste:household-residual-waste:landfill, refrigerant:r404a). Empty when the source has no
 * free-text part or the part cannot be placed in the path.
 */
export function sourceSuggestions(set: FactorSet, source: ParsedSource, stems: readonly string[], category: Category, limit = 3): string[] {
  const at = source.family.options.findIndex(isFreeText);
  if (at === -1) return siblingSuggestions(set, source, category, limit);
  const typed = slug(source.options[at]!);
  const candidates = new Set<string>();
  for (const stem of stems) {
    const segments = stem.split('/');
    const position = segments.indexOf(typed);
    if (position === -1) continue;
    const pattern = new RegExp(
      '^' + segments.map((s, i) => (i === position ? '([^/@]+)' : s === '*' ? '[^/@]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/') + '(?:[/@]|$)',
    );
    for (const factor of set.all()) {
      const match = pattern.exec(factor.key);
      if (match !== null) candidates.add(match[1]!);
    }
  }
  candidates.delete(typed);
  return [...candidates]
    .map((value) => ({ value, distance: value.startsWith(typed) ? 0 : value.includes(typed) ? 1 : 2 + editDistance(typed, value) }))
    .sort((a, b) => a.distance - b.distance || (a.value < b.value ? -1 : 1))
    .slice(0, limit)
    .map(({ value }) => [source.family.family, ...source.options.map((o, i) => (i === at ? value : o))].join(':'));
}

/**
 * For a source of listed options that DESNZ does not publish (flight:domestic:business, van:class-i:cng), the
 * sources one option away that the set can cost, those that change an option to DESNZ's average (or unknown)
 * first: a domestic flight with a class → the domestic average row, a CNG van of a class → the average CNG van.
 */
function siblingSuggestions(set: FactorSet, source: ParsedSource, category: Category, limit: number): string[] {
  const candidates: { id: string; general: boolean }[] = [];
  for (const [i, option] of source.family.options.entries()) {
    if (isFreeText(option)) continue;
    for (const value of option) {
      if (value === source.options[i]) continue;
      const options = source.options.map((o, j) => (j === i ? value : o));
      const direct = factorPlan({ family: source.family, options }, category).components[0];
      if (direct !== undefined && direct.stems.some((stem) => set.find(`${stem}@*`) !== undefined)) {
        candidates.push({ id: [source.family.family, ...options].join(':'), general: value === 'average' || value === 'unknown' });
      }
    }
  }
  return candidates.sort((a, b) => Number(b.general) - Number(a.general)).slice(0, limit).map((c) => c.id);
}
