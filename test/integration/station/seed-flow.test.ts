import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { useLab } from '../../lab/vitest';
import { labCamera } from '../janus/connect';
import { eventually } from '../wait';
import { freshDataDir, labGateway, removeDataDir, startStation, type RunningStation } from './harness';
import { janusMountpoints } from './janus-view';

const lab = useLab({ cameras: 1, auth: 'digest' });

describe("the seed README's curl flow, on a real station, Janus and Digest camera", () => {
  let running: RunningStation;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await freshDataDir();
    running = await startStation(labGateway(lab()), dataDir);
  });
  afterAll(async () => {
    await running.stop({ removeMountpoints: true });
    await removeDataDir(dataDir);
  });

  it('adds, lists, gets, gives stream info, restarts and deletes a camera', async () => {
    const camera = labCamera(lab());
    // The seed's example body, with the lab camera's address and credentials.
    const body = {
      camera_id: 'entrance_cam',
      name: 'Entrance Camera',
      rtsp_url: camera.url,
      username: camera.username,
      password: camera.password,
      auth_method: 'digest',
      description: 'Main entrance monitoring',
    };
    const created = await running.call('/cameras', { method: 'POST', body });
    expect(created.status).toBe(201);
    const view = (await created.json()) as Record<string, unknown>;
    expect(view).toMatchObject({
      camera_id: 'entrance_cam',
      name: 'Entrance Camera',
      websocket_url: running.doorUrl,
      auth_method: 'digest',
      has_password: true,
    });
    expect(view.stream_id).toEqual(expect.any(Number));
    expect(['starting', 'live']).toContain(view.status);

    const list = (await (await running.call('/cameras')).json()) as Record<string, unknown>[];
    expect(list.map((c) => c.camera_id)).toEqual(['entrance_cam']);
    const one = (await (await running.call('/cameras/entrance_cam')).json()) as Record<string, unknown>;
    expect(one.stream_id).toBe(view.stream_id);

    // Janus has the mountpoint, private and tagged as this station's.
    const mountpoints = await janusMountpoints(lab());
    expect(mountpoints.find((m) => m.id === view.stream_id)?.metadata).toMatch(
      /^vigil:[a-z0-9]+:entrance_cam:1$/,
    );

    // It goes live by itself, and /health says so.
    await eventually(async () => {
      const health = (await (await running.call('/health')).json()) as { active_cameras: number };
      return health.active_cameras === 1 ? health : undefined;
    }, 15_000);
    const health = (await (await running.call('/health')).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'healthy', janus_connectivity: 'ok', active_cameras: 1 });
    expect(health.active_sessions).toEqual(expect.any(Number));
    const open = (await (await running.call('/health', { key: null })).json()) as Record<string, unknown>;
    expect(open.cameras).toBeUndefined();
    expect(health.cameras).toEqual([expect.objectContaining({ camera_id: 'entrance_cam', state: 'live' })]);

    // Stream info: what a viewer needs — the station's door (a WebSocket URL, as in the seed) with a short-lived
    // ticket for this camera; no pin, no Janus token, no Janus port.
    const stream = (await (
      await running.call('/cameras/entrance_cam/stream', { key: running.viewKey })
    ).json()) as Record<string, unknown>;
    expect(stream).toMatchObject({
      camera_id: 'entrance_cam',
      stream_id: view.stream_id,
      janus_url: `${running.doorUrl}?ticket=${String(stream.ticket)}`,
      websocket_url: running.doorUrl,
      plugin: 'janus.plugin.streaming',
      stream_info: { id: view.stream_id, type: 'rtsp', description: 'Entrance Camera' },
      ice_servers: [],
    });
    expect(stream).not.toHaveProperty('pin');
    expect(stream).not.toHaveProperty('token');
    expect(Date.parse(String(stream.ticket_expires_at))).toBeGreaterThan(Date.now());

    const restarted = await running.call('/cameras/entrance_cam/restart', { method: 'POST' });
    expect(restarted.status).toBe(200);
    expect(await restarted.json()).toEqual({ message: expect.any(String) as string });
    const afterRestart = await janusMountpoints(lab());
    expect(afterRestart.find((m) => m.id === view.stream_id)?.metadata).toMatch(/:entrance_cam:2$/);

    const deleted = await running.call('/cameras/entrance_cam', { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ message: expect.any(String) as string });
    expect((await running.call('/cameras/entrance_cam')).status).toBe(404);
    expect((await janusMountpoints(lab())).find((m) => m.id === view.stream_id)).toBeUndefined();
  });

  it('answers a duplicate camera_id with 409 and an unknown one with 404, in the error shape', async () => {
    const camera = labCamera(lab());
    const body = {
      camera_id: 'dup',
      name: 'Dup',
      rtsp_url: camera.url,
      username: camera.username,
      password: camera.password,
    };
    expect((await running.call('/cameras', { method: 'POST', body })).status).toBe(201);
    const again = await running.call('/cameras', { method: 'POST', body });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      error: { code: 'VIGIL_ERR_CAMERA_EXISTS', message: expect.any(String) as string, field: 'camera_id' },
    });
    const missing = await running.call('/cameras/nope');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe(
      'VIGIL_ERR_CAMERA_NOT_FOUND',
    );
    await running.call('/cameras/dup', { method: 'DELETE' });
  });

  it('explains a wrong password and a wrong path before adding anything', async () => {
    const camera = labCamera(lab());
    const wrong = await running.call('/cameras', {
      method: 'POST',
      body: {
        camera_id: 'wrong',
        name: 'W',
        rtsp_url: camera.url,
        username: camera.username,
        password: 'nope',
      },
    });
    expect(wrong.status).toBe(422);
    expect(await wrong.json()).toMatchObject({
      error: { code: 'VIGIL_ERR_CAMERA_UNREACHABLE', field: 'password' },
    });
    const path = await running.call('/cameras', {
      method: 'POST',
      body: {
        camera_id: 'path',
        name: 'P',
        rtsp_url: `${camera.url}x`,
        username: camera.username,
        password: camera.password,
      },
    });
    expect(path.status).toBe(422);
    expect(await path.json()).toMatchObject({ error: { field: 'rtsp_url' } });
    expect((await running.call('/cameras')).status).toBe(200);
    expect(((await (await running.call('/cameras')).json()) as unknown[]).length).toBe(0);
  });

  it('moves credentials out of the URL and changes them with PATCH (destroy + create)', async () => {
    const camera = labCamera(lab());
    const withCreds = camera.url.replace(
      'rtsp://',
      `rtsp://${camera.username}:${encodeURIComponent(camera.password)}@`,
    );
    const created = await running.call('/cameras', {
      method: 'POST',
      body: { camera_id: 'inline', name: 'Inline', rtsp_url: withCreds },
    });
    expect(created.status).toBe(201);
    const view = (await created.json()) as { rtsp_url: string; username: string; stream_id: number };
    expect(view.rtsp_url).toBe(camera.url);
    expect(view.username).toBe(camera.username);

    const patched = await running.call('/cameras/inline', {
      method: 'PATCH',
      body: { password: 'wrong-now' },
    });
    expect(patched.status).toBe(422);
    const renamed = await running.call('/cameras/inline', {
      method: 'PATCH',
      body: { name: 'Renamed', tags: ['door'] },
    });
    expect(await renamed.json()).toMatchObject({ name: 'Renamed', tags: ['door'] });
    const disabled = await running.call('/cameras/inline', { method: 'PATCH', body: { enabled: false } });
    expect(await disabled.json()).toMatchObject({ enabled: false, status: 'disabled' });
    expect((await janusMountpoints(lab())).find((m) => m.id === view.stream_id)).toBeUndefined();
    await running.call('/cameras/inline', { method: 'PATCH', body: { enabled: true } });
    expect((await janusMountpoints(lab())).find((m) => m.id === view.stream_id)).toBeDefined();
    await running.call('/cameras/inline', { method: 'DELETE' });
  });
});
