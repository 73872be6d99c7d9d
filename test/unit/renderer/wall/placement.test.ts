import { describe, expect, it } from 'vitest';

import { LAYOUTS, LAYOUT_TILES, type LayoutId } from '../../../../common/views';
import {
  moveSelection,
  placementLabel,
  placementTile,
  selectionAfterPlacing,
  type Direction,
} from '../../../../renderer/wall/placement';

describe('placementTile', () => {
  it.each<[string, (string | null)[], number | null, number | null]>([
    ['the selected tile, even with a camera on it', ['a', 'b', null, 'd'], 1, 1],
    ['the selected empty tile', ['a', null, null, 'd'], 2, 2],
    ['nothing selected: the first empty tile', ['a', 'b', null, null], null, 2],
    ['nothing selected, all empty: tile 0', [null, null, null, null], null, 0],
    ['nothing selected, none empty: nowhere', ['a', 'b', 'c', 'd'], null, null],
    ['a selection outside the layout counts as none', ['a', null, 'c', 'd'], 7, 1],
    ['a negative selection counts as none', ['a', null, 'c', 'd'], -1, 1],
  ])('%s', (_, tiles, selected, expected) => {
    expect(placementTile(tiles, selected)).toBe(expected);
  });
});

describe('placementLabel', () => {
  it.each<[(string | null)[], number | null, string | null]>([
    [['a', 'b', null, 'd'], 0, 'tile 1 (selected)'],
    [['a', 'b', null, 'd'], null, 'tile 3 (first empty)'],
    [['a', 'b', 'c', 'd'], null, null],
  ])('%j with %s selected → %s', (tiles, selected, label) => {
    expect(placementLabel(tiles, selected)).toBe(label);
  });
});

describe('selectionAfterPlacing', () => {
  it.each([
    [0, 4, 1],
    [2, 4, 3],
    [3, 4, 3],
    [0, 1, 0],
  ])('after tile %d of %d, tile %d is selected', (tile, count, next) => {
    expect(selectionAfterPlacing(tile, count)).toBe(next);
  });
});

describe('moveSelection', () => {
  it.each<[LayoutId, number | null, Direction, number]>([
    // Nothing selected yet: any arrow selects the first tile.
    ['2x2', null, 'right', 0],
    ['1+12', null, 'up', 0],
    // Square grids: one cell at a time, staying put at the edges.
    ['2x2', 0, 'right', 1],
    ['2x2', 0, 'down', 2],
    ['2x2', 3, 'left', 2],
    ['2x2', 3, 'up', 1],
    ['2x2', 1, 'right', 1],
    ['2x2', 0, 'up', 0],
    ['3x3', 4, 'left', 3],
    ['3x3', 4, 'right', 5],
    ['3x3', 4, 'up', 1],
    ['3x3', 4, 'down', 7],
    ['4x4', 5, 'down', 9],
    ['5x5', 24, 'left', 23],
    ['5x5', 24, 'up', 19],
    ['1', 0, 'right', 0],
    ['1', 0, 'down', 0],
    // 1+5: the big tile spans rows and columns 1–2.
    ['1+5', 0, 'right', 1],
    ['1+5', 0, 'down', 3],
    ['1+5', 2, 'left', 0],
    ['1+5', 4, 'up', 0],
    ['1+5', 5, 'up', 2],
    ['1+5', 1, 'down', 2],
    ['1+5', 3, 'right', 4],
    // 1+7: the big tile spans rows and columns 1–3; from it, the tile lined up with its middle.
    ['1+7', 0, 'right', 2],
    ['1+7', 0, 'down', 5],
    ['1+7', 3, 'left', 0],
    ['1+7', 7, 'up', 3],
    // 1+12: the big tile sits in the middle (rows and columns 2–3); on a tie the upper or left tile wins.
    ['1+12', 0, 'up', 2],
    ['1+12', 0, 'left', 5],
    ['1+12', 0, 'right', 6],
    ['1+12', 0, 'down', 10],
    ['1+12', 5, 'right', 0],
    ['1+12', 2, 'down', 0],
    ['1+12', 1, 'down', 5],
    ['1+12', 8, 'left', 0],
    ['1+12', 9, 'right', 10],
  ])('%s: from %s, %s → %d', (layout, selected, direction, next) => {
    expect(moveSelection(layout, selected, direction)).toBe(next);
  });

  it.each(LAYOUTS)('%s: every tile is reachable from tile 0 with the arrows', (layout) => {
    const seen = new Set([0]);
    const queue = [0];
    for (let tile = queue.shift(); tile !== undefined; tile = queue.shift()) {
      for (const direction of ['left', 'right', 'up', 'down'] as const) {
        const next = moveSelection(layout, tile, direction);
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect(seen.size).toBe(LAYOUT_TILES[layout]);
  });
});
