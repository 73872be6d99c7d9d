// Every command's flags and help text, from one table per command (options.ts parses with the same tables).
import { CLUSTER_CONNECT_OPTIONS, CLUSTER_TOPICS } from './cluster-args';
import { CLUSTER_GATEWAY_OPTIONS } from './gateway-args';
import { formatOptions, type OptionSpecs } from './options';

const help = { type: 'boolean', short: 'h', help: 'Show this help' } as const;
const dataDir = {
  type: 'string',
  value: 'DIR',
  help: 'Data folder (default: $VIGIL_DATA_DIR, else $XDG_DATA_HOME/vigil, else ~/.local/share/vigil)',
} as const;

/** Flags of a native (bundled) Janus's listeners and ICE, shared by `serve` and `janus-config`. */
const janusPorts = {
  'janus-http-port': { type: 'string', value: 'PORT', help: 'Janus HTTP API port (default 8088)' },
  'janus-ws-port': { type: 'string', value: 'PORT', help: 'Janus WebSocket API port (default 8188)' },
  'janus-admin-port': { type: 'string', value: 'PORT', help: 'Janus Admin API port (default 7088)' },
  'janus-admin-ws-port': {
    type: 'string',
    value: 'PORT',
    help: 'Janus Admin WebSocket API port (default: off)',
  },
  'janus-rtp-ports': {
    type: 'string',
    value: 'MIN-MAX',
    help: 'UDP ports for WebRTC media to viewers (default 10000-19999)',
  },
  'janus-streaming-ports': {
    type: 'string',
    value: 'MIN-MAX',
    help: 'UDP ports for RTP from the cameras (default 20000-29999)',
  },
  'janus-ice-interface': {
    type: 'string',
    value: 'ADDRESS',
    help: 'Address Janus offers to viewers as its ICE candidate (default: every interface)',
  },
  'janus-ice-enforce-list': {
    type: 'string',
    value: 'IFACES',
    help: 'Comma-separated interfaces ICE may use (default: all)',
  },
} as const satisfies OptionSpecs;

/** Flags that point `serve` at a Janus someone else runs; main/gateway/remote-config.ts reads them by name. */
export const REMOTE_JANUS_OPTIONS = {
  'janus-http-url': {
    type: 'string',
    value: 'URL',
    help: 'Remote Janus HTTP API, e.g. http://127.0.0.1:8088/janus (env JANUS_HTTP_URL)',
  },
  'janus-ws-url': {
    type: 'string',
    value: 'URL',
    help: 'Remote Janus WebSocket API, e.g. ws://127.0.0.1:8188/janus (env JANUS_WS_URL)',
  },
  'janus-admin-url': {
    type: 'string',
    value: 'URL',
    help: 'Remote Janus Admin API, e.g. http://127.0.0.1:7088/admin (env JANUS_ADMIN_URL)',
  },
  'janus-secrets-file': {
    type: 'string',
    value: 'FILE',
    help: 'JSON file (0600) with api_secret, admin_secret, streaming_admin_key, origin (see janus-config)',
  },
  'janus-api-secret': {
    type: 'string',
    value: 'SECRET',
    help: 'Remote Janus api_secret (env JANUS_API_SECRET; prefer the env or the file: ps shows flags)',
  },
  'janus-admin-secret': {
    type: 'string',
    value: 'SECRET',
    help: 'Remote Janus admin_secret (env JANUS_ADMIN_SECRET)',
  },
  'janus-streaming-admin-key': {
    type: 'string',
    value: 'KEY',
    help: "Remote Janus streaming plugin's admin_key (env JANUS_STREAMING_ADMIN_KEY)",
  },
  'janus-origin': {
    type: 'string',
    value: 'ORIGIN',
    help: 'Origin the remote Janus allows (its allow_origin; env JANUS_ORIGIN)',
  },
} as const satisfies OptionSpecs;

