// The cluster flags (`vigil serve --cluster …` and `vigil cluster import|export`): which NATS servers, the cluster
// key, and how to authenticate (creds file, or user + password file) and encrypt (TLS) as NATS clients expect.
// Each mistake is a UsageError naming the flag and the fix.
import { UsageError } from './cli-error';
import { flagValue, parseOptions, stringValue, type OptionSpecs, type ParsedOptions } from './options';

/** The cluster connection flags, shared by `serve` and `cluster import|export`. */
export const CLUSTER_CONNECT_OPTIONS = {
  cluster: {
    type: 'string',
    value: 'URLS',
    help: 'Cluster mode: NATS servers (JetStream on), comma-separated, e.g. nats://127.0.0.1:4222',
  },
  'cluster-key': {
    type: 'string',
    value: 'FILE',
    help: 'The cluster key (0600) every station shares, made by `vigil cluster init`; seals secrets in NATS',
  },
  'cluster-creds': { type: 'string', value: 'FILE', help: 'NATS credentials file (JWT and NKey seed)' },
  'cluster-user': { type: 'string', value: 'USER', help: 'NATS user (with --cluster-password-file)' },
  'cluster-password-file': { type: 'string', value: 'FILE', help: "File holding the NATS user's password" },
  'cluster-tls-ca': { type: 'string', value: 'FILE', help: "CA that signed the NATS servers' certificates" },
  'cluster-tls-cert': { type: 'string', value: 'FILE', help: 'Client certificate, when NATS requires one' },
  'cluster-tls-key': { type: 'string', value: 'FILE', help: "The client certificate's key" },
} as const satisfies OptionSpecs;

/** How to reach the cluster, as the flags say. */
export interface ClusterArgs {
  servers: string[];
  keyFile: string;
  credsFile?: string | undefined;
  user?: string | undefined;
  passwordFile?: string | undefined;
  tls?:
    { caFile?: string | undefined; certFile?: string | undefined; keyFile?: string | undefined } | undefined;
}

/**
 * The cluster flags of `p`: undefined without `--cluster` (and then no other cluster flag may be given), else the
 * checked servers, key file, credentials and TLS files.
 */
export function parseClusterArgs(p: ParsedOptions, topic: string): ClusterArgs | undefined {
  const flag = (name: keyof typeof CLUSTER_CONNECT_OPTIONS): string | undefined => stringValue(p, name);
  const servers = flag('cluster');
  if (servers === undefined) {
    const stray = Object.keys(CLUSTER_CONNECT_OPTIONS).find((name) => stringValue(p, name) !== undefined);
    if (stray !== undefined) {
      throw new UsageError(
        `--${stray} needs --cluster URLS (the NATS servers), e.g. --cluster nats://127.0.0.1:4222`,
        topic,
      );
    }
    return undefined;
  }
  const keyFile = flag('cluster-key');
  if (keyFile === undefined) {
    throw new UsageError(
      'cluster mode needs the cluster key: --cluster-key FILE (make one with `vigil cluster init --key-file FILE` ' +
        'and give every station a copy)',
      topic,
    );
  }
  const user = flag('cluster-user');
  const passwordFile = flag('cluster-password-file');
  if ((user === undefined) !== (passwordFile === undefined)) {
    throw new UsageError(
      '--cluster-user and --cluster-password-file go together: give both, or neither',
      topic,
    );
  }
  const credsFile = flag('cluster-creds');
  if (credsFile !== undefined && user !== undefined) {
    throw new UsageError(
      'give either --cluster-creds or --cluster-user/--cluster-password-file, not both',
      topic,
    );
  }
  const [caFile, certFile, tlsKey] = [
    flag('cluster-tls-ca'),
    flag('cluster-tls-cert'),
    flag('cluster-tls-key'),
  ];
  if ((certFile === undefined) !== (tlsKey === undefined)) {
    throw new UsageError(
      '--cluster-tls-cert and --cluster-tls-key go together: give both, or neither',
      topic,
    );
  }
  const tls = (caFile ?? certFile) ? { caFile, certFile, keyFile: tlsKey } : undefined;
  return { servers: parseNatsUrls(servers, topic), keyFile, credsFile, user, passwordFile, tls };
}

/** `nats://h:p[,tls://h:p…]`: each a nats:// or tls:// URL with a host and no path. */
function parseNatsUrls(text: string, topic: string): string[] {
  const urls = text.split(',').map((part) => part.trim());
  for (const url of urls) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    const ok =
      parsed !== undefined &&
      (parsed.protocol === 'nats:' || parsed.protocol === 'tls:') &&
      parsed.hostname !== '' &&
      (parsed.pathname === '' || parsed.pathname === '/');
    if (!ok) {
      throw new UsageError(
        `--cluster must list nats:// (or tls://) server URLs separated by commas, e.g. ` +
          `nats://192.0.2.5:4222,nats://192.0.2.6:4222; got "${url}"`,
        topic,
      );
    }
  }
  return urls;
}

