// Putting one camera on the wall's hotspot tile (tile 0 of a hotspot layout: the big one), for an alarm that
// takes the wall over or a `wall.show` pushed to it. The wall it replaced is kept so it can come back.
import { LAYOUT_TILES, type LayoutId } from '../../common/views';
import type { WallState } from './viewState';

/** The hotspot layouts, smallest first: one big tile plus 5, 7 or 12 small ones. */
const HOTSPOT_LAYOUTS: readonly LayoutId[] = ['1+5', '1+7', '1+12'];

/** What the wall showed before a camera took its hotspot tile: enough to put it back as it was. */
export type WallSnapshot = Pick<WallState, 'layout' | 'tiles' | 'tourMode' | 'full' | 'focused' | 'dirty'>;

/** Whether a layout is a hotspot layout (its tile 0 is the big one). */
export function isHotspotLayout(layout: LayoutId): boolean {
  return HOTSPOT_LAYOUTS.includes(layout);
}

/**
 * The hotspot layout for a wall now on `layout` with `others` cameras to keep beside the hotspot: the wall's
 * own when it is one (the operator chose its size), else the smallest whose small tiles hold them all (the
 * largest when none does).
 */
export function hotspotLayout(layout: LayoutId, others: number): LayoutId {
  if (isHotspotLayout(layout)) return layout;
  return HOTSPOT_LAYOUTS.find((l) => LAYOUT_TILES[l] - 1 >= others) ?? '1+12';
}

/**
 * The wall with the first of `cameraIds` live on its hotspot tile: a hotspot layout, that camera on tile 0, the
 * others of `cameraIds` next, then the cameras the wall showed (each camera once) on the small tiles in their
 * order. A tour steps aside (it comes back with the wall). The wall it replaced is kept in `restore` (the first one, when hotspots follow each
 * other) and the view is not marked as changed: the operator did not edit it.
 */
export function showOnHotspot(
  state: WallState,
  shown: readonly (string | null)[],
  cameraIds: readonly string[],
): WallState {
  if (cameraIds.length === 0) return state;
  const wall = shown.filter((tile): tile is string => tile !== null && !cameraIds.includes(tile));
  const order = [...new Set(cameraIds)].concat(wall);
  const layout = hotspotLayout(state.layout, order.length - 1);
  const tiles = Array.from({ length: state.tiles.length }, (_, i) => order[i] ?? null);
  const restore: WallSnapshot = state.restore ?? {
    layout: state.layout,
    tiles: state.tiles,
    tourMode: state.tourMode,
    full: state.full,
    focused: state.focused,
    dirty: state.dirty,
  };
  return {
    ...state,
    layout,
    tiles,
    tourMode: 'off',
    full: null,
    // No selection drawn over the hotspot: its frame is the alarm's colour.
    focused: null,
    restore,
  };
}

/** The wall as it was before the hotspot took it (unchanged when nothing took it, or the operator has since). */
export function restoreWall(state: WallState): WallState {
  if (state.restore === null) return state;
  return { ...state, ...state.restore, restore: null };
}
