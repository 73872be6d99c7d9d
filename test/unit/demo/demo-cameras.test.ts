import pino from 'pino';
import { describe, expect, it } from 'vitest';

import type { CameraInput, CameraPatch, CameraView } from '../../../common/camera';
import { CAMERA_SCRIPT, installAdvice } from '../../../main/demo/camera-process';
import {
  DEMO_DESCRIPTION,
  DEMO_RETENTION_HOURS,
  addDemoCameras,
  demoCameraInputs,
} from '../../../main/demo/demo-cameras';

const settings = { port: 8554, cameras: 2, username: 'demo-abc', password: 's3cret' };

describe('demoCameraInputs', () => {
  it('names one Digest camera per path of the camera process, recording its last hour', () => {
    expect(demoCameraInputs(settings)).toEqual([
      {
        camera_id: 'demo-1',
        name: 'Demo camera 1',
        rtsp_url: 'rtsp://127.0.0.1:8554/cam1',
        username: 'demo-abc',
        password: 's3cret',
        auth_method: 'digest',
        description: DEMO_DESCRIPTION,
        recording: { mode: 'continuous', retention_hours: DEMO_RETENTION_HOURS },
      },
      expect.objectContaining({ camera_id: 'demo-2', rtsp_url: 'rtsp://127.0.0.1:8554/cam2' }),
    ]);
  });
});

describe('addDemoCameras', () => {
  it('adds missing demo cameras (probed) and points existing ones at this run', async () => {
    const added: CameraInput[] = [];
    const updated: [string, CameraPatch][] = [];
    const station = {
      listCameras: () => [{ camera_id: 'demo-1' } as CameraView, { camera_id: 'lobby' } as CameraView],
      addCamera: (input: CameraInput) => {
        added.push(input);
        return Promise.resolve({ camera_id: input.camera_id } as CameraView);
      },
      updateCamera: (cameraId: string, patch: CameraPatch) => {
        updated.push([cameraId, patch]);
        return Promise.resolve({ camera_id: cameraId } as CameraView);
      },
    };
    await addDemoCameras(station, demoCameraInputs(settings), pino({ level: 'silent' }));
    expect(updated).toEqual([
      ['demo-1', { rtsp_url: 'rtsp://127.0.0.1:8554/cam1', username: 'demo-abc', password: 's3cret' }],
    ]);
    expect(added.map((c) => c.camera_id)).toEqual(['demo-2']);
    expect(added[0]).not.toHaveProperty('skip_probe');
  });
});

describe('the camera script', () => {
  it('lives in resources/demo, and missing packages come with the apt-get line', () => {
    expect(CAMERA_SCRIPT).toMatch(/resources\/demo\/camera\.py$/);
    expect(installAdvice('python3-gi gstreamer1.0-x')).toBe(
      'the demo cameras need Debian packages that are missing: apt-get install -y python3-gi gstreamer1.0-x',
    );
  });
});