/** `vigil cluster init`. */
export const CLUSTER_INIT_OPTIONS = {
  'key-file': {
    type: 'string',
    value: 'PATH',
    help: 'Where to write the new cluster key (default DATA/cluster.key); an existing file is never overwritten',
  },
  'data-dir': {
    type: 'string',
    value: 'DIR',
    help: 'Data folder (default: $VIGIL_DATA_DIR, else $XDG_DATA_HOME/vigil, else ~/.local/share/vigil)',
  },
  help: { type: 'boolean', short: 'h', help: 'Show this help' },
} as const satisfies OptionSpecs;

/** `vigil cluster import` and `vigil cluster export`. */
export const CLUSTER_TRANSFER_OPTIONS = {
  'data-dir': {
    type: 'string',
    value: 'DIR',
    help: "The single station's data folder (required): read by import, written by export",
  },
  ...CLUSTER_CONNECT_OPTIONS,
  help: { type: 'boolean', short: 'h', help: 'Show this help' },
} as const satisfies OptionSpecs;

/** The help topics of `vigil cluster …` (commands-spec.ts adds them to every command's). */
export const CLUSTER_TOPICS: Record<string, { usage: string; about: string; options?: OptionSpecs }> = {
  cluster: {
    usage: 'vigil cluster <init|import|export> [options]',
    about:
      'Cluster mode: stations share cameras, views and API keys in NATS JetStream (vigil serve --cluster URLS\n' +
      "--cluster-key FILE). init writes the cluster key; import and export move a single station's data.",
  },
  'cluster init': {
    usage: 'vigil cluster init [--key-file PATH]',
    about:
      'Writes a new random cluster key (0600). Give every station of the cluster a copy (--cluster-key FILE):\n' +
      'it seals camera passwords and mountpoint secrets in NATS. Keep a backup: without it they cannot be opened.',
    options: CLUSTER_INIT_OPTIONS,
  },
  'cluster import': {
    usage: 'vigil cluster import --data-dir DIR --cluster URLS --cluster-key FILE [options]',
    about:
      'Copies the cameras (secrets re-sealed with the cluster key), views and API keys of the station in DIR into\n' +
      'the cluster. Ids the cluster already has are reported and skipped, never overwritten.',
    options: CLUSTER_TRANSFER_OPTIONS,
  },
  'cluster export': {
    usage: 'vigil cluster export --data-dir DIR --cluster URLS --cluster-key FILE [options]',
    about:
      "Writes the cluster's cameras (secrets re-sealed with DIR's own key), views and API keys into the data\n" +
      'folder DIR, for a single station. Refuses a folder that already has cameras, views or keys.',
    options: CLUSTER_TRANSFER_OPTIONS,
  },
};

/** What `vigil cluster …` asks for. */
export type ClusterCommand =
  | { kind: 'cluster-init'; keyFile?: string | undefined; dataDir?: string | undefined }
  | { kind: 'cluster-import' | 'cluster-export'; dataDir: string; cluster: ClusterArgs };

/** Parses `vigil cluster <init|import|export> …`; `help` answers the topic to show instead. */
export function parseClusterCommand(
  args: readonly string[],
): ClusterCommand | { kind: 'help'; topic: string } {
  const [sub, ...rest] = args;
  if (sub === 'init') {
    const p = parseOptions(rest, CLUSTER_INIT_OPTIONS, 'cluster init');
    if (flagValue(p, 'help')) return { kind: 'help', topic: 'cluster init' };
    noPositionals(p, 'cluster init');
    return { kind: 'cluster-init', keyFile: stringValue(p, 'key-file'), dataDir: stringValue(p, 'data-dir') };
  }
  if (sub === 'import' || sub === 'export') {
    const topic = `cluster ${sub}`;
    const p = parseOptions(rest, CLUSTER_TRANSFER_OPTIONS, topic);
    if (flagValue(p, 'help')) return { kind: 'help', topic };
    noPositionals(p, topic);
    const dataDir = stringValue(p, 'data-dir');
    if (dataDir === undefined)
      throw new UsageError(`--data-dir DIR is required: the station's data folder`, topic);
    const cluster = parseClusterArgs(p, topic);
    if (cluster === undefined)
      throw new UsageError('--cluster URLS is required, e.g. --cluster nats://127.0.0.1:4222', topic);
    return { kind: sub === 'import' ? 'cluster-import' : 'cluster-export', dataDir, cluster };
  }
  if (sub === undefined || sub === '--help' || sub === '-h') return { kind: 'help', topic: 'cluster' };
  throw new UsageError(`unknown cluster command "${sub}": use init, import or export`, 'cluster');
}

function noPositionals(p: ParsedOptions, topic: string): void {
  if (p.positionals.length > 0)
    throw new UsageError(`unexpected argument "${p.positionals.join(' ')}"`, topic);
}
