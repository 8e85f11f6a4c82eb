/** Messages between the page (main.ts) and the worker that imports and calculates (worker.ts). */

export interface DroppedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface RunRequest {
  readonly type: 'run';
  readonly baseline: DroppedFile;
  readonly ledger?: DroppedFile;
  readonly mapping?: DroppedFile;
  /** A factor set id the officer chose; absent, the set the baseline names, else its reporting year's. */
  readonly factorSetId?: string;
}

export interface ShownProblem {
  readonly severity: 'error' | 'warning' | 'info';
  /** formatProblem's text: severity, code, file, sheet, cell or line, message and value. */
  readonly text: string;
}

export type WorkerMessage =
  | { readonly type: 'progress'; readonly text: string; readonly fraction?: number }
  | {
      readonly type: 'result';
      readonly council: string;
      readonly reportingYear: string;
      /** "9,594.4 tCO2e", as the HTML report's headline shows it. */
      readonly headline: string;
      readonly factorSet: { readonly id: string; readonly title: string };
      readonly ledgerSummary?: string;
      readonly problems: readonly ShownProblem[];
      readonly html: string;
      readonly csv: string;
      readonly json: string;
      readonly xlsx: Uint8Array;
      /** The benchmark submission file, or why none could be made (About details missing). */
      readonly submission?: string;
      readonly submissionNote?: string;
    }
  | { readonly type: 'failed'; readonly message: string; readonly problems: readonly ShownProblem[] };
