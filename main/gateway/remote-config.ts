// Where Janus comes from, decided from `vigil serve` flags, the environment and a secrets file: the bundled
// (native) Janus unless any Janus URL is given, then a remote Janus that needs all three URLs, the admin
// secret and the streaming admin key. Flags beat environment variables beat the secrets file. Pure apart
// from reading the secrets file (injectable); every error names the flag or variable to fix.
import { readFileSync, statSync } from 'node:fs';

import { GatewaySettingsError } from './errors';
import type { GatewaySecrets, GatewayUrls } from './gateway';

/** The bundled Janus, or a remote one with everything needed to reach it. */
export type GatewaySettings =
  | { mode: 'native' }
  | { mode: 'remote'; urls: GatewayUrls; secrets: GatewaySecrets; origin?: string | undefined };

/** A secrets file as read from disk: its permission bits and its text. */
export interface SecretsFileContent {
  mode: number;
  text: string;
}

/** The raw inputs: parsed `--flag value` pairs (without values for absent flags) and the environment. */
export interface GatewaySettingsInput {
  flags: Readonly<Record<string, string | undefined>>;
  env: Readonly<Record<string, string | undefined>>;
  /** Reads the secrets file (default: from disk). */
  readSecretsFile?: (path: string) => SecretsFileContent;
}

interface Source {
  flag: string;
  env: string;
  file?: keyof SecretsFile;
}

const URLS = {
  http: { flag: '--janus-http-url', env: 'JANUS_HTTP_URL', schemes: ['http:', 'https:'] },
  ws: { flag: '--janus-ws-url', env: 'JANUS_WS_URL', schemes: ['ws:', 'wss:'] },
  adminHttp: { flag: '--janus-admin-url', env: 'JANUS_ADMIN_URL', schemes: ['http:', 'https:'] },
} as const;

const SECRETS = {
  apiSecret: { flag: '--janus-api-secret', env: 'JANUS_API_SECRET', file: 'api_secret' },
  adminSecret: { flag: '--janus-admin-secret', env: 'JANUS_ADMIN_SECRET', file: 'admin_secret' },
  streamingAdminKey: {
    flag: '--janus-streaming-admin-key',
    env: 'JANUS_STREAMING_ADMIN_KEY',
    file: 'streaming_admin_key',
  },
} as const satisfies Record<keyof GatewaySecrets, Source>;

const ORIGIN: Source = { flag: '--janus-origin', env: 'JANUS_ORIGIN', file: 'origin' };
const SECRETS_FILE_FLAG = '--janus-secrets-file';
const FILE_KEYS = ['api_secret', 'admin_secret', 'streaming_admin_key', 'origin'] as const;
type SecretsFile = Partial<Record<(typeof FILE_KEYS)[number], string>>;

/** Decides native or remote Janus from flags, env and the secrets file; throws GatewaySettingsError. */
export function resolveGatewaySettings(input: GatewaySettingsInput): GatewaySettings {
  const file = readSecrets(input);
  const pick = (source: Source): string | undefined => {
    const value = given(input.flags[source.flag]) ?? given(input.env[source.env]);
    return value ?? (source.file === undefined ? undefined : file?.[source.file]);
  };
  const urls = Object.entries(URLS).map(([key, source]) => ({ key, source, value: pick(source) }));
  if (urls.every((url) => url.value === undefined)) {
    const stray = [...Object.values(SECRETS), ORIGIN].find((source) => pick(source) !== undefined);
    if (stray !== undefined || file !== undefined) {
      const setting = stray === undefined ? SECRETS_FILE_FLAG : `${stray.flag} (or ${stray.env})`;
      throw new GatewaySettingsError(
        stray?.flag ?? SECRETS_FILE_FLAG,
        `${setting} is for a remote Janus, but no Janus URL is given: add --janus-http-url, ` +
          '--janus-ws-url and --janus-admin-url, or drop it to use the bundled Janus',
      );
    }
    return { mode: 'native' };
  }
  const missing = urls.filter((url) => url.value === undefined).map(({ source }) => source);
  if (missing[0] !== undefined) {
    throw new GatewaySettingsError(
      missing[0].flag,
      `a remote Janus needs all three URLs; missing: ${missing.map(describe).join(', ')}`,
    );
  }
  const result = {} as Record<keyof GatewayUrls, string>;
  for (const { key, source, value } of urls) {
    result[key as keyof GatewayUrls] = checkUrl(value ?? '', source);
  }
  const secrets: GatewaySecrets = {
    apiSecret: pick(SECRETS.apiSecret),
    adminSecret: required(pick(SECRETS.adminSecret), SECRETS.adminSecret),
    streamingAdminKey: required(pick(SECRETS.streamingAdminKey), SECRETS.streamingAdminKey),
  };
  const origin = pick(ORIGIN);
  return {
    mode: 'remote',
    urls: result,
    secrets,
    origin: origin === undefined ? undefined : checkOrigin(origin),
  };
}

