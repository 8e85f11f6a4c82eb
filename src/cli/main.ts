import { main } from './cli.js';
import type { CliIO } from './io.js';

// Output piped into `head` or `less` that closes early is not an error of ours: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const io: CliIO = { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n') };
main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
