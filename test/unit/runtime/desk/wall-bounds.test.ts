import { describe, expect, it } from 'vitest';

import type { Rect } from '../../../../main/runtime/desk/display';
import {
  clampToArea,
  isOnDisplay,
  placeOnDisplay,
  relativeTo,
} from '../../../../main/runtime/desk/wall-bounds';
import { fakeDisplay } from './fakes';

const area: Rect = { x: 1920, y: 0, width: 1920, height: 1040 };

describe('clampToArea', () => {
  it.each<[string, Rect, Rect]>([
    [
      'inside stays',
      { x: 2000, y: 100, width: 800, height: 600 },
      { x: 2000, y: 100, width: 800, height: 600 },
    ],
    [
      'off the right edge moves back',
      { x: 3500, y: 100, width: 800, height: 600 },
      { x: 3040, y: 100, width: 800, height: 600 },
    ],
    [
      'above the top moves down',
      { x: 2000, y: -300, width: 800, height: 600 },
      { x: 2000, y: 0, width: 800, height: 600 },
    ],
    [
      'left of the area moves right',
      { x: 0, y: 0, width: 800, height: 600 },
      { x: 1920, y: 0, width: 800, height: 600 },
    ],
    ['too big shrinks to the area', { x: 1900, y: -10, width: 4000, height: 2000 }, area],
    [
      'too small grows to the minimum',
      { x: 2000, y: 10, width: 10, height: 10 },
      { x: 2000, y: 10, width: 320, height: 240 },
    ],
  ])('%s', (_name, bounds, expected) => {
    expect(clampToArea(bounds, area)).toEqual(expected);
  });
});

describe('placeOnDisplay', () => {
  const display = fakeDisplay({ id: 2, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } });

  it('fills the work area when nothing was saved', () => {
    expect(placeOnDisplay(undefined, display)).toEqual(display.workArea);
  });

  it('puts saved (relative) bounds on the display wherever it now is, clamped', () => {
    expect(placeOnDisplay({ x: 100, y: 50, width: 800, height: 600 }, display)).toEqual({
      x: 2020,
      y: 50,
      width: 800,
      height: 600,
    });
    expect(placeOnDisplay({ x: 1500, y: 900, width: 800, height: 600 }, display)).toEqual({
      x: 3040,
      y: 440,
      width: 800,
      height: 600,
    });
  });

  it('relativeTo is its inverse for bounds on the display', () => {
    const absolute = { x: 2020, y: 50, width: 800, height: 600 };
    expect(placeOnDisplay(relativeTo(absolute, display), display)).toEqual(absolute);
  });
});

describe('isOnDisplay', () => {
  const display = fakeDisplay({ id: 2, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } });
  it.each<[Rect, boolean]>([
    [{ x: 2000, y: 0, width: 800, height: 600 }, true],
    [{ x: 1500, y: 0, width: 800, height: 600 }, false],
    [{ x: 1600, y: 0, width: 800, height: 600 }, true],
    [{ x: 100, y: 100, width: 800, height: 600 }, false],
  ])('%j → %s', (bounds, expected) => {
    expect(isOnDisplay(bounds, display)).toBe(expected);
  });
});
