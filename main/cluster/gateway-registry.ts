// The cluster's gateways (KV bucket `vigil_gateways`, key = gateway id): each station writes the one gateway it
// manages, every station reads them all. A gateway whose heartbeat stopped stays registered (live: false), so
// placement moves only its own cameras; a dead one may be forgotten by hand.
import type { KV } from '@nats-io/kv';
import type { Logger } from 'pino';

import { ErrorCode, VigilError } from '../../common/errors';
import type { ClusterConnection } from './connection';
import { DEFAULT_GATEWAY_TTL_MS, GatewayRecord, isGatewayLive } from './gateway-record';
import { KvMirror, schemaDecoder } from './kv-mirror';

/** The registry's KV bucket. */
export const GATEWAYS_BUCKET = 'vigil_gateways';

/** A registered gateway and whether it is live now. */
export interface RegisteredGateway {
  record: GatewayRecord;
  /** When the NATS server stored its last write (ms since epoch). */
  storedAt: number;
  live: boolean;
}

/** A gateway's entry as the mirror holds it: the record and when the NATS server stored it. */
type StoredGateway = Pick<RegisteredGateway, 'record' | 'storedAt'>;

/**
 * The gateway registry, mirrored in memory and kept current by a KV watch.
 * @example
 * const registry = await GatewayRegistry.open(connection, logger);
 * registry.list().filter((gateway) => gateway.live);
 */
export class GatewayRegistry {
  readonly #bucket: KV;
  readonly #mirror: KvMirror<StoredGateway>;
  readonly #ttlMs: number;

  private constructor(bucket: KV, mirror: KvMirror<StoredGateway>, ttlMs: number) {
    this.#bucket = bucket;
    this.#mirror = mirror;
    this.#ttlMs = ttlMs;
  }

  /** Opens (creating when missing) the registry bucket and reads it; `ttlMs`: how long a heartbeat counts. */
  static async open(
    connection: Pick<ClusterConnection, 'bucket' | 'on'>,
    logger: Logger,
    options: { ttlMs?: number } = {},
  ): Promise<GatewayRegistry> {
    const bucket = await connection.bucket(GATEWAYS_BUCKET, { history: 1 });
    const decodeRecord = schemaDecoder(GatewayRecord, logger);
    const mirror = await KvMirror.open<StoredGateway>(
      bucket,
      connection,
      (key, entry) => {
        const record = decodeRecord(key, entry);
        return record && { record, storedAt: entry.created.getTime() };
      },
      logger,
    );
    return new GatewayRegistry(bucket, mirror, options.ttlMs ?? DEFAULT_GATEWAY_TTL_MS);
  }

  /** How long after its last heartbeat a gateway stops being live. */
  get ttlMs(): number {
    return this.#ttlMs;
  }

  /** Every registered gateway, by id, with its liveness at `now`. */
  list(now: number = Date.now()): RegisteredGateway[] {
    return [...this.#mirror.entries()]
      .map(([, entry]) => this.#registered(entry.value, now))
      .sort((a, b) => (a.record.gateway_id < b.record.gateway_id ? -1 : 1));
  }

  /** One registered gateway, or undefined. */
  get(gatewayId: string, now: number = Date.now()): RegisteredGateway | undefined {
    const entry = this.#mirror.get(gatewayId);
    return entry && this.#registered(entry.value, now);
  }

  /** Calls `listener` with the gateway's id each time an entry changes; returns the unsubscribe function. */
  onChange(listener: (gatewayId: string) => void): () => void {
    return this.#mirror.onChange((change) => {
      listener(change.id);
    });
  }

  /** Writes a gateway's entry (a heartbeat, or a change of state). */
  async put(record: GatewayRecord): Promise<void> {
    await this.#bucket.put(record.gateway_id, JSON.stringify(record));
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
    await this.#bucket.delete(gatewayId);
  }

  /** Stops following the registry. */
  stop(): void {
    this.#mirror.stop();
  }

  #registered({ record, storedAt }: StoredGateway, now: number): RegisteredGateway {
    return { record, storedAt, live: isGatewayLive(record, storedAt, now, this.#ttlMs) };
  }
}
