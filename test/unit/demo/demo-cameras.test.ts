import pino from 'pino';
import { describe, expect, it } from 'vitest';

import type { CameraInput, CameraPatch, CameraView } from '../../../common/camera';
import { ErrorCode, VigilError } from '../../../common/errors';
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

describe('addDemoCameras when the fresh camera drops its first probes', () => {
  const unreachable = new VigilError(ErrorCode.CameraUnreachable, 'closed the connection', 'rtsp_url');
  const station = (failures: number, error: Error = unreachable) => {
    let calls = 0;
    return {
      calls: () => calls,
      listCameras: () => [] as CameraView[],
      addCamera: (input: CameraInput) => {
        calls += 1;
        if (calls <= failures) return Promise.reject(error);
        return Promise.resolve({ camera_id: input.camera_id } as CameraView);
      },
      updateCamera: () => Promise.reject(new Error('not expected')),
    };
  };
  const inputs = demoCameraInputs(settings).slice(0, 1);
  const quiet = pino({ level: 'silent' });

  it('probes again and adds the camera once it answers', async () => {
    const flaky = station(2);
    await addDemoCameras(flaky, inputs, quiet, { attempts: 3, delayMs: 1 });
    expect(flaky.calls()).toBe(3);
  });

  it("gives up after the last attempt with the camera's own error", async () => {
    const down = station(5);
    await expect(addDemoCameras(down, inputs, quiet, { attempts: 3, delayMs: 1 })).rejects.toBe(unreachable);
    expect(down.calls()).toBe(3);
  });

  it('does not retry other failures', async () => {
    const invalid = new VigilError(ErrorCode.Validation, 'bad', 'camera_id');
    const refused = station(1, invalid);
    await expect(addDemoCameras(refused, inputs, quiet, { attempts: 3, delayMs: 1 })).rejects.toBe(invalid);
    expect(refused.calls()).toBe(1);
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
