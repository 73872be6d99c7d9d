// Runs one command line and returns the exit code; bin/vigil.js → main/cli/vigil.ts → here.
import { parseCommand, type Command, type KeysTarget } from './args';
import { helpText } from './commands-spec';
import { resolveDataDir } from './data-dir';
import { writeJanusConfig } from './janus-config';
import { exportFromCluster, importIntoCluster, initCluster } from './cluster';
import { createKey, listKeys, revokeKey, type KeysAt } from './keys';
import type { Output } from './output';
import { serve } from './serve';
import { printSignInLink } from './signin-link';
import { reportError } from './user-errors';
import { vigilVersion } from '../runtime/version';

/** Parses and runs `argv` (arguments after the script); resolves to the process exit code. */
export async function runCli(argv: readonly string[], out: Output): Promise<number> {
  try {
    return await runCommand(parseCommand(argv), out);
  } catch (error) {
    return reportError(error, out);
  }
}

async function runCommand(command: Command, out: Output): Promise<number> {
  switch (command.kind) {
    case 'help':
      out.stdout(helpText(command.topic));
      return 0;
    case 'version':
      out.stdout(`vigil ${vigilVersion()}\n`);
      return 0;
    case 'serve':
      return serve(command.args, out);
    case 'keys-create':
      await createKey(keysAt(command), command.name, command.scope, out);
      return 0;
    case 'keys-list':
      await listKeys(keysAt(command), out);
      return 0;
    case 'keys-revoke':
      await revokeKey(keysAt(command), command.id, out);
      return 0;
    case 'janus-config':
      await writeJanusConfig(command.args, out);
      return 0;
    case 'signin-link':
      await printSignInLink(keysAt(command), command.url, out);
      return 0;
    case 'cluster-init':
      await initCluster(command.keyFile, resolveDataDir(command.dataDir), out);
      return 0;
    case 'cluster-import':
      await importIntoCluster(resolveDataDir(command.dataDir), command.cluster, out);
      return 0;
    case 'cluster-export':
      await exportFromCluster(resolveDataDir(command.dataDir), command.cluster, out);
      return 0;
  }
}

/** Where `vigil keys` and `signin-link` work: the resolved data folder, and the cluster with --cluster. */
function keysAt(target: KeysTarget): KeysAt {
  return { dataDir: resolveDataDir(target.dataDir), cluster: target.cluster };
}
