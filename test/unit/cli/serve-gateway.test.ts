import pino from 'pino';
import { describe, expect, it } from 'vitest';

import { parseCommand, type ServeArgs } from '../../../main/cli/args';
import { UsageError } from '../../../main/cli/cli-error';
import { setupGateway } from '../../../main/cli/serve-gateway';

const logger = pino({ level: 'silent' });

function serveArgs(argv: string[]): ServeArgs {
  const command = parseCommand(['serve', ...argv]);
  if (command.kind !== 'serve') throw new Error(`not serve: ${command.kind}`);
  return command.args;
}

const remoteFlags = [
  '--janus-http-url',
  'http://127.0.0.1:8088/janus',
  '--janus-ws-url',
  'ws://127.0.0.1:8188/janus',
  '--janus-admin-url',
  'http://127.0.0.1:7088/admin',
  '--janus-admin-secret',
  'admin-secret-0123456789',
  '--janus-streaming-admin-key',
  'streaming-key-0123456789',
];

describe('setupGateway', () => {
  it.each([
    [[], 'native'],
    [['--janus-mode', 'native'], 'native'],
    [['--janus-mode', 'container'], 'container'],
    [remoteFlags, 'remote'],
  ])('%j → %s (nothing starts yet)', (argv, mode) => {
    expect(setupGateway(serveArgs(argv), '/nonexistent', logger, {}).mode).toBe(mode);
  });

  it('refuses a container together with a remote Janus', () => {
    const args = serveArgs(['--janus-mode', 'container', ...remoteFlags]);
    expect(() => setupGateway(args, '/nonexistent', logger, {})).toThrow(UsageError);
    expect(() => setupGateway(args, '/nonexistent', logger, {})).toThrow(/leave out the remote Janus URLs/);
  });
});
