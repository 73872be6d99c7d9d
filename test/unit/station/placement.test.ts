import { describe, expect, it } from 'vitest';

import { heldCameras, type CameraSource, type StationPlacement } from '../../../main/station/placement';
import type { StoredCamera } from '../../../main/store/stored-camera';

const record = (cameraId: string) => ({ camera_id: cameraId }) as StoredCamera;
const store: CameraSource = {
  list: () => [record('lobby'), record('gate'), record('yard')],
  get: (cameraId) => record(cameraId),
  unsealPassword: (camera) => Promise.resolve(`pw-${camera.camera_id}`),
};

describe('heldCameras', () => {
  it('is the whole store for a single station', () => {
    expect(heldCameras(store, undefined)).toBe(store);
  });

  it('in a cluster, only the cameras this gateway holds (recorded and watched here, nowhere else)', async () => {
    const placement = { holds: (cameraId: string) => cameraId !== 'gate' } as StationPlacement;
    const held = heldCameras(store, placement);
    expect(held.list().map((c) => c.camera_id)).toEqual(['lobby', 'yard']);
    expect(held.get('gate')).toBeUndefined();
    expect(held.get('yard')).toEqual(record('yard'));
    expect(await held.unsealPassword(record('yard'))).toBe('pw-yard');
  });
});
