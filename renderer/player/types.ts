// The player's public API. Everything but `StreamPlayer` lives in `model.ts`, which has no DOM types,
// so the player's logic and its unit tests type-check under the Node project too.
import type { PlayerTile } from './model';

export type { JanusLike } from './janus-like';
export type { Clock, PlayerOptions, PlayerTile, TileState, TileStats, TileStatus } from './model';

/** Plays station cameras into `<video>` elements over one Janus session per Janus server. */
export interface StreamPlayer {
  play(cameraId: string, video: HTMLVideoElement, options?: { muted?: boolean }): PlayerTile;
  /** Fetches these cameras' stream info now, so tiles about to play them (a view being chosen) start sooner. */
  prefetch(cameraIds: readonly string[]): void;
  /** Stops every tile and destroys the Janus session(s). */
  destroy(): Promise<void>;
}
