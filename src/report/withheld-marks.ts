/**
 * The one marker the benchmark views show for a withheld figure, whatever the reason: a reason would tell which
 * figures are sensitive (one council dominating, a figure next to a withheld one). Reasons are in the audit file.
 */
export const WITHHELD_MARK = '–';
