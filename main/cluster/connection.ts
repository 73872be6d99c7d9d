// The station's one connection to NATS in cluster mode: servers, credentials and TLS as NATS clients take them,
// JetStream and its KV buckets on top, and whether NATS is reachable now. The client reconnects by itself for
// as long as the station runs; while it is away every change is refused with VIGIL_ERR_CLUSTER_UNAVAILABLE.
import { readFile } from 'node:fs/promises';

import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { Kvm, type KV, type KvOptions } from '@nats-io/kv';
import {
  connect,
  credsAuthenticator,
  type NatsConnection,
  type NodeConnectionOptions,
} from '@nats-io/transport-node';
import type { Logger } from 'pino';

import { runInBackground } from '../../common/background';
import { ErrorCode, VigilError } from '../../common/errors';
import { TypedEmitter } from '../janus/emitter';

/** How a station reaches NATS (`vigil serve --cluster …`). */
export interface ClusterConnectOptions {
  /** NATS server URLs, e.g. `nats://127.0.0.1:4222`. */
  servers: string[];
  /** A NATS credentials file (JWT + NKey seed), as `nats --creds` takes it. */
  credsFile?: string | undefined;
  user?: string | undefined;
  password?: string | undefined;
  /** TLS: the CA that signed the servers' certificates, and this client's certificate and key when required. */
  tls?:
    { caFile?: string | undefined; certFile?: string | undefined; keyFile?: string | undefined } | undefined;
  /** The connection's name as NATS monitoring shows it (the station's id). */
  name: string;
  /** How long the first connect may take before the station gives up starting. */
  timeoutMs?: number | undefined;
}

/** The error every change gets while NATS cannot be reached. */
export function clusterUnavailable(): VigilError {
  return new VigilError(
    ErrorCode.ClusterUnavailable,
    'The cluster store (NATS) cannot be reached: nothing was changed. Live video goes on; try again once NATS is back.',
  );
}

/** The NATS connection as options say; exported for tests and `vigil cluster` commands. */
export async function natsOptions(options: ClusterConnectOptions): Promise<NodeConnectionOptions> {
  const { credsFile, tls } = options;
  return {
    servers: options.servers,
    name: options.name,
    timeout: options.timeoutMs ?? 5_000,
    // Keep trying for as long as the station runs: it serves from its last known state meanwhile.
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    ...(options.user === undefined ? {} : { user: options.user, pass: options.password ?? '' }),
    ...(credsFile === undefined ? {} : { authenticator: credsAuthenticator(await readFile(credsFile)) }),
    ...(tls === undefined
      ? {}
      : { tls: { caFile: tls.caFile, certFile: tls.certFile, keyFile: tls.keyFile } }),
  };
}

/**
 * An open connection to NATS with JetStream: KV buckets by name, and `up`/`down` as the client loses and regains
 * the server.
 * @example
 * const cluster = await ClusterConnection.connect({ servers: ['nats://127.0.0.1:4222'], name: 'st-1' }, logger);
 * const cameras = await cluster.bucket('vigil_cameras');
 */
export class ClusterConnection extends TypedEmitter<{ up: []; down: [] }> {
  readonly nats: NatsConnection;
  readonly jetstream: JetStreamClient;
  readonly #kvm: Kvm;
  readonly #logger: Logger;
  #up = true;

  private constructor(nats: NatsConnection, logger: Logger) {
    super();
    this.nats = nats;
    this.jetstream = jetstream(nats);
    this.#kvm = new Kvm(this.jetstream);
    this.#logger = logger;
    runInBackground(this.#follow(), (error: unknown) => {
      logger.warn({ err: error }, 'stopped following the NATS connection status');
    });
  }

  /** Connects (the first connect must succeed: a station does not start on a cluster it never reached). */
  static async connect(options: ClusterConnectOptions, logger: Logger): Promise<ClusterConnection> {
    const nats = await connect(await natsOptions(options));
    logger.info({ server: nats.getServer() }, 'connected to the cluster (NATS)');
    return new ClusterConnection(nats, logger);
  }

  /** True while NATS is reachable. */
  get isUp(): boolean {
    return this.#up;
  }

  /** Throws VIGIL_ERR_CLUSTER_UNAVAILABLE while NATS cannot be reached (before a change is attempted). */
  assertUp(): void {
    if (!this.#up) throw clusterUnavailable();
  }

  /** Opens a KV bucket, creating it (with `options`) when it does not exist yet. */
  bucket(name: string, options: Partial<KvOptions> = {}): Promise<KV> {
    return this.#kvm.create(name, options);
  }

  /** Drains and closes the connection (closes at once while NATS is away: a drain would wait for it). */
  async close(): Promise<void> {
    if (this.nats.isClosed()) return;
    if (!this.#up) return this.nats.close();
    await this.nats.drain().catch(() => this.nats.close());
  }

  async #follow(): Promise<void> {
    for await (const status of this.nats.status()) {
      if (status.type === 'disconnect' && this.#up) {
        this.#up = false;
        this.#logger.warn('lost the cluster (NATS): serving from the last known state, changes are refused');
        this.emit('down');
      } else if (status.type === 'reconnect' && !this.#up) {
        this.#up = true;
        this.#logger.info({ server: status.server }, 'the cluster (NATS) is back');
        this.emit('up');
      }
    }
  }
}
