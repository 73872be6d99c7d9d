// The cluster's gateways (KV bucket `vigil_gateways`, key = gateway id): each station writes the one gateway it
// manages, every station reads them all. A gateway whose heartbeat stopped stays registered (live: false), so
// placement moves only its own cameras; a dead one may be forgotten by hand.
import type { Logger } from 'pino';

import { ErrorCode, VigilError } from '../../common/errors';
import { BucketMirror } from './bucket-mirror';
import type { ClusterConnection } from './connection';
import { DEFAULT_GATEWAY_TTL_MS, GatewayRecord, isGatewayLive } from './gateway-record';

/** The registry's KV bucket. */
export const GATEWAYS_BUCKET = 'vigil_gateways';

/** A registered gateway and whether it is live now. */
export interface RegisteredGateway {
  record: GatewayRecord;
  /** When the NATS server stored its last write (ms since epoch). */
  storedAt: number;
  live: boolean;
}

/**
 * The gateway registry, mirrored in memory and kept current by a KV watch.
 * @example
 * const registry = await GatewayRegistry.open(connection, logger);
 * registry.list().filter((gateway) => gateway.live);
 */
export class GatewayRegistry {
  readonly #mirror: BucketMirror<typeof GatewayRecord>;
  readonly #ttlMs: number;

  private constructor(mirror: BucketMirror<typeof GatewayRecord>, ttlMs: number) {
    this.#mirror = mirror;
    this.#ttlMs = ttlMs;
  }

  /** Opens (creating when missing) the registry bucket and reads it; `ttlMs`: how long a heartbeat counts. */
  static async open(
    connection: Pick<ClusterConnection, 'bucket'>,
    logger: Logger,
    options: { ttlMs?: number } = {},
  ): Promise<GatewayRegistry> {
    const kv = await connection.bucket(GATEWAYS_BUCKET, { history: 1 });
    const mirror = await BucketMirror.open(kv, GatewayRecord, logger);
    return new GatewayRegistry(mirror, options.ttlMs ?? DEFAULT_GATEWAY_TTL_MS);
  }

  /** How long after its last heartbeat a gateway stops being live. */
  get ttlMs(): number {
    return this.#ttlMs;
  }

  /** Every registered gateway, by id, with its liveness at `now`. */
  list(now: number = Date.now()): RegisteredGateway[] {
    return [...this.#mirror.entries()]
      .map(([, entry]) => this.#registered(entry.value, entry.storedAt, now))
      .sort((a, b) => (a.record.gateway_id < b.record.gateway_id ? -1 : 1));
  }

  /** One registered gateway, or undefined. */
  get(gatewayId: string, now: number = Date.now()): RegisteredGateway | undefined {
    const entry = this.#mirror.get(gatewayId);
    return entry && this.#registered(entry.value, entry.storedAt, now);
  }

  /** Calls `listener` with the gateway's id each time an entry changes; returns the unsubscribe function. */
  onChange(listener: (gatewayId: string) => void): () => void {
    return this.#mirror.on('changed', listener);
  }

  /** Writes a gateway's entry (a heartbeat, or a change of state). */
  async put(record: GatewayRecord): Promise<void> {
    await this.#mirror.kv.put(record.gateway_id, JSON.stringify(record));
  }

  /**
   * Forgets a dead gateway (its cameras are placed as if it never was); refuses a live one with a conflict and an
   * unknown one with not-found.
   */
  async forget(gatewayId: string, now: number = Date.now()): Promise<void> {
    const gateway = this.get(gatewayId, now);
    if (gateway === undefined) {
      throw new VigilError(ErrorCode.NotFound, `No gateway "${gatewayId}" is registered`, 'gateway_id');
    }
    if (gateway.live) {
      throw new VigilError(
        ErrorCode.Conflict,
        `Gateway "${gatewayId}" is live: only a gateway whose heartbeat stopped may be forgotten`,
        'gateway_id',
      );
    }
    await this.#mirror.kv.delete(gatewayId);
  }

  /** Stops following the registry. */
  stop(): void {
    this.#mirror.stop();
  }

  #registered(record: GatewayRecord, storedAt: number, now: number): RegisteredGateway {
    return { record, storedAt, live: isGatewayLive(record, storedAt, now, this.#ttlMs) };
  }
}
