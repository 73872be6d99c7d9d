import { describe, expect, it } from 'vitest';

import { applyCameraEvent, sortCameras } from '../../../../renderer/cameras/cameraEvents';
import { camera } from '../fixtures';

const at = '2025-01-01T14:02:11.000Z';

describe('applyCameraEvent', () => {
  const list = [camera('a'), camera('b')];

  it('updates health in place on camera.state', () => {
    const { cameras, refetch } = applyCameraEvent(list, {
      type: 'camera.state',
      camera_id: 'b',
      state: 'offline',
      previous: 'live',
      reason: 'timeout',
      at,
    });
    expect(refetch).toBe(false);
    expect(cameras[0]).toBe(list[0]);
    expect(cameras[1]).toMatchObject({
      status: 'offline',
      health: { state: 'offline', since: at, reason: 'timeout' },
    });
  });

  it('marks motion in place on camera.motion', () => {
    const { cameras, refetch } = applyCameraEvent(list, {
      type: 'camera.motion',
      camera_id: 'a',
      motion: true,
      at,
    });
    expect(refetch).toBe(false);
    expect(cameras[0]?.health.motion).toBe(true);
    expect(cameras[1]).toBe(list[1]);
  });

  it('refetches a camera.state for a camera it does not know', () => {
    const update = applyCameraEvent(list, {
      type: 'camera.state',
      camera_id: 'z',
      state: 'live',
      previous: 'starting',
      at,
    });
    expect(update.refetch).toBe(true);
  });

  it.each([
    ['camera.added', true],
    ['camera.updated', true],
  ] as const)('%s refetches', (type, refetch) => {
    expect(applyCameraEvent(list, { type, camera_id: 'a', at })).toEqual({ cameras: list, refetch });
  });

  it('removes a removed camera at once', () => {
    expect(applyCameraEvent(list, { type: 'camera.removed', camera_id: 'a', at }).cameras).toEqual([list[1]]);
  });

  it('refetches when the gateway comes back', () => {
    expect(applyCameraEvent(list, { type: 'gateway.up', at }).refetch).toBe(true);
    expect(applyCameraEvent(list, { type: 'gateway.down', at }).refetch).toBe(false);
  });
});

describe('sortCameras', () => {
  it('sorts by name with numbers in order, then id', () => {
    const sorted = sortCameras([
      camera('b', { name: 'Gate' }),
      camera('c', { name: 'Dock 10' }),
      camera('d', { name: 'dock 2' }),
      camera('a', { name: 'Gate' }),
    ]);
    expect(sorted.map((c) => c.camera_id)).toEqual(['d', 'c', 'a', 'b']);
  });
});
