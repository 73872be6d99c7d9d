import { describe, expect, it } from 'vitest';

import { parseCommand } from '../../../main/cli/args';
import { usageMessage } from './usage-message';

describe('vigil serve --cluster', () => {
  it('takes the servers, the cluster key, a user with a password file and TLS files', () => {
    const command = parseCommand([
      ...['serve', '--cluster', 'nats://192.0.2.5:4222, tls://192.0.2.6:4222'],
      ...['--cluster-key', '/etc/vigil/cluster.key', '--cluster-user', 'vigil'],
      ...['--cluster-password-file', '/etc/vigil/nats.pw', '--cluster-tls-ca', '/etc/vigil/ca.pem'],
    ]);
    expect(command).toMatchObject({
      kind: 'serve',
      args: {
        cluster: {
          servers: ['nats://192.0.2.5:4222', 'tls://192.0.2.6:4222'],
          keyFile: '/etc/vigil/cluster.key',
          user: 'vigil',
          passwordFile: '/etc/vigil/nats.pw',
          tls: { caFile: '/etc/vigil/ca.pem' },
        },
      },
    });
  });

  it('stays a single station without --cluster', () => {
    expect(parseCommand(['serve'])).toMatchObject({ kind: 'serve', args: { cluster: undefined } });
  });

  it.each([
    [['serve', '--cluster', 'nats://127.0.0.1:4222'], '--cluster-key FILE'],
    [['serve', '--cluster-key', '/k'], '--cluster-key needs --cluster URLS'],
    [['serve', '--cluster', 'http://127.0.0.1:4222', '--cluster-key', '/k'], 'nats:// (or tls://)'],
    [['serve', '--cluster', 'nats://h:4222/x', '--cluster-key', '/k'], 'got "nats://h:4222/x"'],
    [['serve', '--cluster', 'nats://h:4222', '--cluster-key', '/k', '--cluster-user', 'u'], 'go together'],
    [
      ['serve', '--cluster', 'nats://h:4222', '--cluster-key', '/k', '--cluster-creds', '/c'].concat([
        '--cluster-user',
        'u',
        '--cluster-password-file',
        '/p',
      ]),
      'not both',
    ],
    [
      ['serve', '--cluster', 'nats://h:4222', '--cluster-key', '/k', '--cluster-tls-cert', '/c'],
      'go together',
    ],
  ])('refuses %j naming the flag and the fix', (argv, words) => {
    expect(usageMessage(argv)).toContain(words);
  });
});

describe('vigil cluster', () => {
  it('parses init, import and export', () => {
    expect(parseCommand(['cluster', 'init', '--key-file', '/k'])).toEqual({
      kind: 'cluster-init',
      keyFile: '/k',
      dataDir: undefined,
    });
    expect(
      parseCommand([
        'cluster',
        'import',
        '--data-dir',
        '/d',
        '--cluster',
        'nats://h:4222',
        '--cluster-key',
        '/k',
      ]),
    ).toMatchObject({
      kind: 'cluster-import',
      dataDir: '/d',
      cluster: { servers: ['nats://h:4222'], keyFile: '/k' },
    });
    expect(parseCommand(['cluster', 'export', '--help'])).toEqual({ kind: 'help', topic: 'cluster export' });
    expect(parseCommand(['cluster'])).toEqual({ kind: 'help', topic: 'cluster' });
  });

  it('needs the data folder and the cluster for import and export', () => {
    expect(
      usageMessage(['cluster', 'import', '--cluster', 'nats://h:4222', '--cluster-key', '/k']),
    ).toContain('--data-dir DIR is required');
    expect(usageMessage(['cluster', 'export', '--data-dir', '/d'])).toContain('--cluster URLS is required');
    expect(usageMessage(['cluster', 'merge'])).toContain('use init, import or export');
  });
});
