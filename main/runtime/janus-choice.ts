// Which Janus a station uses, decided in one place for both hosts: `vigil serve` brings flags and the
// environment, the desktop app the environment and its settings file. Pure apart from reading a secrets file
// (injectable), so the precedence is table-tested.
import { GatewaySettingsError } from '../gateway/errors';
import type { Gateway } from '../gateway/gateway';
import {
  resolveGatewaySettings,
  type GatewaySettings,
  type GatewaySettingsInput,
} from '../gateway/remote-config';
import { StartupError } from './errors';

/** Where a Janus comes from: bundled (native or container) or remote. */
export type JanusMode = Gateway['mode'];

/** How Vigil runs a Janus of its own: a child process or a Docker container. */
export type BundledJanusMode = Exclude<JanusMode, 'remote'>;

/** Everything that may ask for a Janus; only the environment must be given. */
export interface JanusChoiceInput {
  /** The command line (vigil serve): `--janus-mode`, and the remote-Janus flags keyed `--janus-…`. */
  commandLine?: {
    mode?: BundledJanusMode | undefined;
    remote: Readonly<Record<string, string | undefined>>;
  };
  /** The environment: JANUS_HTTP_URL, JANUS_WS_URL, JANUS_ADMIN_URL and the secrets (the seed's variables). */
  env: NodeJS.ProcessEnv;
  /** The settings file's choice (the desktop app's `janus_mode`) and the setting's name for messages. */
  settings?: { mode: JanusMode; name: string };
  /** The host's choice when nothing above asks for one (default native). */
  fallback?: BundledJanusMode;
  /** Reads a `--janus-secrets-file` (default: from disk). */
  readSecretsFile?: GatewaySettingsInput['readSecretsFile'];
}

/** The Janus to use, everything a remote one needs, and what decided it (for the log). */
export type JanusChoice =
  | { mode: BundledJanusMode; decidedBy: string }
  | (Extract<GatewaySettings, { mode: 'remote' }> & { decidedBy: string });

/**
 * Which Janus the station uses. One precedence for both hosts — flags beat the environment, which beats the
 * settings file, which beats the host's fallback:
 * 1. the command line's `--janus-mode native|container`;
 * 2. a remote Janus's URLs: `--janus-http-url`, `--janus-ws-url`, `--janus-admin-url`, else JANUS_HTTP_URL,
 *    JANUS_WS_URL, JANUS_ADMIN_URL in the environment, else the `--janus-secrets-file` (each value in that order,
 *    secrets too: main/gateway/remote-config.ts);
 * 3. the settings file's mode (the desktop app's `janus_mode`; `remote` there takes its URLs from the environment);
 * 4. the fallback (native for vigil serve; the desktop's settings always hold a mode).
 * A bundled mode on the command line together with a remote Janus's URLs is refused (StartupError): one of
 * them would be ignored, and the command line is typed on purpose.
 */
export function chooseJanus(input: JanusChoiceInput): JanusChoice {
  const remote = remoteSettings(input);
  const asked = input.commandLine?.mode;
  if (asked !== undefined) {
    if (remote.mode === 'remote') {
      throw new StartupError(
        `--janus-mode ${asked} runs a Janus of its own: leave out the remote Janus URLs (flags, JANUS_* ` +
          'environment, secrets file), or leave out --janus-mode to use that remote Janus',
        'contradictory-settings',
      );
    }
    return { mode: asked, decidedBy: '--janus-mode' };
  }
  if (remote.mode === 'remote') {
    const { settings } = input;
    const overrides =
      settings === undefined || settings.mode === 'remote' ? '' : ` (it beats ${settings.name})`;
    return { ...remote, decidedBy: `the remote Janus URLs${overrides}` };
  }
  if (input.settings !== undefined) return janusForMode(input.settings.mode, input, input.settings.name);
  return { mode: input.fallback ?? 'native', decidedBy: 'the default' };
}

/**
 * The Janus of one mode, asked for by name (a settings change at run time, or the settings file at start): a
 * remote one takes its URLs and secrets from the command line and the environment, and must have them.
 */
export function janusForMode(mode: JanusMode, input: JanusChoiceInput, setting = 'janus_mode'): JanusChoice {
  if (mode !== 'remote') return { mode, decidedBy: setting };
  const remote = remoteSettings(input);
  if (remote.mode === 'remote') return { ...remote, decidedBy: setting };
  throw new GatewaySettingsError(
    'JANUS_HTTP_URL',
    `${setting} is remote, but no Janus URL is configured: set JANUS_HTTP_URL, JANUS_WS_URL, JANUS_ADMIN_URL, ` +
      `JANUS_ADMIN_SECRET and JANUS_STREAMING_ADMIN_KEY in the environment and restart, or choose a bundled ` +
      `Janus (native or container) for ${setting}`,
  );
}

function remoteSettings(input: JanusChoiceInput): GatewaySettings {
  return resolveGatewaySettings({
    flags: input.commandLine?.remote ?? {},
    env: input.env,
    ...(input.readSecretsFile === undefined ? {} : { readSecretsFile: input.readSecretsFile }),
  });
}
