import { NoFactorLibraryError, type FactorLibrary } from './library.js';

/** The library of a folder of factor sets, or of the bundled sets when no folder is named (none where they are absent). */
export type FactorLibraryProvider = (dir?: string) => FactorLibrary | undefined;

let provider: FactorLibraryProvider | undefined;

/**
 * Sets where sets named by id come from when a call gives no `factors` library. The Node entry points
 * ('council-ghg', 'council-ghg/node') set the bundled files on disk; the portable core sets nothing, so a
 * browser or bundle names its library, or passes loaded sets, rather than failing to find files.
 */
export function setDefaultFactorLibrary(make: FactorLibraryProvider | undefined): void {
  provider = make;
}

/** The library a call uses: its own, else the default's (for a folder, when one is named); undefined when none. */
export function factorLibraryFor(options: { readonly factors?: FactorLibrary; readonly factorSetsDir?: string }): FactorLibrary | undefined {
  if (options.factors !== undefined) return options.factors;
  if (options.factorSetsDir !== undefined && provider === undefined) throw new NoFactorLibraryError(`the factor sets in ${options.factorSetsDir} (reading a folder needs Node)`);
  return provider?.(options.factorSetsDir);
}

/** The default library for a call that needs one and names none; without one, a `NoFactorLibraryError` naming what was wanted. */
export function defaultFactorLibrary(wanted: string): FactorLibrary {
  const library = factorLibraryFor({});
  if (library === undefined) throw new NoFactorLibraryError(wanted);
  return library;
}
