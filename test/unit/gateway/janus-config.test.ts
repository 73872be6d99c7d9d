import { lstat, mkdtemp, readdir, readFile, readlink, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  generateSecret,
  readJanusTemplates,
  writeJanusConfigFolder,
} from '../../../main/gateway/janus-config-folder';
import {
  JANUS_CONFIG_FILES,
  JanusConfigError,
  janusUrls,
  renderJanusConfig,
  transportsInUse,
  type JanusConfigOptions,
  type JanusListeners,
} from '../../../main/gateway/janus-config';
import { fillJcfgTemplate, formatJcfgValue, JcfgTemplateError } from '../../../main/gateway/jcfg-template';

const templates = await readJanusTemplates();

const listen = (port: number) => ({ ip: '127.0.0.1', port });
const base: JanusConfigOptions = {
  dir: '/srv/janus',
  listeners: { http: listen(8088), adminHttp: listen(7088), ws: listen(8188), adminWs: listen(7188) },
  secrets: {
    apiSecret: 'api-secret-0123456789abcdef',
    adminSecret: 'admin-secret-0123456789abcd',
    streamingAdminKey: 'streaming-key-0123456789ab',
  },
  tokenAuth: true,
  cors: { allowOrigin: 'http://127.0.0.1:5173', enforce: true },
  iceInterface: '127.0.0.2',
  iceEnforceList: 'v0',
  mediaRtpPortRange: { min: 10000, max: 19999 },
  streamingRtpPortRange: { min: 20000, max: 29999 },
  sessionTimeoutSeconds: 60,
  logFile: '/var/log/vigil/janus.log',
  logToStdout: false,
  debugLevel: 4,
};

/** The `key = value` lines of a rendered file, comments and blank lines dropped, whitespace trimmed. */
function keyLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.includes(' = ') && !line.startsWith('#'));
}

