/** A number found cut across cells at its thousands separators. */
export interface SplitNumber {
  /** The 0-based index of its first cell. */
  readonly start: number;
  /** How many cells it was cut into. */
  readonly cells: number;
  /** The number as it was typed, e.g. "1,184,230". */
  readonly text: string;
}

const FIRST_GROUP = /^[(-]?(£|GBP ?)?\d{1,3}$/i;
const MIDDLE_GROUP = /^\d{3}$/;
const LAST_GROUP = /^\d{3}(\.\d+)?\)?$/;

/**
 * An unquoted number with thousands separators in a comma-separated line (1,184,230 or £1,234.56) is cut at its
 * commas into cells ('1', '184', '230'), so every cell after it lands under the wrong heading. Finds the first
 * such run of `extra` + 1 cells from the left: the cuts that explain `extra` cells more than the header has.
 */
export function findSplitNumber(cells: readonly string[], extra: number): SplitNumber | undefined {
  if (extra < 1) return undefined;
  for (let start = 0; start + extra < cells.length; start++) {
    const parts = cells.slice(start, start + extra + 1).map((c) => c.trim());
    if (!FIRST_GROUP.test(parts[0]!) || !LAST_GROUP.test(parts.at(-1)!)) continue;
    if (parts.slice(1, -1).every((p) => MIDDLE_GROUP.test(p))) return { start, cells: parts.length, text: parts.join(',') };
  }
  return undefined;
}
