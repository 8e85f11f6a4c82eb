import { escapeControls } from '../problem.js';
import { main } from './cli.js';
import type { CliIO } from './io.js';

// Output piped into `head` or `less` that closes early is not an error of ours: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Text from input files reaches both streams: control characters are escaped on stderr, and on stdout when it is
// a terminal (a report written to a file or a pipe keeps its text exactly).
const io: CliIO = { out: (t) => process.stdout.write((process.stdout.isTTY ? escapeControls(t, '\n\t') : t) + '\n'), err: (t) => process.stderr.write(escapeControls(t, '\n\t') + '\n') };
main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
