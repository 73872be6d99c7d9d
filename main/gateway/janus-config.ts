// Renders Janus's four configuration files (config/*.jcfg templates) from Vigil's options. Pure: the
// templates and secrets come in, file texts go out; main/gateway/janus-config-folder.ts writes them.
import { fillJcfgTemplate, type JcfgValues } from './jcfg-template';

/** Janus's own names for the four files Vigil renders, in the order Janus reads them. */
export const JANUS_CONFIG_FILES = [
  'janus.jcfg',
  'janus.plugin.streaming.jcfg',
  'janus.transport.http.jcfg',
  'janus.transport.websockets.jcfg',
] as const;

/** One of Janus's configuration file names. */
export type JanusConfigFileName = (typeof JANUS_CONFIG_FILES)[number];

/** Text per configuration file name (templates in, rendered files out). */
export type JanusConfigFiles = Record<JanusConfigFileName, string>;

/** An address and TCP port Janus listens on. */
export interface JanusListener {
  ip: string;
  port: number;
}

/** Which APIs Janus serves where; a missing entry turns that API off. */
export interface JanusListeners {
  http?: JanusListener;
  adminHttp?: JanusListener;
  ws?: JanusListener;
  adminWs?: JanusListener;
}

const LISTENER_NAMES = ['http', 'adminHttp', 'ws', 'adminWs'] as const;

/** Base URL per listener that is on (http://…/janus, http://…/admin, ws://…/janus, ws://…/admin). */
export type JanusUrls<L extends JanusListeners> = { [K in keyof L]: string };

/** The secrets Janus is configured with; the API needs `apiSecret` or `tokenAuth` (or both). */
export interface JanusSecrets {
  apiSecret?: string;
  adminSecret: string;
  streamingAdminKey: string;
}

/** An inclusive UDP port range. */
export interface PortRange {
  min: number;
  max: number;
}

/** Everything that varies between Janus configurations Vigil renders. */
export interface JanusConfigOptions<L extends JanusListeners = JanusListeners> {
  /** Folder holding the files (and, unless `modulesDir` is given, the plugins/, transports/, loggers/ folders). */
  dir: string;
  /** Folder holding plugins/, transports/ and loggers/ when they live apart from the files (a container image). */
  modulesDir?: string;
  listeners: L;
  secrets: JanusSecrets;
  /** Require a token added through the Admin API (`add_token`) unless the request carries the api secret. */
  tokenAuth: boolean;
  /** Janus answers only this origin; with `enforce`, requests from any other origin (or none) get 403. */
  cors: { allowOrigin: string; enforce: boolean };
  /** `general.interface`: the address ICE host candidates use. */
  iceInterface?: string;
  /** `nat.ice_enforce_list`: the only interfaces ICE gathers candidates on. */
  iceEnforceList?: string;
  mediaRtpPortRange: PortRange;
  streamingRtpPortRange: PortRange;
  /** Seconds without a keepalive before Janus drops a session (0 = never). */
  sessionTimeoutSeconds: number;
  logFile?: string;
  logToStdout: boolean;
  /** Janus debug level, 0 (none) to 7 (huge); 4 is info. */
  debugLevel: number;
}

/** Thrown when options cannot make a working, protected Janus configuration. */
export class JanusConfigError extends Error {
  /** Stable error code. */
  readonly code = 'VIGIL_ERR_JANUS_CONFIG';
}

/** Sub-folders of the config folder, each holding symlinks to the shared objects Janus may load. */
export const JANUS_CONFIG_SUBFOLDERS = { plugins: 'plugins', transports: 'transports', loggers: 'loggers' };

/** Renders the four configuration files by filling `templates` from `options`. */
export function renderJanusConfig(
  options: JanusConfigOptions,
  templates: JanusConfigFiles,
): JanusConfigFiles {
  checkOptions(options);
  const values = placeholderValues(options);
  const files = {} as JanusConfigFiles;
  for (const name of JANUS_CONFIG_FILES) files[name] = fillJcfgTemplate(templates[name], values, name);
  return files;
}

/** The base URL of each listener that is on, e.g. `{ http: 'http://127.0.0.1:8088/janus' }`. */
export function janusUrls<L extends JanusListeners>(listeners: L): JanusUrls<L> {
  const paths = {
    http: ['http', '/janus'],
    adminHttp: ['http', '/admin'],
    ws: ['ws', '/janus'],
    adminWs: ['ws', '/admin'],
  };
  const urls: Partial<Record<keyof JanusListeners, string>> = {};
  for (const key of LISTENER_NAMES) {
    const listener = listeners[key];
    if (listener === undefined) continue;
    const [scheme, path] = paths[key];
    const host = listener.ip.includes(':') ? `[${listener.ip}]` : listener.ip;
    urls[key] = `${scheme}://${host}:${listener.port}${path}`;
  }
  return urls as JanusUrls<L>;
}

