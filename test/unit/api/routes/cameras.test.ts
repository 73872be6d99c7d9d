import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { cameraInput, errorOf, headers, json, makeApi, type TestApi } from '../fixtures';

let api: TestApi;
beforeEach(async () => {
  api = await makeApi();
});
afterEach(async () => {
  await api.app.close();
});

async function addCamera(body: object = cameraInput()) {
  return api.app.inject({ method: 'POST', url: '/cameras', headers: headers('manage'), payload: body });
}

describe('what each scope sees of a camera', () => {
  it('a view key gets no rtsp_url, username or substream_url; a manage key does', async () => {
    await addCamera(cameraInput({ substream_url: 'rtsp://192.0.2.7/sub' }));
    for (const url of ['/cameras', '/cameras/entrance_cam']) {
      const seen = (await api.app.inject({ url, headers: headers('view') })).json<unknown>();
      const [viewed] = [seen].flat() as Record<string, unknown>[];
      expect(viewed).toMatchObject({ camera_id: 'entrance_cam', stream_id: 1 });
      for (const field of ['rtsp_url', 'username', 'substream_url']) expect(viewed).not.toHaveProperty(field);
      const managed = [(await api.app.inject({ url, headers: headers('manage') })).json<unknown>()].flat();
      expect(managed[0]).toMatchObject({
        rtsp_url: expect.stringMatching(/^rtsp:/) as string,
        username: 'root',
      });
    }
  });
});

describe('POST /cameras', () => {
  it('answers 201 with the seed fields and never the password', async () => {
    const response = await addCamera();
    expect(response.statusCode).toBe(201);
    const camera = json(response) as Record<string, unknown>;
    expect(camera).toMatchObject({
      camera_id: 'entrance_cam',
      name: 'Entrance Camera',
      status: 'starting',
      stream_id: 1,
      websocket_url: 'ws://127.0.0.1:3000/janus',
      has_password: true,
    });
    expect(camera).not.toHaveProperty('password');
    expect(response.body).not.toContain('G3M13m0b');
  });

  it('answers 409 on a duplicate camera_id', async () => {
    await addCamera();
    const response = await addCamera();
    expect(response.statusCode).toBe(409);
    expect(errorOf(response)).toEqual({
      code: 'VIGIL_ERR_CAMERA_EXISTS',
      message: 'Camera exists',
      field: 'camera_id',
    });
  });

  it('names the offending field in a 400', async () => {
    const response = await addCamera(cameraInput({ camera_id: '../etc' }));
    expect(response.statusCode).toBe(400);
    const error = errorOf(response);
    expect(error.code).toBe('VIGIL_ERR_VALIDATION');
    expect(error.field).toBe('camera_id');
    expect(error.message).toBe(
      'camera_id must use 1–64 letters, digits, _ or -, starting with a letter or digit',
    );
    expect(error.message).toContain('use 1–64 letters, digits, _ or -');
  });

  it('names a bad placement field in a 400', async () => {
    const response = await addCamera({ ...cameraInput(), placement: { failover: 'sometimes' } });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toMatchObject({ code: 'VIGIL_ERR_VALIDATION', field: 'placement/failover' });
    const pin = await addCamera({ ...cameraInput(), placement: { gateway_id: 'no such/gateway' } });
    expect(errorOf(pin)).toMatchObject({ code: 'VIGIL_ERR_VALIDATION', field: 'placement/gateway_id' });
  });

  it('refuses unknown properties by name', async () => {
    const response = await addCamera({ ...cameraInput(), admin: true });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toMatchObject({ field: 'admin', message: 'unknown property "admin" in body' });
  });
});

