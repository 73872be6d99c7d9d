import { describe, expect, it } from 'vitest';

import { parseCommand, type Command, type ServeArgs } from '../../../main/cli/args';
import { UsageError } from '../../../main/cli/cli-error';

function serveArgs(argv: string[]): ServeArgs {
  const command = parseCommand(['serve', ...argv]);
  if (command.kind !== 'serve') throw new Error(`expected serve, got ${command.kind}`);
  return command.args;
}

function usageError(argv: string[]): UsageError {
  try {
    parseCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`expected a UsageError for ${argv.join(' ')}`);
}

describe('parseCommand: top level', () => {
  it.each<[string[], Command]>([
    [[], { kind: 'help', topic: '' }],
    [['--help'], { kind: 'help', topic: '' }],
    [['-h'], { kind: 'help', topic: '' }],
    [['--version'], { kind: 'version' }],
    [['-V'], { kind: 'version' }],
    [['help', 'keys', 'create'], { kind: 'help', topic: 'keys create' }],
    [['serve', '--help'], { kind: 'help', topic: 'serve' }],
    [['keys'], { kind: 'help', topic: 'keys' }],
    [['keys', '--help'], { kind: 'help', topic: 'keys' }],
    [['keys', 'list', '-h'], { kind: 'help', topic: 'keys list' }],
    [['janus-config', '--help'], { kind: 'help', topic: 'janus-config' }],
  ])('%j', (argv, expected) => {
    expect(parseCommand(argv)).toEqual(expected);
  });

  it('refuses an unknown command', () => {
    expect(usageError(['start']).message).toBe('unknown command "start"');
    expect(usageError(['keys', 'rotate']).message).toContain('unknown keys command "rotate"');
  });
});

describe('parseCommand: serve', () => {
  it('takes --demo N', () => {
    expect(serveArgs(['--demo', '2']).demo).toBe(2);
    expect(serveArgs([]).demo).toBeUndefined();
  });

  it('defaults to 127.0.0.1:3000, the bundled Janus and no extras', () => {
    expect(serveArgs([])).toEqual({
      host: '127.0.0.1',
      port: 3000,
      dataDir: undefined,
      publicUrl: undefined,
      allowedHosts: [],
      corsOrigins: [],
      iceServers: [],
      logLevel: undefined,
      remoteJanus: {
        '--janus-http-url': undefined,
        '--janus-ws-url': undefined,
        '--janus-admin-url': undefined,
        '--janus-secrets-file': undefined,
        '--janus-api-secret': undefined,
        '--janus-admin-secret': undefined,
        '--janus-streaming-admin-key': undefined,
        '--janus-origin': undefined,
      },
      janusMode: undefined,
      janus: {
        httpPort: undefined,
        wsPort: undefined,
        adminPort: undefined,
        adminWsPort: undefined,
        rtpPorts: undefined,
        streamingPorts: undefined,
        iceInterface: undefined,
        iceEnforceList: undefined,
      },
    });
  });

  it('takes every flag, in both --flag value and --flag=value forms', () => {
    const args = serveArgs([
      '--host=0.0.0.0',
      '--port',
      '3001',
      '--data-dir',
      '/srv/vigil',
      '--public-url',
      'https://vigil.example.com',
      '--log-level=debug',
      '--janus-http-port=18088',
      '--janus-ws-port',
      '18188',
      '--janus-admin-port',
      '17088',
      '--janus-admin-ws-port',
      '17188',
      '--janus-rtp-ports',
      '40000-40100',
      '--janus-streaming-ports',
      '41000-41100',
      '--janus-ice-interface',
      '127.0.0.2',
      '--janus-ice-enforce-list',
      'v0',
    ]);
    expect(args).toMatchObject({
      host: '0.0.0.0',
      port: 3001,
      dataDir: '/srv/vigil',
      logLevel: 'debug',
      janus: {
        httpPort: 18088,
        wsPort: 18188,
        adminPort: 17088,
        adminWsPort: 17188,
        rtpPorts: { min: 40000, max: 40100 },
        streamingPorts: { min: 41000, max: 41100 },
        iceInterface: '127.0.0.2',
        iceEnforceList: 'v0',
      },
    });
    expect(args.publicUrl?.origin).toBe('https://vigil.example.com');
  });

  it('collects repeated flags in order', () => {
    const args = serveArgs([
      '--allowed-host',
      'vigil.example.com',
      '--allowed-host',
      'desk.example.com:3000',
      '--cors-origin',
      'https://portal.example.com',
      '--cors-origin',
      'http://127.0.0.1:8080',
      '--ice-server',
      'stun:stun.example.com:3478',
      '--ice-server',
      'turn:turn.example.com:3478?transport=udp',
    ]);
    expect(args.allowedHosts).toEqual(['vigil.example.com', 'desk.example.com:3000']);
    expect(args.corsOrigins).toEqual(['https://portal.example.com', 'http://127.0.0.1:8080']);
    expect(args.iceServers).toEqual([
      'stun:stun.example.com:3478',
      'turn:turn.example.com:3478?transport=udp',
    ]);
  });

  it('passes remote Janus flags through by name', () => {
    const args = serveArgs([
      '--janus-http-url',
      'http://127.0.0.1:8088/janus',
      '--janus-ws-url',
      'ws://127.0.0.1:8188/janus',
      '--janus-admin-url',
      'http://127.0.0.1:7088/admin',
      '--janus-secrets-file',
      '/etc/vigil/vigil-secrets.json',
    ]);
    expect(args.remoteJanus).toMatchObject({
      '--janus-http-url': 'http://127.0.0.1:8088/janus',
      '--janus-ws-url': 'ws://127.0.0.1:8188/janus',
      '--janus-admin-url': 'http://127.0.0.1:7088/admin',
      '--janus-secrets-file': '/etc/vigil/vigil-secrets.json',
    });
  });

  it('runs the bundled Janus in a container with --janus-mode container', () => {
    expect(serveArgs(['--janus-mode', 'container']).janusMode).toBe('container');
  });

  it.each([
    [['--bogus'], 'unknown option --bogus'],
    [['-x'], 'unknown option -x'],
    [['--port'], '--port needs a value: --port PORT'],
    [['--port', '--host', '127.0.0.1'], '--port needs a value: --port PORT'],
    [['--port', '0'], '--port must be a port number 1-65535, got "0"'],
    [['--port', '65536'], '--port must be a port number 1-65535, got "65536"'],
    [['--port', '30a'], '--port must be a port number 1-65535, got "30a"'],
    [['--port', '3000', '--port', '3001'], '--port is given more than once'],
    [['--help=yes'], '--help takes no value'],
    [['extra'], 'unexpected argument "extra"'],
    [['--public-url', 'vigil.example.com'], '--public-url must be an http:// or https:// URL'],
    [['--cors-origin', 'https://portal.example.com/app'], '--cors-origin must be an origin without a path'],
    [['--ice-server', 'http://stun.example.com'], '--ice-server must be a stun:, turn: or turns: URL'],
    [['--log-level', 'loud'], '--log-level must be one of fatal, error, warn, info, debug, trace, silent'],
    [['--janus-rtp-ports', '20000'], '--janus-rtp-ports must be a port range MIN-MAX'],
    [['--janus-rtp-ports', '20100-20000'], '--janus-rtp-ports must be a port range MIN-MAX'],
    [['--host', 'http://127.0.0.1'], '--host must be a host name or address'],
    [['--demo', '0'], '--demo must be a whole number from 1 to 16, got "0"'],
    [['--demo', '17'], '--demo must be a whole number from 1 to 16'],
    [['--demo', 'two'], '--demo must be a whole number from 1 to 16'],
    [['--janus-mode', 'remote'], '--janus-mode must be native or container; got "remote"'],
  ])('%j → usage error', (argv, message) => {
    const error = usageError(['serve', ...argv]);
    expect(error.message).toContain(message);
    expect(error.topic).toBe('serve');
  });
});

