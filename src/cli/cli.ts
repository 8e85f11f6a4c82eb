import { EXIT, type CliIO, type Command } from './io.js';
import { PACKAGE_VERSION } from './version.js';

/**
 * Each command's module is loaded only when it runs, so `--version`, `--help` and a usage error start without
 * loading exceljs, zod schemas or factor sets.
 */
const COMMANDS: Record<string, { load: () => Promise<Command>; summary: string }> = {
  demo: { load: async () => (await import('./commands/demo.js')).demoCommand, summary: 'calculate the bundled example council and write its reports to out/' },
  template: { load: async () => (await import('./commands/template.js')).templateCommand, summary: 'write a blank council baseline workbook to fill in' },
  calculate: { load: async () => (await import('./commands/calculate.js')).calculateCommand, summary: 'a baseline workbook or CSV, with its spend ledger, to an inventory summary' },
  report: { load: async () => (await import('./commands/report.js')).reportCommand, summary: 'write an inventory report: html, xlsx, csv, json or text' },
  submit: { load: async () => (await import('./commands/submit.js')).submitCommand, summary: 'turn a baseline workbook or CSV into a benchmark submission' },
  benchmark: { load: async () => (await import('./commands/benchmark.js')).benchmarkCommand, summary: "aggregate councils' submissions into an anonymised peer benchmark" },
  factors: { load: async () => (await import('./commands/factors.js')).factorsCommand, summary: 'list, show and import emission factor sets (DESNZ and spend-based)' },
};

const HELP = () => `council-ghg ${PACKAGE_VERSION} — UK council greenhouse-gas inventories from activity data

Usage: council-ghg <command> [options]

${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`).join('\n')}

Run 'council-ghg <command> --help' for a command's options.`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(`council-ghg ${PACKAGE_VERSION}`);
    return EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    io.err(`Unknown command '${name}'.\n`);
    io.err(HELP());
    return EXIT.unusable;
  }
  try {
    // Factor sets named by id (--set desnz-2023) are the bundled ones, or --factors-dir's: set up with the
    // command, not at start, so --version and --help load no factor code.
    (await import('../factors/bundled.js')).useBundledFactorLibrary();
    return await (await command.load())(args, io);
  } catch (error) {
    // Data problems are reported as values inside commands; what reaches here is bad usage or unusable input.
    io.err(describeFailure(name, error));
    return EXIT.unusable;
  }
}


/** node:util parseArgs rejects unknown or malformed options with a TypeError carrying an ERR_PARSE_ARGS_* code. */
function describeFailure(command: string, error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  // Node's own text goes on about positional arguments after '--'; the first sentence is what matters here.
  if (code?.startsWith('ERR_PARSE_ARGS_') === true) return `UsageError: ${error.message.replace(/\. To specify a positional argument.*$/s, '.')} (see council-ghg ${command} --help)`;
  return `${error.name}: ${error.message}`;
}
