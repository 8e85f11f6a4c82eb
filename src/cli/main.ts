import { main } from './cli.js';
import type { CliIO } from './io.js';

const io: CliIO = { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n') };
main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
