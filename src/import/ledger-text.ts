/** Distinct texts (codes, dates, supplier names) remembered; a ledger has a few hundred of each, a garbage file is not held. */
export const CACHE_ENTRIES = 10_000;

/**
 * A copy of text cut from a parsed chunk. V8 shares a substring's characters with the whole chunk, so text kept
 * to the end of the file (cache keys, codes, problems) would otherwise keep every chunk it came from in memory.
 */
export function detach(text: string): string {
  return text.split('').join('');
}
