import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { fakeEndpoints } from './fakes';
import { camera, startFakeStation, VIEWER_URL } from './setup';

/** Settles a promise into its value or error, so a test can move timers before looking. */
function outcome<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

describe('Station on a fake Janus', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('Janus lost: every enabled camera’s mountpoint is re-created when it returns', async () => {
    const { station, janus, events } = await startFakeStation();
    for (const id of ['north', 'south', 'east']) await station.addCamera(camera(id));
    await station.addCamera(camera('off', { enabled: false }));
    expect(janus.ours()).toHaveLength(3);

    janus.lose();
    janus.server.mountpoints.clear();
    expect(events).toContainEqual(expect.objectContaining({ type: 'gateway.down' }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(janus.ours()).toHaveLength(0);
    expect(station.listCameras()).toHaveLength(4);

    janus.recover();
    await vi.waitFor(() => {
      expect(janus.ours()).toHaveLength(3);
    });
    expect(events).toContainEqual(expect.objectContaining({ type: 'gateway.up' }));
    const ids = ['north', 'south', 'east'].map((id) => station.getCamera(id).stream_id).sort();
    expect(
      janus
        .ours()
        .map((m) => m.id)
        .sort(),
    ).toEqual(ids);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(station.getCamera('north').status).toBe('live');
    expect(station.getCamera('off').status).toBe('disabled');
    await station.stop();
  });

  it('a camera whose create Janus refuses is retried with backoff, and recovers', async () => {
    const { station, janus, events } = await startFakeStation({ timings: { reconcileIntervalMs: 600_000 } });
    janus.refuse.add('lobby');
    const start = Date.now();
    const added = await station.addCamera(camera('lobby'));
    expect(added.status).toBe('error');
    expect(added.health.reason).toBe("Janus refused the mountpoint: Can't create mountpoint (456)");

    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 4_000);
    // Each try asks twice: with the fail-check, then without.
    const tries = () =>
      (janus.createdAt.get('lobby') ?? []).filter((_, i) => i % 2 === 0).map((t) => t - start);
    expect(tries()).toEqual([0, 1_000, 3_000, 7_000]);

    janus.refuse.delete('lobby');
    await vi.advanceTimersByTimeAsync(8_000);
    expect(tries()).toEqual([0, 1_000, 3_000, 7_000, 15_000]);
    expect(janus.ours()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(station.getCamera('lobby').status).toBe('live');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(tries()).toHaveLength(5);
    const states = events.flatMap((e) => (e.type === 'camera.state' ? [e.state] : []));
    expect(states).toEqual(['error', 'starting', 'live']);
    await station.stop();
  });

  it('health follows the thresholds: live, stale at 2 s, offline at 10 s, live again counts a reconnect', async () => {
    const { station, janus, events } = await startFakeStation();
    const { stream_id: id } = await station.addCamera(camera('lobby'));
    const mountpoint = janus.server.mountpoints.get(id);
    if (!mountpoint) throw new Error('no mountpoint');
    const sampleWith = async (ageMs: number | undefined) => {
      mountpoint.ageMs = ageMs;
      await vi.advanceTimersByTimeAsync(1_000);
      return station.getCamera('lobby').status;
    };
    expect(await sampleWith(20)).toBe('live');
    expect((await station.health(false)).status).toBe('healthy');
    expect(await sampleWith(1_999)).toBe('live');
    expect(await sampleWith(2_000)).toBe('stale');
    expect((await station.health(false)).status).toBe('degraded');
    expect(await sampleWith(9_999)).toBe('stale');
    expect(await sampleWith(10_000)).toBe('offline');
    expect(await sampleWith(30)).toBe('live');
    expect(station.getCamera('lobby').health.reconnects).toBe(1);
    const changes = events.flatMap((e) =>
      e.type === 'camera.state' ? [[e.previous, e.state, e.reason]] : [],
    );
    expect(changes).toEqual([
      ['starting', 'live', undefined],
      ['live', 'stale', 'No video for 2 s'],
      ['stale', 'offline', 'No video for 10 s'],
      ['offline', 'live', undefined],
    ]);
    janus.lose();
    expect(await station.health(true)).toMatchObject({ status: 'unhealthy', janus_connectivity: 'down' });
    await station.stop();
  });

  it('answers /health from the last sample: a flood of health requests makes no call to Janus', async () => {
    const { station, janus } = await startFakeStation();
    await station.addCamera(camera('lobby'));
    janus.server.sessions = 4;
    await vi.advanceTimersByTimeAsync(1_000);
    const counted = vi.spyOn(janus, 'sessionCount');
    const listed = janus.calls.list;
    const reports = await Promise.all(Array.from({ length: 200 }, () => station.health(false)));
    expect(counted).not.toHaveBeenCalled();
    expect(janus.calls.list).toBe(listed);
    expect(reports.every((r) => r.active_sessions === 4 && r.janus_connectivity === 'ok')).toBe(true);
    await station.stop();
  });

  it('shows viewers the door (never Janus), lets the door find a mountpoint with its pin, and says when it exists', async () => {
    const { station, janus, gateway } = await startFakeStation();
    const ready: string[] = [];
    station.viewers.onReady((cameraId) => ready.push(cameraId));
    const lobby = await station.addCamera(camera('lobby'));
    await station.addCamera(camera('off', { enabled: false }));
    expect(station.gatewayUrls()).toEqual({ janus_url: VIEWER_URL, websocket_url: VIEWER_URL });
    expect(lobby.websocket_url).toBe(VIEWER_URL);
    expect(station.viewers.stream('lobby')).toEqual({
      camera_id: 'lobby',
      stream_id: lobby.stream_id,
      janus_url: VIEWER_URL,
      websocket_url: VIEWER_URL,
      plugin: 'janus.plugin.streaming',
      ice_servers: [],
      stream_info: { id: lobby.stream_id, type: 'rtsp', description: 'lobby' },
    });
    expect(() => station.viewers.stream('nope')).toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_CAMERA_NOT_FOUND' }),
    );
    expect(station.viewers.mountpoint(lobby.stream_id)).toEqual({
      cameraId: 'lobby',
      pin: janus.server.mountpoints.get(lobby.stream_id)?.request.pin,
      enabled: true,
    });
    expect(station.viewers.mountpoint(1)).toBeUndefined();
    expect(station.viewers.gatewayEndpoints()).toBe(gateway);
    expect(ready).toEqual(['lobby']);
    expect([station.viewers.isReady('lobby'), station.viewers.isReady('off')]).toEqual([true, false]);

    janus.lose();
    janus.server.mountpoints.clear();
    expect(station.viewers.janusUp).toBe(false);
    expect(station.viewers.isReady('lobby')).toBe(false);
    janus.recover();
    await vi.waitFor(() => {
      expect(station.viewers.isReady('lobby')).toBe(true);
    });
    expect(ready).toEqual(['lobby', 'lobby']);
    await station.removeCamera('lobby');
    expect(station.viewers.isReady('lobby')).toBe(false);
    await station.stop();
  });

  it('reaches a restarted Janus at once when its gateway says so', async () => {
    const { station, janus } = await startFakeStation();
    station.gatewayRestarted();
    expect(janus.retriesNow).toBe(1);
    await station.stop();
  });

  it('asks Janus for the mountpoint list once per reconcile pass', async () => {
    const { station, janus } = await startFakeStation({ timings: { healthIntervalMs: 3_600_000 } });
    const ids: number[] = [];
    for (const id of ['a', 'b', 'c', 'd', 'e']) ids.push((await station.addCamera(camera(id))).stream_id);
    janus.calls.list = 0;
    await vi.advanceTimersByTimeAsync(15_000);
    expect(janus.calls.list).toBe(1);

    const creates = janus.calls.create;
    janus.server.mountpoints.delete(ids[0] ?? 0);
    janus.server.mountpoints.delete(ids[3] ?? 0);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(janus.calls.list).toBe(2);
    expect(janus.calls.create).toBe(creates + 2);
    expect(janus.ours()).toHaveLength(5);

    janus.lose();
    janus.recover();
    await vi.waitFor(() => {
      expect(janus.calls.list).toBe(3);
    });
    await station.stop();
  });

  it('switching gateways takes the mountpoints off the old Janus and puts them on the new one', async () => {
    const { station, janus, events } = await startFakeStation();
    const ids = [
      (await station.addCamera(camera('north'))).stream_id,
      (await station.addCamera(camera('south'))).stream_id,
    ].sort();
    const old = janus.serverAt('ws://old');
    const next = janus.serverAt('ws://new');

    await station.switchGateway(fakeEndpoints('new'));
    expect(janus.ours(old)).toEqual([]);
    expect(
      janus
        .ours(next)
        .map((m) => m.id)
        .sort(),
    ).toEqual(ids);
    // Viewers keep the door; the door relays to the new Janus.
    expect(station.gatewayUrls()).toEqual({ janus_url: VIEWER_URL, websocket_url: VIEWER_URL });
    expect(station.getCamera('north').websocket_url).toBe(VIEWER_URL);
    expect(station.viewers.gatewayEndpoints().urls.ws).toBe('ws://new');
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'gateway.down', reason: 'switching to another Janus' }),
    );

    janus.serverAt('ws://dead').reachable = false;
    const stuck = outcome(station.switchGateway(fakeEndpoints('dead'), { timeoutMs: 5_000 }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await stuck).error).toMatchObject({
      code: 'VIGIL_ERR_GATEWAY_UNAVAILABLE',
      message: 'the new Janus at ws://dead did not answer within 5000 ms; the station keeps trying',
    });
    expect(janus.ours(next)).toEqual([]);
    await station.stop();
  });
});

describe('Station motion flag', () => {
  it('shows motion in the health of cameras with detection on, announces each change once, forgets removed cameras', async () => {
    const { station, events } = await startFakeStation();
    await station.addCamera(camera('yard', { motion: { enabled: true } }));
    await station.addCamera(camera('hall'));
    expect(station.getCamera('yard').health.motion).toBe(false);
    expect(station.getCamera('hall').health.motion).toBeUndefined();

    station.setMotion('yard', true, Date.parse('2025-01-01T00:00:00Z'));
    station.setMotion('yard', true);
    expect(station.getCamera('yard').health.motion).toBe(true);
    expect((await station.health(true)).cameras?.find((c) => c.camera_id === 'yard')?.motion).toBe(true);
    const motionEvents = events.filter((e) => e.type === 'camera.motion');
    expect(motionEvents).toEqual([
      { type: 'camera.motion', camera_id: 'yard', motion: true, at: '2025-01-01T00:00:00.000Z' },
    ]);

    station.setMotion('nobody', true);
    await station.removeCamera('yard');
    station.setMotion('yard', false);
    expect(events.filter((e) => e.type === 'camera.motion')).toHaveLength(1);
    await station.stop();
  });
});
