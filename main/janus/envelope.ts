/** A WebRTC session description as Janus carries it. */
export interface Jsep {
  type: 'offer' | 'answer';
  sdp: string;
  trickle?: boolean;
  e2ee?: boolean;
}

/** One ICE candidate as sent in a `trickle` request or event. */
export interface TrickleCandidate {
  candidate: string;
  sdpMid?: string;
  sdpMLineIndex?: number;
}

/** The end-of-candidates marker. */
export interface TrickleCompleted {
  completed: true;
}

/** A plugin's payload inside a success or event. */
export interface PluginData {
  plugin: string;
  data: Record<string, unknown>;
}

/** Fields every envelope may carry. */
interface EnvelopeBase {
  transaction?: string;
  session_id?: number;
  sender?: number;
  opaque_id?: string;
}

/** `success`: final answer of a request (admin answers add their own top-level fields). */
export interface SuccessEnvelope extends EnvelopeBase {
  janus: 'success';
  data?: Record<string, unknown>;
  plugindata?: PluginData;
  [field: string]: unknown;
}

/** `error`: a Janus API error (codes in src/apierror.h). */
export interface ErrorEnvelope extends EnvelopeBase {
  janus: 'error';
  error: { code: number; reason?: string };
}

/** `ack`: the request was accepted; for async plugin messages an `event` follows. */
export interface AckEnvelope extends EnvelopeBase {
  janus: 'ack';
  hint?: string;
}

/** `event`: plugin event, with the request's transaction when it answers one. */
export interface EventEnvelope extends EnvelopeBase {
  janus: 'event';
  plugindata?: PluginData;
  jsep?: Jsep;
}

/** `webrtcup`: the PeerConnection of a handle is up. */
export interface WebrtcUpEnvelope extends EnvelopeBase {
  janus: 'webrtcup';
}

/** `media`: Janus started or stopped receiving a medium. */
export interface MediaEnvelope extends EnvelopeBase {
  janus: 'media';
  mid?: string;
  type: 'audio' | 'video';
  receiving: boolean;
  seconds?: number;
  substream?: number;
}

/** `slowlink`: many NACKs on a medium. */
export interface SlowlinkEnvelope extends EnvelopeBase {
  janus: 'slowlink';
  mid?: string;
  media: 'audio' | 'video';
  uplink: boolean;
  lost: number;
}

/** `hangup`: the PeerConnection of a handle went down. */
export interface HangupEnvelope extends EnvelopeBase {
  janus: 'hangup';
  reason?: string;
}

/** `detached`: the handle no longer exists in Janus. */
export interface DetachedEnvelope extends EnvelopeBase {
  janus: 'detached';
}

/** `timeout`: Janus destroyed the session for inactivity. */
export interface TimeoutEnvelope extends EnvelopeBase {
  janus: 'timeout';
}

/** `trickle`: a candidate gathered by Janus. */
export interface TrickleEnvelope extends EnvelopeBase {
  janus: 'trickle';
  candidate: TrickleCandidate | TrickleCompleted;
}

/** `server_info`: the answer to `info`. */
export interface ServerInfoEnvelope extends EnvelopeBase, JanusInfo {
  janus: 'server_info';
}

/** `keepalive`: an HTTP long poll that ended without events. */
export interface KeepaliveEnvelope extends EnvelopeBase {
  janus: 'keepalive';
}

/** `pong`: the answer to an Admin API `ping`. */
export interface PongEnvelope extends EnvelopeBase {
  janus: 'pong';
}

/** Everything Janus sends, discriminated on `janus`. */
export type JanusEnvelope =
  | SuccessEnvelope
  | ErrorEnvelope
  | AckEnvelope
  | EventEnvelope
  | WebrtcUpEnvelope
  | MediaEnvelope
  | SlowlinkEnvelope
  | HangupEnvelope
  | DetachedEnvelope
  | TimeoutEnvelope
  | TrickleEnvelope
  | ServerInfoEnvelope
  | KeepaliveEnvelope
  | PongEnvelope;

/** Envelopes Janus addresses to a session (and, with `sender`, to one of its handles). */
export type SessionEnvelope =
  | EventEnvelope
  | WebrtcUpEnvelope
  | MediaEnvelope
  | SlowlinkEnvelope
  | HangupEnvelope
  | DetachedEnvelope
  | TimeoutEnvelope
  | TrickleEnvelope;

/** Envelopes that can settle a transaction. */
export type AnswerEnvelope =
  SuccessEnvelope | AckEnvelope | EventEnvelope | ServerInfoEnvelope | PongEnvelope;

/** Details of one plugin or transport in `info`. */
export interface JanusModuleInfo {
  name: string;
  author?: string;
  description?: string;
  version_string?: string;
  version?: number;
}

/** Typed subset of Janus's `info` answer (src/janus.c janus_info). */
export interface JanusInfo {
  name: string;
  version: number;
  version_string: string;
  author?: string;
  'commit-hash'?: string;
  'compile-time'?: string;
  'session-timeout'?: number;
  'reclaim-session-timeout'?: number;
  'candidates-timeout'?: number;
  'server-name'?: string;
  'local-ip'?: string;
  'accepting-new-sessions'?: boolean;
  api_secret?: boolean;
  auth_token?: boolean;
  data_channels?: boolean;
  plugins: Record<string, JanusModuleInfo>;
  transports: Record<string, JanusModuleInfo>;
  events?: Record<string, JanusModuleInfo>;
  loggers?: Record<string, JanusModuleInfo>;
  dependencies?: Record<string, string>;
}

const KINDS = new Set<string>([
  'success',
  'error',
  'ack',
  'event',
  'webrtcup',
  'media',
  'slowlink',
  'hangup',
  'detached',
  'timeout',
  'trickle',
  'server_info',
  'keepalive',
  'pong',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optional(value: unknown, type: 'string' | 'number'): boolean {
  return value === undefined || typeof value === type;
}

/** Checks the envelope fields the client relies on; returns undefined for anything else. */
export function parseEnvelope(value: unknown): JanusEnvelope | undefined {
  if (!isRecord(value) || typeof value.janus !== 'string' || !KINDS.has(value.janus)) return undefined;
  if (!optional(value.transaction, 'string')) return undefined;
  if (!optional(value.session_id, 'number') || !optional(value.sender, 'number')) return undefined;
  if (value.janus === 'error') {
    if (!isRecord(value.error) || typeof value.error.code !== 'number') return undefined;
  }
  if (value.plugindata !== undefined) {
    if (!isRecord(value.plugindata) || !isRecord(value.plugindata.data)) return undefined;
  }
  return value as unknown as JanusEnvelope;
}

/** A request as sent to Janus (the transaction and credentials are added by the sender). */
export interface JanusRequest {
  janus: string;
  session_id?: number;
  handle_id?: number;
  [field: string]: unknown;
}
