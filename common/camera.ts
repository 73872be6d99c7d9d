import { Type, type Static } from 'typebox';

import { MotionInput, MotionSettings } from './motion';
import { FREE_TEXT, ONE_LINE, RTSP_URL, SLUG } from './patterns';
import { RecordingSettings } from './recording';

/** A camera's id: a slug of 1–64 letters, digits, `_` or `-`, starting with a letter or digit. */
export const CameraId = Type.String({
  pattern: SLUG.pattern,
  minLength: 1,
  maxLength: 64,
  description: 'Unique slug: letters, digits, "_" and "-", 1–64 characters',
});

/** An `rtsp://` URL (credentials inside it are moved out into username/password). */
export const RtspUrl = Type.String({ minLength: 8, maxLength: 2048, pattern: RTSP_URL.pattern });

/** A user name or password a camera is logged in to with: one line, never a control character. */
export const CameraCredential = Type.String({ maxLength: 256, pattern: ONE_LINE.pattern });

/** How the camera authenticates; kept as metadata (Janus negotiates Basic or Digest by itself). */
export const AuthMethod = Type.Union([Type.Literal('basic'), Type.Literal('digest')]);

/** A camera's health as the station sees it. */
export const CameraState = Type.Union([
  Type.Literal('starting'),
  Type.Literal('live'),
  Type.Literal('stale'),
  Type.Literal('offline'),
  Type.Literal('error'),
  Type.Literal('disabled'),
]);

/** The camera's health state. */
export type CameraState = Static<typeof CameraState>;

const editable = {
  name: Type.String({ minLength: 1, maxLength: 128, pattern: ONE_LINE.pattern }),
  rtsp_url: RtspUrl,
  username: CameraCredential,
  password: CameraCredential,
  auth_method: AuthMethod,
  description: Type.String({ maxLength: 1024, pattern: FREE_TEXT.pattern }),
  enabled: Type.Boolean(),
  substream_url: Type.Union([RtspUrl, Type.Null()]),
  tags: Type.Array(Type.String({ minLength: 1, maxLength: 32, pattern: ONE_LINE.pattern }), {
    maxItems: 16,
    uniqueItems: true,
  }),
  recording: RecordingSettings,
};

/** Nx-style failover priority: who gets room first when a gateway is lost; `never` stays on its home gateway. */
export const FailoverPriority = Type.Union([
  Type.Literal('high'),
  Type.Literal('normal'),
  Type.Literal('never'),
]);

/** Cluster mode: where a camera may run — pinned to one gateway, and its failover priority. */
export const CameraPlacement = Type.Object(
  {
    gateway_id: Type.Optional(
      Type.Union([Type.String({ pattern: SLUG.pattern, minLength: 1, maxLength: 64 }), Type.Null()], {
        description: 'Pin the camera to this gateway (null or absent: wherever placement puts it)',
      }),
    ),
    failover: Type.Optional(FailoverPriority),
  },
  { additionalProperties: false },
);

/** A camera's placement settings. */
export type CameraPlacement = Static<typeof CameraPlacement>;

/** What `POST /cameras` takes: the seed's fields plus the wall's, and probe switches. */
export const CameraInput = Type.Object(
  {
    camera_id: CameraId,
    name: editable.name,
    rtsp_url: editable.rtsp_url,
    username: Type.Optional(editable.username),
    password: Type.Optional(editable.password),
    auth_method: Type.Optional(editable.auth_method),
    description: Type.Optional(editable.description),
    enabled: Type.Optional(editable.enabled),
    substream_url: Type.Optional(editable.substream_url),
    tags: Type.Optional(editable.tags),
    recording: Type.Optional(editable.recording),
    motion: Type.Optional(MotionInput),
    placement: Type.Optional(CameraPlacement),
    skip_probe: Type.Optional(Type.Boolean({ description: 'Add without probing the camera first' })),
    allow_offline: Type.Optional(
      Type.Boolean({ description: 'Add even if the camera cannot be reached now' }),
    ),
  },
  { additionalProperties: false, $id: 'CameraInput' },
);

/** The body of `POST /cameras`. */
export type CameraInput = Static<typeof CameraInput>;

