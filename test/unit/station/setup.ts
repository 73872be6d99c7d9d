import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pino from 'pino';
import { Registry } from 'prom-client';

import type { CameraInput } from '../../../common/camera';
import type { StationEvent } from '../../../common/events';
import type { GatewayEndpoints } from '../../../main/gateway/gateway';
import { systemClock } from '../../../main/janus/clock';
import { Station, type StationOptions } from '../../../main/station/station';
import { FakeJanus, fakeEndpoints, MemoryCameraStore } from './fakes';

/** A station on a fake Janus and an in-memory store; timers are vitest's (use vi.useFakeTimers first). */
export interface FakeStation {
  station: Station;
  janus: FakeJanus;
  store: MemoryCameraStore;
  gateway: GatewayEndpoints;
  events: StationEvent[];
}

/** Where the fake station says viewers connect (its Janus door). */
export const VIEWER_URL = 'ws://127.0.0.1:3000/janus';

/** A camera input that skips the probe. */
export function camera(cameraId: string, overrides: Partial<CameraInput> = {}): CameraInput {
  return {
    camera_id: cameraId,
    name: cameraId,
    rtsp_url: `rtsp://127.0.0.1:8554/${cameraId}`,
    username: 'user',
    password: 'pass',
    skip_probe: true,
    ...overrides,
  };
}

/** Starts a station on a fake Janus named `old`; jitter off, so backoff delays are exact. */
export async function startFakeStation(options: Partial<StationOptions> = {}): Promise<FakeStation> {
  const gateway = options.gateway ?? fakeEndpoints('old');
  const janus = new FakeJanus(gateway);
  const store = new MemoryCameraStore();
  const station = await Station.start({
    dataDir: await mkdtemp(join(tmpdir(), 'vigil-station-unit-')),
    store,
    gateway,
    viewerUrl: VIEWER_URL,
    logger: pino({ level: 'silent' }),
    metrics: new Registry(),
    janus,
    clock: { ...systemClock, random: () => 0 },
    probe: () => Promise.reject(new Error('unit tests pass their own probe')),
    ...options,
  });
  const events: StationEvent[] = [];
  station.onEvent((event) => events.push(event));
  return { station, janus, store, gateway, events };
}
