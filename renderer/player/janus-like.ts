import type { StreamInfo } from '../../common/camera';

/** An ICE server exactly as the station hands it out (the shape of `RTCIceServer`). */
export type IceServer = StreamInfo['ice_servers'][number];

/** A session description as janus.js passes it around. */
export interface JanusJsep {
  type?: string;
  sdp?: string;
}

/** A remote media track (a `MediaStreamTrack` in a browser). */
export interface RemoteTrack {
  readonly id: string;
  readonly kind: string;
}

/** One entry of a WebRTC stats report (an `RTCStats` dictionary). */
export type StatsEntry = Readonly<Record<string, unknown>>;

/** Where stats come from: the handle's `RTCPeerConnection` in a browser. */
export interface StatsSource {
  getStats(): Promise<{ forEach(callback: (entry: StatsEntry) => void): void }>;
}

/** A request to the streaming plugin (`watch`, `start`, `pause`). */
export interface StreamingRequest {
  request: string;
  [field: string]: unknown;
}

/** What the streaming plugin says in an event (`plugindata.data`). */
export interface StreamingMessage {
  streaming?: string;
  result?: { status?: string };
  error_code?: number;
  error?: string;
}

/** `new Janus(options)`: one session; the player passes every option it relies on explicitly. */
export interface JanusSessionOptions {
  server: string;
  /** Always set: janus.js falls back to a public Google STUN server when this is missing. */
  iceServers: IceServer[];
  /** The session's token: a viewer ticket (the door opens the session for the key or session behind it). */
  token: string;
  success(): void;
  error(cause: unknown): void;
  destroyed(): void;
}

/** The options of `session.attach()` the player uses. */
export interface JanusAttachOptions {
  plugin: string;
  opaqueId: string;
  /** The handle's own token (janus.js sends it with every request of the handle): the camera's viewer ticket. */
  token: string;
  success(handle: JanusHandleLike): void;
  error(cause: unknown): void;
  onmessage(message: StreamingMessage, jsep?: JanusJsep): void;
  onremotetrack(track: RemoteTrack, mid: string, on: boolean, metadata?: { reason: string }): void;
  webrtcState(up: boolean, reason?: string): void;
  iceState(state: string): void;
  ondetached(): void;
}

/** A receive-only track request for `createAnswer`. */
export interface AnswerTrack {
  type: 'audio' | 'video';
  capture: false;
  recv: true;
}

/** The part of a janus.js plugin handle the player uses. */
export interface JanusHandleLike {
  /** janus.js keeps the PeerConnection here (`pc` is absent before the first offer and after hangup). */
  readonly webrtcStuff: { pc?: StatsSource | null } | null | undefined;
  send(params: {
    message: StreamingRequest;
    jsep?: JanusJsep;
    success?: () => void;
    error?: (cause: unknown) => void;
  }): void;
  createAnswer(params: {
    jsep: JanusJsep;
    tracks: AnswerTrack[];
    success(jsep: JanusJsep): void;
    error(cause: unknown): void;
  }): void;
  hangup(sendRequest?: boolean): void;
  detach(params?: { noRequest?: boolean; success?: () => void; error?: (cause: unknown) => void }): void;
}

/** The part of a janus.js session the player uses. */
export interface JanusSessionLike {
  attach(options: JanusAttachOptions): void;
  destroy(options: {
    cleanupHandles?: boolean;
    notifyDestroyed?: boolean;
    success?: () => void;
    error?: (cause: unknown) => void;
  }): void;
}

/** The small part of janus.js the player uses: its (initialised) `Janus` constructor. */
export type JanusLike = new (options: JanusSessionOptions) => JanusSessionLike;
