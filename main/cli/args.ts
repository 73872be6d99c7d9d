// The command line → one typed Command. Pure: no file system, no environment (data-dir.ts resolves those).
import { UsageError } from './cli-error';
import { parseClusterArgs, parseClusterCommand, type ClusterArgs, type ClusterCommand } from './cluster-args';
import { parseGatewayArgs, type GatewayArgs } from './gateway-args';
import {
  JANUS_CONFIG_OPTIONS,
  KEYS_CREATE_OPTIONS,
  KEYS_OPTIONS,
  REMOTE_JANUS_OPTIONS,
  SERVE_OPTIONS,
  SIGNIN_LINK_OPTIONS,
  TOP_OPTIONS,
} from './commands-spec';
import {
  flagValue,
  listValue,
  parseOptions,
  stringValue,
  type OptionSpecs,
  type ParsedOptions,
} from './options';
import { MAX_DEMO_CAMERAS } from '../demo/demo-cameras';
import type { BundledJanusMode } from '../runtime/janus-choice';
import type { LogLevel } from '../runtime/logging';
import {
  parseByteSize,
  parseCount,
  parseHostName,
  parseHttpUrl,
  parseIceServer,
  parseLogLevel,
  parseOrigin,
  parsePort,
  parsePortRange,
} from './values';

/** Listener ports and ICE settings of a Janus Vigil configures (bundled, or via `janus-config`). */
export interface JanusPortArgs {
  httpPort?: number | undefined;
  wsPort?: number | undefined;
  adminPort?: number | undefined;
  adminWsPort?: number | undefined;
  rtpPorts?: { min: number; max: number } | undefined;
  streamingPorts?: { min: number; max: number } | undefined;
  iceInterface?: string | undefined;
  iceEnforceList?: string | undefined;
}

/** The remote-Janus flags as given, keyed `--janus-…` (main/gateway/remote-config.ts checks them with the env). */
export type RemoteJanusFlags = Record<string, string | undefined>;

/** `vigil serve`'s settings. */
export interface ServeArgs {
  host: string;
  port: number;
  dataDir?: string | undefined;
  publicUrl?: URL | undefined;
  allowedHosts: string[];
  corsOrigins: string[];
  iceServers: string[];
  logLevel?: LogLevel | undefined;
  remoteJanus: RemoteJanusFlags;
  /** How the bundled Janus runs (`--janus-mode`); absent: as runtime's precedence decides. */
  janusMode?: BundledJanusMode | undefined;
  janus: JanusPortArgs;
  /** How many simulated cameras to start and add (`--demo N`). */
  demo?: number | undefined;
  /** Where recordings go (`--recordings-dir`; default `<data-dir>/recordings`). */
  recordingsDir?: string | undefined;
  /** The recordings' byte quota (`--recordings-max-bytes`; default chosen at first start). */
  recordingsMaxBytes?: number | undefined;
  /** Cluster mode (`--cluster URLS --cluster-key FILE …`, `--gateway-*`); absent: a single station on its data folder. */
  cluster?: (ClusterArgs & { gateway: GatewayArgs }) | undefined;
}

/** `vigil janus-config`'s settings. */
export interface JanusConfigArgs {
  out: string;
  origin: string;
  janusIp: string;
  /** Leave an existing config alone (for a container that runs this at every start). */
  keepExisting: boolean;
  janus: JanusPortArgs;
}

/** Where `vigil keys` and `vigil signin-link` work: the data folder, or with --cluster the cluster. */
export interface KeysTarget {
  dataDir?: string | undefined;
  cluster?: ClusterArgs | undefined;
}

/** What the command line asks for. */
export type Command =
  | { kind: 'help'; topic: string }
  | { kind: 'version' }
  | { kind: 'serve'; args: ServeArgs }
  | ({ kind: 'keys-create'; name: string; scope: 'manage' | 'view' | 'alarm' } & KeysTarget)
  | ({ kind: 'keys-list' } & KeysTarget)
  | ({ kind: 'keys-revoke'; id: string } & KeysTarget)
  | { kind: 'janus-config'; args: JanusConfigArgs }
  | ({ kind: 'signin-link'; url?: URL | undefined } & KeysTarget)
  | ClusterCommand;

