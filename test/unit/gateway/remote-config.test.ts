import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { GatewaySettingsError } from '../../../main/gateway/errors';
import {
  resolveGatewaySettings,
  type GatewaySettingsInput,
  type SecretsFileContent,
} from '../../../main/gateway/remote-config';

const URL_FLAGS = {
  '--janus-http-url': 'http://127.0.0.5:8088/janus',
  '--janus-ws-url': 'ws://127.0.0.5:8188',
  '--janus-admin-url': 'http://127.0.0.5:7088/admin',
};
const URL_ENV = {
  JANUS_HTTP_URL: 'http://127.0.0.9:8088/janus/',
  JANUS_WS_URL: 'wss://127.0.0.9:8989',
  JANUS_ADMIN_URL: 'https://127.0.0.9:7889/admin',
};
const SECRET_FLAGS = {
  '--janus-admin-secret': 'flag-admin',
  '--janus-streaming-admin-key': 'flag-key',
};
const SECRET_ENV = {
  JANUS_API_SECRET: 'env-api',
  JANUS_ADMIN_SECRET: 'env-admin',
  JANUS_STREAMING_ADMIN_KEY: 'env-key',
};
const FILE_JSON = JSON.stringify({
  api_secret: 'file-api',
  admin_secret: 'file-admin',
  streaming_admin_key: 'file-key',
  origin: 'http://desk.local:3000',
});

/** An in-memory secrets file at /secrets.json with the given mode and text. */
function fakeFile(text: string, mode = 0o100600): (path: string) => SecretsFileContent {
  return (path) => {
    if (path !== '/secrets.json') throw Object.assign(new Error('nope'), { code: 'ENOENT' });
    return { mode, text };
  };
}

function resolve(input: Partial<GatewaySettingsInput>) {
  return resolveGatewaySettings({ flags: {}, env: {}, ...input });
}

function settingsError(input: Partial<GatewaySettingsInput>): GatewaySettingsError {
  try {
    resolve(input);
  } catch (error) {
    if (error instanceof GatewaySettingsError) return error;
    throw error;
  }
  throw new Error('expected a GatewaySettingsError');
}

