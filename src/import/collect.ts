import type { ActivityRecordInput } from '../activity/record.js';
import type { Origin } from '../problem.js';
import type { SourceRow } from '../tables/table.js';
import { aboutField, checkProfile, emptyProfile, setAboutValue, type BaselineProfile } from './profile.js';
import type { ImportProblem, ImportResult, RowAccount } from './result.js';
import type { ImportSink } from './table-importer.js';

/** Gathers one file's records, problems, profile and row accounting. */
export class ImportCollector implements ImportSink {
  readonly profile: BaselineProfile = emptyProfile();
  readonly records: ActivityRecordInput[] = [];
  readonly problems: ImportProblem[] = [];
  readonly accounting: RowAccount[] = [];
  /** The total a template's Summary sheet showed when last saved, to compare with the exact one. */
  displayedTotal: ImportResult['displayedTotal'];
  /** Where each About field was read, so a problem across fields names the cell to change. */
  private readonly fieldOrigins = new Map<string, Origin>();

  record(record: ActivityRecordInput): void {
    this.records.push(record);
  }

  problem(problem: ImportProblem): void {
    this.problems.push(problem);
  }

  account(account: RowAccount): void {
    this.accounting.push(account);
  }

  /**
   * A "Label | value" row: an About field if the first non-blank cell is a known label, the value being the
   * next cell. Otherwise the row is accounted as skipped with `otherwise` as the reason.
   */
  aboutRow(row: SourceRow, rowOrigin: Origin, origin: (index: number) => Origin, otherwise: string): RowAccount {
    const at = row.cells.findIndex((c) => c.text.trim() !== '');
    const field = at === -1 ? undefined : aboutField(row.cells[at]!.text);
    if (field === undefined) return { origin: rowOrigin, outcome: 'skipped', records: 0, problems: 0, reason: otherwise };
    const cell = row.cells[at + 1] ?? { text: '' };
    this.fieldOrigins.set(field.labels[0], origin(at + 1));
    let problem: ImportProblem | undefined;
    if (cell.error === true || cell.formulaWithoutValue === true) {
      problem = {
        severity: 'error',
        code: cell.error === true ? 'error-cell' : 'formula-without-value',
        message: `${field.labels[0]}: ${cell.error === true ? `the cell holds the spreadsheet error ${cell.text}` : 'a formula with no saved result'}`,
        origin: origin(at + 1),
        value: cell.text,
      };
    } else problem = setAboutValue(this.profile, field, cell.text, origin(at + 1));
    if (problem !== undefined) this.problems.push(problem);
    return { origin: rowOrigin, outcome: problem === undefined ? 'profile' : 'problem', records: 0, problems: problem === undefined ? 0 : 1 };
  }

  /** The file's result; a file that gave no record and no error says so, so an empty inventory is never silent. */
  result(file: string): ImportResult {
    this.problems.push(...checkProfile(this.profile, (label) => this.fieldOrigins.get(label) ?? { file }));
    if (this.records.length === 0 && !this.problems.some((p) => p.severity === 'error')) {
      this.problems.push({ severity: 'warning', code: 'no-records', message: 'No activity records: fill in the category sheets (or the rows of the CSV table); the inventory is empty', origin: { file } });
    }
    return { profile: this.profile, records: this.records, problems: this.problems, accounting: this.accounting, ...(this.displayedTotal !== undefined ? { displayedTotal: this.displayedTotal } : {}) };
  }
}