describe('parseCommand: keys', () => {
  it('create needs a name and a manage or view scope', () => {
    expect(parseCommand(['keys', 'create', '--name', 'VAS portal', '--scope', 'view'])).toEqual({
      kind: 'keys-create',
      dataDir: undefined,
      name: 'VAS portal',
      scope: 'view',
    });
    expect(usageError(['keys', 'create', '--scope', 'view']).message).toBe('--name is required');
    expect(usageError(['keys', 'create', '--name', 'x']).message).toBe('--scope is required');
    expect(usageError(['keys', 'create', '--name', 'x', '--scope', 'admin']).message).toContain(
      '--scope must be manage, view or alarm',
    );
  });

  it('list and revoke take --data-dir; revoke needs exactly one id', () => {
    expect(parseCommand(['keys', 'list', '--data-dir', '/srv/vigil'])).toEqual({
      kind: 'keys-list',
      dataDir: '/srv/vigil',
    });
    expect(parseCommand(['keys', 'revoke', 'key_0123456789abcdef'])).toEqual({
      kind: 'keys-revoke',
      dataDir: undefined,
      id: 'key_0123456789abcdef',
    });
    expect(usageError(['keys', 'revoke']).message).toContain('keys revoke needs the key id');
    expect(usageError(['keys', 'revoke', 'a', 'b']).message).toBe('unexpected argument "b"');
    expect(usageError(['keys', 'list', '--name', 'x']).topic).toBe('keys list');
  });
});

describe('parseCommand: janus-config', () => {
  it('needs --out; defaults to the default station origin on 127.0.0.1', () => {
    expect(parseCommand(['janus-config', '--out', '/janus-config'])).toMatchObject({
      kind: 'janus-config',
      args: {
        out: '/janus-config',
        origin: 'http://127.0.0.1:3000',
        janusIp: '127.0.0.1',
        keepExisting: false,
      },
    });
    expect(usageError(['janus-config']).message).toBe('--out is required');
  });

  it('takes the origin, the listen address and the ports', () => {
    const command = parseCommand([
      'janus-config',
      '--out',
      'dir',
      '--origin',
      'https://vigil.example.com',
      '--janus-ip',
      '0.0.0.0',
      '--janus-http-port',
      '18088',
      '--keep-existing',
    ]);
    expect(command).toMatchObject({
      args: {
        origin: 'https://vigil.example.com',
        janusIp: '0.0.0.0',
        keepExisting: true,
        janus: { httpPort: 18088 },
      },
    });
    expect(
      usageError(['janus-config', '--out', 'd', '--origin', 'https://x.example.com/a']).message,
    ).toContain('--origin must be an origin without a path');
  });
});

describe('parseCommand: signin-link', () => {
  it('takes --data-dir and an http(s) --url, and nothing else', () => {
    expect(parseCommand(['signin-link'])).toEqual({
      kind: 'signin-link',
      dataDir: undefined,
      url: undefined,
    });
    expect(parseCommand(['signin-link', '--data-dir', '/d', '--url', 'http://127.0.0.1:3990'])).toEqual({
      kind: 'signin-link',
      dataDir: '/d',
      url: new URL('http://127.0.0.1:3990'),
    });
    expect(parseCommand(['signin-link', '--help'])).toEqual({ kind: 'help', topic: 'signin-link' });
    expect(() => parseCommand(['signin-link', '--url', 'ftp://x'])).toThrow(/--url/);
    expect(() => parseCommand(['signin-link', 'extra'])).toThrow(UsageError);
  });
});
