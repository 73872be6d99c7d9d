// Which wall tiles play recordings, and on which clock: each tile in instant replay has a group of its own;
// a synchronized view has one group every tile of the view follows. Plain objects with a version number React
// subscribes to; the groups do the playing.
import { PlaybackGroup, type MediaEnv, type PlaybackSource } from '../playback';

/** A tile as the desk knows it: its place on the wall and its camera (`3:lobby`). */
export type TileKey = string;

/** The key of tile `index` showing `cameraId`. */
export function tileKey(index: number, cameraId: string): TileKey {
  return `${index}:${cameraId}`;
}

/** How replay reaches the station and the browser's media. */
export interface ReplayDeskDeps {
  source: PlaybackSource;
  media: () => MediaEnv;
}

/**
 * The wall's replays. A tile goes to instant replay on a clock of its own; the whole view goes to replay on one
 * shared clock (a tile's controls then move every tile of the view). "Back to live" ends a tile's replay or,
 * for the view, all of them.
 */
export class ReplayDesk {
  readonly #solo = new Map<TileKey, PlaybackGroup>();
  #sync: { group: PlaybackGroup; tiles: Set<TileKey> } | undefined;
  readonly #listeners = new Set<() => void>();
  #version = 0;

  constructor(private readonly deps: ReplayDeskDeps) {}

  /** Registers a change listener; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Changes with every replay started or ended (for `useSyncExternalStore`). */
  readonly version = (): number => this.#version;

  /** The group the tile plays on, if it is in replay. */
  groupFor(tile: TileKey): PlaybackGroup | undefined {
    return this.#sync?.tiles.has(tile) ? this.#sync.group : this.#solo.get(tile);
  }

  /** The synchronized view's group, if the view is in replay. */
  syncGroup(): PlaybackGroup | undefined {
    return this.#sync?.group;
  }

  /** Whether the tile follows the view's shared clock. */
  inSync(tile: TileKey): boolean {
    return this.#sync?.tiles.has(tile) === true;
  }

  /** Instant replay of one tile from `fromMs` (in a synchronized view: the whole view jumps there). */
  replayTile(tile: TileKey, fromMs: number): void {
    const group = this.groupFor(tile);
    if (group) {
      group.seek(fromMs);
      group.play();
      return;
    }
    this.#solo.set(tile, new PlaybackGroup(fromMs, this.#groupDeps()));
    this.#changed();
  }

  /** Every tile of the view replays from `fromMs` on one clock. */
  replayView(tiles: readonly TileKey[], fromMs: number): void {
    if (this.#sync) {
      for (const tile of tiles) this.#sync.tiles.add(tile);
      this.#sync.group.seek(fromMs);
      this.#sync.group.play();
    } else {
      this.#sync = { group: new PlaybackGroup(fromMs, this.#groupDeps()), tiles: new Set(tiles) };
    }
    for (const tile of tiles) this.#endSolo(tile);
    this.#changed();
  }

  /** Back to live: the tile (taken out of a synchronized view; the view's replay ends with its last tile). */
  live(tile: TileKey): void {
    this.#endSolo(tile);
    if (this.#sync?.tiles.delete(tile) && this.#sync.tiles.size === 0) this.#endSync();
    this.#changed();
  }

  /** Back to live: every tile. */
  liveAll(): void {
    for (const tile of [...this.#solo.keys()]) this.#endSolo(tile);
    this.#endSync();
    this.#changed();
  }

  /** Ends the replays of tiles no longer on the wall (their camera or the layout changed). */
  retain(tiles: readonly TileKey[]): void {
    const shown = new Set(tiles);
    const before = this.#version;
    for (const tile of [...this.#solo.keys()]) if (!shown.has(tile)) this.#endSolo(tile);
    if (this.#sync) {
      for (const tile of [...this.#sync.tiles]) if (!shown.has(tile)) this.#sync.tiles.delete(tile);
      if (this.#sync.tiles.size === 0) this.#endSync();
    }
    if (this.#version !== before) this.#changed();
  }

  #groupDeps() {
    return { source: this.deps.source, media: this.deps.media() };
  }

  #endSolo(tile: TileKey): void {
    const group = this.#solo.get(tile);
    if (!group) return;
    group.destroy();
    this.#solo.delete(tile);
    this.#version++;
  }

  #endSync(): void {
    if (!this.#sync) return;
    this.#sync.group.destroy();
    this.#sync = undefined;
    this.#version++;
  }

  #changed(): void {
    this.#version++;
    for (const listener of [...this.#listeners]) listener();
  }
}
