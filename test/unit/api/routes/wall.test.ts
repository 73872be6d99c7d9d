import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { prefersHtml, wallCsp } from '../../../../main/api/routes/wall';
import { errorOf, headers, json, makeApi, type TestApi } from '../fixtures';

let root: string;
let api: TestApi;
let unbuilt: TestApi;
const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'vigil-wall-'));
  mkdirSync(join(root, 'renderer', 'assets'), { recursive: true });
  mkdirSync(join(root, 'sdk'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>Vigil wall</title>');
  writeFileSync(join(root, 'renderer', 'assets', 'index-abc.js'), 'console.log(1);');
  writeFileSync(join(root, 'sdk', 'vas-client.js'), 'export class VASJanusClient {}');
  writeFileSync(join(root, 'sdk', 'vas-client.d.ts'), 'export declare class VASJanusClient {}');
  // What an older build left beside the files: source maps are never served.
  writeFileSync(
    join(root, 'sdk', 'vas-client.js.map'),
    '{"version":3,"sources":["../renderer/sdk/client.ts"]}',
  );
  writeFileSync(join(root, 'renderer', 'assets', 'index-abc.js.map'), '{"version":3}');
  api = await makeApi({
    wall: { dir: join(root, 'renderer'), sdkDir: join(root, 'sdk') },
    corsOrigins: ['http://portal.local'],
  });
  unbuilt = await makeApi({ wall: { dir: join(root, 'missing'), sdkDir: join(root, 'missing-sdk') } });
});
afterAll(async () => {
  await Promise.all([api.app.close(), unbuilt.app.close()]);
  rmSync(root, { recursive: true, force: true });
});

describe('prefersHtml', () => {
  it.each([
    [HTML.accept, true],
    ['text/html', true],
    ['*/*', false],
    [undefined, false],
    ['application/json', false],
    ['application/json, text/html;q=0.5', false],
    ['text/html;q=0', false],
  ])('%s → %s', (accept, html) => {
    expect(prefersHtml(accept)).toBe(html);
  });
});

describe('wallCsp', () => {
  it("allows only this station and its door's WebSocket origin to be connected to", () => {
    const csp = wallCsp({
      janus_url: 'ws://127.0.0.1:3000/janus',
      websocket_url: 'ws://127.0.0.1:3000/janus',
    });
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:3000;");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("media-src 'self' blob:");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe('GET /', () => {
  it('gives browsers the wall page with the CSP, and API clients the JSON service info', async () => {
    const page = await api.app.inject({ url: '/', headers: headers(undefined, HTML) });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>Vigil wall</title>');
    expect(page.headers['content-security-policy']).toContain("connect-src 'self' ws://127.0.0.1:3000;");
    const info = await api.app.inject({ url: '/', headers: headers(undefined, { accept: '*/*' }) });
    expect(info.headers['content-type']).toContain('application/json');
    expect(json(info)).toMatchObject({ service: 'vigil', status: 'running' });
  });

  it('serves the wall page to a named wall (/?wall=NAME)', async () => {
    const page = await api.app.inject({ url: '/?wall=desk-1-left', headers: headers(undefined, HTML) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Vigil wall</title>');
  });

  it('says how to build the wall when it is not built', async () => {
    const page = await unbuilt.app.inject({ url: '/', headers: headers(undefined, HTML) });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('The wall is not built: run npm run build');
    expect((await unbuilt.app.inject({ url: '/', headers: headers() })).statusCode).toBe(200);
  });

  it('keeps the JSON for browsers when no wall is configured', async () => {
    const bare = await makeApi();
    const response = await bare.app.inject({ url: '/', headers: headers(undefined, HTML) });
    expect(json(response)).toMatchObject({ service: 'vigil' });
    await bare.app.close();
  });
});

describe('/assets/*', () => {
  it('serves the built files without a key, and 404s the rest in the error shape', async () => {
    const asset = await api.app.inject({ url: '/assets/index-abc.js', headers: headers() });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    expect(asset.headers['cache-control']).toContain('immutable');
    const missing = await api.app.inject({ url: '/assets/nope.js', headers: headers() });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('VIGIL_ERR_NOT_FOUND');
    const escape = await api.app.inject({ url: '/assets/..%2f..%2fsdk%2fvas-client.js', headers: headers() });
    expect(escape.statusCode).toBeGreaterThanOrEqual(400);
  });
});

describe('/sdk/*', () => {
  it('serves the SDK module and its types with CORS for the configured origins', async () => {
    const js = await api.app.inject({
      url: '/sdk/vas-client.js',
      headers: headers(undefined, { origin: 'http://portal.local' }),
    });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
    expect(js.headers['access-control-allow-origin']).toBe('http://portal.local');
    expect(js.body).toContain('VASJanusClient');
    const types = await api.app.inject({ url: '/sdk/vas-client.d.ts', headers: headers() });
    expect(types.statusCode).toBe(200);
    expect(types.headers['content-type']).toContain('typescript');
    const foreign = await api.app.inject({
      url: '/sdk/vas-client.js',
      headers: headers(undefined, { origin: 'http://evil.example' }),
    });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('never serves a source map, not even one an older build left', async () => {
    for (const url of ['/sdk/vas-client.js.map', '/sdk/VAS-CLIENT.JS.MAP', '/assets/index-abc.js.map']) {
      const response = await api.app.inject({ url, headers: headers('manage') });
      expect(response.statusCode, url).toBe(404);
      expect(errorOf(response)).toEqual({
        code: 'VIGIL_ERR_NOT_FOUND',
        message: 'Source maps are not served',
      });
    }
  });

  it('answers 404 in the error shape when the SDK is not built', async () => {
    const response = await unbuilt.app.inject({ url: '/sdk/vas-client.js', headers: headers() });
    expect(response.statusCode).toBe(404);
    expect(errorOf(response)).toEqual({
      code: 'VIGIL_ERR_NOT_FOUND',
      message: 'The SDK is not built: run npm run build',
    });
  });
});
