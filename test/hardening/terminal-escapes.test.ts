import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeControls, formatProblem } from '../../src/problem.js';

describe('terminal control characters in printed values', () => {
  it('formatProblem writes controls from the file as \\u escapes: sheet, message and value', () => {
    const line = formatProblem({
      severity: 'error',
      code: 'unknown-unit',
      message: "'k\u001b]0;pwned\u0007Wh' is not a unit\r\n\u009b2J",
      origin: { file: 'b.xlsx', sheet: 'Fleet\u001b[8m', cell: 'D4' },
      value: 'k\u001b[31mWh\u202e',
    });
    expect(line).toBe(
      "error unknown-unit at b.xlsx › 'Fleet\\u001b[8m'!D4: 'k\\u001b]0;pwned\\u0007Wh' is not a unit\\u000d\\u000a\\u009b2J (value: \"k\\u001b[31mWh\\u202e\")",
    );
  });

  it('escapeControls keeps only the characters it is told to, and keeps CRLF with LF', () => {
    expect(escapeControls('a\tb\nc\r\nd\re\u0000\u007f', '\n\t')).toBe('a\tb\nc\r\nd\\u000de\\u0000\\u007f');
    expect(escapeControls('£ café – naïve')).toBe('£ café – naïve');
  });

  it('the command line prints a CSV cell holding ESC sequences without a raw ESC on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'esc-'));
    const file = join(dir, 'esc.csv');
    writeFileSync(file, 'Category,Source,Quantity,Unit,Site\nbuildings,natural-gas,100,"\u001b[2J\u001b[31mkWh",Civic\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'src/cli/main.ts'), 'calculate', file], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('error unknown-unit at esc.csv › line 2, column Unit:');
    expect(run.stderr).toContain('\\u001b[2J\\u001b[31mkWh');
    expect(run.stderr).not.toContain('\u001b');
  });
});
