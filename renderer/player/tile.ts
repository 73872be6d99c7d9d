import { runInBackground } from '../../common/background';
import { backoffDelay } from './backoff';
import type { RemoteTrack } from './janus-like';
import type { Clock, PlayerTile, TileState, TileStats, TileStatus, TileSurface } from './model';
import { inboundVideo, readStats, StallDetector, type StatsSample } from './stats';
import type { Watch, WatchEvents } from './watch';

/** Whether the remote tracks include the video a tile exists to show. */
function hasVideo(tracks: readonly RemoteTrack[]): boolean {
  return tracks.some((track) => track.kind === 'video');
}

/** How often a tile with media samples `getStats()`. */
const POLL_MS = 1000;

/** A tile's resolved settings and its link back to the player. */
export interface TileConfig {
  clock: Clock;
  backoff: { initialMs: number; maxMs: number };
  staleAfterMs: number;
  connectTimeoutMs: number;
  errorAfterAttempts: number;
  /** A new (not yet started) watch of this tile's camera. */
  watch(events: WatchEvents): Watch;
  /** Called once, when the tile stops. */
  stopped(tile: Tile): void;
}

/**
 * One camera in one surface. Its states:
 * - `connecting` → `live` at the first decoded frame (`loadeddata`/`resize`, or framesDecoded > 0);
 * - `live` ⇄ `stale` when framesDecoded stalls for `staleAfterMs` / advances again (the handle stays:
 *   a stalled camera is the station's to fix, and frames resume on the same PeerConnection);
 * - any failure (hangup, ICE, plugin error, lost session, no frame within `connectTimeoutMs`) →
 *   `reconnecting` (attempt n, reason) and a fresh watch after the backoff, forever; after
 *   `errorAfterAttempts` failures in a row the tile shows `error` (same reason) but keeps retrying,
 *   because a missing mountpoint or a restarting Janus comes back on its own;
 * - `pause()` → `paused` (live: Janus `pause`, handle kept; otherwise the attempt is dropped and
 *   `resume()` starts a new one); `stop()` → `stopped`, final.
 * When the session's token nears expiry a live tile watches again on a fresh session and switches
 * over once that PeerConnection is up (make-before-break).
 */
export class Tile implements PlayerTile {
  readonly cameraId: string;
  readonly #surface: TileSurface;
  readonly #config: TileConfig;
  readonly #listeners = new Set<(status: TileStatus) => void>();
  readonly #stall: StallDetector;
  readonly #offFrame: () => void;
  #status: TileStatus;
  #current: Watch | undefined;
  #shown = false;
  #pausedWithHandle = false;
  #standby: { watch: Watch; up: boolean; tracks: readonly RemoteTrack[] } | undefined;
  #stats: TileStats | undefined;
  #sample: StatsSample | undefined;
  #cancelRetry: (() => void) | undefined;
  #cancelConnectTimer: (() => void) | undefined;
  #cancelPoll: (() => void) | undefined;
  #stopping: Promise<void> | undefined;

