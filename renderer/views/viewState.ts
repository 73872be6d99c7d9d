import { LAYOUT_TILES, type LayoutId, type Tour, type View } from '../../common/views';
import { moveSelection, placementTile, selectionAfterPlacing, type Direction } from '../wall/placement';
import { restoreWall, showOnHotspot, type WallSnapshot } from './hotspot';
import { tourTiles } from './tour';

/** The most tiles any layout has; the wall keeps this many slots so a layout change loses no camera. */
export const MAX_TILES = 25;

/** Whether a tour rotates (`playing`), is frozen on its current page (`paused`) or is set aside (`off`). */
export type TourMode = 'off' | 'playing' | 'paused';

/**
 * What the wall shows: layout, a camera per slot, the tour, the full-window tile, the selected (`focused`)
 * tile that placements and keys act on, unsaved edits.
 */
export interface WallState {
  layout: LayoutId;
  /** MAX_TILES slots; the layout shows the first `LAYOUT_TILES[layout]`. */
  tiles: (string | null)[];
  tour: Tour | null;
  tourMode: TourMode;
  tourStep: number;
  full: number | null;
  focused: number | null;
  dirty: boolean;
  /** The wall a camera on the hotspot (an alarm, a push) replaced, until it comes back or the operator edits. */
  restore: WallSnapshot | null;
}

/** Everything the operator (or the tour timer) can do to the wall. */
export type WallAction =
  | { type: 'load'; view: View }
  | { type: 'layout'; layout: LayoutId }
  | { type: 'assign'; tile: number; cameraId: string }
  /** A camera from the list (double-click, Enter) onto the selected tile, or the first empty one. */
  | { type: 'place'; cameraId: string }
  | { type: 'swap'; from: number; to: number }
  | { type: 'clear'; tile: number }
  | { type: 'full'; tile: number }
  | { type: 'exit-full' }
  | { type: 'focus'; tile: number | null }
  /** An arrow key: the selection moves to the neighbouring tile (a full-window tile follows it). */
  | { type: 'move'; direction: Direction }
  | { type: 'set-tour'; tour: Tour | null }
  | { type: 'tour-toggle' }
  | { type: 'tour-step' }
  | { type: 'saved' }
  /** An alarm or a push puts a camera on the hotspot tile; `restore` puts back the wall it replaced. */
  | { type: 'hotspot'; cameraIds: readonly string[] }
  | { type: 'restore' }
  /** The station removed a camera: its tiles empty at once (the station has taken it out of saved views). */
  | { type: 'camera-removed'; cameraId: string };

function slots(tiles: readonly (string | null)[]): (string | null)[] {
  return Array.from({ length: MAX_TILES }, (_, i) => tiles[i] ?? null);
}

/** The wall before any view is chosen: an empty 2×2. */
export const emptyWall: WallState = {
  layout: '2x2',
  tiles: slots([]),
  tour: null,
  tourMode: 'off',
  tourStep: 0,
  full: null,
  focused: null,
  dirty: false,
  restore: null,
};

/** How many tiles the wall's layout shows. */
function tileCount(state: WallState): number {
  return LAYOUT_TILES[state.layout];
}

/** The camera on each visible tile: the tour's current page while a tour is on, else the view's tiles. */
export function shownTiles(state: WallState): (string | null)[] {
  const count = tileCount(state);
  if (state.tour && state.tourMode !== 'off') return tourTiles(state.tour.cameras, count, state.tourStep);
  return state.tiles.slice(0, count);
}

/** The wall as a view's fields, ready for `createView`/`updateView`. */
export function viewFields(state: WallState): Pick<View, 'layout' | 'tiles' | 'tour'> {
  return { layout: state.layout, tiles: state.tiles.slice(0, tileCount(state)), tour: state.tour };
}

/**
 * An edit by hand takes over from the tour and from a hotspot: the wall keeps what it shows, the tour stops and
 * the wall a hotspot replaced is not brought back over the operator's work.
 */
function edit(state: WallState, change: (tiles: (string | null)[]) => void): WallState {
  const tiles = state.tourMode === 'off' ? [...state.tiles] : slots(shownTiles(state));
  change(tiles);
  return { ...state, tiles, tourMode: 'off', dirty: true, restore: null };
}

