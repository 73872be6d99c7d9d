import { describe, expect, it } from 'vitest';

import type { CameraState } from '../../../../common/camera';
import {
  countCameras,
  watchCameraCounts,
  type CameraCounts,
} from '../../../../main/runtime/desk/camera-counts';
import { FakeCameras } from './fake-cameras';

describe('countCameras', () => {
  it.each<[CameraState[], CameraCounts]>([
    [[], { up: 0, down: 0 }],
    [['live', 'live'], { up: 2, down: 0 }],
    [['stale', 'offline', 'error'], { up: 0, down: 3 }],
    [['starting', 'disabled', 'live', 'offline'], { up: 1, down: 1 }],
  ])('%j → %j', (states, counts) => {
    expect(countCameras(states.map((status) => ({ status })))).toEqual(counts);
  });
});

describe('watchCameraCounts', () => {
  it('reports now, then only when a camera event changes the counts, until unsubscribed', () => {
    const cameras = new FakeCameras(['a', 'b']);
    const seen: CameraCounts[] = [];
    const off = watchCameraCounts(cameras, (counts) => seen.push(counts));
    cameras.set('a', 'stale');
    cameras.set('a', 'offline');
    cameras.remove('b');
    off();
    cameras.set('a', 'live');
    expect(seen).toEqual([
      { up: 2, down: 0 },
      { up: 1, down: 1 },
      { up: 0, down: 1 },
    ]);
    expect(cameras.listenerCount()).toBe(0);
  });
});
