/**
 * The object without its undefined fields. Under `exactOptionalPropertyTypes` an optional field is absent,
 * never present as undefined, which is also what keeps serialised output free of empty keys. A plain loop: this
 * runs for every imported row, and entries/fromEntries allocate an array per field.
 */
export function definedFields<T extends object>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const key in fields) {
    const value = fields[key];
    if (value !== undefined) out[key] = value;
  }
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
