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