function given(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function describe(source: Source): string {
  const file = source.file === undefined ? '' : ` or "${source.file}" in ${SECRETS_FILE_FLAG}`;
  return `${source.flag} (or ${source.env}${file})`;
}

function required(value: string | undefined, source: Source): string {
  if (value !== undefined) return value;
  throw new GatewaySettingsError(source.flag, `a remote Janus needs ${describe(source)}`);
}

function checkUrl(value: string, source: (typeof URLS)[keyof typeof URLS]): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new GatewaySettingsError(source.flag, `${source.flag} (or ${source.env}) is not a URL: "${value}"`);
  }
  if (!(source.schemes as readonly string[]).includes(url.protocol)) {
    throw new GatewaySettingsError(
      source.flag,
      `${source.flag} (or ${source.env}) must start with ${source.schemes.map((s) => `${s}//`).join(' or ')}, got "${value}"`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new GatewaySettingsError(
      source.flag,
      `${source.flag} (or ${source.env}) must not carry credentials: pass secrets with their own flags`,
    );
  }
  return value.replace(/\/+$/, '');
}

function checkOrigin(value: string): string {
  let origin: string | undefined;
  try {
    origin = new URL(value).origin;
  } catch {
    origin = undefined;
  }
  if (origin !== value.replace(/\/$/, '') || !/^https?:/.test(value)) {
    throw new GatewaySettingsError(
      ORIGIN.flag,
      `${describe(ORIGIN)} must be an origin like http://127.0.0.1:3000 (scheme, host, port; no path), got "${value}"`,
    );
  }
  return origin;
}

function readSecrets(input: GatewaySettingsInput): SecretsFile | undefined {
  const path = given(input.flags[SECRETS_FILE_FLAG]);
  if (path === undefined) return undefined;
  const fail = (message: string, cause?: unknown): never => {
    throw new GatewaySettingsError(SECRETS_FILE_FLAG, `${SECRETS_FILE_FLAG} ${path}: ${message}`, { cause });
  };
  let content: SecretsFileContent;
  try {
    content = (input.readSecretsFile ?? readFromDisk)(path);
  } catch (error) {
    return fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, error);
  }
  if ((content.mode & 0o077) !== 0) {
    fail(
      `is readable by other users (mode ${(content.mode & 0o777).toString(8)}): run \`chmod 600 ${path}\``,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.text);
  } catch {
    // No cause on purpose: the parser's message quotes the file's text, secrets included.
    return fail('is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail(`must hold a JSON object with ${FILE_KEYS.join(', ')}`);
  }
  const file: SecretsFile = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!(FILE_KEYS as readonly string[]).includes(key)) {
      fail(`unknown key "${key}" (known: ${FILE_KEYS.join(', ')})`);
    }
    if (typeof value !== 'string' || value.trim() === '') fail(`"${key}" must be a non-empty string`);
    file[key as keyof SecretsFile] = (value as string).trim();
  }
  return file;
}

function readFromDisk(path: string): SecretsFileContent {
  return { mode: statSync(path).mode, text: readFileSync(path, 'utf8') };
}