describe('reading cameras', () => {
  beforeEach(async () => {
    await addCamera();
  });

  it('GET /cameras is a JSON array of cameras', async () => {
    const response = await api.app.inject({ url: '/cameras', headers: headers('view') });
    expect(response.statusCode).toBe(200);
    const list = json(response) as Record<string, unknown>[];
    expect(list).toHaveLength(1);
    expect(Object.keys(list[0] ?? {}).slice(0, 5)).toEqual([
      'camera_id',
      'name',
      'status',
      'stream_id',
      'websocket_url',
    ]);
    expect(response.body).not.toContain('G3M13m0b');
  });

  it('GET /cameras/{id} answers one camera, 404 for an unknown one', async () => {
    const ok = await api.app.inject({ url: '/cameras/entrance_cam', headers: headers('view') });
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toMatchObject({ camera_id: 'entrance_cam' });
    expect(ok.body).not.toContain('"password"');
    expect(ok.body).not.toContain('G3M13m0b');
    const missing = await api.app.inject({ url: '/cameras/nope', headers: headers('view') });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('VIGIL_ERR_CAMERA_NOT_FOUND');
  });

  it('GET /cameras/{id}/stream answers the seed stream info: the door with a fresh ticket, no pin or token', async () => {
    const response = await api.app.inject({ url: '/cameras/entrance_cam/stream', headers: headers('view') });
    expect(response.statusCode).toBe(200);
    const info = json(response) as Record<string, unknown>;
    expect(info).toMatchObject({
      camera_id: 'entrance_cam',
      stream_id: 1,
      janus_url: `ws://127.0.0.1:3000/janus?ticket=${String(info.ticket)}`,
      websocket_url: 'ws://127.0.0.1:3000/janus',
      plugin: 'janus.plugin.streaming',
      ticket: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as string,
      stream_info: { id: 1, type: 'rtsp', description: 'Entrance Camera' },
    });
    expect(Date.parse(String(info.ticket_expires_at)) - Date.now()).toBeGreaterThan(50_000);
    expect(Object.keys(info)).not.toEqual(expect.arrayContaining(['pin']));
    expect(response.body).not.toMatch(/pin|token|8188|8088|secret/);
    const again = json(
      await api.app.inject({ url: '/cameras/entrance_cam/stream', headers: headers('view') }),
    ) as Record<string, unknown>;
    expect(again.ticket).not.toBe(info.ticket);
  });
});

describe('changing cameras', () => {
  beforeEach(async () => {
    await addCamera();
  });

  it('PATCH changes fields and answers the camera', async () => {
    const response = await api.app.inject({
      method: 'PATCH',
      url: '/cameras/entrance_cam',
      headers: headers('manage'),
      payload: { name: 'Front door', tags: ['lobby'] },
    });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({ name: 'Front door', tags: ['lobby'] });
  });

  it('PATCH with nothing to change is a 400', async () => {
    const response = await api.app.inject({
      method: 'PATCH',
      url: '/cameras/entrance_cam',
      headers: headers('manage'),
      payload: {},
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).message).toBe('body must contain at least one field');
  });

  it('restart answers {message}', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/cameras/entrance_cam/restart',
      headers: headers('manage'),
    });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({ message: 'Camera entrance_cam restarted' });
    expect(api.station.restarted).toEqual(['entrance_cam']);
  });

  it('restart accepts an empty JSON body', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/cameras/entrance_cam/restart',
      headers: headers('manage', { 'content-type': 'application/json' }),
      payload: '',
    });
    expect(response.statusCode).toBe(200);
  });

  it('DELETE answers {message}, then the camera is gone', async () => {
    const response = await api.app.inject({
      method: 'DELETE',
      url: '/cameras/entrance_cam',
      headers: headers('manage'),
    });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({ message: 'Camera entrance_cam removed' });
    const again = await api.app.inject({
      method: 'DELETE',
      url: '/cameras/entrance_cam',
      headers: headers('manage'),
    });
    expect(again.statusCode).toBe(404);
  });
});

describe('POST /cameras/probe', () => {
  it('answers what the probe found', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/cameras/probe',
      headers: headers('manage'),
      payload: { rtsp_url: 'rtsp://cam.local/stream', username: 'u', password: 'p' },
    });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({ ok: true, auth_method: 'digest', video: { codec: 'h264' } });
  });

  it('answers a failed probe as 200 with ok:false and the field at fault', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/cameras/probe',
      headers: headers('manage'),
      payload: { rtsp_url: 'rtsp://bad.local/stream' },
    });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({
      ok: false,
      reason: 'auth_failed',
      message: 'Wrong password',
      field: 'password',
    });
  });
});
