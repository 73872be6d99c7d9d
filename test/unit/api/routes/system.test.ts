import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cameraInput, headers, json, makeApi, type TestApi } from '../fixtures';

let api: TestApi;
beforeAll(async () => {
  api = await makeApi();
  await api.station.addCamera(cameraInput());
});
afterAll(async () => {
  await api.app.close();
});

describe('GET /', () => {
  it('answers the seed service info without a key', async () => {
    const response = await api.app.inject({ url: '/', headers: headers() });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({
      service: 'vigil',
      version: '0.1.0-test',
      status: 'running',
      janus_url: 'ws://127.0.0.1:3000/janus',
      websocket_url: 'ws://127.0.0.1:3000/janus',
      docs: '/docs',
    });
  });
});

describe('GET /health', () => {
  it('answers the seed summary to anyone', async () => {
    const response = await api.app.inject({ url: '/health', headers: headers() });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({
      status: 'healthy',
      janus_connectivity: 'ok',
      active_cameras: 1,
      active_sessions: 1,
    });
  });

  it('adds per-camera detail for a valid key of either scope', async () => {
    for (const scope of ['view', 'manage'] as const) {
      const response = await api.app.inject({ url: '/health', headers: headers(scope) });
      expect(response.statusCode).toBe(200);
      expect(json(response)).toMatchObject({ cameras: [{ camera_id: 'entrance_cam', state: 'starting' }] });
    }
  });

  it('refuses an unknown key rather than quietly answering the summary', async () => {
    const response = await api.app.inject({
      url: '/health',
      headers: { ...headers(), authorization: 'Bearer nope' },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('GET /openapi.json', () => {
  it('documents every route with tags and the shared schemas', async () => {
    const response = await api.app.inject({ url: '/openapi.json', headers: headers() });
    expect(response.statusCode).toBe(200);
    const doc = json(response) as {
      openapi: string;
      paths: Record<string, Record<string, { tags?: string[]; responses?: object }>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toMatch(/^3\./);
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'GET /',
        'GET /health',
        'GET /openapi.json',
        'GET /metrics',
        'GET /events',
        'POST /cameras',
        'GET /cameras',
        'POST /cameras/probe',
        'GET /cameras/{camera_id}',
        'PATCH /cameras/{camera_id}',
        'DELETE /cameras/{camera_id}',
        'POST /cameras/{camera_id}/restart',
        'GET /cameras/{camera_id}/stream',
        'GET /cameras/{camera_id}/recordings',
        'GET /cameras/{camera_id}/playback',
        'GET /cameras/{camera_id}/export.mp4',
        'GET /janus',
        'GET /gateways',
        'DELETE /gateways/{gateway_id}',
      ].sort(),
    );
    for (const methods of Object.values(doc.paths)) {
      for (const operation of Object.values(methods)) {
        expect(operation.tags?.length).toBeGreaterThan(0);
        expect(Object.keys(operation.responses ?? {})).toEqual(
          // The door's GET /janus switches protocols (101) instead.
          expect.arrayContaining([expect.stringMatching(/^(20[01]|101)$/)]),
        );
      }
    }
    const body = JSON.stringify(doc.paths['/cameras']?.post);
    for (const field of [
      'camera_id',
      'name',
      'rtsp_url',
      'username',
      'password',
      'auth_method',
      'description',
    ]) {
      expect(body).toContain(`"${field}"`);
    }
    expect(Object.keys(doc.components.schemas)).toContain('CameraView');
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
  });
});

describe('GET /docs', () => {
  it('serves the Swagger UI from the station itself, with no external URL', async () => {
    const page = await api.app.inject({ url: '/docs', headers: headers() });
    const html =
      page.statusCode === 302
        ? await api.app.inject({ url: page.headers.location as string, headers: headers() })
        : page;
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    const assets = [...html.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(asset).not.toMatch(/^(https?:)?\/\//);
    const initializer = await api.app.inject({
      url: '/docs/static/swagger-initializer.js',
      headers: headers(),
    });
    expect(initializer.statusCode).toBe(200);
    const code = initializer.body.replace(/^\s*\/\/.*$/gm, '');
    expect(code).not.toMatch(/https?:\/\//);
    expect(code).toContain('validatorUrl: null');
    expect(html.headers['content-security-policy']).toContain("default-src 'self'");
    const bundle = await api.app.inject({ url: '/docs/static/swagger-ui-bundle.js', headers: headers() });
    expect(bundle.statusCode).toBe(200);
  });
});

describe('GET /metrics', () => {
  it('answers Prometheus text with HTTP request metrics to a view key', async () => {
    await api.app.inject({ url: '/cameras/entrance_cam', headers: headers('view') });
    const response = await api.app.inject({ url: '/metrics', headers: headers('view') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toContain(
      'vigil_http_requests_total{method="GET",route="/cameras/:camera_id",status="200"} 1',
    );
    expect(response.body).toContain('vigil_http_request_duration_seconds_bucket');
  });

  it('needs a key', async () => {
    const response = await api.app.inject({ url: '/metrics', headers: headers() });
    expect(response.statusCode).toBe(401);
  });
});
