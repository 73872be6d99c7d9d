import { describe, expect, it } from 'vitest';

import { formatStartupMessage, type StartupFacts } from '../../../main/cli/startup-message';

const facts: StartupFacts = {
  apiUrl: 'http://127.0.0.1:3000',
  host: '127.0.0.1',
  manageKeyFile: '/home/desk/.local/share/vigil/manage.key',
  janusMode: 'native',
  janusUrl: 'http://127.0.0.1:8088/janus',
  dataDir: '/home/desk/.local/share/vigil',
  logFile: '/home/desk/.local/share/vigil/logs/vigil.log',
};

describe('formatStartupMessage', () => {
  it('says where the API, docs, Janus and data are, and how to use the manage key', () => {
    expect(formatStartupMessage(facts)).toBe(
      [
        'Vigil station is running.',
        '  API:    http://127.0.0.1:3000/',
        '  Docs:   http://127.0.0.1:3000/docs',
        '  Janus:  bundled Janus (started by Vigil) at http://127.0.0.1:8088/janus',
        '  Data:   /home/desk/.local/share/vigil (log: /home/desk/.local/share/vigil/logs/vigil.log)',
        '',
        'The manage key is in /home/desk/.local/share/vigil/manage.key (readable only by you). Use it like this:',
        '  curl -H "Authorization: Bearer $(cat /home/desk/.local/share/vigil/manage.key)" http://127.0.0.1:3000/cameras',
        'Create keys for other clients with: vigil keys create --name NAME --scope view',
        '',
      ].join('\n'),
    );
  });

  it('quotes a key path the shell would split', () => {
    const text = formatStartupMessage({ ...facts, manageKeyFile: "/srv/my vigil/it's/manage.key" });
    expect(text).toContain(`$(cat '/srv/my vigil/it'\\''s/manage.key')`);
  });

  it('never prints a key, and explains a removed key file', () => {
    const text = formatStartupMessage({ ...facts, manageKeyFile: undefined });
    expect(text).toContain('The manage key file was removed');
    expect(text).not.toContain('vigil_manage_');
  });

  it('names the remote Janus and the public URL', () => {
    const text = formatStartupMessage({
      ...facts,
      janusMode: 'remote',
      janusUrl: 'http://127.0.0.1:28088/janus',
      publicUrl: 'https://vigil.example.com/',
    });
    expect(text).toContain('  Janus:  remote Janus at http://127.0.0.1:28088/janus');
    expect(text).toContain('  Public: https://vigil.example.com/');
  });

  it('warns when the API listens beyond loopback', () => {
    expect(formatStartupMessage(facts)).not.toContain('WARNING');
    const text = formatStartupMessage({ ...facts, host: '0.0.0.0', apiUrl: 'http://0.0.0.0:3000' });
    expect(text).toContain('WARNING: listening on 0.0.0.0, not only on this machine');
  });

  it('prints the sign-in link, where its copy is, and the demo cameras', () => {
    const text = formatStartupMessage({
      ...facts,
      signIn: { url: 'http://127.0.0.1:3000/?token=abc', file: '/data/signin-url', validMinutes: 10 },
      demoCameras: ['demo-1', 'demo-2'],
    });
    expect(text).toContain('  Demo:   simulated cameras demo-1, demo-2\n');
    expect(text).toContain(
      '10 minutes; a copy is in /data/signin-url):\n  http://127.0.0.1:3000/?token=abc\n',
    );
  });

  it('prints where recordings go and their quota, saying when this first start chose it', () => {
    const recording = { dir: '/data/recordings', maxBytes: 40 * 2 ** 30, quotaChosenNow: true };
    expect(formatStartupMessage({ ...facts, recording })).toContain(
      '  Record: /data/recordings, at most 40.0 GiB (80% of the free space now; kept for later starts; ' +
        '--recordings-max-bytes changes it)\n',
    );
    expect(formatStartupMessage({ ...facts, recording: { ...recording, quotaChosenNow: false } })).toContain(
      '  Record: /data/recordings, at most 40.0 GiB\n',
    );
  });

  it('says why there is no sign-in link when the data folder refused to keep one, and how to make one later', () => {
    const text = formatStartupMessage({
      ...facts,
      signInProblem: 'The station cannot save changes: the disk holding /data is full (ENOSPC).',
    });
    expect(text).toContain(
      '\nNo browser sign-in link this time. The station cannot save changes: the disk holding /data is full (ENOSPC).\n' +
        'Then make one with: vigil signin-link\n',
    );
    expect(text).not.toContain('?token=');
  });

  it('ends with the sign-in link, after the manage key and any warning', () => {
    const text = formatStartupMessage({
      ...facts,
      host: '0.0.0.0',
      signIn: { url: 'http://127.0.0.1:3000/?token=abc', file: '/data/signin-url', validMinutes: 10 },
    });
    expect(text.endsWith('  http://127.0.0.1:3000/?token=abc\n')).toBe(true);
    expect(text.indexOf('WARNING')).toBeLessThan(text.indexOf('sign-in link'));
    expect(text.indexOf('manage key')).toBeLessThan(text.indexOf('sign-in link'));
  });
});
