import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openViewStore } from '../../../../main/store/view-store';
import { ViewService } from '../../../../main/station/views';
import { errorOf, headers, json, makeApi, type TestApi } from '../fixtures';

let dataDir: string;
let api: TestApi;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-views-api-'));
  api = await makeApi({ views: new ViewService(openViewStore({ dataDir })) });
});
afterEach(async () => {
  await api.app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const body = { view_id: 'lobby', name: 'Lobby', layout: '2x2', tiles: ['cam1', null, 'unknown-cam', null] };

function send(method: 'POST' | 'PATCH' | 'DELETE', url: string, scope: 'manage' | 'view', payload?: unknown) {
  return api.app.inject({
    method,
    url,
    headers: headers(scope, payload === undefined ? {} : { 'content-type': 'application/json' }),
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
}

describe('/views', () => {
  it('round-trips a view: create (201), list, get, patch, delete', async () => {
    const created = await send('POST', '/views', 'manage', body);
    expect(created.statusCode).toBe(201);
    expect(json(created)).toMatchObject({ ...body, tour: null });
    const list = await api.app.inject({ url: '/views', headers: headers('view') });
    expect(list.statusCode).toBe(200);
    expect(json(list)).toEqual([json(created)]);
    const one = await api.app.inject({ url: '/views/lobby', headers: headers('view') });
    expect(json(one)).toEqual(json(created));

    const patched = await send('PATCH', '/views/lobby', 'manage', { layout: '1', tiles: ['cam1'] });
    expect(patched.statusCode).toBe(200);
    expect(json(patched)).toMatchObject({ layout: '1', tiles: ['cam1'] });

    const deleted = await send('DELETE', '/views/lobby', 'manage');
    expect(deleted.statusCode).toBe(200);
    expect(json(deleted)).toEqual({ message: 'View lobby deleted' });
    expect((await api.app.inject({ url: '/views/lobby', headers: headers('view') })).statusCode).toBe(404);
  });

  it('lets view keys read and only manage keys write', async () => {
    expect((await send('POST', '/views', 'view', body)).statusCode).toBe(403);
    expect((await api.app.inject({ url: '/views', headers: headers() })).statusCode).toBe(401);
    await send('POST', '/views', 'manage', body);
    expect((await send('PATCH', '/views/lobby', 'view', { name: 'x' })).statusCode).toBe(403);
    expect((await send('DELETE', '/views/lobby', 'view')).statusCode).toBe(403);
  });

  it('answers 400 on field tiles when the count does not fit the layout', async () => {
    const response = await send('POST', '/views', 'manage', { ...body, layout: '3x3' });
    expect(response.statusCode).toBe(400);
    const error = errorOf(response);
    expect(error).toMatchObject({ code: 'VIGIL_ERR_VALIDATION', field: 'tiles' });
    expect(error.message).toContain('layout 3x3 has 9 tiles');
  });

  it('checks bodies against the contract schemas, in the one error shape', async () => {
    const unknownField = await send('POST', '/views', 'manage', { ...body, colour: 'red' });
    expect(unknownField.statusCode).toBe(400);
    expect(errorOf(unknownField).field).toBe('colour');
    const badLayout = await send('POST', '/views', 'manage', { ...body, layout: '7x7' });
    expect(errorOf(badLayout).field).toBe('layout');
    const emptyPatch = await send('PATCH', '/views/lobby', 'manage', {});
    expect(errorOf(emptyPatch).code).toBe('VIGIL_ERR_VALIDATION');
    const badTour = await send('POST', '/views', 'manage', {
      ...body,
      tour: { cameras: [], interval_s: 10 },
    });
    expect(errorOf(badTour).field).toMatch(/^tour/);
  });

  it('answers 404 for unknown views and 409 for a duplicate id', async () => {
    const missing = await send('PATCH', '/views/nope', 'manage', { name: 'x' });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing)).toMatchObject({ code: 'VIGIL_ERR_VIEW_NOT_FOUND', field: 'view_id' });
    await send('POST', '/views', 'manage', body);
    const again = await send('POST', '/views', 'manage', body);
    expect(again.statusCode).toBe(409);
    expect(errorOf(again)).toMatchObject({ code: 'VIGIL_ERR_VIEW_EXISTS', field: 'view_id' });
  });

  it('is documented under the views tag', async () => {
    const doc = json(await api.app.inject({ url: '/openapi.json', headers: headers() })) as {
      paths: Record<string, Record<string, { tags: string[] }>>;
    };
    expect(doc.paths['/views']?.post?.tags).toEqual(['views']);
    expect(Object.keys(doc.paths['/views/{view_id}'] ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
  });
});

describe('without a view service', () => {
  it('has no /views routes', async () => {
    const bare = await makeApi();
    expect((await bare.app.inject({ url: '/views', headers: headers('view') })).statusCode).toBe(404);
    await bare.app.close();
  });
});