describe('resolveGatewaySettings', () => {
  it('is the bundled Janus when no Janus URL is given', () => {
    expect(resolve({})).toEqual({ mode: 'native' });
    expect(resolve({ env: { PATH: '/usr/bin', JANUS_HTTP_URL: '' } })).toEqual({ mode: 'native' });
  });

  it('is remote from flags, flags beating the environment beating the secrets file', () => {
    const settings = resolve({
      flags: { ...URL_FLAGS, ...SECRET_FLAGS, '--janus-secrets-file': '/secrets.json' },
      env: { ...URL_ENV, ...SECRET_ENV },
      readSecretsFile: fakeFile(FILE_JSON),
    });
    expect(settings).toEqual({
      mode: 'remote',
      urls: {
        http: 'http://127.0.0.5:8088/janus',
        ws: 'ws://127.0.0.5:8188',
        adminHttp: 'http://127.0.0.5:7088/admin',
      },
      secrets: { apiSecret: 'env-api', adminSecret: 'flag-admin', streamingAdminKey: 'flag-key' },
      origin: 'http://desk.local:3000',
    });
  });

  it('takes URLs and secrets from the environment (trailing slash trimmed), secrets from the file', () => {
    expect(resolve({ env: { ...URL_ENV, ...SECRET_ENV, JANUS_ORIGIN: 'http://127.0.0.1:3000' } })).toEqual({
      mode: 'remote',
      urls: {
        http: 'http://127.0.0.9:8088/janus',
        ws: 'wss://127.0.0.9:8989',
        adminHttp: 'https://127.0.0.9:7889/admin',
      },
      secrets: { apiSecret: 'env-api', adminSecret: 'env-admin', streamingAdminKey: 'env-key' },
      origin: 'http://127.0.0.1:3000',
    });
    const fromFile = resolve({
      flags: { ...URL_FLAGS, '--janus-secrets-file': '/secrets.json', '--janus-origin': 'https://desk' },
      readSecretsFile: fakeFile(FILE_JSON, 0o100400),
    });
    expect(fromFile).toMatchObject({
      secrets: { apiSecret: 'file-api', adminSecret: 'file-admin', streamingAdminKey: 'file-key' },
      origin: 'https://desk',
    });
  });

  it('leaves the API secret and origin out when none is given', () => {
    const settings = resolve({ flags: { ...URL_FLAGS, ...SECRET_FLAGS } });
    expect(settings).toMatchObject({ secrets: { apiSecret: undefined }, origin: undefined });
  });

  it.each([
    [
      'only the HTTP URL',
      { '--janus-http-url': URL_FLAGS['--janus-http-url'] },
      '--janus-ws-url',
      /missing: --janus-ws-url \(or JANUS_WS_URL\), --janus-admin-url/,
    ],
    [
      'no admin secret',
      { ...URL_FLAGS, '--janus-streaming-admin-key': 'k' },
      '--janus-admin-secret',
      /needs --janus-admin-secret \(or JANUS_ADMIN_SECRET or "admin_secret" in --janus-secrets-file\)/,
    ],
    [
      'no streaming key',
      { ...URL_FLAGS, '--janus-admin-secret': 'a' },
      '--janus-streaming-admin-key',
      /needs --janus-streaming-admin-key/,
    ],
    [
      'a non-URL',
      { ...URL_FLAGS, ...SECRET_FLAGS, '--janus-http-url': 'janus:8088' },
      '--janus-http-url',
      /must start with http:\/\/ or https:\/\//,
    ],
    [
      'ws given as http',
      { ...URL_FLAGS, ...SECRET_FLAGS, '--janus-ws-url': 'http://h:8188' },
      '--janus-ws-url',
      /must start with ws:\/\/ or wss:\/\//,
    ],
    [
      'garbage URL',
      { ...URL_FLAGS, ...SECRET_FLAGS, '--janus-admin-url': 'not a url' },
      '--janus-admin-url',
      /is not a URL/,
    ],
    [
      'credentials in a URL',
      { ...URL_FLAGS, ...SECRET_FLAGS, '--janus-admin-url': 'http://u:p@h/admin' },
      '--janus-admin-url',
      /must not carry credentials/,
    ],
    [
      'an origin with a path',
      { ...URL_FLAGS, ...SECRET_FLAGS, '--janus-origin': 'http://h:3000/app' },
      '--janus-origin',
      /must be an origin like/,
    ],
    [
      'a secret without URLs',
      { '--janus-admin-secret': 'a' },
      '--janus-admin-secret',
      /is for a remote Janus, but no Janus URL is given/,
    ],
  ])('refuses %s, naming the setting', (_name, flags, setting, message) => {
    const error = settingsError({ flags });
    expect(error.code).toBe('VIGIL_ERR_JANUS_SETTINGS');
    expect(error.setting).toBe(setting);
    expect(error.message).toMatch(message);
  });

  it.each([
    [
      'group-readable',
      0o100640,
      FILE_JSON,
      /readable by other users \(mode 640\): run `chmod 600 \/secrets.json`/,
    ],
    ['world-readable', 0o100644, FILE_JSON, /mode 644/],
    ['not JSON', 0o100600, '{"admin_secret": "s3cret-value"', /is not valid JSON$/],
    ['an array', 0o100600, '[]', /must hold a JSON object/],
    ['an unknown key', 0o100600, '{"admin-secret": "x"}', /unknown key "admin-secret"/],
    ['a non-string', 0o100600, '{"admin_secret": 42}', /"admin_secret" must be a non-empty string/],
  ])('refuses a secrets file that is %s', (_name, mode, text, message) => {
    const error = settingsError({
      flags: { ...URL_FLAGS, '--janus-secrets-file': '/secrets.json' },
      readSecretsFile: fakeFile(text, mode),
    });
    expect(error.setting).toBe('--janus-secrets-file');
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('s3cret-value');
  });

  it('refuses a secrets file that cannot be read', () => {
    const error = settingsError({
      flags: { ...URL_FLAGS, '--janus-secrets-file': '/missing.json' },
      readSecretsFile: fakeFile('{}'),
    });
    expect(error.message).toMatch(/--janus-secrets-file \/missing.json: cannot be read \(ENOENT\)/);
  });

  it('refuses a secrets file given without any Janus URL', () => {
    const error = settingsError({
      flags: { '--janus-secrets-file': '/secrets.json' },
      readSecretsFile: fakeFile('{}'),
    });
    expect(error.setting).toBe('--janus-secrets-file');
  });

  describe('on disk', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'vigil-remote-config-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('reads a 0600 file and refuses it once it is 0644', async () => {
      const file = join(dir, 'janus-secrets.json');
      await writeFile(file, FILE_JSON, { mode: 0o600 });
      const flags = { ...URL_FLAGS, '--janus-secrets-file': file };
      expect(resolve({ flags })).toMatchObject({ secrets: { adminSecret: 'file-admin' } });
      await chmod(file, 0o644);
      expect(() => resolve({ flags })).toThrow(`run \`chmod 600 ${file}\``);
    });
  });
});
