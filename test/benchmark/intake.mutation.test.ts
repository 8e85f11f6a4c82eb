import { describe, expect, it } from 'vitest';
import { intakeHolds, parseIntake, type BatchOutcome, type IntakeEntry } from '../../src/benchmark/index.js';
import { district } from './districts.js';

/**
 * The operator's intake list, read and held against the folder (src/benchmark/intake.ts; issue 17, mutation
 * testing). Line numbers are counted by hand: the header is line 1, so the first entry is line 2.
 */

const HEADER = 'file,ons_code,reporting_year,received_from,received_at';

describe('reading an intake list', () => {
  it('takes a list saved with a byte-order mark, trims the cells and upper-cases the council code', () => {
    const parsed = parseIntake(`\uFEFF${HEADER}\n a.json , e07900001 ,2023/24, climate@example.gov.uk ,2024-07-01T10:00Z\n\nb.json,E07900002,2023/24,x@example.gov.uk,2024-07-02`, 'intake.csv');
    expect(parsed).toEqual({
      ok: true,
      entries: [
        { file: 'a.json', onsCode: 'E07900001', reportingYear: '2023/24', receivedFrom: 'climate@example.gov.uk', receivedAt: '2024-07-01T10:00Z', line: 2 },
        // The blank line is skipped, but the entries keep their order: b.json is the list's second entry.
        { file: 'b.json', onsCode: 'E07900002', reportingYear: '2023/24', receivedFrom: 'x@example.gov.uk', receivedAt: '2024-07-02', line: 3 },
      ],
    });
  });

  it('names every blank cell of a line, each line by its number', () => {
    const parsed = parseIntake(`${HEADER}\n,,,,\na.json,E07900001,2023/24,x@example.gov.uk,`, 'intake.csv');
    expect(parsed.ok ? [] : parsed.problems.map((p) => [p.code, p.origin.file, p.origin.line, p.message])).toEqual([
      ['intake-mismatch', 'intake.csv', 2, 'file, ons_code, reporting_year, received_from, received_at left blank: every file on the intake list says which council sent it, from where and when'],
      ['intake-mismatch', 'intake.csv', 3, 'received_at left blank: every file on the intake list says which council sent it, from where and when'],
    ]);
  });

  it('names the one blank cell of a line, whichever column it is in, as an error of the intake file', () => {
    const blank = (row: string) => {
      const parsed = parseIntake(`${HEADER}\n${row}`, 'intake.csv');
      return parsed.ok ? [] : parsed.problems.map((p) => `${p.severity} ${p.code} [${p.origin.file}:${p.origin.line}]: ${p.message.split(' left blank')[0]}`);
    };
    expect(blank(',E07900001,2023/24,x@example.gov.uk,2024-07-01')).toEqual(['error intake-mismatch [intake.csv:2]: file']);
    expect(blank('a.json,,2023/24,x@example.gov.uk,2024-07-01')).toEqual(['error intake-mismatch [intake.csv:2]: ons_code']);
    expect(blank('a.json,E07900001,,x@example.gov.uk,2024-07-01')).toEqual(['error intake-mismatch [intake.csv:2]: reporting_year']);
    expect(blank('a.json,E07900001,2023/24,,2024-07-01')).toEqual(['error intake-mismatch [intake.csv:2]: received_from']);
  });

  it('a line with too few cells is a problem on its line, and each missing cell is named as blank', () => {
    const parsed = parseIntake(`${HEADER}\na.json`, 'intake.csv');
    expect(parsed.ok ? [] : parsed.problems.map((p) => [p.origin.line, p.message])).toEqual([
      [2, 'Too few fields: expected 5 fields but parsed 1'],
      [2, 'ons_code, reporting_year, received_from, received_at left blank: every file on the intake list says which council sent it, from where and when'],
    ]);
  });

  it('a list without its columns is one problem of the whole file, with no line', () => {
    const parsed = parseIntake('file,council\na.json,E07900001', 'intake.csv');
    expect(parsed.ok ? [] : parsed.problems.map((p) => [p.severity, p.code, p.origin])).toEqual([['error', 'intake-mismatch', { file: 'intake.csv' }]]);
  });

  it('a line with too many cells is a problem on its own line', () => {
    const parsed = parseIntake(`${HEADER}\na.json,E07900001,2023/24,x@example.gov.uk,2024-07-01\nb.json,E07900002,2023/24,y@example.gov.uk,2024-07-02,extra`, 'intake.csv');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.origin.line)).toEqual([3]);
  });
});