  constructor(cameraId: string, surface: TileSurface, config: TileConfig) {
    this.cameraId = cameraId;
    this.#surface = surface;
    this.#config = config;
    const now = config.clock.now();
    this.#status = { state: 'idle', since: now, attempt: 0 };
    this.#stall = new StallDetector(now);
    this.#offFrame = surface.onFrame(() => {
      if (this.#shown && this.#connectingState()) this.#live();
    });
  }

  /** Starts playing (`idle` → `connecting`). */
  start(): void {
    if (this.#status.state === 'idle') this.#connect();
  }

  status(): TileStatus {
    return this.#status;
  }

  onStatus(listener: (status: TileStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  stats(): Promise<TileStats | undefined> {
    return Promise.resolve(this.#stats);
  }

  pause(): void {
    const { state } = this.#status;
    if (state === 'paused' || state === 'stopped') return;
    this.#clearTimers();
    this.#dropStandby();
    if ((state === 'live' || state === 'stale') && this.#current) {
      this.#current.pause();
      this.#pausedWithHandle = true;
    } else {
      this.#dropCurrent();
    }
    this.#set('paused', undefined, 0);
  }

  resume(): void {
    if (this.#status.state !== 'paused') return;
    if (this.#pausedWithHandle && this.#current) {
      this.#pausedWithHandle = false;
      this.#current.resume();
      this.#stall.reset(this.#config.clock.now());
      this.#set('live', undefined, 0);
      this.#schedulePoll();
    } else {
      this.#connect();
    }
  }

  setMuted(muted: boolean): void {
    if (this.#status.state !== 'stopped') this.#surface.setMuted(muted);
  }

  stop(): Promise<void> {
    if (this.#stopping) return this.#stopping;
    this.#clearTimers();
    this.#offFrame();
    const closing = [this.#current, this.#standby?.watch].flatMap((watch) => (watch ? [watch.close()] : []));
    this.#current = undefined;
    this.#standby = undefined;
    this.#stats = undefined;
    this.#surface.release();
    this.#set('stopped', undefined, 0);
    this.#config.stopped(this);
    this.#stopping = Promise.all(closing).then(() => undefined);
    return this.#stopping;
  }

  #connect(): void {
    this.#cancelRetry = undefined;
    if (!this.#connectingState()) this.#set('connecting', undefined, 0);
    const watch = this.#newWatch();
    this.#current = watch;
    this.#shown = false;
    this.#pausedWithHandle = false;
    this.#resetStats();
    const { clock, connectTimeoutMs } = this.#config;
    this.#cancelConnectTimer?.();
    this.#cancelConnectTimer = clock.setTimeout(() => {
      closeInBackground(watch);
      this.#failed(watch, `no video within ${connectTimeoutMs} ms`);
    }, connectTimeoutMs);
    watch.start();
    this.#schedulePoll();
  }

  #newWatch(): Watch {
    const watch: Watch = this.#config.watch({
      tracks: (tracks) => {
        this.#tracks(watch, tracks);
      },
      up: () => {
        if (this.#standby?.watch !== watch) return;
        this.#standby.up = true;
        this.#switchToStandby();
      },
      failed: (reason) => {
        this.#failed(watch, reason);
      },
      renew: () => {
        this.#renew(watch);
      },
    });
    return watch;
  }

  #tracks(watch: Watch, tracks: readonly RemoteTrack[]): void {
    if (this.#current === watch) {
      this.#surface.show(tracks);
      // Janus offers a camera's audio before its video: an audio track alone decodes no frame to show.
      this.#shown = hasVideo(tracks);
    } else if (this.#standby?.watch === watch) {
      this.#standby.tracks = tracks;
      this.#switchToStandby();
    }
  }

  #failed(watch: Watch, reason: string): void {
    if (this.#standby?.watch === watch) {
      // The current watch plays on; if its session dies, the tile reconnects as usual.
      this.#standby = undefined;
      return;
    }
    if (this.#current !== watch) return;
    this.#current = undefined;
    this.#shown = false;
    this.#clearTimers();
    this.#dropStandby();
    this.#resetStats();
    if (this.#status.state === 'paused') {
      this.#pausedWithHandle = false;
      return;
    }
    const attempt = this.#status.attempt + 1;
    const state = attempt >= this.#config.errorAfterAttempts ? 'error' : 'reconnecting';
    this.#set(state, reason, attempt);
    this.#cancelRetry = this.#config.clock.setTimeout(
      () => {
        this.#connect();
      },
      backoffDelay(attempt, this.#config.backoff),
    );
  }

  #renew(watch: Watch): void {
    if (this.#current !== watch || this.#standby) return;
    const { state } = this.#status;
    if (state === 'live' || state === 'stale') {
      this.#standby = { watch: this.#newWatch(), up: false, tracks: [] };
      this.#standby.watch.start();
    } else if (state === 'paused') {
      this.#dropCurrent();
    } else {
      this.#dropCurrent();
      this.#connect();
    }
  }

  #switchToStandby(): void {
    const standby = this.#standby;
    if (!standby?.up || !hasVideo(standby.tracks)) return;
    this.#standby = undefined;
    closeInBackground(this.#current);
    this.#current = standby.watch;
    this.#surface.show(standby.tracks);
    this.#shown = true;
    this.#resetStats();
  }

  #live(): void {
    this.#cancelConnectTimer?.();
    this.#cancelConnectTimer = undefined;
    this.#stall.reset(this.#config.clock.now());
    this.#set('live', undefined, 0);
  }

  #schedulePoll(): void {
    if (this.#cancelPoll || !this.#current) return;
    this.#cancelPoll = this.#config.clock.setTimeout(() => {
      this.#cancelPoll = undefined;
      // #poll never rejects: a failed getStats reads as no sample.
      runInBackground(
        this.#poll().then(() => {
          const { state } = this.#status;
          if (state !== 'paused' && state !== 'stopped') this.#schedulePoll();
        }),
        () => undefined,
      );
    }, POLL_MS);
  }

  async #poll(): Promise<void> {
    const watch = this.#current;
    const source = watch?.statsSource();
    if (!source) return;
    const entry = await source.getStats().then(inboundVideo, () => undefined);
    if (!entry || watch !== this.#current || this.#status.state === 'paused') return;
    const { stats, sample } = readStats(entry, this.#sample);
    this.#stats = stats;
    this.#sample = sample;
    const { clock, staleAfterMs } = this.#config;
    const stalledMs = this.#stall.update(stats.framesDecoded, clock.now());
    const { state } = this.#status;
    if (this.#connectingState() && stats.framesDecoded > 0) this.#live();
    else if (state === 'live' && stalledMs >= staleAfterMs) {
      this.#set('stale', `no frame decoded for ${Math.round(stalledMs / 1000)} s`, 0);
    } else if (state === 'stale' && stalledMs < staleAfterMs) this.#set('live', undefined, 0);
  }

  #connectingState(): boolean {
    const { state } = this.#status;
    return state === 'connecting' || state === 'reconnecting' || state === 'error';
  }

  #resetStats(): void {
    this.#stats = undefined;
    this.#sample = undefined;
    this.#stall.reset(this.#config.clock.now());
  }

  #dropCurrent(): void {
    closeInBackground(this.#current);
    this.#current = undefined;
    this.#shown = false;
    this.#pausedWithHandle = false;
    this.#resetStats();
  }

  #dropStandby(): void {
    closeInBackground(this.#standby?.watch);
    this.#standby = undefined;
  }

  #clearTimers(): void {
    for (const cancel of [this.#cancelRetry, this.#cancelConnectTimer, this.#cancelPoll]) cancel?.();
    this.#cancelRetry = undefined;
    this.#cancelConnectTimer = undefined;
    this.#cancelPoll = undefined;
  }

  #set(state: TileState, reason: string | undefined, attempt: number): void {
    const previous = this.#status;
    if (previous.state === state && previous.reason === reason && previous.attempt === attempt) return;
    const since = previous.state === state ? previous.since : this.#config.clock.now();
    this.#status = { state, since, attempt, ...(reason === undefined ? {} : { reason }) };
    for (const listener of [...this.#listeners]) listener(this.#status);
  }
}

/** Closes a watch nobody waits for; a close that fails leaves nothing behind to clean up. */
function closeInBackground(watch: { close(): Promise<void> } | undefined): void {
  if (watch) runInBackground(watch.close(), () => undefined);
}
