import { describe, expect, it } from 'vitest';

import type { StationEvent } from '../../../../common/events';
import { isWallName, wallParam } from '../../../../renderer/wall/wallName';
import { pushFor } from '../../../../renderer/wall/wallPush';

const at = '2026-12-02T10:00:00.000Z';

describe('pushFor', () => {
  it.each<[string, StationEvent, string | null, ReturnType<typeof pushFor>]>([
    [
      'a camera for this wall',
      { type: 'wall.show', wall: 'left', camera_id: 'gate', at },
      'left',
      { kind: 'camera', cameraId: 'gate' },
    ],
    [
      'a view for this wall',
      { type: 'wall.show', wall: 'left', view_id: 'lobby', at },
      'left',
      { kind: 'view', viewId: 'lobby' },
    ],
    ["another wall's push", { type: 'wall.show', wall: 'right', camera_id: 'gate', at }, 'left', null],
    [
      'a push to a wall without a name',
      { type: 'wall.show', wall: 'left', camera_id: 'gate', at },
      null,
      null,
    ],
    ['an empty push', { type: 'wall.show', wall: 'left', at }, 'left', null],
    ['another event', { type: 'gateway.up', at }, 'left', null],
  ])('%s', (_, event, wall, expected) => {
    expect(pushFor(event, wall)).toEqual(expected);
  });
});

describe('wall names', () => {
  it("reads a window's key from ?wall= whatever it holds, and tells a valid wall name", () => {
    expect(wallParam('?wall=3:1920x1080')).toBe('3:1920x1080');
    expect(wallParam('?view=x')).toBeNull();
    expect(isWallName('desk_2')).toBe(true);
    expect(isWallName('-desk')).toBe(false);
  });
});
