// A gateway as the cluster registers it (bucket `vigil_gateways`, key = gateway id): who manages it, where it
// listens, its secrets sealed with the cluster key, its capacity, state and load. Liveness is decided here, pure.
import { Type, type Static } from 'typebox';

import { GatewayId } from '../../common/gateways';
import type { GatewayEndpoints, GatewaySecrets } from '../gateway/gateway';
import type { SecretCipher } from '../store/secret-cipher';

/** How long a gateway stays live after its last heartbeat unless told otherwise (heartbeats come every 1 s). */
export const DEFAULT_GATEWAY_TTL_MS = 3_000;

/** One gateway's registry entry. */
export const GatewayRecord = Type.Object({
  gateway_id: GatewayId,
  station_id: Type.String({ minLength: 1 }),
  urls: Type.Object({ http: Type.String(), ws: Type.String(), adminHttp: Type.String() }),
  origin: Type.Optional(Type.String()),
  /** The gateway's secrets (API, Admin, streaming admin key) as JSON, sealed with the cluster key. */
  secrets_sealed: Type.String({ minLength: 1 }),
  weight: Type.Number({ exclusiveMinimum: 0 }),
  max_cameras: Type.Integer({ minimum: 0 }),
  max_viewers: Type.Integer({ minimum: 0 }),
  state: Type.Union([Type.Literal('up'), Type.Literal('down')]),
  heartbeat_at: Type.String({ format: 'date-time' }),
  load: Type.Object({ cameras: Type.Integer({ minimum: 0 }), viewers: Type.Integer({ minimum: 0 }) }),
});

/** One gateway's registry entry. */
export type GatewayRecord = Static<typeof GatewayRecord>;

/** What a gateway may take: placement weight and hard limits. */
export interface GatewayCapacity {
  weight: number;
  maxCameras: number;
  maxViewers: number;
}

/** The capacity of a gateway nobody configured: weight 1, 500 cameras, 1000 viewers. */
export const DEFAULT_GATEWAY_CAPACITY: GatewayCapacity = { weight: 1, maxCameras: 500, maxViewers: 1000 };

/**
 * Whether a gateway is live at `now`: it says 'up' and its last write is younger than `ttlMs`. `storedAt` is the
 * NATS server's time of that write and `now` the local clock: on one machine (or NTP-synced ones) they agree to
 * well under the TTL; a clock skewed by more than a second or two would make gateways look dead early or late.
 */
export function isGatewayLive(
  record: Pick<GatewayRecord, 'state'>,
  storedAt: number,
  now: number,
  ttlMs: number = DEFAULT_GATEWAY_TTL_MS,
): boolean {
  return record.state === 'up' && now - storedAt < ttlMs;
}

/** Seals a gateway's secrets for its registry entry (never plaintext in NATS). */
export function sealGatewaySecrets(secrets: GatewaySecrets, cipher: SecretCipher): Promise<string> {
  return cipher.encrypt(JSON.stringify(secrets));
}

/** The endpoints a registry entry describes, its secrets unsealed with the cluster key. */
export async function gatewayEndpointsOf(
  record: GatewayRecord,
  cipher: SecretCipher,
): Promise<GatewayEndpoints> {
  const secrets = JSON.parse(await cipher.decrypt(record.secrets_sealed)) as GatewaySecrets;
  return {
    urls: { ...record.urls },
    secrets,
    ...(record.origin === undefined ? {} : { origin: record.origin }),
  };
}

/** Checks a gateway's capacity; throws a RangeError naming the bad field and what it takes. */
export function checkGatewayCapacity(capacity: GatewayCapacity): void {
  if (!Number.isFinite(capacity.weight) || capacity.weight <= 0) {
    throw new RangeError(`gateway weight must be a number above 0, got ${capacity.weight}`);
  }
  for (const [field, value] of [
    ['max cameras', capacity.maxCameras],
    ['max viewers', capacity.maxViewers],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(`gateway ${field} must be a whole number ≥ 0, got ${value}`);
    }
  }
}
