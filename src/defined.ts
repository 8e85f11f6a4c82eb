/**
 * The object without its undefined fields. Under `exactOptionalPropertyTypes` an optional field is absent,
 * never present as undefined, which is also what keeps serialised output free of empty keys.
 */
export function definedFields<T extends object>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
