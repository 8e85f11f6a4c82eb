import * as z from 'zod';

/**
 * A DESNZ factor set's id (`desnz-2023`), checked once where it enters (a manifest, a command-line flag, an
 * inventory file, a public function's argument) and carried typed from there, so an id cannot be confused with
 * other text (a spend set's id, a reporting year) inside the library. Whether a library holds the set is asked of
 * the library (`UnknownFactorSetError`).
 */
// A string-keyed brand (not a unique symbol, nor zod's `.brand()`) so declaration files can name it, as FactorKey.
export type FactorSetId = string & { readonly __brand: 'FactorSetId' };

/** The form of a factor set id: lower-case letters and digits joined by hyphens. */
export const FACTOR_SET_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Text that is not a factor set id at all (an unknown but well-formed id is an `UnknownFactorSetError`). */
export class InvalidFactorSetIdError extends Error {
  override readonly name = 'InvalidFactorSetIdError';
  constructor(readonly text: string) {
    super(`'${text}' is not a factor set id: an id is lower-case letters and digits joined by hyphens, like desnz-2023`);
  }
}

/** Whether text has the form of a factor set id. */
export function isFactorSetId(text: string): text is FactorSetId {
  return FACTOR_SET_ID_PATTERN.test(text);
}

/** The id in `text`; an `InvalidFactorSetIdError` when it is not one. */
export function parseFactorSetId(text: string): FactorSetId {
  if (!isFactorSetId(text)) throw new InvalidFactorSetIdError(text);
  return text;
}

/** A factor set id in data read with zod (manifest.json, an inventory file). */
export const FactorSetIdSchema = z.string().regex(FACTOR_SET_ID_PATTERN, 'a factor set id such as desnz-2023').transform((id) => id as FactorSetId);
