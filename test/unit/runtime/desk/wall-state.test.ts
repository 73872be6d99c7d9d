import { describe, expect, it } from 'vitest';

import { readWallState } from '../../../../main/runtime/desk/wall-state';

const wall = {
  key: 'dell-10',
  display: { id: 10, label: 'DELL', width: 1920, height: 1080, x: 0, y: 0 },
  viewId: 'lobby',
  bounds: { x: 0, y: 0, width: 800, height: 600 },
};

describe('readWallState', () => {
  it.each<[string, unknown, unknown]>([
    ['well-formed state', { walls: [wall] }, { walls: [wall] }],
    ['nothing saved yet', undefined, { walls: [] }],
    ['a damaged file', { walls: 'oops' }, { walls: [] }],
    ['an invalid view id', { walls: [{ ...wall, viewId: '../x' }] }, { walls: [] }],
    [
      'zero-sized bounds',
      { walls: [{ ...wall, bounds: { x: 0, y: 0, width: 0, height: 0 } }] },
      { walls: [] },
    ],
  ])('%s', (_name, saved, expected) => {
    expect(readWallState(saved)).toEqual(expected);
  });
});
