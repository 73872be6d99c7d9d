// The DOM-free half of the player's API. `types.ts` re-exports it next to the one DOM-typed interface
// (`StreamPlayer`), so the player's logic and its unit tests type-check without the DOM library
// (test/ is checked by tsconfig.node.json, which has no DOM types).
import type { BackoffPolicy } from '../../common/backoff';
import type { StreamInfo } from '../../common/camera';

import type { JanusLike, RemoteTrack } from './janus-like';

/** Where a tile is (transitions: see `tile.ts`, decided in `tile-machine.ts`). */
export type TileState =
  'idle' | 'connecting' | 'live' | 'reconnecting' | 'stale' | 'paused' | 'stopped' | 'error';

/** A tile's inbound video, sampled once a second from `getStats()`. */
export interface TileStats {
  width: number;
  height: number;
  fps: number;
  bitrateKbps: number;
  packetsLost: number;
  jitterBufferDelayMs: number;
  framesDecoded: number;
}

/** A tile's state, when it entered it (ms epoch), why, and the reconnect attempts since it was last live. */
export interface TileStatus {
  state: TileState;
  since: number;
  reason?: string;
  attempt: number;
}

/** One camera playing into one `<video>`. */
export interface PlayerTile {
  readonly cameraId: string;
  status(): TileStatus;
  /** Calls `listener` on every status change; returns the unsubscribe function. */
  onStatus(listener: (status: TileStatus) => void): () => void;
  /** The latest stats sample (taken every second while media flows), if any. */
  stats(): Promise<TileStats | undefined>;
  /** Stops media (Janus `pause`) and keeps the handle. */
  pause(): void;
  resume(): void;
  setMuted(muted: boolean): void;
  /** Hangs up, detaches and releases the video element; idempotent. */
  stop(): Promise<void>;
}

/** The player's timers (injected by tests); `setTimeout` returns a cancel function. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): () => void;
}

/** What `createStreamPlayer` takes. */
export interface PlayerOptions {
  streamInfo(cameraId: string): Promise<StreamInfo>;
  /** Backoff for re-watching: default 500 ms doubling to 10 s, forever. */
  backoff?: BackoffPolicy;
  /** A tile whose framesDecoded stalls this long is 'stale' (default 3000 ms). */
  staleAfterMs?: number;
  /** An attempt that shows no frame this long is abandoned and retried (default 15 000 ms). */
  connectTimeoutMs?: number;
  /** ICE may stay 'disconnected' this long before the tile re-watches (default 5000 ms). */
  iceDisconnectedMs?: number;
  /** After this many failed attempts in a row a retrying tile shows 'error' instead of 'reconnecting' (default 5). */
  errorAfterAttempts?: number;
  /** Injected for tests (a fake janus.js): the default loads janus-gateway + webrtc-adapter. */
  janus?: JanusLike;
  clock?: Clock;
}

/** Where a tile shows its media: a `<video>` in a browser, a fake in tests. */
export interface TileSurface {
  /** Shows these remote tracks (a new MediaStream as `srcObject`). */
  show(tracks: readonly RemoteTrack[]): void;
  setMuted(muted: boolean): void;
  /** Calls `listener` when a frame is decoded (`loadeddata` or `resize`); returns the unsubscribe function. */
  onFrame(listener: () => void): () => void;
  /** Detaches the media and the listeners. */
  release(): void;
}