/** `vigil serve`. */
export const SERVE_OPTIONS = {
  host: { type: 'string', value: 'HOST', help: 'Address the REST API listens on (default 127.0.0.1)' },
  port: { type: 'string', value: 'PORT', help: 'Port the REST API listens on (default 3000)' },
  'data-dir': dataDir,
  'public-url': {
    type: 'string',
    value: 'URL',
    help: 'URL browsers use to reach this station (default http://HOST:PORT); its origin is Janus allow_origin',
  },
  'allowed-host': {
    type: 'string',
    multiple: true,
    value: 'NAME',
    help: 'Extra Host header the API accepts (repeatable), e.g. vigil.example.com',
  },
  'cors-origin': {
    type: 'string',
    multiple: true,
    value: 'ORIGIN',
    help: 'Browser origin allowed to call the API (repeatable; default none)',
  },
  'ice-server': {
    type: 'string',
    multiple: true,
    value: 'URL',
    help: 'STUN/TURN server handed to viewers (repeatable), e.g. stun:stun.example.com:3478',
  },
  'log-level': {
    type: 'string',
    value: 'LEVEL',
    help: 'fatal, error, warn, info, debug, trace or silent (default: $VIGIL_LOG_LEVEL, else info)',
  },
  demo: {
    type: 'string',
    value: 'N',
    help: 'Start N simulated cameras (1-16) and add them as demo-1…demo-N (needs python3-gi and GStreamer)',
  },
  'recordings-dir': {
    type: 'string',
    value: 'DIR',
    help: 'Where cameras that record keep their video (default <data-dir>/recordings)',
  },
  'recordings-max-bytes': {
    type: 'string',
    value: 'BYTES',
    help: 'Most bytes the recordings may take, e.g. 500G or 2T (default: 80% of the free space at first start)',
  },
  'janus-mode': {
    type: 'string',
    value: 'MODE',
    help: 'How Vigil runs its own Janus: native (a process, default) or container (Docker; env DOCKER_HOST)',
  },
  ...REMOTE_JANUS_OPTIONS,
  ...janusPorts,
  ...CLUSTER_CONNECT_OPTIONS,
  ...CLUSTER_GATEWAY_OPTIONS,
  help,
} as const satisfies OptionSpecs;

/** `vigil keys create`. */
export const KEYS_CREATE_OPTIONS = {
  name: { type: 'string', value: 'NAME', help: 'What the key is for, e.g. "VAS portal" (required)' },
  scope: {
    type: 'string',
    value: 'SCOPE',
    help: 'manage (change anything) or view (read and watch) (required)',
  },
  'data-dir': dataDir,
  ...CLUSTER_CONNECT_OPTIONS,
  help,
} as const satisfies OptionSpecs;

/** `vigil keys list` and `vigil keys revoke` (with --cluster: the cluster's keys, in NATS). */
export const KEYS_OPTIONS = {
  'data-dir': dataDir,
  ...CLUSTER_CONNECT_OPTIONS,
  help,
} as const satisfies OptionSpecs;

/** `vigil signin-link`. */
export const SIGNIN_LINK_OPTIONS = {
  'data-dir': dataDir,
  url: {
    type: 'string',
    value: 'URL',
    help: "The station's URL browsers use (default: the one in DATA/signin-url, else http://127.0.0.1:3000)",
  },
  ...CLUSTER_CONNECT_OPTIONS,
  help,
} as const satisfies OptionSpecs;

/** `vigil janus-config`. */
export const JANUS_CONFIG_OPTIONS = {
  out: { type: 'string', value: 'DIR', help: 'Folder to write the Janus config into (required)' },
  origin: {
    type: 'string',
    value: 'URL',
    help: 'Origin of the station as browsers see it: Janus allow_origin (default http://127.0.0.1:3000)',
  },
  'janus-ip': {
    type: 'string',
    value: 'ADDRESS',
    help: 'Address the Janus APIs listen on (default 127.0.0.1; 0.0.0.0 in a container with mapped ports)',
  },
  'keep-existing': {
    type: 'boolean',
    help: 'Leave DIR alone if it already holds a config (keeps a running Janus and its secrets in step)',
  },
  ...janusPorts,
  help,
} as const satisfies OptionSpecs;