function inRange(state: WallState, tile: number): boolean {
  return Number.isInteger(tile) && tile >= 0 && tile < tileCount(state);
}

/** The wall's reducer: pure, so every operator action is table-tested. */
export function wallReducer(state: WallState, action: WallAction): WallState {
  switch (action.type) {
    case 'load':
      return {
        ...emptyWall,
        layout: action.view.layout,
        tiles: slots(action.view.tiles),
        tour: action.view.tour,
        tourMode: action.view.tour ? 'playing' : 'off',
      };
    case 'layout': {
      const full = state.full !== null && state.full < LAYOUT_TILES[action.layout] ? state.full : null;
      const focused =
        state.focused !== null && state.focused < LAYOUT_TILES[action.layout] ? state.focused : null;
      return {
        ...state,
        layout: action.layout,
        full,
        focused,
        dirty: state.dirty || action.layout !== state.layout,
        restore: action.layout === state.layout ? state.restore : null,
      };
    }
    case 'assign':
      if (!inRange(state, action.tile)) return state;
      return edit(state, (tiles) => {
        tiles[action.tile] = action.cameraId;
      });
    case 'place': {
      const tile = placementTile(shownTiles(state), state.focused);
      if (tile === null) return state;
      const placed = edit(state, (tiles) => {
        tiles[tile] = action.cameraId;
      });
      return { ...placed, focused: selectionAfterPlacing(tile, tileCount(state)) };
    }
    case 'swap':
      if (!inRange(state, action.from) || !inRange(state, action.to) || action.from === action.to)
        return state;
      return edit(state, (tiles) => {
        [tiles[action.from], tiles[action.to]] = [tiles[action.to] ?? null, tiles[action.from] ?? null];
      });
    case 'clear':
      if (!inRange(state, action.tile)) return state;
      return edit(state, (tiles) => {
        tiles[action.tile] = null;
      });
    case 'full':
      if (!inRange(state, action.tile)) return state;
      return { ...state, full: state.full === action.tile ? null : action.tile, focused: action.tile };
    case 'exit-full':
      return state.full === null ? state : { ...state, full: null };
    case 'focus':
      return { ...state, focused: action.tile };
    case 'move': {
      const focused = moveSelection(state.layout, state.focused, action.direction);
      return { ...state, focused, full: state.full === null ? null : focused };
    }
    case 'set-tour':
      return {
        ...state,
        tour: action.tour,
        tourMode: action.tour ? 'playing' : 'off',
        tourStep: 0,
        dirty: true,
        restore: null,
      };
    case 'tour-toggle':
      if (!state.tour) return state;
      return { ...state, tourMode: state.tourMode === 'playing' ? 'paused' : 'playing', restore: null };
    case 'tour-step':
      return state.tourMode === 'playing' ? { ...state, tourStep: state.tourStep + 1 } : state;
    case 'saved':
      return { ...state, dirty: false, restore: null };
    case 'hotspot':
      return showOnHotspot(state, shownTiles(state), action.cameraIds);
    case 'restore':
      return restoreWall(state);
    case 'camera-removed':
      return withoutCamera(state, action.cameraId);
  }
}

/**
 * The wall without a removed camera: its slots empty (in the wall a hotspot replaced too), its tour without it
 * (and over when none is left).
 */
function withoutCamera(wall: WallState, cameraId: string): WallState {
  const without = (slots: (string | null)[]) => slots.map((tile) => (tile === cameraId ? null : tile));
  const state =
    wall.restore?.tiles.includes(cameraId) === true
      ? { ...wall, restore: { ...wall.restore, tiles: without(wall.restore.tiles) } }
      : wall;
  const tiles = without(state.tiles);
  const cameras = state.tour?.cameras.filter((camera) => camera !== cameraId) ?? [];
  if (state.tour === null || cameras.length === state.tour.cameras.length) {
    return tiles.some((tile, i) => tile !== state.tiles[i]) ? { ...state, tiles } : state;
  }
  if (cameras.length === 0) return { ...state, tiles, tour: null, tourMode: 'off', tourStep: 0 };
  return { ...state, tiles, tour: { ...state.tour, cameras } };
}
