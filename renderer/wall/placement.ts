import type { LayoutId } from '../../common/views';
import { gridLayout, type TilePlacement } from './layout';

/** Where an arrow key moves the tile selection. */
export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The tile a camera placed from the list (double-click, Enter) goes to: the selected tile, else the first
 * empty one; null when nothing is selected and every tile shows a camera.
 */
export function placementTile(tiles: readonly (string | null)[], selected: number | null): number | null {
  if (selected !== null && Number.isInteger(selected) && selected >= 0 && selected < tiles.length) {
    return selected;
  }
  const empty = tiles.indexOf(null);
  return empty === -1 ? null : empty;
}

/** The tile selected after a placement on `tile`: the next in reading order, so repeated placements fill the wall. */
export function selectionAfterPlacing(tile: number, tileCount: number): number {
  return Math.min(tile + 1, tileCount - 1);
}

/** A tile's span along one axis, in grid cells: [first, end) of rows for left/right moves, columns for up/down. */
function across(p: TilePlacement, direction: Direction): [number, number] {
  return direction === 'left' || direction === 'right'
    ? [p.row, p.row + p.rowSpan]
    : [p.col, p.col + p.colSpan];
}

/** How far `to` lies from `from` in `direction` (cells between them), or null when it is not that way. */
function gapTowards(from: TilePlacement, to: TilePlacement, direction: Direction): number | null {
  const gap = {
    right: to.col - (from.col + from.colSpan),
    left: from.col - (to.col + to.colSpan),
    down: to.row - (from.row + from.rowSpan),
    up: from.row - (to.row + to.rowSpan),
  }[direction];
  const [a0, a1] = across(from, direction);
  const [b0, b1] = across(to, direction);
  const overlaps = b0 < a1 && b1 > a0;
  return gap >= 0 && overlaps ? gap : null;
}

/**
 * The tile an arrow key selects in a layout: the nearest tile that way sharing a row (left/right) or column
 * (up/down) with the selected one, the one whose centre lines up best on a tie; the same tile at the wall's
 * edge; tile 0 when nothing is selected yet.
 */
export function moveSelection(layout: LayoutId, selected: number | null, direction: Direction): number {
  const tiles = gridLayout(layout).tiles;
  const from = selected === null ? undefined : tiles[selected];
  if (selected === null || !from) return 0;
  const centre = (p: TilePlacement): number => {
    const [start, end] = across(p, direction);
    return start + end;
  };
  let best: { index: number; gap: number; offset: number } | null = null;
  for (const [index, to] of tiles.entries()) {
    const gap = index === selected ? null : gapTowards(from, to, direction);
    if (gap === null) continue;
    const offset = Math.abs(centre(to) - centre(from));
    if (!best || gap < best.gap || (gap === best.gap && offset < best.offset)) best = { index, gap, offset };
  }
  return best?.index ?? selected;
}

/** Where a placement from the list goes, in words for a menu (`tile 3 (selected)`), or null when nowhere. */
export function placementLabel(tiles: readonly (string | null)[], selected: number | null): string | null {
  const tile = placementTile(tiles, selected);
  if (tile === null) return null;
  return `tile ${tile + 1} (${tile === selected ? 'selected' : 'first empty'})`;
}
