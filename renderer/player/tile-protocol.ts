// What the tile's state machine (`tile-machine.ts`) and its runner (`tile.ts`) exchange: the state, the
// events that come in and the effects that go out. Watches are named by id: the machine holds no objects.
import type { BackoffPolicy } from '../../common/backoff';
import type { RemoteTrack, StatsEntry } from './janus-like';
import type { TileStats, TileStatus } from './model';
import { stallFrom, type Stall, type StatsSample } from './stats';

/** A tile's timers: `retry` (the backoff before the next watch), `connect` (no video yet), `poll` (stats). */
export type TileTimer = 'retry' | 'connect' | 'poll';

/** One watch (one attempt at playing) of a tile; ids are never reused, so a late event names an old watch. */
export type WatchId = number;

/** What a tile's settings decide: backoff, stale threshold, connect timeout, when retrying shows `error`. */
export interface TileSettings {
  backoff: BackoffPolicy;
  staleAfterMs: number;
  connectTimeoutMs: number;
  errorAfterAttempts: number;
}

/** Everything a tile knows; the runner keeps only the objects the ids stand for. */
export interface TileMachineState {
  readonly status: TileStatus;
  /** The watch playing, or trying to. */
  readonly current: WatchId | undefined;
  /** The current watch's tracks include video: a decoded frame now means live. */
  readonly shown: boolean;
  /** Paused with a Janus `pause` on the current watch (resume sends `start`) rather than dropped. */
  readonly pausedWithHandle: boolean;
  /** Which timers are pending. */
  readonly timers: Readonly<Record<TileTimer, boolean>>;
  readonly stats: TileStats | undefined;
  readonly sample: StatsSample | undefined;
  readonly stall: Stall;
  readonly nextWatch: WatchId;
}

/** What happens to a tile: calls from the wall, the surface, its watches, its timers and its stats reads. */
export type TileInput =
  | { type: 'start' | 'pause' | 'resume' | 'stop' }
  /** The surface decoded a frame (`loadeddata`/`resize`). */
  | { type: 'frame' }
  | { type: 'tracks'; watch: WatchId; tracks: readonly RemoteTrack[] }
  | { type: 'failed'; watch: WatchId; reason: string }
  | { type: 'timer'; timer: TileTimer }
  /** A stats read finished: its inbound video entry (undefined when there was none, or it failed). */
  | { type: 'stats'; watch: WatchId; entry: StatsEntry | undefined };

/** An input and when it happened (ms epoch). */
export type TileEvent = TileInput & { readonly at: number };

/** What the runner does for a transition, in order. */
export type TileEffect =
  /** Create and start a new watch with this id. */
  | { type: 'open-watch'; watch: WatchId }
  /** Close a watch (hang up, detach); closing a watch that already closed itself is harmless. */
  | { type: 'close-watch'; watch: WatchId }
  /** Janus `pause` / `start` on a watch whose handle stays. */
  | { type: 'pause-watch' | 'resume-watch'; watch: WatchId }
  | { type: 'show'; tracks: readonly RemoteTrack[] }
  /** Start a timer, replacing a pending one of the same name; it comes back as a `timer` event. */
  | { type: 'set-timer'; timer: TileTimer; ms: number }
  | { type: 'cancel-timer'; timer: TileTimer }
  /** Read the watch's `getStats()`; the result comes back as a `stats` event. */
  | { type: 'read-stats'; watch: WatchId }
  /** Detach the surface (media and frame listener). */
  | { type: 'release' };

/** A transition: the next state and its effects. */
export interface Transition {
  state: TileMachineState;
  effects: TileEffect[];
}

const NO_TIMERS: Readonly<Record<TileTimer, boolean>> = { retry: false, connect: false, poll: false };

/** A tile that has not started (`idle`). */
export function initialTileState(now: number): TileMachineState {
  return {
    status: { state: 'idle', since: now, attempt: 0 },
    current: undefined,
    shown: false,
    pausedWithHandle: false,
    timers: NO_TIMERS,
    stats: undefined,
    sample: undefined,
    stall: stallFrom(now),
    nextWatch: 1,
  };
}

/** The default re-watch pacing: 500 ms doubling to 10 s. */
export const REWATCH_BACKOFF: BackoffPolicy = { initialDelayMs: 500, maxDelayMs: 10_000 };
