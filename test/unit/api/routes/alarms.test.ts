import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Alarm } from '../../../../common/alarms';
import { AlarmBook } from '../../../../main/alarms/alarm-book';
import { WallRegistry } from '../../../../main/walls/wall-registry';
import {
  FakeStation,
  cameraInput,
  errorOf,
  headers,
  json,
  makeApi,
  type KEYS,
  type TestApi,
} from '../fixtures';

let dataDir: string;
let api: TestApi;
let alarms: AlarmBook;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-alarms-api-'));
  const station = new FakeStation();
  await station.addCamera(cameraInput({ camera_id: 'gate' }));
  const publish = (): void => undefined;
  const hasCamera = (id: string): boolean => station.cameras.has(id);
  alarms = await AlarmBook.open({ dataDir, logger: pino({ level: 'silent' }), hasCamera, publish });
  const walls = new WallRegistry({ publish, hasCamera, hasView: () => false });
  api = await makeApi({ station, alarms, walls });
});
afterEach(async () => {
  await api.app.close();
  await alarms.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function post(url: string, scope: keyof typeof KEYS | undefined, payload: unknown) {
  return api.app.inject({
    method: 'POST',
    url,
    headers: headers(scope, { 'content-type': 'application/json' }),
    payload: JSON.stringify(payload),
  });
}

const raise = { camera_ids: ['gate'], severity: 'critical', title: 'Intrusion', external_id: 'vas-1' };

describe('/alarms', () => {
  it('an alarm key raises (201, recorded by its name) and reads alarms, and may do nothing else', async () => {
    const created = await post('/alarms', 'alarm', raise);
    expect(created.statusCode).toBe(201);
    const alarm = json(created) as Alarm;
    expect(alarm).toMatchObject({ state: 'new', source: 'vas-portal', history: [{ by: 'vas-portal' }] });
    const again = await post('/alarms', 'alarm', raise);
    expect((json(again) as Alarm).alarm_id).toBe(alarm.alarm_id);
    const list = await api.app.inject({ url: '/alarms?state=new&limit=10', headers: headers('alarm') });
    expect(list.statusCode).toBe(200);
    expect(json(list)).toEqual([alarm]);
    expect(
      (await api.app.inject({ url: `/alarms/${alarm.alarm_id}`, headers: headers('alarm') })).statusCode,
    ).toBe(200);
    expect((await api.app.inject({ url: '/cameras', headers: headers('alarm') })).statusCode).toBe(403);
    expect((await post(`/alarms/${alarm.alarm_id}/acknowledge`, 'alarm', { note: 'x' })).statusCode).toBe(
      403,
    );
    expect((await post('/alarms', 'view', raise)).statusCode).toBe(403);
    expect((await api.app.inject({ url: '/alarms', headers: headers('view') })).statusCode).toBe(200);
  });

  it.each([
    [{ ...raise, title: '' }, 'title'],
    [{ ...raise, title: '   ' }, 'title'],
    [{ ...raise, title: 'a\u0000b' }, 'title'],
    [{ ...raise, severity: 'panic' }, 'severity'],
    [{ ...raise, camera_ids: [] }, 'camera_ids'],
    [{ ...raise, camera_ids: ['gate', 'nope'] }, 'camera_ids'],
    [{ ...raise, description: 'bell\u0007' }, 'description'],
    [{ ...raise, occurred_at: 'yesterday' }, 'occurred_at'],
    [{ ...raise, colour: 'red' }, 'colour'],
  ])('refuses %o naming %s; nothing is recorded', async (payload, field) => {
    const response = await post('/alarms', 'manage', payload);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(errorOf(response).field).toBe(field);
    expect(alarms.list({})).toEqual([]);
  });

  it('the desk acknowledges with a note and the operator it names; a closed alarm answers 409 naming its state', async () => {
    const { alarm_id: id } = json(await post('/alarms', 'manage', raise)) as Alarm;
    const noNote = await post(`/alarms/${id}/acknowledge`, 'manage', {});
    expect([noNote.statusCode, errorOf(noNote).field]).toEqual([400, 'note']);
    const acked = await post(`/alarms/${id}/acknowledge`, 'manage', { note: 'guard sent', operator: 'Ana' });
    expect(json(acked)).toMatchObject({
      state: 'acknowledged',
      history: [{}, { by: 'key-manage', note: 'guard sent' }],
    });
    expect(json(await post(`/alarms/${id}/close`, 'manage', {}))).toMatchObject({ state: 'closed' });
    const late = await post(`/alarms/${id}/acknowledge`, 'manage', { note: 'again' });
    expect(late.statusCode).toBe(409);
    expect(errorOf(late)).toMatchObject({ code: 'VIGIL_ERR_ALARM_STATE', field: 'state' });
    expect(errorOf(late).message).toContain('is closed');
    const snooze = await post(`/alarms/${id}/snooze`, 'manage', { minutes: 0 });
    expect(errorOf(snooze).field).toBe('minutes');
    const missing = await api.app.inject({
      url: '/alarms/alm_00000000000000000000',
      headers: headers('view'),
    });
    expect([missing.statusCode, errorOf(missing).code]).toEqual([404, 'VIGIL_ERR_ALARM_NOT_FOUND']);
    const malformed = await api.app.inject({ url: '/alarms/42', headers: headers('view') });
    expect([malformed.statusCode, errorOf(malformed).field]).toEqual([400, 'alarm_id']);
  });

  it('filters the list by query, refusing unknown filters and bad values', async () => {
    await post('/alarms', 'manage', raise);
    const bad = await api.app.inject({ url: '/alarms?state=lost', headers: headers('view') });
    expect([bad.statusCode, errorOf(bad).field]).toEqual([400, 'state']);
    const unknown = await api.app.inject({ url: '/alarms?colour=red', headers: headers('view') });
    expect(unknown.statusCode).toBe(400);
    const none = await api.app.inject({ url: '/alarms?camera_id=lobby', headers: headers('view') });
    expect(json(none)).toEqual([]);
    const limit = await api.app.inject({ url: '/alarms?limit=0', headers: headers('view') });
    expect(errorOf(limit).field).toBe('limit');
  });
});

describe('/walls', () => {
  it('lists nothing and answers 404 naming the wall when none of that name is connected', async () => {
    expect(json(await api.app.inject({ url: '/walls', headers: headers('view') }))).toEqual([]);
    const response = await post('/walls/desk-1-left/show', 'manage', { camera_id: 'gate' });
    expect(response.statusCode).toBe(404);
    expect(errorOf(response)).toMatchObject({ code: 'VIGIL_ERR_WALL_NOT_FOUND', field: 'wall' });
    expect(errorOf(response).message).toContain('desk-1-left');
    const both = await post('/walls/desk-1-left/show', 'manage', { camera_id: 'gate', view_id: 'v' });
    expect(both.statusCode).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('documents the alarm, wall and webhook API: query parameters, bodies, statuses and scopes', async () => {
    const doc = json(await api.app.inject({ url: '/openapi.json', headers: headers() })) as {
      paths: Record<
        string,
        Record<
          string,
          { tags: string[]; parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }
        >
      >;
    };
    const list = doc.paths['/alarms']?.get;
    expect(list?.tags).toEqual(['alarms']);
    expect(
      list?.parameters
        ?.filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['camera_id', 'from', 'limit', 'severity', 'state', 'to']);
    expect(Object.keys(doc.paths['/alarms']?.post?.responses ?? {})).toContain('201');
    for (const action of ['acknowledge', 'close', 'snooze']) {
      expect(doc.paths[`/alarms/{alarm_id}/${action}`]?.post?.tags).toEqual(['alarms']);
    }
    expect(Object.keys(doc.paths['/walls/{wall}/show']?.post?.responses ?? {})).toContain('202');
  });
});
