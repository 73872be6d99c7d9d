import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';

import { ViewId } from '../../../../common/views';
import { viewIdFor } from '../../../../renderer/views/viewId';
import { dropAction, CAMERA_DRAG, TILE_DRAG } from '../../../../renderer/wall/dragData';

describe('viewIdFor', () => {
  it.each([
    ['Lobby', [], 'lobby'],
    ['  North gate / Dock 3 ', [], 'north-gate-dock-3'],
    ['Café', [], 'cafe'],
    ['!!!', [], 'view'],
    ['Lobby', ['lobby'], 'lobby-2'],
    ['Lobby', ['lobby', 'lobby-2'], 'lobby-3'],
    ['x'.repeat(200), [], 'x'.repeat(56)],
  ])('%s → %s', (name, existing, id) => {
    expect(viewIdFor(name, existing)).toBe(id);
    expect(Value.Check(ViewId, viewIdFor(name, existing))).toBe(true);
  });
});

describe('dropAction', () => {
  const data =
    (entries: Record<string, string>) =>
    (type: string): string =>
      entries[type] ?? '';

  it('assigns a dragged camera, swaps a dragged tile, ignores anything else', () => {
    expect(dropAction(data({ [CAMERA_DRAG]: 'gate' }), 3)).toEqual({
      type: 'assign',
      tile: 3,
      cameraId: 'gate',
    });
    expect(dropAction(data({ [TILE_DRAG]: '0' }), 3)).toEqual({ type: 'swap', from: 0, to: 3 });
    expect(dropAction(data({ 'text/plain': 'hello' }), 3)).toBeNull();
    expect(dropAction(data({ [TILE_DRAG]: 'x' }), 3)).toBeNull();
  });
});
