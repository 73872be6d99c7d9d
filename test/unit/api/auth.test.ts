import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bearerKey, permits } from '../../../main/api/auth';
import { KEYS, cameraInput, errorOf, headers, makeApi, type TestApi } from './fixtures';

describe('bearerKey', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['Bearer   abc  ', 'abc'],
    ['Basic abc', undefined],
    ['Bearer', undefined],
    ['Bearer a b', undefined],
    ['Bearer ab\u00e9', undefined],
    [undefined, undefined],
  ])('%j → %j', (header, key) => {
    expect(bearerKey(header)).toBe(key);
  });
});

describe('permits', () => {
  it('lets manage do everything, view only view routes, and anyone public ones', () => {
    expect(permits({ id: 'm', scope: 'manage' }, 'manage')).toBe(true);
    expect(permits({ id: 'm', scope: 'manage' }, 'view')).toBe(true);
    expect(permits({ id: 'v', scope: 'view' }, 'view')).toBe(true);
    expect(permits({ id: 'v', scope: 'view' }, 'manage')).toBe(false);
    expect(permits(undefined, 'view')).toBe(false);
    expect(permits(undefined, 'public')).toBe(true);
    expect(permits(undefined, 'optional')).toBe(true);
  });
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Every route, the scope it needs, and a valid body. */
const ROUTES: { method: Method; url: string; needs: 'public' | 'view' | 'manage'; payload?: object }[] = [
  { method: 'GET', url: '/', needs: 'public' },
  { method: 'GET', url: '/health', needs: 'public' },
  { method: 'GET', url: '/openapi.json', needs: 'public' },
  { method: 'GET', url: '/docs/json', needs: 'public' },
  { method: 'GET', url: '/metrics', needs: 'view' },
  { method: 'GET', url: '/cameras', needs: 'view' },
  { method: 'GET', url: '/cameras/cam_a', needs: 'view' },
  { method: 'GET', url: '/cameras/cam_a/stream', needs: 'view' },
  { method: 'POST', url: '/cameras', needs: 'manage', payload: cameraInput({ camera_id: 'cam_new' }) },
  { method: 'POST', url: '/cameras/probe', needs: 'manage', payload: { rtsp_url: 'rtsp://cam.local/s' } },
  { method: 'PATCH', url: '/cameras/cam_a', needs: 'manage', payload: { name: 'A' } },
  { method: 'POST', url: '/cameras/cam_a/restart', needs: 'manage' },
  { method: 'DELETE', url: '/cameras/cam_b', needs: 'manage' },
];

let api: TestApi;
beforeAll(async () => {
  api = await makeApi({ mutationRateLimit: { max: 1000, timeWindowMs: 60_000 } });
});
afterAll(async () => {
  await api.app.close();
});

async function call(route: (typeof ROUTES)[number], authorization?: string) {
  await api.station.addCamera(cameraInput({ camera_id: 'cam_a' })).catch(() => undefined);
  await api.station.addCamera(cameraInput({ camera_id: 'cam_b' })).catch(() => undefined);
  api.station.cameras.delete('cam_new');
  return api.app.inject({
    method: route.method,
    url: route.url,
    headers: { ...headers(), ...(authorization ? { authorization } : {}) },
    ...(route.payload ? { payload: route.payload } : {}),
  });
}

describe.each(ROUTES)('$method $url ($needs)', (route) => {
  it('without a key', async () => {
    const response = await call(route);
    if (route.needs === 'public') {
      expect(response.statusCode).toBe(200);
      return;
    }
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="vigil"');
    expect(errorOf(response).code).toBe('VIGIL_ERR_UNAUTHENTICATED');
  });

  it('with an unknown or malformed key', async () => {
    for (const authorization of ['Bearer not-a-key', 'Basic dXNlcjpwYXNz', `Bearer ${KEYS.manage}x`]) {
      const response = await call(route, authorization);
      if (route.needs === 'public' && route.url !== '/health') {
        expect(response.statusCode).toBe(200);
        continue;
      }
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
    }
  });

  it('with a view key', async () => {
    const response = await call(route, `Bearer ${KEYS.view}`);
    if (route.needs === 'manage') {
      expect(response.statusCode).toBe(403);
      expect(errorOf(response).code).toBe('VIGIL_ERR_FORBIDDEN');
      expect(response.headers['www-authenticate']).toContain('error="insufficient_scope"');
    } else {
      expect(response.statusCode).toBe(200);
    }
  });

  it('with a manage key', async () => {
    const response = await call(route, `Bearer ${KEYS.manage}`);
    expect(response.statusCode).toBe(route.url === '/cameras' && route.method === 'POST' ? 201 : 200);
  });
});

describe('unknown routes', () => {
  it('answer 404 in the error shape, key or not', async () => {
    for (const extra of [{}, { authorization: `Bearer ${KEYS.view}` }]) {
      const response = await api.app.inject({ url: '/nope', headers: { ...headers(), ...extra } });
      expect(response.statusCode).toBe(404);
      expect(errorOf(response)).toEqual({ code: 'VIGIL_ERR_NOT_FOUND', message: 'No route for GET /nope' });
    }
  });
});