/** Default API listener. */
export const DEFAULT_HOST = '127.0.0.1';
/** Default API port (the seed's). */
export const DEFAULT_PORT = 3000;

/** Parses `argv` (without node and the script); throws UsageError for anything it cannot run. */
export function parseCommand(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  switch (name) {
    case undefined:
      return { kind: 'help', topic: '' };
    case 'serve':
      return parseWithHelp(rest, SERVE_OPTIONS, 'serve', (p) => ({ kind: 'serve', args: serveArgs(p) }));
    case 'keys':
      return parseKeys(rest);
    case 'cluster':
      return parseClusterCommand(rest);
    case 'janus-config':
      return parseWithHelp(rest, JANUS_CONFIG_OPTIONS, 'janus-config', (p) => ({
        kind: 'janus-config',
        args: janusConfigArgs(p),
      }));
    case 'signin-link':
      return parseWithHelp(rest, SIGNIN_LINK_OPTIONS, 'signin-link', (p) => {
        noPositionals(p, 'signin-link');
        const url = stringValue(p, 'url');
        return {
          kind: 'signin-link',
          dataDir: stringValue(p, 'data-dir'),
          url: url === undefined ? undefined : parseHttpUrl('--url', url, 'signin-link'),
          cluster: parseClusterArgs(p, 'signin-link'),
        };
      });
    case 'help':
      return { kind: 'help', topic: rest.join(' ') };
    default:
      if (name.startsWith('-')) {
        const parsed = parseOptions(argv, TOP_OPTIONS, '');
        noPositionals(parsed, '');
        return flagValue(parsed, 'version') ? { kind: 'version' } : { kind: 'help', topic: '' };
      }
      throw new UsageError(`unknown command "${name}"`, '');
  }
}

function parseWithHelp(
  args: readonly string[],
  specs: OptionSpecs,
  topic: string,
  build: (parsed: ParsedOptions) => Command,
): Command {
  const parsed = parseOptions(args, specs, topic);
  return flagValue(parsed, 'help') ? { kind: 'help', topic } : build(parsed);
}

function parseKeys(args: readonly string[]): Command {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'create':
      return parseWithHelp(rest, KEYS_CREATE_OPTIONS, 'keys create', (p) => {
        noPositionals(p, 'keys create');
        return {
          kind: 'keys-create',
          dataDir: stringValue(p, 'data-dir'),
          cluster: parseClusterArgs(p, 'keys create'),
          name: required(p, 'name', 'keys create'),
          scope: scopeOf(required(p, 'scope', 'keys create')),
        };
      });
    case 'list':
      return parseWithHelp(rest, KEYS_OPTIONS, 'keys list', (p) => {
        noPositionals(p, 'keys list');
        return {
          kind: 'keys-list',
          dataDir: stringValue(p, 'data-dir'),
          cluster: parseClusterArgs(p, 'keys list'),
        };
      });
    case 'revoke':
      return parseWithHelp(rest, KEYS_OPTIONS, 'keys revoke', (p) => {
        const [id, ...extra] = p.positionals;
        if (id === undefined)
          throw new UsageError(
            'keys revoke needs the key id, e.g. vigil keys revoke key_0123456789abcdef',
            'keys revoke',
          );
        if (extra.length > 0) throw new UsageError(`unexpected argument "${extra.join(' ')}"`, 'keys revoke');
        const cluster = parseClusterArgs(p, 'keys revoke');
        return { kind: 'keys-revoke', dataDir: stringValue(p, 'data-dir'), cluster, id };
      });
    case undefined:
    case '--help':
    case '-h':
      return { kind: 'help', topic: 'keys' };
    default:
      throw new UsageError(`unknown keys command "${sub}": use create, list or revoke`, 'keys');
  }
}

