/** The value cached under `key`, made by `make` the first time it is asked for (data read once per process). */
export function once<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}
