import { Type, type Static } from 'typebox';

import { CameraCredential, RtspUrl } from './camera';

/** What `POST /cameras/probe` takes. */
export const ProbeRequest = Type.Object(
  {
    rtsp_url: RtspUrl,
    username: Type.Optional(CameraCredential),
    password: Type.Optional(CameraCredential),
  },
  { additionalProperties: false, $id: 'ProbeRequest' },
);

/** The probe request. */
export type ProbeRequest = Static<typeof ProbeRequest>;

/** Why a probe failed: stable reasons a UI can map to a field and advice. */
export const PROBE_FAILURE_REASONS = [
  'invalid_url',
  'auth_failed',
  'auth_unsupported',
  'not_found',
  'connection_refused',
  'host_unreachable',
  'timeout',
  'connection_closed',
  'network_error',
  'protocol_error',
  'no_video',
  'unsupported_codec',
  'tcp_only',
  'rtsp_error',
] as const;

/** Video codecs Janus can relay from an RTSP camera to browsers. */
export const SUPPORTED_VIDEO_CODECS = ['h264', 'h265', 'vp8'] as const;

/** Audio codecs Janus relays from an RTSP camera that browsers play (G.711 mu-law and A-law, G.722, Opus). */
export const RELAYABLE_AUDIO_CODECS = ['opus', 'pcmu', 'pcma', 'g722'] as const;

/** A video codec Janus can relay. */
export type SupportedVideoCodec = (typeof SUPPORTED_VIDEO_CODECS)[number];

/** The camera field (as in the REST body) a failed probe asks the user to change. */
export const ProbeField = Type.Union([
  Type.Literal('rtsp_url'),
  Type.Literal('username'),
  Type.Literal('password'),
]);

/** A field a probe failure points at. */
export type ProbeField = Static<typeof ProbeField>;

/** One media track as the camera described it; `control` is the absolute URL the track is set up with. */
export const ProbeTrack = Type.Object({
  codec: Type.String(),
  payload_type: Type.Integer(),
  clock_rate: Type.Optional(Type.Integer()),
  channels: Type.Optional(Type.Integer()),
  fmtp: Type.Optional(Type.String()),
  control: Type.String(),
});

/** A probed track. */
export type ProbeTrack = Static<typeof ProbeTrack>;

/** A camera Janus can use. */
export const ProbeSuccess = Type.Object({
  ok: Type.Literal(true),
  /** What the camera asked for: `none` when it never answered 401. */
  auth_method: Type.Union([Type.Literal('digest'), Type.Literal('basic'), Type.Literal('none')]),
  video: Type.Intersect([ProbeTrack, Type.Object({ codec: Type.Enum(SUPPORTED_VIDEO_CODECS) })]),
  audio: Type.Optional(ProbeTrack),
  audio_relayed: Type.Boolean({
    description:
      "Janus can relay the camera's audio: a codec browsers play, named by an a=rtpmap line (Janus 1.1 builds " +
      'no audio line for any other, and the video of such a mountpoint never reaches the viewer)',
  }),
  server: Type.Optional(Type.String({ description: "The camera's Server header" })),
  latency_ms: Type.Number({ description: 'From connecting to the SETUP answer, auth round trips included' }),
});

/** A successful probe. */
export type ProbeSuccess = Static<typeof ProbeSuccess>;

/** A failed probe: a stable `reason` and a `message` a user can act on (never containing the password). */
export const ProbeFailure = Type.Object({
  ok: Type.Literal(false),
  reason: Type.Enum(PROBE_FAILURE_REASONS),
  message: Type.String(),
  field: Type.Optional(ProbeField),
  status: Type.Optional(Type.Integer({ description: 'The RTSP status code behind the failure' })),
});

/** A failed probe. */
export type ProbeFailure = Static<typeof ProbeFailure>;

/** Why a probe failed. */
export type ProbeFailureReason = ProbeFailure['reason'];

/** What the probe found: the camera's auth method and tracks, or a failure a user can act on. */
export const ProbeResult = Type.Union([ProbeSuccess, ProbeFailure], { $id: 'ProbeResult' });

/** The probe's answer. */
export type ProbeResult = Static<typeof ProbeResult>;