function serveArgs(p: ParsedOptions): ServeArgs {
  const topic = 'serve';
  noPositionals(p, topic);
  const host = stringValue(p, 'host');
  const port = stringValue(p, 'port');
  const publicUrl = stringValue(p, 'public-url');
  const logLevel = stringValue(p, 'log-level');
  const demo = stringValue(p, 'demo');
  const janusMode = stringValue(p, 'janus-mode');
  const maxBytes = stringValue(p, 'recordings-max-bytes');
  if (janusMode !== undefined && janusMode !== 'native' && janusMode !== 'container') {
    throw new UsageError(`--janus-mode must be native or container; got "${janusMode}"`, topic);
  }
  return {
    host: host === undefined ? DEFAULT_HOST : parseHostName('--host', host, topic),
    port: port === undefined ? DEFAULT_PORT : parsePort('--port', port, topic),
    dataDir: stringValue(p, 'data-dir'),
    publicUrl: publicUrl === undefined ? undefined : parseHttpUrl('--public-url', publicUrl, topic),
    allowedHosts: listValue(p, 'allowed-host').map((h) => parseHostName('--allowed-host', h, topic)),
    corsOrigins: listValue(p, 'cors-origin').map((o) => parseOrigin('--cors-origin', o, topic)),
    iceServers: listValue(p, 'ice-server').map((s) => parseIceServer('--ice-server', s, topic)),
    logLevel: logLevel === undefined ? undefined : parseLogLevel('--log-level', logLevel, topic),
    remoteJanus: Object.fromEntries(
      Object.keys(REMOTE_JANUS_OPTIONS).map((name) => [`--${name}`, stringValue(p, name)]),
    ),
    janusMode,
    janus: janusPortArgs(p, topic),
    demo: demo === undefined ? undefined : parseCount('--demo', demo, topic, MAX_DEMO_CAMERAS),
    recordingsDir: stringValue(p, 'recordings-dir'),
    recordingsMaxBytes:
      maxBytes === undefined ? undefined : parseByteSize('--recordings-max-bytes', maxBytes, topic),
    cluster: clusterWithGateway(parseClusterArgs(p, topic), p, topic),
  };
}

/** The cluster flags with this station's gateway (`--gateway-*`, refused without `--cluster`). */
function clusterWithGateway(cluster: ClusterArgs | undefined, p: ParsedOptions, topic: string) {
  const gateway = parseGatewayArgs(p, topic, cluster !== undefined);
  return cluster && { ...cluster, gateway };
}

function janusConfigArgs(p: ParsedOptions): JanusConfigArgs {
  const topic = 'janus-config';
  noPositionals(p, topic);
  const origin = stringValue(p, 'origin');
  const janusIp = stringValue(p, 'janus-ip');
  return {
    out: required(p, 'out', topic),
    origin:
      origin === undefined
        ? `http://${DEFAULT_HOST}:${DEFAULT_PORT}`
        : parseOrigin('--origin', origin, topic),
    janusIp: janusIp === undefined ? DEFAULT_HOST : parseHostName('--janus-ip', janusIp, topic),
    keepExisting: flagValue(p, 'keep-existing'),
    janus: janusPortArgs(p, topic),
  };
}

function janusPortArgs(p: ParsedOptions, topic: string): JanusPortArgs {
  const port = (name: string): number | undefined => {
    const text = stringValue(p, name);
    return text === undefined ? undefined : parsePort(`--${name}`, text, topic);
  };
  const range = (name: string): { min: number; max: number } | undefined => {
    const text = stringValue(p, name);
    return text === undefined ? undefined : parsePortRange(`--${name}`, text, topic);
  };
  return {
    httpPort: port('janus-http-port'),
    wsPort: port('janus-ws-port'),
    adminPort: port('janus-admin-port'),
    adminWsPort: port('janus-admin-ws-port'),
    rtpPorts: range('janus-rtp-ports'),
    streamingPorts: range('janus-streaming-ports'),
    iceInterface: stringValue(p, 'janus-ice-interface'),
    iceEnforceList: stringValue(p, 'janus-ice-enforce-list'),
  };
}

function required(p: ParsedOptions, name: string, topic: string): string {
  const value = stringValue(p, name);
  if (value === undefined || value.trim() === '') throw new UsageError(`--${name} is required`, topic);
  return value;
}

function scopeOf(text: string): 'manage' | 'view' | 'alarm' {
  if (text === 'manage' || text === 'view' || text === 'alarm') return text;
  throw new UsageError(`--scope must be manage, view or alarm; got "${text}"`, 'keys create');
}

function noPositionals(p: ParsedOptions, topic: string): void {
  if (p.positionals.length > 0)
    throw new UsageError(`unexpected argument "${p.positionals.join(' ')}"`, topic);
}
