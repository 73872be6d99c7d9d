// The `vigil` command's entry (bin/vigil.js loads it through tsx). Exits explicitly: `serve` resolves only
// after its shutdown, and a leftover timer or socket must not keep a finished command alive.
import { processOutput } from './output';
import { runCli } from './run';

process.exit(await runCli(process.argv.slice(2), processOutput));
