import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';

import { CameraWatch } from '../../../main/motion/camera-watch';
import type { MotionChange } from '../../../main/motion/motion-detector';
import { fakeStreams } from './fake-stream';
import { seeded, texturedScene, withBlock, withNoise } from './synthetic-frames';

const settings = {
  enabled: true,
  sensitivity: 50,
  min_area_percent: 1,
  severity: 'warning' as const,
  zones: [],
};
const source = { url: 'rtsp://192.0.2.7/sub', username: 'u', password: 'pw' };

function watch(overrides: { stallMs?: number } = {}) {
  const streams = fakeStreams();
  const changes: MotionChange[] = [];
  const camera = new CameraWatch({
    cameraId: 'yard',
    settings,
    source: () => Promise.resolve(source),
    onChange: (change) => changes.push(change),
    logger: pino({ level: 'silent' }),
    startStream: streams.start,
    backoff: { initialDelayMs: 10, maxDelayMs: 20, jitter: 0 },
    ...overrides,
  });
  return { camera, streams, changes };
}

/** Feeds a run still frames, then a moving block: motion starts. */
function moveIn(run: { frame(frame: Uint8Array, at?: number): void }): void {
  const scene = texturedScene();
  const random = seeded(7);
  let at = Date.now();
  for (let i = 0; i < 6; i++) run.frame(withNoise(scene, 5, random), (at += 200));
  for (let i = 0; i < 3; i++)
    run.frame(withNoise(withBlock(scene, 10 + i * 10, 30, 24), 5, random), (at += 200));
}

describe('CameraWatch', () => {
  it('decodes the source at 160×90, 5 fps and reports motion start', async () => {
    const { camera, streams, changes } = watch();
    camera.start();
    await vi.waitFor(() => {
      expect(streams.runs).toHaveLength(1);
    });
    expect(streams.runs[0]?.options).toMatchObject({ ...source, grid: { width: 160, height: 90 }, fps: 5 });
    moveIn(streams.runs[0] ?? fail());
    expect(changes.map((c) => c.kind)).toEqual(['start']);
    expect(camera.active).toBe(true);
    await camera.stop();
    expect(streams.runs[0]?.stopped).toBe(true);
    expect(changes.map((c) => c.kind)).toEqual(['start', 'end']);
    expect(camera.active).toBe(false);
  });

  it('a run that ends ends the motion and is started again with a fresh detector', async () => {
    const { camera, streams, changes } = watch();
    camera.start();
    await vi.waitFor(() => {
      expect(streams.runs).toHaveLength(1);
    });
    moveIn(streams.runs[0] ?? fail());
    streams.runs[0]?.end({ code: 1, stderr: 'Connection refused' });
    await vi.waitFor(() => {
      expect(streams.runs).toHaveLength(2);
    });
    expect(changes.map((c) => c.kind)).toEqual(['start', 'end']);
    expect(camera.runs).toBe(2);
    await camera.stop();
    expect(streams.runs).toHaveLength(2);
  });

  it('kills a run that stops sending frames and starts another', async () => {
    const { camera, streams } = watch({ stallMs: 100 });
    camera.start();
    await vi.waitFor(
      () => {
        expect(streams.runs.length).toBeGreaterThanOrEqual(2);
      },
      { timeout: 2_000 },
    );
    expect(streams.runs[0]?.killed).toBe(true);
    await camera.stop();
  });

  it('stops cleanly before its first run', async () => {
    const { camera, streams } = watch();
    await camera.stop();
    camera.start();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(streams.runs).toHaveLength(0);
  });
});

function fail(): never {
  throw new Error('no run');
}
