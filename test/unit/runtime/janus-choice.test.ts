import { describe, expect, it } from 'vitest';

import { GatewaySettingsError } from '../../../main/gateway/errors';
import { StartupError } from '../../../main/runtime/errors';
import {
  chooseJanus,
  janusForMode,
  type JanusChoiceInput,
  type JanusMode,
} from '../../../main/runtime/janus-choice';

const URL_FLAGS = {
  '--janus-http-url': 'http://127.0.0.5:8088/janus',
  '--janus-ws-url': 'ws://127.0.0.5:8188/janus',
  '--janus-admin-url': 'http://127.0.0.5:7088/admin',
  '--janus-admin-secret': 'flag-admin',
  '--janus-streaming-admin-key': 'flag-key',
};
const URL_ENV = {
  JANUS_HTTP_URL: 'http://127.0.0.9:8088/janus',
  JANUS_WS_URL: 'ws://127.0.0.9:8188/janus',
  JANUS_ADMIN_URL: 'http://127.0.0.9:7088/admin',
  JANUS_ADMIN_SECRET: 'env-admin',
  JANUS_STREAMING_ADMIN_KEY: 'env-key',
};

/** vigil serve's input: `--janus-mode`, the remote flags, the environment. */
function serve(mode: 'native' | 'container' | undefined, flags = {}, env = {}): JanusChoiceInput {
  return { commandLine: { mode, remote: flags }, env };
}

/** The desktop app's input: the environment and janus_mode. */
function desktop(mode: JanusMode, env = {}): JanusChoiceInput {
  return { env, settings: { mode, name: 'janus_mode' } };
}

describe('chooseJanus: flags > environment > settings file > fallback', () => {
  it.each([
    ['serve, nothing given', serve(undefined), 'native', 'the default'],
    ['serve --janus-mode native', serve('native'), 'native', '--janus-mode'],
    ['serve --janus-mode container', serve('container'), 'container', '--janus-mode'],
    ['serve with URL flags', serve(undefined, URL_FLAGS), 'remote', 'the remote Janus URLs'],
    ['serve with JANUS_* env', serve(undefined, {}, URL_ENV), 'remote', 'the remote Janus URLs'],
    ['desktop janus_mode native', desktop('native'), 'native', 'janus_mode'],
    ['desktop janus_mode container', desktop('container'), 'container', 'janus_mode'],
    ['desktop janus_mode remote + env', desktop('remote', URL_ENV), 'remote', 'the remote Janus URLs'],
    [
      'desktop janus_mode native + env',
      desktop('native', URL_ENV),
      'remote',
      'the remote Janus URLs (it beats janus_mode)',
    ],
  ])('%s → %s', (_name, input, mode, decidedBy) => {
    expect(chooseJanus(input)).toMatchObject({ mode, decidedBy });
  });

  it('takes each remote value from the flags before the environment', () => {
    const choice = chooseJanus(serve(undefined, URL_FLAGS, URL_ENV));
    expect(choice).toMatchObject({
      mode: 'remote',
      urls: { http: 'http://127.0.0.5:8088/janus' },
      secrets: { adminSecret: 'flag-admin', streamingAdminKey: 'flag-key' },
    });
  });

  it.each([
    ['URL flags', serve('container', URL_FLAGS)],
    ['the environment', serve('native', {}, URL_ENV)],
  ])('refuses a bundled --janus-mode together with remote URLs from %s', (_name, input) => {
    expect(() => chooseJanus(input)).toThrow(StartupError);
    expect(() => chooseJanus(input)).toThrow(/leave out the remote Janus URLs/);
    try {
      chooseJanus(input);
    } catch (error) {
      expect(error).toMatchObject({ problem: 'contradictory-settings', code: 'VIGIL_ERR_STARTUP' });
    }
  });

  it('names the setting when janus_mode is remote but no Janus URL is configured', () => {
    expect(() => chooseJanus(desktop('remote'))).toThrow(GatewaySettingsError);
    expect(() => chooseJanus(desktop('remote'))).toThrow(
      /janus_mode is remote, but no Janus URL is configured: set JANUS_HTTP_URL.*choose a bundled Janus/,
    );
  });
});

describe('janusForMode (a switch at run time)', () => {
  it('gives the mode asked for, even when the environment names a remote Janus', () => {
    expect(janusForMode('container', desktop('native', URL_ENV))).toEqual({
      mode: 'container',
      decidedBy: 'janus_mode',
    });
    expect(janusForMode('remote', desktop('native', URL_ENV))).toMatchObject({ mode: 'remote' });
  });
});
