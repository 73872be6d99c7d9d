import { describe, expect, it } from 'vitest';

import { LAYOUT_TILES, LAYOUTS, type LayoutId } from '../../../../common/views';
import { gridArea, gridLayout } from '../../../../renderer/wall/layout';

const cases: { layout: LayoutId; size: number; big: string }[] = [
  { layout: '1', size: 1, big: '1 / 1 / 2 / 2' },
  { layout: '2x2', size: 2, big: '1 / 1 / 2 / 2' },
  { layout: '3x3', size: 3, big: '1 / 1 / 2 / 2' },
  { layout: '4x4', size: 4, big: '1 / 1 / 2 / 2' },
  { layout: '5x5', size: 5, big: '1 / 1 / 2 / 2' },
  { layout: '1+5', size: 3, big: '1 / 1 / 3 / 3' },
  { layout: '1+7', size: 4, big: '1 / 1 / 4 / 4' },
  { layout: '1+12', size: 4, big: '2 / 2 / 4 / 4' },
];

describe('gridLayout', () => {
  it('covers every layout', () => {
    expect(cases.map((c) => c.layout).sort()).toEqual([...LAYOUTS].sort());
  });

  it.each(cases)('$layout: $size×$size grid, tile 0 at $big', ({ layout, size, big }) => {
    const grid = gridLayout(layout);
    expect(grid.size).toBe(size);
    expect(grid.tiles).toHaveLength(LAYOUT_TILES[layout]);
    expect(grid.tiles.map(gridArea)[0]).toBe(big);
  });

  it.each(cases)('$layout: every cell covered exactly once, nothing outside the grid', ({ layout }) => {
    const grid = gridLayout(layout);
    const owner = new Map<string, number>();
    grid.tiles.forEach((t, index) => {
      for (let r = t.row; r < t.row + t.rowSpan; r++) {
        for (let c = t.col; c < t.col + t.colSpan; c++) {
          expect(r).toBeGreaterThanOrEqual(1);
          expect(c).toBeGreaterThanOrEqual(1);
          expect(r).toBeLessThanOrEqual(grid.size);
          expect(c).toBeLessThanOrEqual(grid.size);
          expect(owner.has(`${r},${c}`), `cell ${r},${c} of tile ${index} overlaps`).toBe(false);
          owner.set(`${r},${c}`, index);
        }
      }
    });
    expect(owner.size).toBe(grid.size * grid.size);
  });

  it('hotspots list small tiles in reading order around the big one', () => {
    expect(gridLayout('1+5').tiles.slice(1).map(gridArea)).toEqual([
      '1 / 3 / 2 / 4',
      '2 / 3 / 3 / 4',
      '3 / 1 / 4 / 2',
      '3 / 2 / 4 / 3',
      '3 / 3 / 4 / 4',
    ]);
    const ring = gridLayout('1+12').tiles.slice(1);
    expect(ring.slice(0, 5).map((t) => [t.row, t.col])).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
      [1, 4],
      [2, 1],
    ]);
    expect(ring.every((t) => t.rowSpan === 1 && t.colSpan === 1)).toBe(true);
  });
});
