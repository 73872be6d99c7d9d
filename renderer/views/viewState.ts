import { LAYOUT_TILES, type LayoutId, type Tour, type View } from '../../common/views';
import { moveSelection, placementTile, selectionAfterPlacing, type Direction } from '../wall/placement';
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

/** An edit by hand takes over from the tour: the wall keeps what it shows, the tour stops. */
function edit(state: WallState, change: (tiles: (string | null)[]) => void): WallState {
  const tiles = state.tourMode === 'off' ? [...state.tiles] : slots(shownTiles(state));
  change(tiles);
  return { ...state, tiles, tourMode: 'off', dirty: true };
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
      };
    case 'tour-toggle':
      if (!state.tour) return state;
      return { ...state, tourMode: state.tourMode === 'playing' ? 'paused' : 'playing' };
    case 'tour-step':
      return state.tourMode === 'playing' ? { ...state, tourStep: state.tourStep + 1 } : state;
    case 'saved':
      return { ...state, dirty: false };
    case 'camera-removed':
      return withoutCamera(state, action.cameraId);
  }
}

/** The wall without a removed camera: its slots empty, its tour without it (and over when none is left). */
function withoutCamera(state: WallState, cameraId: string): WallState {
  const tiles = state.tiles.map((tile) => (tile === cameraId ? null : tile));
  const cameras = state.tour?.cameras.filter((camera) => camera !== cameraId) ?? [];
  if (state.tour === null || cameras.length === state.tour.cameras.length) {
    return tiles.some((tile, i) => tile !== state.tiles[i]) ? { ...state, tiles } : state;
  }
  if (cameras.length === 0) return { ...state, tiles, tour: null, tourMode: 'off', tourStep: 0 };
  return { ...state, tiles, tour: { ...state.tour, cameras } };
}
