import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/io.js';
import { runCli } from '../support/cli.js';

/** Mistakes on the command line get a one-line reason and exit 2, never a stack trace or a silent help page. */
describe('command-line usage', () => {
  it('lists the commands for no command or --help, and exits 0', async () => {
    for (const argv of [[], ['--help'], ['help']]) {
      const { code, out } = await runCli(...argv);
      expect(code).toBe(EXIT.ok);
      expect(out).toMatch(/^ {2}calculate {3}/m);
    }
  });

  it('prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) expect(await runCli(flag)).toEqual({ code: EXIT.ok, out: `council-ghg ${version}`, err: '' });
  });

  it('names an unknown command and lists the real ones on standard error', async () => {
    const { code, out, err } = await runCli('calcualte', 'baseline.xlsx');
    expect(code).toBe(EXIT.unusable);
    expect(out).toBe('');
    expect(err).toMatch(/^Unknown command 'calcualte'\.\n/);
    expect(err).toMatch(/^ {2}calculate {3}/m);
    expect((await runCli('toString')).err).toMatch(/^Unknown command 'toString'/);
  });

  it('reports an unknown or incomplete option as a usage error pointing at the command’s help', async () => {
    const unknown = await runCli('calculate', 'baseline.xlsx', '--sett', 'desnz-2023');
    expect(unknown.code).toBe(EXIT.unusable);
    expect(unknown.err).toBe("UsageError: Unknown option '--sett'. (see council-ghg calculate --help)");
    const missing = await runCli('report', 'baseline.xlsx', '--out');
    expect(missing.err).toMatch(/^UsageError: Option '--out <value>' argument missing \(see council-ghg report --help\)$/);
  });

  it('gives help for every factors subcommand, and names an unknown one', async () => {
    for (const sub of ['sets', 'list', 'show', 'import']) {
      const { code, out } = await runCli('factors', sub, '--help');
      expect(code).toBe(EXIT.ok);
      expect(out).toContain('import FILE [--year YYYY]');
    }
    const unknown = await runCli('factors', 'lsit');
    expect(unknown.code).toBe(EXIT.unusable);
    expect(unknown.err).toBe("UsageError: Unknown factors command 'lsit': use sets, list, show, import, spend or import-spend (see council-ghg factors --help)");
  });
});
