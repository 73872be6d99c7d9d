// Cameras' health across the cluster (KV bucket `vigil_camera_health`, key = camera id): the station whose gateway
// holds a camera writes its health there, every other station reads it to answer for cameras it does not hold.
import type { KV } from '@nats-io/kv';
import type { Logger } from 'pino';
import { Type, type Static } from 'typebox';

import { CameraState } from '../../common/camera';
import type { HealthRecord } from '../station/camera-health';
import type { ClusterConnection } from './connection';
import { KvMirror, schemaDecoder } from './kv-mirror';

/** The health board's KV bucket. */
export const CAMERA_HEALTH_BUCKET = 'vigil_camera_health';

/** One camera's health as the station holding it published it. */
export const PublishedHealth = Type.Object({
  /** The gateway holding the camera when this was written. */
  gateway_id: Type.String({ minLength: 1 }),
  state: CameraState,
  since: Type.String({ format: 'date-time' }),
  reason: Type.Optional(Type.String()),
  viewers: Type.Integer({ minimum: 0 }),
  reconnects: Type.Integer({ minimum: 0 }),
  at: Type.String({ format: 'date-time' }),
});

/** One camera's published health. */
export type PublishedHealth = Static<typeof PublishedHealth>;

/** A published health as the station's health record (what `/health` and camera views are built from). */
export function healthRecordOf(published: PublishedHealth): HealthRecord {
  const since = Date.parse(published.since);
  return {
    state: published.state,
    since,
    reason: published.reason,
    reconnects: published.reconnects,
    viewers: published.viewers,
    startedAt: since,
    wasLive: published.state === 'live',
  };
}

/**
 * The cluster's camera health, mirrored in memory.
 * @example
 * const board = await CameraHealthBoard.open(connection, logger);
 * board.get('lobby')?.state;
 */
export class CameraHealthBoard {
  readonly #bucket: KV;
  readonly #mirror: KvMirror<PublishedHealth>;

  private constructor(bucket: KV, mirror: KvMirror<PublishedHealth>) {
    this.#bucket = bucket;
    this.#mirror = mirror;
  }

  /** Opens (creating when missing) the bucket and reads it. */
  static async open(
    connection: Pick<ClusterConnection, 'bucket' | 'on'>,
    logger: Logger,
  ): Promise<CameraHealthBoard> {
    const bucket = await connection.bucket(CAMERA_HEALTH_BUCKET, { history: 1 });
    const decode = schemaDecoder(PublishedHealth, logger);
    return new CameraHealthBoard(bucket, await KvMirror.open(bucket, connection, decode, logger));
  }

  /** A camera's last published health, or undefined. */
  get(cameraId: string): PublishedHealth | undefined {
    return this.#mirror.get(cameraId)?.value;
  }

  /** Calls `listener` each time a camera's published health changes; returns the unsubscribe function. */
  onChange(listener: (cameraId: string, health: PublishedHealth) => void): () => void {
    return this.#mirror.onChange((change) => {
      if (change.value !== undefined) listener(change.id, change.value);
    });
  }

  /** Publishes a camera's health. */
  async put(cameraId: string, health: PublishedHealth): Promise<void> {
    await this.#bucket.put(cameraId, JSON.stringify(health));
  }

  /** Stops following the board. */
  stop(): void {
    this.#mirror.stop();
  }
}
