// Stand-ins for cluster placement's unit tests: a registry and a health board held in memory, a cipher that
// marks what it seals, and stored cameras.
import { TypedEmitter } from '../../../main/janus/emitter';
import type { PublishedHealth } from '../../../main/cluster/camera-health-board';
import { isGatewayLive, type GatewayRecord } from '../../../main/cluster/gateway-record';
import type { RegisteredGateway } from '../../../main/cluster/gateway-registry';
import type { SecretCipher } from '../../../main/store/secret-cipher';
import type { StoredCamera } from '../../../main/store/stored-camera';

/** A cipher that only wraps: `sealed(x)`. */
export const wrapCipher: SecretCipher = {
  kind: 'keyfile',
  encrypt: (plain) => Promise.resolve(`sealed(${plain})`),
  decrypt: (sealed) => Promise.resolve(sealed.slice('sealed('.length, -1)),
};

/** A registry entry for `id` (weight 1, 100 cameras), up unless told. */
export function gatewayRecord(id: string, extra: Partial<GatewayRecord> = {}): GatewayRecord {
  return {
    gateway_id: id,
    station_id: `station-${id}`,
    urls: { http: `http://${id}/janus`, ws: `ws://${id}/janus`, adminHttp: `http://${id}/admin` },
    secrets_sealed: `sealed(${JSON.stringify({ adminSecret: `admin-${id}`, streamingAdminKey: `key-${id}` })})`,
    weight: 1,
    max_cameras: 100,
    max_viewers: 100,
    state: 'up',
    heartbeat_at: new Date(0).toISOString(),
    load: { cameras: 0, viewers: 0 },
    ...extra,
  };
}

/** The registry in memory: `beat` writes an entry as stored now (`now()` is the test's clock). */
export class FakeRegistry extends TypedEmitter<{ changed: [string] }> {
  readonly #entries = new Map<string, { record: GatewayRecord; storedAt: number }>();

  constructor(readonly now: () => number) {
    super();
  }

  beat(record: GatewayRecord): void {
    this.#entries.set(record.gateway_id, { record, storedAt: this.now() });
    this.emit('changed', record.gateway_id);
  }

  list(now: number = this.now()): RegisteredGateway[] {
    return [...this.#entries.values()]
      .map(({ record, storedAt }) => ({ record, storedAt, live: isGatewayLive(record, storedAt, now) }))
      .sort((a, b) => (a.record.gateway_id < b.record.gateway_id ? -1 : 1));
  }

  get(gatewayId: string, now: number = this.now()): RegisteredGateway | undefined {
    return this.list(now).find((gateway) => gateway.record.gateway_id === gatewayId);
  }

  onChange(listener: (gatewayId: string) => void): () => void {
    return this.on('changed', listener);
  }
}

/** The health board in memory. */
export class FakeBoard extends TypedEmitter<{ changed: [string, PublishedHealth] }> {
  readonly entries = new Map<string, PublishedHealth>();

  get(cameraId: string): PublishedHealth | undefined {
    return this.entries.get(cameraId);
  }

  put(cameraId: string, health: PublishedHealth): Promise<void> {
    this.entries.set(cameraId, health);
    this.emit('changed', cameraId, health);
    return Promise.resolve();
  }

  onChange(listener: (cameraId: string, health: PublishedHealth) => void): () => void {
    return this.on('changed', listener);
  }
}

/** A stored camera (only what placement reads matters). */
export function storedCamera(cameraId: string, extra: Partial<StoredCamera> = {}): StoredCamera {
  return {
    camera_id: cameraId,
    name: cameraId,
    rtsp_url: 'rtsp://127.0.0.1:8554/cam1',
    username: '',
    password_sealed: null,
    auth_method: 'digest',
    description: '',
    enabled: true,
    substream_url: null,
    tags: [],
    mountpoint: { id: 1_000_001, secret_sealed: 'x', pin: 'p', revision: 1 },
    created_at: new Date(0).toISOString(),
    updated_at: new Date(0).toISOString(),
    ...extra,
  };
}
