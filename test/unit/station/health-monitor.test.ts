import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';

import type { StationEvent } from '../../../common/events';
import { newCameraRecord } from '../../../main/station/camera-records';
import { HealthMonitor } from '../../../main/station/health-monitor';
import { FakeJanus, fakeEndpoints, MemoryCameraStore } from './fakes';
import { camera } from './setup';

function setup() {
  const janus = new FakeJanus(fakeEndpoints('old'));
  janus.start();
  const store = new MemoryCameraStore();
  const events: StationEvent[] = [];
  let now = 0;
  const monitor = new HealthMonitor({
    store,
    janus,
    clock: { now: () => now },
    logger: pino({ level: 'silent' }),
    emit: (event) => events.push(event),
  });
  const add = async (cameraId: string, enabled = true) => {
    await store.insert(
      newCameraRecord(camera(cameraId, { enabled }), {
        source: { url: `rtsp://127.0.0.1/${cameraId}`, username: '', password: '' },
        substreamUrl: null,
        probed: undefined,
        passwordSealed: null,
        mountpoint: await store.newMountpoint(),
        now: new Date(0).toISOString(),
      }),
    );
    const record = store.get(cameraId);
    if (!record) throw new Error('not stored');
    return record;
  };
  const mount = (record: Awaited<ReturnType<typeof add>>, viewers = 0) => {
    janus.server.mountpoints.set(record.mountpoint.id, {
      request: { type: 'rtsp', id: record.mountpoint.id, url: record.rtsp_url, video: true },
      ageMs: 20,
      viewers,
    });
  };
  const at = (ms: number) => {
    now = ms;
  };
  return { janus, store, monitor, events, add, mount, at };
}

describe('HealthMonitor', () => {
  it('turns each change of state into one camera.state event, with the time of the sample', async () => {
    const { monitor, events, add, mount, at } = setup();
    mount(await add('lobby'));
    at(1_000);
    await monitor.sample();
    await monitor.sample();
    expect(events).toEqual([
      {
        type: 'camera.state',
        camera_id: 'lobby',
        state: 'live',
        previous: 'starting',
        at: '1970-01-01T00:00:01.000Z',
      },
    ]);
  });

  it('reads viewer counts every fifth sample only, keeping the last count between', async () => {
    const { janus, monitor, add, mount } = setup();
    mount(await add('lobby'), 3);
    for (let i = 0; i < 6; i++) await monitor.sample();
    expect(janus.calls.info).toBe(2);
    expect(monitor.get('lobby').viewers).toBe(3);
  });

  it('counts the Janus sessions on the viewers’ cadence, keeping the last count when Janus does not answer', async () => {
    const { janus, monitor } = setup();
    const counted = vi.spyOn(janus, 'sessionCount');
    expect(monitor.activeSessions()).toBe(0);
    janus.server.sessions = 7;
    for (let i = 0; i < 6; i++) await monitor.sample();
    expect(counted).toHaveBeenCalledTimes(2);
    expect(monitor.activeSessions()).toBe(7);
    counted.mockRejectedValueOnce(new Error('admin API timed out'));
    for (let i = 0; i < 5; i++) await monitor.sample();
    expect(monitor.activeSessions()).toBe(7);
  });

  it('leaves a camera without a mountpoint to the reconciler’s word, and marks disabled cameras', async () => {
    const { monitor, events, add, at } = setup();
    await add('lobby');
    await add('off', false);
    monitor.failed('lobby', 'Janus refused the mountpoint');
    at(60_000);
    await monitor.sample();
    expect(monitor.get('lobby')).toMatchObject({ state: 'error', reason: 'Janus refused the mountpoint' });
    expect(monitor.get('off').state).toBe('disabled');
    expect(events.map((e) => (e.type === 'camera.state' ? e.state : e.type))).toEqual(['error', 'disabled']);
  });

  it('does nothing while Janus is down, and forgets removed cameras', async () => {
    const { janus, monitor, add, mount } = setup();
    mount(await add('lobby'));
    janus.lose();
    await monitor.sample();
    expect(janus.calls.list).toBe(0);
    monitor.started('lobby');
    monitor.removed('lobby');
    expect(monitor.get('lobby').state).toBe('starting');
  });
});
