import { fetchFactorLibrary, type FactorLibrary } from '../../src/factors/library.js';

/**
 * The bundled factor data, fetched from the page's own folder (data/, copied from emission-factors/ when the
 * page is built) by the library's own loader: the manifest, then only the DESNZ set an inventory uses (about
 * 1.4 MB each, ten sets) with the spend-based data, so the page opens quickly and each set is fetched once.
 */
const DATA = new URL('../data/', import.meta.url);

const libraries = new Map<string, Promise<FactorLibrary>>();

/** The library holding the set chosen, else the set of the year the reporting year starts in (the newest without one). */
export function factorLibrary(chosen: string | undefined, reportingYearStart: number | undefined): Promise<FactorLibrary> {
  const key = chosen ?? `year ${reportingYearStart ?? 'newest'}`;
  let library = libraries.get(key);
  if (library === undefined) {
    library = fetchFactorLibrary(DATA, chosen !== undefined ? { sets: [chosen] } : reportingYearStart !== undefined ? { reportingYearStart } : {});
    library.catch(() => libraries.delete(key));
    libraries.set(key, library);
  }
  return library;
}
