/**
 * The Node built-ins the library imports but the browser page never calls (file paths, streams, hashing): each
 * name is a function or class that throws a clear error, so a call that slipped onto the browser path is found
 * at once rather than failing somewhere later.
 */
export class NodeApiUnavailable extends Error {
  override readonly name = 'NodeApiUnavailable';
  constructor(readonly api: string) {
    super(`${api} is a Node.js API and is not available in the browser page (council-ghg web)`);
  }
}

export function unavailable(what: string): never {
  throw new NodeApiUnavailable(what);
}

/** A function standing in for a Node API. */
export const stub = (what: string) => (..._args: unknown[]): never => unavailable(what);

/** A class standing in for a Node API: the module loads (a library class may extend it), constructing it throws. */
export const stubClass = (what: string) =>
  class {
    constructor(..._args: unknown[]) {
      unavailable(what);
    }
  };
