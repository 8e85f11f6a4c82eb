import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/factors/bundled.js';
import { defaultSetId, UnknownFactorSetError } from '../../src/factors/library.js';

/**
 * The default set for a reporting year (DESNZ: use the factors published for the reporting period), chosen from
 * manifest entries in any order: the year's own set, else the oldest for an earlier year, else the newest.
 */
const entries = (ids: readonly string[]) => ids.map((id) => loadManifest().sets.find((s) => s.id === id)!);

describe('the default factor set', () => {
  it('is the set of the year, whatever order the entries come in', () => {
    const scrambled = entries(['desnz-2023', 'desnz-2025', 'desnz-2016', 'desnz-2019']);
    expect(defaultSetId(scrambled, 2019)).toBe('desnz-2019');
    expect(defaultSetId(scrambled, 2016)).toBe('desnz-2016');
    expect(defaultSetId(scrambled, 2025)).toBe('desnz-2025');
  });

  it('is the oldest before the oldest set, and the newest after the newest or with no year', () => {
    const scrambled = entries(['desnz-2023', 'desnz-2025', 'desnz-2016', 'desnz-2019']);
    expect(defaultSetId(scrambled, 2015)).toBe('desnz-2016');
    expect(defaultSetId(scrambled, 2026)).toBe('desnz-2025');
    expect(defaultSetId(scrambled)).toBe('desnz-2025');
    expect(defaultSetId(entries(['desnz-2020']), 2010)).toBe('desnz-2020');
    expect(defaultSetId(entries(['desnz-2020']), 2030)).toBe('desnz-2020');
  });

  it('cannot be chosen from no sets: an UnknownFactorSetError naming none available', () => {
    expect(() => defaultSetId([], 2023)).toThrow(UnknownFactorSetError);
    expect(() => defaultSetId([])).toThrow(/^No factor set '\(default\)'\. Available: $/);
  });
});
