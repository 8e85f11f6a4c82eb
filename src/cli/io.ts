import { closeSync, openSync, writeSync } from 'node:fs';

/** What a command may touch besides the file system: its two output streams. Tests pass a recorder. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export type Command = (args: string[], io: CliIO) => Promise<number>;

/** Exit codes: 0 clean, 1 done but with problems that excluded data, 2 unusable input or usage. */
export const EXIT = { ok: 0, problems: 1, unusable: 2 } as const;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * The output format: --format if given (one of `formats`), else what the --out file's extension names in
 * `byExtension`, else `fallback` without --out; undefined for an extension that names no format, for the
 * command to explain.
 */
export function outputFormat<F extends string>(formats: readonly F[], format: string | undefined, out: string | undefined, byExtension: Readonly<Record<string, F>>, fallback: F): F | undefined {
  if (format !== undefined) {
    if (!(formats as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${formats.join(', ')}, not '${format}'`);
    return format as F;
  }
  if (out === undefined) return fallback;
  return byExtension[out.slice(out.lastIndexOf('.') + 1).toLowerCase()];
}

/** Writes text given in parts to a file, a megabyte or so at a time, never holding the whole of it. */
export function writeParts(path: string, parts: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    let pending = '';
    for (const part of parts) {
      pending += part;
      if (pending.length >= 1 << 20) {
        writeSync(fd, pending);
        pending = '';
      }
    }
    writeSync(fd, pending);
  } finally {
    closeSync(fd);
  }
}
