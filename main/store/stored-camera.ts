import { randomBytes, randomInt } from 'node:crypto';

import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

import { AuthMethod, CameraId, CameraPlacement } from '../../common/camera';
import { RecordingSettings } from '../../common/recording';
import { MotionSettings } from '../../common/motion';
import { RtspUrlError } from '../rtsp/errors';
import { parseRtspUrl } from '../rtsp/rtsp-url';
import { schemaProblem } from './record-checks';

/** Lowest Janus mountpoint id Vigil allocates (well clear of hand-made ids 1, 2, 3…). */
export const MOUNTPOINT_ID_MIN = 1_000_000;
/** Highest Janus mountpoint id Vigil allocates (Janus ids are unsigned; this stays a positive int32). */
export const MOUNTPOINT_ID_MAX = 2 ** 31 - 1;

/** An `rtsp://` URL whose authority holds no `user:password@` (credentials live in their own fields). */
const BareRtspUrl = Type.String({
  minLength: 8,
  maxLength: 2048,
  pattern: '^[Rr][Tt][Ss][Pp]://[^/?@]+([/?].*)?$',
  description: 'rtsp:// URL without credentials',
});

const Timestamp = Type.String({ format: 'date-time' });

/** The Janus mountpoint a camera owns: a stable random id, its sealed `secret`, the viewers' `pin`, a revision. */
export const StoredMountpoint = Type.Object(
  {
    id: Type.Integer({ minimum: MOUNTPOINT_ID_MIN, maximum: MOUNTPOINT_ID_MAX }),
    secret_sealed: Type.String({ minLength: 1 }),
    pin: Type.String({ minLength: 1, maxLength: 64 }),
    /** Bumped whenever Janus must re-create the mountpoint (URL, credentials, restart): Janus `edit` can't. */
    revision: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

/** A camera's mountpoint as stored. */
export type StoredMountpoint = Static<typeof StoredMountpoint>;

/** One camera as `cameras.json` holds it: secrets sealed, the RTSP URL without credentials. */
export const StoredCamera = Type.Object(
  {
    camera_id: CameraId,
    name: Type.String({ minLength: 1, maxLength: 128 }),
    rtsp_url: BareRtspUrl,
    username: Type.String({ maxLength: 256 }),
    password_sealed: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
    auth_method: AuthMethod,
    description: Type.String({ maxLength: 1024 }),
    enabled: Type.Boolean(),
    /** The last probe found audio Janus can relay (absent in records from before audio: no audio). */
    audio: Type.Optional(Type.Boolean()),
    substream_url: Type.Union([BareRtspUrl, Type.Null()]),
    tags: Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { maxItems: 16, uniqueItems: true }),
    /** Whether and how long the camera records (absent: it does not). */
    recording: Type.Optional(RecordingSettings),
    /** Motion detection (absent in records from before it, or never set: off). */
    motion: Type.Optional(MotionSettings),
    /** Cluster mode: the gateway it is pinned to and its failover priority (absent: placed freely, normal). */
    placement: Type.Optional(CameraPlacement),
    mountpoint: StoredMountpoint,
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { additionalProperties: false, $id: 'StoredCamera' },
);

/** A stored camera record. */
export type StoredCamera = Static<typeof StoredCamera>;

/**
 * A camera as schema v0 (the seed; store version `0.0.0` or none) kept it: the seed's fields, the password in plain
 * text, maybe credentials inside `rtsp_url`, a sequential `stream_id`. Anything else means it is not a v0 record.
 */
export const CameraV0 = Type.Object(
  {
    camera_id: CameraId,
    name: Type.String({ minLength: 1, maxLength: 128 }),
    rtsp_url: Type.String({ minLength: 8, maxLength: 2048, pattern: '^[Rr][Tt][Ss][Pp]://' }),
    username: Type.Optional(Type.String({ maxLength: 256 })),
    password: Type.Optional(Type.String({ maxLength: 256 })),
    auth_method: Type.Optional(AuthMethod),
    description: Type.Optional(Type.String({ maxLength: 1024 })),
    stream_id: Type.Optional(Type.Integer()),
    status: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/** A schema-v0 camera. */
export type CameraV0 = Static<typeof CameraV0>;

/** A random mountpoint id in [{@link MOUNTPOINT_ID_MIN}, {@link MOUNTPOINT_ID_MAX}] that `taken` does not hold. */
export function randomMountpointId(taken: ReadonlySet<number>): number {
  // 2^31 − 10^6 ids: a collision is rare, so this loop ends after one or two draws.
  for (;;) {
    const id = randomInt(MOUNTPOINT_ID_MIN, MOUNTPOINT_ID_MAX + 1);
    if (!taken.has(id)) return id;
  }
}

/** A fresh random mountpoint `secret` (before sealing): 32 random bytes, base64url. */
export function randomMountpointSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A fresh random viewer `pin`: 16 random bytes, base64url. */
export function randomMountpointPin(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * Converts a schema-v0 `cameras` list to stored records (sealing passwords and new mountpoint secrets), or says
 * which record is wrong and why.
 */
export async function convertCamerasV0(
  source: unknown,
  seal: (plain: string) => Promise<string>,
): Promise<StoredCamera[] | string> {
  if (!Array.isArray(source)) return '"cameras" is not a list';
  const taken = new Set<number>();
  const now = new Date().toISOString();
  const records: StoredCamera[] = [];
  for (const [index, entry] of (source as unknown[]).entries()) {
    if (!Value.Check(CameraV0, entry)) {
      return `${recordName(entry, index)} (schema v0) ${schemaProblem(CameraV0, entry)?.text ?? 'is invalid'}`;
    }
    try {
      records.push(await migrateCameraV0(entry, seal, taken, now));
    } catch (error) {
      if (!(error instanceof RtspUrlError)) throw error;
      return `${recordName(entry, index)} field rtsp_url: ${error.message}`;
    }
  }
  return checkCameraRecords(records);
}

/**
 * Converts one schema-v0 camera to a stored record: URL credentials moved out, the password sealed, a new random
 * mountpoint (id not in `takenIds`, which receives it). Throws `RtspUrlError` when `rtsp_url` cannot be used.
 */
async function migrateCameraV0(
  v0: CameraV0,
  seal: (plain: string) => Promise<string>,
  takenIds: Set<number>,
  now: string,
): Promise<StoredCamera> {
  const target = parseRtspUrl(v0.rtsp_url);
  const password = v0.password || target.password || '';
  // The seed's sequential `stream_id` is not kept: ids are random so they never collide across stations.
  const id = randomMountpointId(takenIds);
  takenIds.add(id);
  return {
    camera_id: v0.camera_id,
    name: v0.name,
    rtsp_url: target.url,
    username: v0.username || target.username || '',
    password_sealed: password === '' ? null : await seal(password),
    auth_method: v0.auth_method ?? 'basic',
    description: v0.description ?? '',
    enabled: true,
    substream_url: null,
    tags: [],
    mountpoint: {
      id,
      secret_sealed: await seal(randomMountpointSecret()),
      pin: randomMountpointPin(),
      revision: 1,
    },
    created_at: now,
    updated_at: now,
  };
}

/** The records when each passes {@link StoredCamera} and ids are unique, else what is wrong (names record and field). */
export function checkCameraRecords(value: unknown): StoredCamera[] | string {
  if (!Array.isArray(value)) return '"cameras" is not a list';
  const ids = new Set<string>();
  const mountpoints = new Set<number>();
  for (const [index, entry] of (value as unknown[]).entries()) {
    if (!Value.Check(StoredCamera, entry)) {
      return `${recordName(entry, index)} ${schemaProblem(StoredCamera, entry)?.text ?? 'is invalid'}`;
    }
    if (ids.has(entry.camera_id)) return `${recordName(entry, index)} repeats camera_id "${entry.camera_id}"`;
    if (mountpoints.has(entry.mountpoint.id)) {
      return `${recordName(entry, index)} field mountpoint.id repeats ${entry.mountpoint.id}, used by another camera`;
    }
    ids.add(entry.camera_id);
    mountpoints.add(entry.mountpoint.id);
  }
  return value as StoredCamera[];
}

function recordName(entry: unknown, index: number): string {
  const id = (entry as { camera_id?: unknown } | null)?.camera_id;
  return typeof id === 'string'
    ? `record "${id.slice(0, 64)}" (entry ${index + 1})`
    : `record at entry ${index + 1}`;
}
