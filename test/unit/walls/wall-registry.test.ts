import { describe, expect, it } from 'vitest';

import type { StationEvent } from '../../../common/events';
import { WallRegistry } from '../../../main/walls/wall-registry';

function registry() {
  const events: StationEvent[] = [];
  let now = new Date('2026-12-02T10:00:00.000Z');
  const walls = new WallRegistry({
    publish: (event) => events.push(event),
    hasCamera: (id) => id === 'gate',
    hasView: (id) => id === 'entrance',
    now: () => now,
  });
  return { walls, events, tick: () => (now = new Date(now.getTime() + 1000)) };
}

describe('WallRegistry', () => {
  it('lists connected walls by name and kind, with their oldest connection and count', () => {
    const { walls, tick } = registry();
    const left = walls.connect('desk-1-left', 'browser');
    tick();
    walls.connect('desk-1-left', 'browser');
    walls.connect('desk-1-left', 'desktop');
    walls.connect('atrium', 'browser');
    expect(walls.list()).toEqual([
      { name: 'atrium', kind: 'browser', connected_at: '2026-12-02T10:00:01.000Z', connections: 1 },
      { name: 'desk-1-left', kind: 'browser', connected_at: '2026-12-02T10:00:00.000Z', connections: 2 },
      { name: 'desk-1-left', kind: 'desktop', connected_at: '2026-12-02T10:00:01.000Z', connections: 1 },
    ]);
    left();
    left();
    expect(walls.list()[1]).toMatchObject({ connections: 1, connected_at: '2026-12-02T10:00:01.000Z' });
  });

  it('pushes a camera or a view to a connected wall as wall.show', () => {
    const { walls, events } = registry();
    walls.connect('desk-1-left', 'browser');
    walls.connect('desk-1-left', 'desktop');
    expect(walls.show('desk-1-left', { camera_id: 'gate' })).toEqual({
      wall: 'desk-1-left',
      camera_id: 'gate',
      delivered_to: 2,
    });
    walls.show('desk-1-left', { view_id: 'entrance' });
    expect(events).toEqual([
      { type: 'wall.show', wall: 'desk-1-left', camera_id: 'gate', at: '2026-12-02T10:00:00.000Z' },
      { type: 'wall.show', wall: 'desk-1-left', view_id: 'entrance', at: '2026-12-02T10:00:00.000Z' },
    ]);
  });

  it('answers 404 naming the wall when none of that name is connected (and after it left), and unknown ids', () => {
    const { walls, events } = registry();
    expect(() => walls.show('desk-9', { camera_id: 'gate' })).toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_WALL_NOT_FOUND', field: 'wall' }),
    );
    const leave = walls.connect('desk-9', 'browser');
    expect(() => walls.show('desk-9', { camera_id: 'nope' })).toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_CAMERA_NOT_FOUND', field: 'camera_id' }),
    );
    expect(() => walls.show('desk-9', { view_id: 'nope' })).toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_VIEW_NOT_FOUND', field: 'view_id' }),
    );
    leave();
    expect(() => walls.show('desk-9', { camera_id: 'gate' })).toThrow(/No wall named "desk-9"/);
    expect(events).toEqual([]);
  });
});
