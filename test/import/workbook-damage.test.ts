import { describe, expect, it } from 'vitest';
import { WorkbookDamage } from '../../src/tables/read-xlsx-rows.js';
import { damagedWorkbook } from '../../src/import/workbook-damage.js';
import { UnusableInputError } from '../../src/import/result.js';

describe('damagedWorkbook', () => {
  it('names the file, what the reader found and what to do', () => {
    expect(damagedWorkbook('ledger.xlsx', new WorkbookDamage('its part xl/worksheets/sheet1.xml will not inflate: invalid block type'))).toEqual(
      new UnusableInputError('ledger.xlsx', 'a damaged .xlsx workbook that cannot be read (its part xl/worksheets/sheet1.xml will not inflate: invalid block type); open it in Excel or LibreOffice, repair it and save it again'),
    );
  });
});