describe('renderJanusConfig', () => {
  const files = renderJanusConfig(base, templates);

  it.each([
    ['janus.jcfg', 'api_secret = "api-secret-0123456789abcdef"'],
    ['janus.jcfg', 'admin_secret = "admin-secret-0123456789abcd"'],
    ['janus.jcfg', 'token_auth = true'],
    ['janus.jcfg', 'session_timeout = 60'],
    ['janus.jcfg', 'interface = "127.0.0.2"'],
    ['janus.jcfg', 'ice_enforce_list = "v0"'],
    ['janus.jcfg', 'ipv6 = false'],
    ['janus.jcfg', 'rtp_port_range = "10000-19999"'],
    ['janus.jcfg', 'plugins_folder = "/srv/janus/plugins"'],
    ['janus.jcfg', 'transports_folder = "/srv/janus/transports"'],
    ['janus.jcfg', 'log_to_file = "/var/log/vigil/janus.log"'],
    ['janus.jcfg', 'debug_level = 4'],
    ['janus.jcfg', 'broadcast = false'],
    ['janus.plugin.streaming.jcfg', 'admin_key = "streaming-key-0123456789ab"'],
    ['janus.plugin.streaming.jcfg', 'rtp_port_range = "20000-29999"'],
    ['janus.transport.http.jcfg', 'http = true'],
    ['janus.transport.http.jcfg', 'ip = "127.0.0.1"'],
    ['janus.transport.http.jcfg', 'port = 8088'],
    ['janus.transport.http.jcfg', 'base_path = "/janus"'],
    ['janus.transport.http.jcfg', 'admin_http = true'],
    ['janus.transport.http.jcfg', 'admin_port = 7088'],
    ['janus.transport.http.jcfg', 'admin_base_path = "/admin"'],
    ['janus.transport.http.jcfg', 'allow_origin = "http://127.0.0.1:5173"'],
    ['janus.transport.http.jcfg', 'enforce_cors = true'],
    ['janus.transport.websockets.jcfg', 'ws = true'],
    ['janus.transport.websockets.jcfg', 'ws_ip = "127.0.0.1"'],
    ['janus.transport.websockets.jcfg', 'ws_port = 8188'],
    ['janus.transport.websockets.jcfg', 'admin_ws_port = 7188'],
    ['janus.transport.websockets.jcfg', 'allow_origin = "http://127.0.0.1:5173"'],
    ['janus.transport.websockets.jcfg', 'enforce_cors = true'],
  ] as const)('%s has %s', (file, line) => {
    expect(keyLines(files[file])).toContain(line);
  });

  it('leaves no placeholder and never the Debian sample admin secret', () => {
    for (const name of JANUS_CONFIG_FILES) {
      expect(files[name]).not.toMatch(/\{\{|\}\}/);
      expect(files[name]).not.toContain('janusoverlord');
    }
  });

  it('has no STUN, TURN, event handler or mountpoint settings', () => {
    const all = JANUS_CONFIG_FILES.map((name) => files[name]).join('\n');
    expect(keyLines(all).filter((line) => /stun|turn|nat_1_1|events_folder|type = /.test(line))).toEqual([]);
  });

  it.each([
    ['no api secret', { secrets: { ...base.secrets, apiSecret: undefined } }, 'api_secret'],
    ['no ICE interface', { iceInterface: undefined }, 'interface'],
    ['no ICE enforce list', { iceEnforceList: undefined }, 'ice_enforce_list'],
    ['no log file', { logFile: undefined }, 'log_to_file'],
  ] as const)('leaves the key out with %s', (_case, change, key) => {
    const text = renderJanusConfig({ ...base, ...change }, templates)['janus.jcfg'];
    expect(keyLines(text).filter((line) => line.startsWith(`${key} =`))).toEqual([]);
  });

  it('points the module folders at modulesDir when they live apart from the files (a container image)', () => {
    const text = renderJanusConfig({ ...base, dir: '/janus-config', modulesDir: '/opt/modules' }, templates)[
      'janus.jcfg'
    ];
    expect(keyLines(text)).toEqual(
      expect.arrayContaining([
        'configs_folder = "/janus-config"',
        'plugins_folder = "/opt/modules/plugins"',
        'transports_folder = "/opt/modules/transports"',
        'loggers_folder = "/opt/modules/loggers"',
      ]),
    );
  });

  it('turns a listener off when it is left out', () => {
    const { adminWs: _adminWs, ...listeners } = base.listeners;
    const ws = renderJanusConfig({ ...base, listeners }, templates)['janus.transport.websockets.jcfg'];
    expect(keyLines(ws)).toContain('admin_ws = false');
    expect(keyLines(ws).filter((line) => line.startsWith('admin_ws_port'))).toEqual([]);
  });

  it.each([
    [
      'an open Janus API',
      { tokenAuth: false, secrets: { ...base.secrets, apiSecret: undefined } },
      /open to anyone/,
    ],
    ['no Janus API listener', { listeners: { adminHttp: listen(7088) } }, /Janus API listener/],
    ['a short secret', { secrets: { ...base.secrets, adminSecret: 'short' } }, /adminSecret/],
    ['a quote in a secret', { secrets: { ...base.secrets, streamingAdminKey: 'x"'.repeat(10) } }, /url-safe/],
    ['port 0', { listeners: { http: listen(0) } }, /listeners.http.port/],
    ['a reversed range', { mediaRtpPortRange: { min: 30000, max: 20000 } }, /mediaRtpPortRange/],
    ['a negative session timeout', { sessionTimeoutSeconds: -1 }, /sessionTimeoutSeconds/],
    ['debug level 9', { debugLevel: 9 }, /debugLevel/],
    ['a wildcard origin', { cors: { allowOrigin: '*', enforce: true } }, /allowOrigin/],
  ] as const)('refuses %s', (_case, change, message) => {
    expect(() => renderJanusConfig({ ...base, ...change }, templates)).toThrow(message);
    expect(() => renderJanusConfig({ ...base, ...change }, templates)).toThrow(JanusConfigError);
  });
});

describe('janusUrls and transportsInUse', () => {
  it('builds one base URL per listener that is on', () => {
    expect(janusUrls(base.listeners)).toEqual({
      http: 'http://127.0.0.1:8088/janus',
      adminHttp: 'http://127.0.0.1:7088/admin',
      ws: 'ws://127.0.0.1:8188/janus',
      adminWs: 'ws://127.0.0.1:7188/admin',
    });
    expect(janusUrls({ ws: { ip: '::1', port: 8188 } })).toEqual({ ws: 'ws://[::1]:8188/janus' });
  });

  it.each<[JanusListeners, string[]]>([
    [base.listeners, ['libjanus_http.so', 'libjanus_websockets.so']],
    [{ http: listen(1) }, ['libjanus_http.so']],
    [{ ws: listen(1), adminWs: listen(2) }, ['libjanus_websockets.so']],
    [{ ws: listen(1), adminHttp: listen(2) }, ['libjanus_http.so', 'libjanus_websockets.so']],
  ])('links only the transports in use (%#)', (listeners, transports) => {
    expect(transportsInUse(listeners)).toEqual(transports);
  });
});