/** What `PATCH /cameras/{id}` takes: any editable field. */
export const CameraPatch = Type.Object(
  {
    name: Type.Optional(editable.name),
    rtsp_url: Type.Optional(editable.rtsp_url),
    username: Type.Optional(editable.username),
    password: Type.Optional(editable.password),
    auth_method: Type.Optional(editable.auth_method),
    description: Type.Optional(editable.description),
    enabled: Type.Optional(editable.enabled),
    substream_url: Type.Optional(editable.substream_url),
    tags: Type.Optional(editable.tags),
    recording: Type.Optional(editable.recording),
    motion: Type.Optional(MotionInput),
    placement: Type.Optional(CameraPlacement),
    skip_probe: Type.Optional(Type.Boolean()),
    allow_offline: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1, $id: 'CameraPatch' },
);

/** The body of `PATCH /cameras/{id}`. */
export type CameraPatch = Static<typeof CameraPatch>;

/** A camera's live health. */
export const CameraHealth = Type.Object({
  state: CameraState,
  since: Type.String({ format: 'date-time' }),
  reason: Type.Optional(Type.String()),
  age_ms: Type.Optional(Type.Number()),
  reconnects: Type.Integer(),
  viewers: Type.Integer(),
  motion: Type.Optional(
    Type.Boolean({ description: 'Motion going on now (only for cameras with motion detection on)' }),
  ),
});

/** The camera's health. */
export type CameraHealth = Static<typeof CameraHealth>;

/** A camera as every response shows it: the seed's fields first; never a password or a mountpoint secret. */
export const CameraView = Type.Object(
  {
    camera_id: CameraId,
    name: Type.String(),
    status: CameraState,
    stream_id: Type.Integer({ description: 'The Janus streaming mountpoint id' }),
    websocket_url: Type.String({ description: "The station's Janus door (WebSocket) viewers connect to" }),
    rtsp_url: Type.Optional(Type.String({ description: 'Without credentials; manage keys only' })),
    username: Type.Optional(Type.String({ description: 'Manage keys only' })),
    has_password: Type.Boolean(),
    auth_method: AuthMethod,
    description: Type.String(),
    enabled: Type.Boolean(),
    audio: Type.Boolean({ description: "The station relays the camera's audio (found by the last probe)" }),
    substream_url: Type.Optional(
      Type.Union([Type.String(), Type.Null()], { description: 'Manage keys only' }),
    ),
    tags: Type.Array(Type.String()),
    recording: Type.Optional(RecordingSettings),
    motion: Type.Optional(MotionSettings),
    placement: Type.Optional(CameraPlacement),
    gateway_id: Type.Optional(
      Type.Union([Type.String(), Type.Null()], {
        description: 'Cluster mode: the gateway holding the camera now (null: no live gateway may)',
      }),
    ),
    health: CameraHealth,
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'CameraView' },
);

/** A camera as responses show it. */
export type CameraView = Static<typeof CameraView>;

/** Where a camera is and who logs in to it: manage keys see these fields, view keys do not. */
export const CAMERA_MANAGE_ONLY = ['rtsp_url', 'username', 'substream_url'] as const;

/**
 * What a viewer needs to play a camera, and nothing more (`GET /cameras/{id}/stream`): where the station's
 * Janus door is, the mountpoint id, and a short-lived viewer ticket for this one camera. Never a Janus port,
 * pin, token or secret: the door adds those itself.
 */
export const StreamInfo = Type.Object(
  {
    camera_id: CameraId,
    stream_id: Type.Integer(),
    janus_url: Type.String({
      description:
        "The WebSocket URL viewers connect to (the station's Janus door, `janus-protocol`), with this answer's " +
        'ticket as `?ticket=`: a plain Janus client plays the camera with this URL as given',
    }),
    websocket_url: Type.String({ description: "The station's Janus door (WebSocket), without a ticket" }),
    plugin: Type.Literal('janus.plugin.streaming'),
    ice_servers: Type.Array(
      Type.Object({
        urls: Type.Union([Type.String(), Type.Array(Type.String())]),
        username: Type.Optional(Type.String()),
        credential: Type.Optional(Type.String()),
      }),
    ),
    ticket: Type.String({
      description:
        "A viewer ticket for this camera only, bound to the caller's key or session: the Janus `token` of a " +
        'create or attach, or `?ticket=` on the door URL. It opens a session within its lifetime; the session ' +
        'then lives as long as the key or session behind it',
    }),
    ticket_expires_at: Type.String({ format: 'date-time' }),
    stream_info: Type.Object({ id: Type.Integer(), type: Type.Literal('rtsp'), description: Type.String() }),
  },
  { $id: 'StreamInfo' },
);

/** A viewer's stream info. */
export type StreamInfo = Static<typeof StreamInfo>;
