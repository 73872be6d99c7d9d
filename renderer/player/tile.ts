import { runInBackground } from '../../common/background';
import type { Clock, PlayerTile, TileStats, TileStatus, TileSurface } from './model';
import { inboundVideo } from './stats';
import { next } from './tile-machine';
import {
  initialTileState,
  type TileEffect,
  type TileInput,
  type TileMachineState,
  type TileSettings,
  type TileTimer,
  type WatchId,
} from './tile-protocol';
import type { Watch, WatchEvents } from './watch';

/** A tile's resolved settings and its link back to the player. */
export interface TileConfig extends TileSettings {
  clock: Clock;
  /** A new (not yet started) watch of this tile's camera. */
  watch(events: WatchEvents): Watch;
  /** Called once, when the tile stops. */
  stopped(tile: Tile): void;
}

/**
 * One camera in one surface. Its states (decided by `tile-machine.ts`; this class runs the effects):
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
  readonly #watches = new Map<WatchId, Watch>();
  readonly #timers = new Map<TileTimer, () => void>();
  readonly #offFrame: () => void;
  #state: TileMachineState;
  #stopping: Promise<void> | undefined;

  constructor(cameraId: string, surface: TileSurface, config: TileConfig) {
    this.cameraId = cameraId;
    this.#surface = surface;
    this.#config = config;
    this.#state = initialTileState(config.clock.now());
    this.#offFrame = surface.onFrame(() => {
      this.#dispatch({ type: 'frame' });
    });
  }

  /** Starts playing (`idle` → `connecting`). */
  start(): void {
    this.#dispatch({ type: 'start' });
  }

  status(): TileStatus {
    return this.#state.status;
  }

  onStatus(listener: (status: TileStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  stats(): Promise<TileStats | undefined> {
    return Promise.resolve(this.#state.stats);
  }

  pause(): void {
    this.#dispatch({ type: 'pause' });
  }

  resume(): void {
    this.#dispatch({ type: 'resume' });
  }

  setMuted(muted: boolean): void {
    if (this.#state.status.state !== 'stopped') this.#surface.setMuted(muted);
  }

  stop(): Promise<void> {
    if (this.#stopping) return this.#stopping;
    const open = [...this.#watches.values()];
    this.#dispatch({ type: 'stop' });
    this.#config.stopped(this);
    // The stop closed these watches; closing again only hands back the promise of that close.
    this.#stopping = Promise.all(open.map((watch) => watch.close())).then(() => undefined);
    return this.#stopping;
  }

  /** Runs one transition: the machine decides, this runs the effects, then tells the listeners. */
  #dispatch(input: TileInput): void {
    const previous = this.#state.status;
    const { state, effects } = next(this.#state, { ...input, at: this.#config.clock.now() }, this.#config);
    this.#state = state;
    for (const effect of effects) this.#run(effect);
    if (state.status !== previous) for (const listener of [...this.#listeners]) listener(state.status);
  }

  #run(effect: TileEffect): void {
    switch (effect.type) {
      case 'open-watch':
        this.#open(effect.watch);
        return;
      case 'close-watch': {
        const watch = this.#watches.get(effect.watch);
        this.#watches.delete(effect.watch);
        // A close that fails leaves nothing behind to clean up.
        if (watch) runInBackground(watch.close(), () => undefined);
        return;
      }
      case 'pause-watch':
        this.#watches.get(effect.watch)?.pause();
        return;
      case 'resume-watch':
        this.#watches.get(effect.watch)?.resume();
        return;
      case 'show':
        this.#surface.show(effect.tracks);
        return;
      case 'set-timer':
        this.#setTimer(effect.timer, effect.ms);
        return;
      case 'cancel-timer':
        this.#timers.get(effect.timer)?.();
        this.#timers.delete(effect.timer);
        return;
      case 'read-stats':
        this.#readStats(effect.watch);
        return;
      case 'release':
        this.#offFrame();
        this.#surface.release();
        return;
    }
  }

  #open(id: WatchId): void {
    const watch = this.#config.watch({
      tracks: (tracks) => {
        this.#dispatch({ type: 'tracks', watch: id, tracks });
      },
      failed: (reason) => {
        this.#dispatch({ type: 'failed', watch: id, reason });
      },
    });
    this.#watches.set(id, watch);
    watch.start();
  }

  #setTimer(timer: TileTimer, ms: number): void {
    this.#timers.get(timer)?.();
    this.#timers.set(
      timer,
      this.#config.clock.setTimeout(() => {
        this.#timers.delete(timer);
        this.#dispatch({ type: 'timer', timer });
      }, ms),
    );
  }

  #readStats(id: WatchId): void {
    const source = this.#watches.get(id)?.statsSource();
    const reading = source
      ? source.getStats().then(inboundVideo, () => undefined)
      : Promise.resolve(undefined);
    // Never rejects: a failed getStats reads as no sample.
    runInBackground(
      reading.then((entry) => {
        this.#dispatch({ type: 'stats', watch: id, entry });
      }),
      () => undefined,
    );
  }
}
