import { afterEach, describe, expect, it } from 'vitest';

import { KEYS, cameraInput, errorOf, headers, makeApi, type TestApi } from './fixtures';

const built: TestApi[] = [];
async function api(...args: Parameters<typeof makeApi>): Promise<TestApi> {
  const made = await makeApi(...args);
  built.push(made);
  return made;
}
afterEach(async () => {
  await Promise.all(built.splice(0).map((b) => b.app.close()));
});

describe('Host header check', () => {
  it('refuses a foreign Host with 403 before auth, and accepts the loopback names', async () => {
    const { app } = await api();
    const evil = await app.inject({ url: '/cameras', headers: { host: 'evil.example' } });
    expect(evil.statusCode).toBe(403);
    expect(errorOf(evil).code).toBe('VIGIL_ERR_HOST_NOT_ALLOWED');
    for (const host of ['127.0.0.1:3000', 'localhost:3000', '[::1]:3000', 'localhost']) {
      const ok = await app.inject({ url: '/', headers: { host } });
      expect(ok.statusCode, host).toBe(200);
    }
  });

  it('accepts extra names when configured', async () => {
    const { app } = await api({ allowedHosts: ['vigil.lan'] });
    expect((await app.inject({ url: '/', headers: { host: 'vigil.lan:3000' } })).statusCode).toBe(200);
    expect((await app.inject({ url: '/', headers: { host: 'vigil.lan.evil.example' } })).statusCode).toBe(
      403,
    );
  });
});

describe('CORS', () => {
  it('sends no CORS headers by default', async () => {
    const { app } = await api();
    const response = await app.inject({
      url: '/',
      headers: headers(undefined, { origin: 'http://portal.local' }),
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows only the configured origins, without credentials', async () => {
    const { app } = await api({ corsOrigins: ['http://portal.local'] });
    const allowed = await app.inject({
      url: '/cameras',
      headers: headers('view', { origin: 'http://portal.local' }),
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('http://portal.local');
    expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
    const denied = await app.inject({
      url: '/cameras',
      headers: headers('view', { origin: 'http://evil.example' }),
    });
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a preflight from an allowed origin without a key', async () => {
    const { app } = await api({ corsOrigins: ['http://portal.local'] });
    const response = await app.inject({
      method: 'OPTIONS',
      url: '/cameras',
      headers: headers(undefined, {
        origin: 'http://portal.local',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      }),
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('http://portal.local');
    expect(response.headers['access-control-allow-headers']).toBe('Authorization, Content-Type');
  });
});

describe('body handling', () => {
  it('answers 413 above the body limit', async () => {
    const { app } = await api({ bodyLimitBytes: 1024 });
    const response = await app.inject({
      method: 'POST',
      url: '/cameras',
      headers: headers('manage'),
      payload: cameraInput({ description: 'x'.repeat(2000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(errorOf(response).code).toBe('VIGIL_ERR_PAYLOAD_TOO_LARGE');
  });

  it('answers 415 to a non-JSON body', async () => {
    const { app } = await api();
    const response = await app.inject({
      method: 'POST',
      url: '/cameras',
      headers: headers('manage', { 'content-type': 'text/plain' }),
      payload: JSON.stringify(cameraInput()),
    });
    expect(response.statusCode).toBe(415);
    expect(errorOf(response).code).toBe('VIGIL_ERR_UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 400 to malformed JSON', async () => {
    const { app } = await api();
    const response = await app.inject({
      method: 'POST',
      url: '/cameras',
      headers: headers('manage', { 'content-type': 'application/json' }),
      payload: '{"camera_id": "a",',
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toEqual({
      code: 'VIGIL_ERR_VALIDATION',
      message: 'The body is not valid JSON',
    });
  });
});

describe('mutation rate limit', () => {
  it('answers 429 with Retry-After past the limit, counts per key, and never limits reads', async () => {
    const { app } = await api({ mutationRateLimit: { max: 3, timeWindowMs: 60_000 } });
    const restart = (scope: 'manage' | 'manage2') =>
      app.inject({ method: 'POST', url: '/cameras/ghost/restart', headers: headers(scope) });
    for (let i = 0; i < 3; i++) expect((await restart('manage')).statusCode).toBe(404);
    const limited = await restart('manage');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(errorOf(limited).code).toBe('VIGIL_ERR_RATE_LIMITED');
    expect((await restart('manage2')).statusCode).toBe(404);
    for (let i = 0; i < 10; i++) {
      expect((await app.inject({ url: '/cameras', headers: headers('manage') })).statusCode).toBe(200);
    }
  });
});

describe('logging', () => {
  it('never logs the Authorization header, bodies or passwords', async () => {
    const { app, logs } = await api();
    await app.inject({
      method: 'POST',
      url: '/cameras?token=abc',
      headers: headers('manage'),
      payload: cameraInput({ password: 'Sup3rS3cret' }),
    });
    await app.inject({ url: '/cameras/nope', headers: headers('view') });
    const text = logs.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    expect(text).not.toContain('Sup3rS3cret');
    expect(text).not.toContain(KEYS.manage);
    expect(text).not.toContain(KEYS.view);
    expect(text).not.toContain('token=abc');
    expect(text).not.toContain('rtsp://');
  });

  it('logs each request once, at debug, with its route and status but not its query', async () => {
    const { app, logs } = await api();
    await app.inject({ url: '/cameras/lobby?token=abc', headers: headers('view') });
    const entries = logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = entries.filter((entry) => entry.msg === 'request');
    expect(requests).toEqual([
      expect.objectContaining({ level: 20, method: 'GET', route: '/cameras/:camera_id', status: 404 }),
    ]);
    expect(entries.filter((entry) => (entry.level as number) >= 30)).toEqual([]);
  });
});

describe('metrics registry', () => {
  it('can build twice over the same registry (e.g. after a restart of the API)', async () => {
    const first = await api();
    await expect(api({ metrics: first.metrics })).resolves.toBeDefined();
  });
});
