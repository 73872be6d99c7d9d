import { describe, expect, it } from 'vitest';

import { parseCommand, type ServeArgs } from '../../../main/cli/args';
import { janusSetup, stationOrigin } from '../../../main/cli/serve-gateway';

function serveArgs(argv: string[]): ServeArgs {
  const command = parseCommand(['serve', ...argv]);
  if (command.kind !== 'serve') throw new Error(`not serve: ${command.kind}`);
  return command.args;
}

describe('janusSetup', () => {
  it('hands runtime the command line, the environment and the bundled Janus’s listeners', () => {
    const env = { JANUS_HTTP_URL: 'http://127.0.0.1:8088/janus' };
    const setup = janusSetup(
      serveArgs([
        '--janus-mode',
        'container',
        '--janus-ws-port',
        '8989',
        '--janus-rtp-ports',
        '10000-10100',
        '--cors-origin',
        'http://127.0.0.1:8080',
      ]),
      '/data',
      env,
    );
    expect(setup.choice).toMatchObject({ commandLine: { mode: 'container' }, env });
    expect(setup.bundled).toMatchObject({
      dataDir: '/data',
      origin: 'http://127.0.0.1:3000',
      ports: { ws: 8989 },
      mediaRtpPortRange: { min: 10000, max: 10100 },
    });
  });
});

describe('stationOrigin', () => {
  it.each([
    [[], 'http://127.0.0.1:3000'],
    [['--host', '::1', '--port', '3001'], 'http://[::1]:3001'],
    [['--public-url', 'https://vigil.example.com/desk'], 'https://vigil.example.com'],
  ])('%j → %s', (argv, origin) => {
    expect(stationOrigin(serveArgs(argv))).toBe(origin);
  });
});
