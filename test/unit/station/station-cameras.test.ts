import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { ProbeResult } from '../../../common/probe';
import { parseMountpointMetadata } from '../../../main/station/reconcile-plan';
import type { FakeJanus } from './fakes';
import { camera, startFakeStation } from './setup';

/** The revision a camera's mountpoint in Janus carries (undefined: none there). */
function revisionIn(janus: FakeJanus, mountpointId: number): number | undefined {
  const metadata = janus.server.mountpoints.get(mountpointId)?.request.metadata;
  return metadata === undefined ? undefined : Number(metadata.split(':')[3]);
}

const offline: ProbeResult = {
  ok: false,
  reason: 'timeout',
  message: 'The camera did not answer within 5 s',
};

describe('Station: restart, update, remove', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('restart re-creates the mountpoint at the next revision; refused while Janus is down', async () => {
    const { station, janus } = await startFakeStation();
    const { stream_id: id } = await station.addCamera(camera('lobby'));
    expect(revisionIn(janus, id)).toBe(1);
    const destroys = janus.calls.destroy;
    await station.restartCamera('lobby');
    expect(revisionIn(janus, id)).toBe(2);
    expect(janus.calls.destroy).toBe(destroys + 1);
    janus.lose();
    await expect(station.restartCamera('lobby')).rejects.toMatchObject({
      code: 'VIGIL_ERR_GATEWAY_UNAVAILABLE',
    });
    await expect(station.restartCamera('nope')).rejects.toMatchObject({ code: 'VIGIL_ERR_CAMERA_NOT_FOUND' });
    await station.stop();
  });

  it('a new source re-creates the mountpoint; a new name does not', async () => {
    const { station, janus, events } = await startFakeStation();
    const { stream_id: id } = await station.addCamera(camera('lobby'));
    const creates = janus.calls.create;
    const renamed = await station.updateCamera('lobby', { name: 'Front door' });
    expect(renamed.name).toBe('Front door');
    expect(janus.calls.create).toBe(creates);
    expect(events.at(-1)).toMatchObject({ type: 'camera.updated', camera_id: 'lobby' });

    await station.updateCamera('lobby', { rtsp_url: 'rtsp://127.0.0.1:8554/other', skip_probe: true });
    expect(revisionIn(janus, id)).toBe(2);
    expect(janus.server.mountpoints.get(id)?.request).toMatchObject({
      url: 'rtsp://127.0.0.1:8554/other',
      rtsp_user: 'user',
      rtsp_pwd: 'pass',
    });
    await station.updateCamera('lobby', { password: 'new', skip_probe: true });
    expect(revisionIn(janus, id)).toBe(3);
    expect(janus.server.mountpoints.get(id)?.request.rtsp_pwd).toBe('new');
    await station.stop();
  });

  it('disabling removes the mountpoint and says disabled; enabling brings it back', async () => {
    const { station, janus, events } = await startFakeStation();
    const { stream_id: id } = await station.addCamera(camera('lobby'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await station.updateCamera('lobby', { enabled: false })).status).toBe('disabled');
    expect(janus.server.mountpoints.has(id)).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'camera.state', state: 'disabled', previous: 'live' });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(janus.server.mountpoints.has(id)).toBe(false);
    expect((await station.updateCamera('lobby', { enabled: true })).status).toBe('starting');
    expect(janus.server.mountpoints.has(id)).toBe(true);
    await station.stop();
  });

  it('remove destroys the mountpoint now, or when Janus is back if it is down', async () => {
    const { station, janus, events } = await startFakeStation();
    const { stream_id: north } = await station.addCamera(camera('north'));
    const { stream_id: south } = await station.addCamera(camera('south'));
    await station.removeCamera('north');
    expect(janus.server.mountpoints.has(north)).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'camera.removed', camera_id: 'north' });
    expect(() => station.getCamera('north')).toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_CAMERA_NOT_FOUND' }),
    );

    janus.lose();
    await station.removeCamera('south');
    expect(janus.server.mountpoints.has(south)).toBe(true);
    janus.recover();
    await vi.waitFor(() => {
      expect(janus.server.mountpoints.has(south)).toBe(false);
    });
    await station.stop();
  });

  it('add refuses a duplicate id, and a camera the probe cannot reach unless allow_offline', async () => {
    const probe = vi.fn(() => Promise.resolve(offline));
    const { station, janus } = await startFakeStation({ probe });
    await station.addCamera(camera('lobby'));
    await expect(station.addCamera(camera('lobby'))).rejects.toMatchObject({
      code: 'VIGIL_ERR_CAMERA_EXISTS',
    });
    const probed = camera('gate', { skip_probe: false });
    await expect(station.addCamera(probed)).rejects.toMatchObject({
      code: 'VIGIL_ERR_CAMERA_UNREACHABLE',
      message: 'The camera did not answer within 5 s To add it anyway, send "allow_offline": true.',
    });
    expect(probe).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'rtsp://127.0.0.1:8554/gate', username: 'user', password: 'pass' }),
    );
    expect(janus.ours()).toHaveLength(1);
    await station.addCamera({ ...probed, allow_offline: true });
    expect(janus.ours()).toHaveLength(2);
    await station.stop();
  });

  it('stop removes only this station’s mountpoints when asked, and stops looking at Janus', async () => {
    const { station, janus } = await startFakeStation();
    await station.addCamera(camera('lobby'));
    janus.server.mountpoints.set(7, {
      request: { type: 'rtsp', id: 7, url: 'rtsp://elsewhere/', video: true },
      ageMs: 10,
      viewers: 0,
    });
    await station.stop({ removeMountpoints: true });
    expect([...janus.server.mountpoints.keys()]).toEqual([7]);
    expect(janus.isUp).toBe(false);
    const lists = janus.calls.list;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(janus.calls.list).toBe(lists);
    expect(parseMountpointMetadata('x', undefined)).toBeUndefined();
  });
});