describe('fillJcfgTemplate', () => {
  it.each([
    ['a = {{v}}', { v: 'say "hi" \\ bye' }, 'a = "say \\"hi\\" \\\\ bye"'],
    ['a = {{v}}', { v: 42 }, 'a = 42'],
    ['a = {{v}}', { v: false }, 'a = false'],
    ['x = 1\na = {{v}}\ny = 2', { v: undefined }, 'x = 1\ny = 2'],
    ['# about {{nothing}}\na = 1', {}, '# about {{nothing}}\na = 1'],
  ])('fills %j', (template, values, expected) => {
    expect(fillJcfgTemplate(template, values)).toBe(expected);
  });

  it('refuses a placeholder it has no value entry for', () => {
    expect(() => fillJcfgTemplate('a = {{typo}}', {}, 'janus.jcfg')).toThrow(JcfgTemplateError);
    expect(() => fillJcfgTemplate('a = {{typo}}', {}, 'janus.jcfg')).toThrow(/janus.jcfg uses \{\{typo\}\}/);
  });

  it('refuses a number libconfig cannot hold as an integer', () => {
    expect(() => formatJcfgValue(1.5)).toThrow(RangeError);
  });
});

describe('generateSecret', () => {
  it('makes 32 url-safe characters, different every time', () => {
    const secrets = Array.from({ length: 50 }, generateSecret);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(new Set(secrets).size).toBe(50);
  });
});

describe('writeJanusConfigFolder', () => {
  let root: string;
  let libDir: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-janus-config-'));
    libDir = join(root, 'lib');
    for (const [folder, names] of [
      ['plugins', ['libjanus_streaming.so', 'libjanus_videoroom.so', 'libjanus_echotest.so']],
      ['transports', ['libjanus_http.so', 'libjanus_websockets.so', 'libjanus_pfunix.so']],
    ] as const) {
      await mkdir(join(libDir, folder), { recursive: true });
      for (const name of names) await writeFile(join(libDir, folder, name), '');
    }
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const folderOptions = (dir: string, listeners: JanusListeners = base.listeners) => {
    const { secrets: _secrets, ...rest } = base;
    return { ...rest, dir, listeners, apiSecret: true, libDir };
  };

  it('writes the four files (0600) in a 0700 folder with fresh secrets', async () => {
    const dir = join(root, 'config');
    const folder = await writeJanusConfigFolder(folderOptions(dir));
    expect(folder.configFile).toBe(join(dir, 'janus.jcfg'));
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    for (const name of JANUS_CONFIG_FILES) expect((await stat(join(dir, name))).mode & 0o777).toBe(0o600);

    const { apiSecret, adminSecret, streamingAdminKey } = folder.secrets;
    const jcfg = await readFile(folder.configFile, 'utf8');
    expect(jcfg).toContain(`api_secret = "${apiSecret}"`);
    expect(jcfg).toContain(`admin_secret = "${adminSecret}"`);
    expect(await readFile(join(dir, 'janus.plugin.streaming.jcfg'), 'utf8')).toContain(
      `"${streamingAdminKey}"`,
    );
    expect(new Set([apiSecret, adminSecret, streamingAdminKey]).size).toBe(3);

    const again = await writeJanusConfigFolder(folderOptions(join(root, 'other')));
    expect(again.secrets.adminSecret).not.toBe(adminSecret);
    expect(folder.urls.adminWs).toBe('ws://127.0.0.1:7188/admin');
  });

  it('links only the streaming plugin and the transports in use', async () => {
    const dir = join(root, 'config');
    await writeJanusConfigFolder(folderOptions(dir, { ws: listen(8188) }));
    expect(await readdir(join(dir, 'plugins'))).toEqual(['libjanus_streaming.so']);
    expect(await readdir(join(dir, 'transports'))).toEqual(['libjanus_websockets.so']);
    expect(await readdir(join(dir, 'loggers'))).toEqual([]);
    const link = join(dir, 'plugins', 'libjanus_streaming.so');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(join(libDir, 'plugins', 'libjanus_streaming.so'));

    await writeJanusConfigFolder(folderOptions(dir, { http: listen(8088) }));
    expect(await readdir(join(dir, 'transports'))).toEqual(['libjanus_http.so']);
  });

  it('names the missing module when Janus is not installed', async () => {
    await rm(join(libDir, 'plugins', 'libjanus_streaming.so'));
    await expect(writeJanusConfigFolder(folderOptions(join(root, 'config')))).rejects.toThrow(
      /libjanus_streaming.so is missing: install Debian's janus package/,
    );
  });
});
