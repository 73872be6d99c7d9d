import pino from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it, vi } from 'vitest';

import type { StationEvent } from '../../../common/events';
import { motionSettings } from '../../../common/motion';
import { MotionService } from '../../../main/motion/motion-service';
import type { StoredCamera } from '../../../main/store/stored-camera';
import { fakeStreams } from './fake-stream';

function record(cameraId: string, overrides: Partial<StoredCamera> = {}): StoredCamera {
  return {
    camera_id: cameraId,
    name: `Camera ${cameraId}`,
    rtsp_url: `rtsp://192.0.2.7/${cameraId}`,
    username: 'u',
    password_sealed: 'sealed',
    auth_method: 'digest',
    description: '',
    enabled: true,
    substream_url: null,
    tags: [],
    mountpoint: { id: 1_000_001, secret_sealed: 's', pin: 'p', revision: 1 },
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function setup(cameras: StoredCamera[]) {
  const records = new Map(cameras.map((c) => [c.camera_id, c]));
  const listeners = new Set<(event: StationEvent) => void>();
  const flags: [string, boolean][] = [];
  const streams = fakeStreams();
  const motion = MotionService.start({
    store: {
      list: () => [...records.values()],
      get: (id) => records.get(id),
      unsealPassword: () => Promise.resolve('pw'),
    },
    station: {
      setMotion: (cameraId, active) => flags.push([cameraId, active]),
      onEvent: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    logger: pino({ level: 'silent' }),
    startStream: streams.start,
  });
  const change = (camera: StoredCamera | string): void => {
    if (typeof camera === 'string') records.delete(camera);
    else records.set(camera.camera_id, camera);
    const id = typeof camera === 'string' ? camera : camera.camera_id;
    const type = typeof camera === 'string' ? 'camera.removed' : 'camera.updated';
    for (const listener of listeners) listener({ type, camera_id: id, at: new Date().toISOString() });
  };
  return { motion, streams, flags, change, listeners };
}

const on = motionSettings({ enabled: true });

describe('MotionService', () => {
  it('watches enabled cameras with motion on, through the sub-stream when there is one', async () => {
    const { motion, streams } = setup([
      record('yard', { motion: on, substream_url: 'rtsp://192.0.2.7/yard-sub' }),
      record('hall'),
      record('off', { motion: { ...on, enabled: false } }),
      record('disabled', { motion: on, enabled: false }),
    ]);
    await vi.waitFor(() => {
      expect(streams.runs).toHaveLength(1);
    });
    expect(streams.runs[0]?.options).toMatchObject({
      url: 'rtsp://192.0.2.7/yard-sub',
      username: 'u',
      password: 'pw',
    });
    expect(motion.status()).toEqual([{ camera_id: 'yard', pid: 4001, runs: 1, frames: 0, motion: false }]);
    await motion.stop();
  });

  it('restarts a watch whose settings change, stops one turned off or removed, starts one turned on', async () => {
    const { motion, streams, change, listeners } = setup([record('yard', { motion: on }), record('hall')]);
    await vi.waitFor(() => {
      expect(streams.runs).toHaveLength(1);
    });
    change(record('yard', { motion: { ...on, sensitivity: 90 } }));
    await vi.waitFor(() => {
      expect(streams.runs).toHaveLength(2);
    });
    expect(streams.runs[0]?.stopped).toBe(true);
    change(record('hall', { motion: on }));
    await vi.waitFor(() => {
      expect(streams.runs).toHaveLength(3);
    });
    change(record('yard', { motion: { ...on, sensitivity: 90 }, name: 'renamed' }));
    change('hall');
    change(record('yard', { motion: { ...on, enabled: false } }));
    expect(streams.runs.map((r) => r.stopped)).toEqual([true, true, true]);
    expect(motion.status()).toEqual([]);
    await motion.stop();
    expect(listeners.size).toBe(0);
  });
});

describe('motion metrics', () => {
  it('counts watched cameras, motion, decoder runs and frames for /metrics', async () => {
    const metrics = new Registry();
    const streams = fakeStreams();
    const motion = MotionService.start({
      store: {
        list: () => [record('yard', { motion: on })],
        get: () => undefined,
        unsealPassword: () => Promise.resolve(''),
      },
      station: { setMotion: () => undefined, onEvent: () => () => undefined },
      logger: pino({ level: 'silent' }),
      metrics,
      startStream: streams.start,
    });
    await vi.waitFor(() => {
      expect(streams.runs).toHaveLength(1);
    });
    streams.runs[0]?.frame(new Uint8Array(160 * 90));
    const text = await metrics.metrics();
    expect(text).toContain('vigil_motion_cameras 1');
    expect(text).toContain('vigil_motion_active 0');
    expect(text).toContain('vigil_motion_decoder_runs 1');
    expect(text).toContain('vigil_motion_frames 1');
    await motion.stop();
  });
});
