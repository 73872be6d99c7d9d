import { describe, expect, it } from 'vitest';

import { menuFocus, menuPosition, type Point } from '../../../../renderer/menu/menu';

describe('menuPosition', () => {
  const window = { width: 1000, height: 800 };
  const menu = { width: 200, height: 300 };

  it.each<[string, Point, Point]>([
    ['at the pointer when it fits', { x: 100, y: 100 }, { x: 100, y: 100 }],
    ['flipped left at the right edge', { x: 900, y: 100 }, { x: 700, y: 100 }],
    ['flipped up at the bottom edge', { x: 100, y: 700 }, { x: 100, y: 400 }],
    ['flipped both ways in the corner', { x: 950, y: 750 }, { x: 750, y: 450 }],
    ['never off the left or top edge', { x: 150, y: 200 }, { x: 150, y: 200 }],
  ])('%s', (_, at, expected) => {
    expect(menuPosition(at, menu, window)).toEqual(expected);
  });

  it('keeps a menu taller than the window at the top, and one too wide to flip at the left edge', () => {
    expect(menuPosition({ x: 10, y: 50 }, { width: 200, height: 900 }, window)).toEqual({ x: 10, y: 4 });
    expect(menuPosition({ x: 150, y: 10 }, { width: 200, height: 300 }, { width: 300, height: 800 })).toEqual(
      {
        x: 4,
        y: 10,
      },
    );
  });
});

describe('menuFocus', () => {
  it.each<[number, number, string, number | null]>([
    [4, 0, 'ArrowDown', 1],
    [4, 3, 'ArrowDown', 0],
    [4, 0, 'ArrowUp', 3],
    [4, 2, 'ArrowUp', 1],
    [4, -1, 'ArrowDown', 0],
    [4, -1, 'ArrowUp', 3],
    [4, 2, 'Home', 0],
    [4, 1, 'End', 3],
    [4, 1, 'Enter', null],
    [0, -1, 'ArrowDown', null],
  ])('%d items, at %d, %s → %s', (count, current, key, next) => {
    expect(menuFocus(count, current, key)).toBe(next);
  });
});
