import { describe, expect, it } from 'vitest';
import { damage, damagedWorkbook } from '../../src/import/workbook-damage.js';
import { UnusableInputError } from '../../src/import/result.js';

/** The readers' own words for a damaged workbook, as the audit of issue 11 met them, and what a person is told. */
describe('damage: a reader\'s failure in words a person can act on', () => {
  it.each([
    [new Error('invalid signature: 0x65746144'), 'its zip parts are not where its directory says: damaged in copying, or altered'],
    [new Error('FILE_ENDED'), 'the file ends part-way through one of its zip parts: it was cut short, as by an incomplete download or copy'],
    [new Error('4:288: undefined entity'), 'one of its XML parts is not well-formed (line 4, column 288: undefined entity)'],
    [new Error('2:194: undefined entity.'), 'one of its XML parts is not well-formed (line 2, column 194: undefined entity)'],
    [new RangeError('Invalid string length'), 'one of its parts is too large to read (Invalid string length)'],
    [new Error('Corrupted zip or bug: unexpected signature (\\x50\\x4B\\x03\\x04)'), 'its zip parts do not match the sizes or checksums its directory gives: damaged in copying, or altered'],
  ])('%s', (error, words) => {
    expect(damage(error)).toBe(words);
  });

  it('names the file and says what to do', () => {
    expect(damagedWorkbook('ledger.xlsx', damage(new Error('FILE_ENDED')))).toEqual(
      new UnusableInputError('ledger.xlsx', 'a damaged .xlsx workbook that cannot be read (the file ends part-way through one of its zip parts: it was cut short, as by an incomplete download or copy); open it in Excel or LibreOffice, repair it and save it again'),
    );
  });
});
