/**
 * Factor keys: stable, readable identifiers derived from a DESNZ row's path, so the same factor has the same
 * key in every year where DESNZ kept its name (case, spacing and punctuation changes do not matter).
 *
 *   Fuels › Gaseous fuels › Natural gas, UOM "kWh (Gross CV)"  →  fuels/gaseous-fuels/natural-gas@kwh-gross-cv
 */
// A string-keyed brand (not a unique symbol) so declaration files can name it wherever a schema infers it.
export type FactorKey = string & { readonly __brand: 'FactorKey' };

/** A factor's place in the DESNZ tables: Level 1 to Level 4 and the column text. */
export interface FactorPath {
  readonly level1: string;
  readonly level2: string;
  readonly level3: string;
  readonly level4: string;
  readonly columnText: string;
}

const SYMBOL_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/&/g, ' and '],
  [/\+/g, ' plus '],
  [/%/g, ' pct '],
  [/</g, ' lt '],
  [/>/g, ' gt '],
];

export function slug(text: string): string {
  let s = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  for (const [pattern, word] of SYMBOL_WORDS) s = s.replace(pattern, word);
  return s.replace(/[^a-z0-9.]+/g, '-').replace(/\.(?![0-9])|(?<![0-9])\./g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
}

/**
 * Level 4 / column-text segments that only restate the unit or the data year. DESNZ wrote "Energy - Gross CV" /
 * "Volume" / "Tonnes" as column text for fuels until 2021, the data year "2020" as Level 4 for electricity and
 * heat in 2022, and "kWh" as Level 4 from 2023; dropping them keeps a factor's key the same in every year.
 */
const UNIT_RESTATEMENTS = new Set(['energy-gross-cv', 'energy-net-cv', 'volume', 'tonnes', 'mass', 'energy']);
const DATA_YEAR = /^(19|20)\d{2}$/;

/** The stable key of a path and unit, e.g. `fuels/gaseous-fuels/natural-gas@kwh-gross-cv`. */
export function factorKey(path: FactorPath, unit: string): FactorKey {
  const unitSlug = slug(unit);
  const segments = [path.level1, path.level2, path.level3, path.level4, path.columnText]
    .map(slug)
    .filter((s, i) => s !== '' && !(i >= 3 && (s === unitSlug || UNIT_RESTATEMENTS.has(s) || DATA_YEAR.test(s))));
  return `${segments.join('/')}@${unitSlug}` as FactorKey;
}

const KEY_SYNTAX = /^[a-z0-9.-]+(\/[a-z0-9.-]+)*@[a-z0-9.-]+$/;

/** Whether text has the form of a factor key (`path@unit`). */
export function isFactorKey(text: string): text is FactorKey {
  return KEY_SYNTAX.test(text);
}

/** The published path as people read it: "Fuels › Gaseous fuels › Natural gas". */
export function describePath(path: FactorPath): string {
  return [path.level1, path.level2, path.level3, path.level4, path.columnText].filter((s) => s !== '').join(' › ');
}