describe('holding the release', () => {
  const entry = (file: string, onsCode: string, line: number, reportingYear = '2023/24'): IntakeEntry => ({ file, onsCode, reportingYear, receivedFrom: `${file}@example.gov.uk`, receivedAt: '2024-07-01', line });
  const accepted = (file: string, i: number): BatchOutcome => ({ source: `/in/${file}`, status: 'accepted', submission: district(i, '100'), problems: [] });
  const holds = (outcomes: BatchOutcome[], entries: IntakeEntry[]) => intakeHolds(outcomes, entries, 'intake.csv').map((p) => `${p.severity === 'error' ? '' : `${p.severity} `}${p.code} [${p.origin.file}]: ${p.message}`);

  it('a file listed twice is a hold naming both lines; a file not in the folder is named by its first line', () => {
    expect(holds([accepted('a.json', 1)], [entry('a.json', 'E07900001', 2), entry('a.json', 'E07900001', 5)])).toEqual([
      'intake-mismatch [intake.csv]: release held: a.json is on the intake list 2 times (lines 2, 5)',
    ]);
    expect(holds([], [entry('gone.json', 'E07900001', 4), entry('gone.json', 'E07900001', 6)])).toEqual([
      'intake-mismatch [intake.csv]: release held: gone.json is on the intake list 2 times (lines 4, 6)',
      'intake-mismatch [intake.csv]: release held: gone.json is on the intake list (line 4) but is not in the folder',
    ]);
  });

  it('a file whose year is not the one the list records is held, as its council would be', () => {
    expect(holds([accepted('a.json', 1)], [entry('a.json', 'E07900001', 2, '2024/25')])).toEqual([
      'intake-mismatch [/in/a.json]: release held: a.json holds E07900001 2023/24, but the intake list (line 2) records it as E07900001 2024/25 from a.json@example.gov.uk',
    ]);
  });

  it('a file that could not be read is placed by the list alone: two unreadable files logged for one council hold the release', () => {
    const unreadable = (file: string): BatchOutcome => ({ source: `/in/${file}`, status: 'rejected', problems: [] });
    expect(holds([unreadable('b.json'), unreadable('a.json')], [entry('a.json', 'E07900001', 2), entry('b.json', 'E07900001', 3)])).toEqual([
      'duplicate-submission [a.json]: release held: a.json and b.json are both for E07900001 2023/24; withdraw one (or correct the intake list) before the release',
    ]);
    // Logged for different councils, they hold nothing (the batch lists why each was refused).
    expect(holds([unreadable('b.json'), unreadable('a.json')], [entry('a.json', 'E07900001', 2), entry('b.json', 'E07900002', 3)])).toEqual([]);
  });

  it('the holds for duplicates come in the order of council and year, whatever the order of the files', () => {
    const files = [accepted('z.json', 2), accepted('y.json', 2), accepted('b.json', 1), accepted('a.json', 1)];
    const entries = [entry('z.json', 'E07900002', 2), entry('y.json', 'E07900002', 3), entry('b.json', 'E07900001', 4), entry('a.json', 'E07900001', 5)];
    expect(holds(files, entries)).toEqual([
      'duplicate-submission [a.json]: release held: a.json and b.json are both for E07900001 2023/24; withdraw one (or correct the intake list) before the release',
      'duplicate-submission [y.json]: release held: y.json and z.json are both for E07900002 2023/24; withdraw one (or correct the intake list) before the release',
    ]);
  });
});