/** `vigil` and `vigil --version`. */
export const TOP_OPTIONS = {
  version: { type: 'boolean', short: 'V', help: 'Print the version' },
  help,
} as const satisfies OptionSpecs;

const TOPICS: Record<string, { usage: string; about: string; options?: OptionSpecs }> = {
  '': {
    usage: 'vigil <command> [options]',
    about: [
      'Vigil camera monitoring station.',
      '',
      'Commands:',
      '  serve           Run the station: REST API, bundled (or remote) Janus, cameras',
      '  keys create     Create an API key (shown once)',
      '  keys list       List API keys (never their secrets)',
      '  keys revoke     Revoke an API key',
      '  signin-link     Print a new one-time sign-in link for the wall in a browser',
      '  janus-config    Write a Janus config folder for a Janus you run yourself',
      '  cluster init    Write a new cluster key (cluster mode: serve --cluster)',
      "  cluster import  Copy a single station's cameras, views and API keys into the cluster",
      "  cluster export  Write the cluster's cameras, views and API keys into a data folder",
      '',
      'Run `vigil <command> --help` for a command’s options.',
    ].join('\n'),
    options: TOP_OPTIONS,
  },
  serve: {
    usage: 'vigil serve [options]',
    about:
      'Runs the station. Without Janus URLs it starts the bundled Janus; with --janus-http-url, --janus-ws-url\n' +
      'and --janus-admin-url (or JANUS_HTTP_URL, JANUS_WS_URL, JANUS_ADMIN_URL) it uses that Janus.\n' +
      'It serves the wall to browsers at its URL: open the one-time sign-in link it prints (also written to\n' +
      'DATA/signin-url).',
    options: SERVE_OPTIONS,
  },
  keys: {
    usage: 'vigil keys <create|list|revoke> [options]',
    about: "Manages the REST API bearer keys in the data folder (with --cluster: the cluster's, in NATS).",
  },
  'keys create': {
    usage: 'vigil keys create --name NAME --scope manage|view|alarm [options]',
    about: 'Creates an API key and prints it once: it is stored only as a hash.',
    options: KEYS_CREATE_OPTIONS,
  },
  'keys list': {
    usage: 'vigil keys list [options]',
    about: 'Lists the API keys: id, name, scope, created, last used (never the keys).',
    options: KEYS_OPTIONS,
  },
  'keys revoke': {
    usage: 'vigil keys revoke ID [options]',
    about: 'Revokes an API key by its id (see `vigil keys list`); takes effect on the next request.',
    options: KEYS_OPTIONS,
  },
  'signin-link': {
    usage: 'vigil signin-link [options]',
    about:
      'Prints a new one-time sign-in link for the wall (it works once, within 10 minutes), for a browser whose\n' +
      'session ended. The station in the data folder may be running or not; it accepts the link either way.',
    options: SIGNIN_LINK_OPTIONS,
  },
  ...CLUSTER_TOPICS,
  'janus-config': {
    usage: 'vigil janus-config --out DIR [options]',
    about:
      'Writes a Janus config folder with fresh secrets (run Janus with `janus -C DIR/janus.jcfg -F DIR`)\n' +
      'and DIR/vigil-secrets.json for `vigil serve --janus-secrets-file DIR/vigil-secrets.json`.',
    options: JANUS_CONFIG_OPTIONS,
  },
};

/** The help text of a topic (`''` for the overview, `serve`, `keys create`…). */
export function helpText(topic: string): string {
  const entry = TOPICS[topic] ?? TOPICS[''];
  if (entry === undefined) return '';
  const options = entry.options === undefined ? '' : `\n\nOptions:\n${formatOptions(entry.options)}`;
  return `Usage: ${entry.usage}\n\n${entry.about}${options}\n`;
}