/** The transport shared objects Janus must load for these listeners. */
export function transportsInUse(listeners: JanusListeners): string[] {
  const transports: string[] = [];
  if (listeners.http ?? listeners.adminHttp) transports.push('libjanus_http.so');
  if (listeners.ws ?? listeners.adminWs) transports.push('libjanus_websockets.so');
  return transports;
}

function placeholderValues(options: JanusConfigOptions): JcfgValues {
  const { dir, modulesDir = dir, listeners, secrets, cors } = options;
  const range = (r: PortRange): string => `${r.min}-${r.max}`;
  return {
    configs_folder: dir,
    plugins_folder: `${modulesDir}/${JANUS_CONFIG_SUBFOLDERS.plugins}`,
    transports_folder: `${modulesDir}/${JANUS_CONFIG_SUBFOLDERS.transports}`,
    loggers_folder: `${modulesDir}/${JANUS_CONFIG_SUBFOLDERS.loggers}`,
    log_to_stdout: options.logToStdout,
    log_file: options.logFile,
    debug_level: options.debugLevel,
    interface: options.iceInterface,
    session_timeout: options.sessionTimeoutSeconds,
    api_secret: secrets.apiSecret,
    token_auth: options.tokenAuth,
    admin_secret: secrets.adminSecret,
    media_rtp_port_range: range(options.mediaRtpPortRange),
    ice_enforce_list: options.iceEnforceList,
    streaming_admin_key: secrets.streamingAdminKey,
    streaming_rtp_port_range: range(options.streamingRtpPortRange),
    ...listenerValues('http', listeners.http),
    ...listenerValues('admin_http', listeners.adminHttp),
    ...listenerValues('ws', listeners.ws),
    ...listenerValues('admin_ws', listeners.adminWs),
    allow_origin: cors.allowOrigin,
    enforce_cors: cors.enforce,
  };
}

function listenerValues(prefix: string, listener: JanusListener | undefined): JcfgValues {
  return {
    [`${prefix}_enabled`]: listener !== undefined,
    [`${prefix}_ip`]: listener?.ip,
    [`${prefix}_port`]: listener?.port,
  };
}

function checkOptions(options: JanusConfigOptions): void {
  const { listeners, secrets } = options;
  const fail = (message: string): never => {
    throw new JanusConfigError(message);
  };
  if (listeners.http === undefined && listeners.ws === undefined) {
    fail('Janus needs a Janus API listener: set listeners.http or listeners.ws');
  }
  if (secrets.apiSecret === undefined && !options.tokenAuth) {
    fail('the Janus API would be open to anyone: set secrets.apiSecret or tokenAuth');
  }
  for (const name of ['apiSecret', 'adminSecret', 'streamingAdminKey'] as const) {
    const secret = secrets[name];
    if (secret !== undefined && !/^[A-Za-z0-9_-]{16,}$/.test(secret)) {
      fail(`secrets.${name} must be at least 16 url-safe characters (A-Z a-z 0-9 _ -)`);
    }
  }
  for (const name of LISTENER_NAMES) {
    const listener = listeners[name];
    if (listener !== undefined && !isPort(listener.port)) fail(`listeners.${name}.port must be 1-65535`);
  }
  for (const name of ['mediaRtpPortRange', 'streamingRtpPortRange'] as const) {
    const { min, max } = options[name];
    if (!isPort(min) || !isPort(max) || min > max) fail(`${name} must be ports 1-65535 with min <= max`);
  }
  if (!Number.isInteger(options.sessionTimeoutSeconds) || options.sessionTimeoutSeconds < 0) {
    fail('sessionTimeoutSeconds must be a whole number of seconds, 0 or more');
  }
  if (!Number.isInteger(options.debugLevel) || options.debugLevel < 0 || options.debugLevel > 7) {
    fail('debugLevel must be 0-7');
  }
  if (!/^https?:\/\/[^\s"]+$/.test(options.cors.allowOrigin)) {
    fail(`cors.allowOrigin must be an http(s) origin, got "${options.cors.allowOrigin}"`);
  }
}

function isPort(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}
