import { Decimal } from '../decimal.js';
import type { FactorSet } from '../factors/factor-set.js';

export interface PrintedBound {
  /** The upper limit DESNZ printed, kgCO2e per published unit. */
  readonly upTo: Decimal;
  readonly text: string;
  readonly row: number;
  readonly path: string;
}

const UPPER_BOUND = /^<\s*(\d+(?:\.\d+)?)$/;

/**
 * Where DESNZ printed a bound instead of a value for any of the stems (it printed "< 1" for R1234yf and R1234ze to
 * 2022, their GWPs being below 1), the bound and the row. The bound is read from the published text, never typed.
 */
export function printedBound(set: FactorSet, stems: readonly string[]): PrintedBound | undefined {
  for (const stem of stems) {
    const pattern = new RegExp(`^${stem.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`);
    for (const [path, printed] of set.printedText) {
      const bound = UPPER_BOUND.exec(printed.text.trim());
      if (bound !== null && pattern.test(path)) return { upTo: new Decimal(bound[1]!), ...printed };
    }
  }
  return undefined;
}
