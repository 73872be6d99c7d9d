import { REWATCH_BACKOFF } from './tile-protocol';
import type { JanusLike } from './janus-like';
import type { Clock, PlayerOptions, PlayerTile, TileSurface } from './model';
import { SessionPool } from './sessions';
import { StreamInfoCache } from './stream-info-cache';
import { Tile } from './tile';
import { Watch } from './watch';

/** The player without the DOM: tiles play into any `TileSurface` (a `<video>` in `index.ts`, a fake in tests). */
export interface PlayerCore {
  play(cameraId: string, surface: TileSurface): PlayerTile;
  /** Fetches these cameras' stream info now, for tiles about to play them. */
  prefetch(cameraIds: readonly string[]): void;
  /** Stops every tile and destroys the Janus session(s). */
  destroy(): Promise<void>;
}

/** The browser's timers. */
const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const id = setTimeout(fn, ms);
    return () => {
      clearTimeout(id);
    };
  },
};

/** Loads janus.js once; a failed load is tried again by the next session. */
function memoize(load: () => Promise<JanusLike>): () => Promise<JanusLike> {
  let loading: Promise<JanusLike> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

/** Creates the DOM-free player; `loadJanus` provides janus.js when `options.janus` is not given. */
export function createPlayerCore(options: PlayerOptions, loadJanus: () => Promise<JanusLike>): PlayerCore {
  const clock = options.clock ?? systemClock;
  const injected = options.janus;
  const pool = new SessionPool(memoize(injected ? () => Promise.resolve(injected) : loadJanus), clock);
  const streamInfo = new StreamInfoCache((id) => options.streamInfo(id), clock);
  const tiles = new Set<Tile>();
  let destroyed = false;
  const config = {
    clock,
    backoff: options.backoff ?? REWATCH_BACKOFF,
    staleAfterMs: options.staleAfterMs ?? 3000,
    connectTimeoutMs: options.connectTimeoutMs ?? 15_000,
    errorAfterAttempts: options.errorAfterAttempts ?? 5,
    stopped: (tile: Tile) => tiles.delete(tile),
  };
  const iceDisconnectedMs = options.iceDisconnectedMs ?? 5000;

  return {
    play(cameraId, surface) {
      if (destroyed) throw new Error('This stream player was destroyed');
      const deps = {
        cameraId,
        streamInfo: (id: string) => streamInfo.take(id),
        pool,
        clock,
        iceDisconnectedMs,
      };
      const tile = new Tile(cameraId, surface, { ...config, watch: (events) => new Watch(deps, events) });
      tiles.add(tile);
      tile.start();
      return tile;
    },
    prefetch(cameraIds) {
      if (destroyed) return;
      for (const cameraId of new Set(cameraIds)) streamInfo.prefetch(cameraId);
    },
    async destroy() {
      destroyed = true;
      await Promise.all([...tiles].map((tile) => tile.stop()));
      await pool.destroy();
    },
  };
}
