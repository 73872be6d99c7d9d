import { describe, expect, it, vi } from 'vitest';

import { VASError, VASJanusClient } from '../../../renderer/sdk';
import { cameraView, fakeFetch, json } from './fakes';

// The real player needs a browser; these tests check only the REST side of the client.
vi.mock('../../../renderer/player', () => ({ createStreamPlayer: vi.fn() }));

const base = 'http://127.0.0.1:3000';
const apiKey = 'vigil_manage_abc';

function client(...answers: Parameters<typeof fakeFetch>) {
  const { fetch, seen } = fakeFetch(...answers);
  return { sdk: new VASJanusClient(`${base}/`, { apiKey, fetch }), seen };
}

describe('VASJanusClient REST calls', () => {
  it('lists cameras with the bearer key and no body', async () => {
    const { sdk, seen } = client(json([cameraView('lobby')]));
    await expect(sdk.getCameras()).resolves.toEqual([cameraView('lobby')]);
    expect(seen).toEqual([
      {
        url: `${base}/cameras`,
        method: 'GET',
        headers: { accept: 'application/json', authorization: `Bearer ${apiKey}` },
        body: undefined,
      },
    ]);
  });

  it("adds a camera with the seed's fields as JSON", async () => {
    const { sdk, seen } = client(json(cameraView('cam001'), 201));
    const input = {
      camera_id: 'cam001',
      name: 'Lobby Camera',
      rtsp_url: 'rtsp://127.0.0.2:8554/stream',
      username: 'admin',
      password: 'password',
      auth_method: 'digest' as const,
    };
    await expect(sdk.addCamera(input)).resolves.toMatchObject({ camera_id: 'cam001', stream_id: 1001 });
    expect(seen[0]).toMatchObject({
      url: `${base}/cameras`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: input,
    });
  });

  it('sends no Authorization header without a key', async () => {
    const { fetch, seen } = fakeFetch(json({ status: 'healthy' }));
    await new VASJanusClient(base, { fetch }).checkHealth();
    expect(seen[0]?.headers).toEqual({ accept: 'application/json' });
    expect(seen[0]?.url).toBe(`${base}/health`);
  });

  it.each([
    ['getCamera', 'GET', '/cameras/a%2Fb'],
    ['getStreamInfo', 'GET', '/cameras/a%2Fb/stream'],
    ['restartCamera', 'POST', '/cameras/a%2Fb/restart'],
    ['removeCamera', 'DELETE', '/cameras/a%2Fb'],
  ] as const)('%s calls %s %s with the id encoded', async (method, verb, path) => {
    const { sdk, seen } = client(json({ message: 'ok' }));
    await sdk[method]('a/b');
    expect(seen[0]).toMatchObject({ url: `${base}${path}`, method: verb, body: undefined });
    expect(seen[0]?.headers['content-type']).toBeUndefined();
  });

  it("answers restart and remove with the station's message", async () => {
    const { sdk } = client(
      json({ message: 'Camera lobby restarted' }),
      json({ message: 'Camera lobby removed' }),
    );
    await expect(sdk.restartCamera('lobby')).resolves.toEqual({ message: 'Camera lobby restarted' });
    await expect(sdk.removeCamera('lobby')).resolves.toEqual({ message: 'Camera lobby removed' });
  });
});

describe('VASJanusClient errors', () => {
  async function failure(promise: Promise<unknown>): Promise<VASError> {
    const error = await promise.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(VASError);
    return error as VASError;
  }

  it("carries the station's code, message, field and status", async () => {
    const body = { error: { code: 'VIGIL_ERR_CAMERA_EXISTS', message: 'cam001 exists', field: 'camera_id' } };
    const { sdk } = client(json(body, 409));
    const error = await failure(
      sdk.addCamera({ camera_id: 'cam001', name: 'x', rtsp_url: 'rtsp://127.0.0.2/x' }),
    );
    expect(error).toMatchObject({
      name: 'VigilError',
      code: 'VIGIL_ERR_CAMERA_EXISTS',
      message: 'cam001 exists',
      field: 'camera_id',
      status: 409,
    });
  });

  it('maps an unknown camera to a 404 VASError', async () => {
    const body = { error: { code: 'VIGIL_ERR_CAMERA_NOT_FOUND', message: 'No camera nope' } };
    const { sdk } = client(json(body, 404));
    expect(await failure(sdk.getStreamInfo('nope'))).toMatchObject({
      code: 'VIGIL_ERR_CAMERA_NOT_FOUND',
      status: 404,
      field: undefined,
    });
  });

  it.each([
    [401, 'VIGIL_ERR_UNAUTHENTICATED'],
    [403, 'VIGIL_ERR_FORBIDDEN'],
    [502, 'VIGIL_ERR_INTERNAL'],
    [418, 'VIGIL_ERR_BAD_RESPONSE'],
  ])('maps a bare HTTP %i (no error body) by status to %s', async (status, code) => {
    const { sdk } = client(new Response('<html>nope</html>', { status }));
    expect(await failure(sdk.getCameras())).toMatchObject({ code, status });
  });

  it('reports an unreachable station as VIGIL_ERR_NETWORK with the cause', async () => {
    const cause = new TypeError('fetch failed');
    const { sdk } = client(() => Promise.reject(cause));
    const error = await failure(sdk.getCameras());
    expect(error).toMatchObject({ code: 'VIGIL_ERR_NETWORK', status: undefined, cause });
    expect(error.message).toContain(base);
  });

  it('reports a 200 that is not JSON as VIGIL_ERR_BAD_RESPONSE', async () => {
    const { sdk } = client(new Response('not json', { status: 200 }));
    expect(await failure(sdk.getCameras())).toMatchObject({ code: 'VIGIL_ERR_BAD_RESPONSE', status: 200 });
  });
});
