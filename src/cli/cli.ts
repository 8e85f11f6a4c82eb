import { benchmarkCommand } from './commands/benchmark.js';
import { calculateCommand } from './commands/calculate.js';
import { demoCommand } from './commands/demo.js';
import { factorsCommand } from './commands/factors.js';
import { reportCommand } from './commands/report.js';
import { submitCommand } from './commands/submit.js';
import { templateCommand } from './commands/template.js';
import { EXIT, type CliIO, type Command } from './io.js';

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  demo: { run: demoCommand, summary: 'calculate the bundled example council and write its reports to out/' },
  template: { run: templateCommand, summary: 'write a blank council baseline workbook to fill in' },
  calculate: { run: calculateCommand, summary: 'a baseline workbook or CSV (or a spend ledger) to an inventory summary' },
  report: { run: reportCommand, summary: 'write an inventory report: html, xlsx, csv, json or text' },
  submit: { run: submitCommand, summary: 'turn a baseline workbook or CSV into a benchmark submission' },
  benchmark: { run: benchmarkCommand, summary: "aggregate councils' submissions into an anonymised peer benchmark" },
  factors: { run: factorsCommand, summary: 'list, show and import emission factor sets' },
};

const HELP = () => `council-ghg — UK council greenhouse-gas inventories from activity data

Usage: council-ghg <command> [options]

${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`).join('\n')}

Run 'council-ghg <command> --help' for a command's options.`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (command === undefined) {
    io.out(HELP());
    return name === undefined || name === '--help' || name === 'help' ? EXIT.ok : EXIT.unusable;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    // Data problems are reported as values inside commands; what reaches here is bad usage or unusable input.
    io.err(error instanceof Error ? `${error.name === 'Error' ? 'Error' : error.name}: ${error.message}` : String(error));
    return EXIT.unusable;
  }
}

