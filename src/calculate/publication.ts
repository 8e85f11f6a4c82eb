import type { FactorSet } from '../factors/factor-set.js';
import type { FactorLibrary } from '../factors/library.js';

/** Whether a set has a factor under any of the stems, in any unit. */
const publishes = (set: FactorSet, stems: readonly string[]): boolean => stems.some((stem) => set.find(`${stem}@*`) !== undefined);

/** A stem as a pattern ('*' for any one segment), followed by `end`: '@' for a factor key, '$' for a path alone. */
const stemPattern = (stem: string, end: '@' | '$'): RegExp => new RegExp(`^${stem.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/@]+')}${end}`);

/** The units a set publishes under the stems ("kWh (Gross CV)", "litres" …). */
function unitsPublished(set: FactorSet, stems: readonly string[]): string[] {
  const prefixes = stems.map((stem) => stemPattern(stem, '@'));
  return [...new Set(set.all().filter((f) => prefixes.some((p) => p.test(f.key))).map((f) => f.uom))];
}

/**
 * Where the set lists a row under one of the stems with its value left blank (DESNZ prints a plug-in hybrid van of
 * class I with no figure), which row, said so: the record is refused because DESNZ publishes no factor for it.
 */
export function blankValueNote(set: FactorSet, stems: readonly string[]): string | undefined {
  for (const stem of stems) {
    const pattern = stem.includes('*') ? stemPattern(stem, '$') : undefined;
    const blank = pattern === undefined ? set.blankValues.get(stem) : [...set.blankValues].find(([path]) => pattern.test(path))?.[1];
    if (blank !== undefined) return `${set.id} lists ${blank.path} with its value left blank (row ${blank.row}): DESNZ publishes no factor for it, so the record is refused rather than costed at zero`;
  }
  return undefined;
}

/** 2016, 2017, 2018, 2021 → "2016–2018 and 2021". */
function yearRanges(years: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last !== undefined && last[1] === year - 1) last[1] = year;
    else runs.push([year, year]);
  }
  const text = runs.map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`));
  return text.length <= 1 ? text.join('') : `${text.slice(0, -1).join(', ')} and ${text.at(-1)}`;
}

/**
 * What DESNZ did about a factor a set lacks, judged against the library's sets: published it in other units,
 * published it only in other years, or never published it. A restated year then says why it cannot be costed
 * rather than only that it cannot. Read only for a record that fails, so a calculation that costs everything
 * reads nothing beyond its own set.
 */
export function publicationNote(set: FactorSet, stems: readonly string[], library?: FactorLibrary): string {
  const units = unitsPublished(set, stems);
  if (units.length > 0) return `${set.id} publishes it only per ${units.join(', ')}`;
  // Without other sets to compare with (no library, or one holding this set alone), say only what this set lacks.
  const bundled = library === undefined ? [] : library.sets.map((s) => library.factorSet(s.id));
  if (!bundled.some((s) => s.id !== set.id)) return `${set.id} publishes no such factor`;
  const years = bundled.filter((s) => publishes(s, stems)).map((s) => s.info.year);
  const span = `${bundled[0]!.info.year}–${bundled.at(-1)!.info.year}`;
  if (years.length === 0) return `DESNZ published no such factor in any year ${span}`;
  return `DESNZ published it in ${yearRanges(years)}, not in the ${set.info.year} factors`;
}
