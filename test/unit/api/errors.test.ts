import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ErrorCode, VigilError } from '../../../common/errors';
import { toErrorReply } from '../../../main/api/errors';
import { storeWriteError } from '../../../main/store/store-errors';
import { cameraInput, errorOf, headers, makeApi, type TestApi } from './fixtures';

describe('toErrorReply', () => {
  it('answers a VigilError with its code, status and field', () => {
    expect(toErrorReply(new VigilError(ErrorCode.CameraExists, 'exists', 'camera_id'))).toEqual({
      status: 409,
      body: { error: { code: 'VIGIL_ERR_CAMERA_EXISTS', message: 'exists', field: 'camera_id' } },
    });
  });

  it('answers a store write the disk refused with 503 and its words, not a 500', async () => {
    const refused = storeWriteError(
      '/var/lib/vigil/cameras.json',
      Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }),
    );
    const reply = toErrorReply(refused);
    expect(reply.status).toBe(503);
    expect(reply.body.error.code).toBe('VIGIL_ERR_STORAGE_UNAVAILABLE');
    expect(reply.body.error.message).toContain('/var/lib/vigil is full (ENOSPC)');
    const api = await makeApi();
    api.station.failure = refused as Error;
    const response = await api.app.inject({
      method: 'POST',
      url: '/cameras',
      headers: headers('manage', { 'content-type': 'application/json' }),
      payload: JSON.stringify(cameraInput()),
    });
    expect(response.statusCode).toBe(503);
    expect(errorOf(response).code).toBe('VIGIL_ERR_STORAGE_UNAVAILABLE');
    await api.app.close();
  });

  it('hides anything unexpected behind a generic 500', () => {
    for (const thrown of [new Error('db password is hunter2'), 'a string', null, { statusCode: 400 }]) {
      const reply = toErrorReply(thrown);
      expect(reply.status).toBe(500);
      expect(reply.body.error.code).toBe('VIGIL_ERR_INTERNAL');
      expect(JSON.stringify(reply)).not.toContain('hunter2');
    }
  });

  it('keeps a 5xx from a plugin generic too', () => {
    const error = Object.assign(new Error('socket secret'), { statusCode: 502, code: 'X' });
    expect(toErrorReply(error).body.error.message).not.toContain('secret');
  });

  it('maps other client errors by status, without echoing their messages', () => {
    const error = Object.assign(new Error('private detail'), { statusCode: 418, code: 'TEAPOT' });
    expect(toErrorReply(error)).toEqual({
      status: 418,
      body: { error: { code: 'VIGIL_ERR_VALIDATION', message: 'The request was refused' } },
    });
  });
});

type Case = {
  name: string;
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url?: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string | string[]>;
  status?: number;
  field?: string;
};

const long = (n: number, c = 'a') => c.repeat(n);
const cam = (overrides: Record<string, unknown>) => ({ ...cameraInput(), ...overrides });
const without = (key: string) => Object.fromEntries(Object.entries(cameraInput()).filter(([k]) => k !== key));

/** Malformed requests; every one must be a 4xx in the error shape, never a 5xx. */
const CORPUS: Case[] = [
  { name: 'camera_id is a number', body: cam({ camera_id: 42 }), field: 'camera_id' },
  { name: 'camera_id is null', body: cam({ camera_id: null }), field: 'camera_id' },
  { name: 'camera_id is empty', body: cam({ camera_id: '' }), field: 'camera_id' },
  { name: 'camera_id has 65 characters', body: cam({ camera_id: long(65) }), field: 'camera_id' },
  { name: 'camera_id is a path', body: cam({ camera_id: '../etc/passwd' }), field: 'camera_id' },
  { name: 'camera_id has a null byte', body: cam({ camera_id: 'cam\u0000' }), field: 'camera_id' },
  { name: 'camera_id is Cyrillic', body: cam({ camera_id: 'камера' }), field: 'camera_id' },
  { name: 'camera_id is an emoji', body: cam({ camera_id: '📷' }), field: 'camera_id' },
  { name: 'camera_id starts with -', body: cam({ camera_id: '-cam' }), field: 'camera_id' },
  { name: 'camera_id has a space', body: cam({ camera_id: 'front door' }), field: 'camera_id' },
  { name: 'camera_id is an object', body: cam({ camera_id: { $ne: '' } }), field: 'camera_id' },
  { name: 'camera_id is missing', body: without('camera_id'), field: 'camera_id' },
  { name: 'name is missing', body: without('name'), field: 'name' },
  { name: 'name is empty', body: cam({ name: '' }), field: 'name' },
  { name: 'name has 129 characters', body: cam({ name: long(129) }), field: 'name' },
  { name: 'name is 60 KB', body: cam({ name: long(60_000) }), field: 'name' },
  { name: 'name is an array', body: cam({ name: ['a'] }), field: 'name' },
  {
    name: 'name is deeply nested',
    body: cam({ name: JSON.parse(long(500, '[') + long(500, ']')) as unknown }),
  },
  { name: 'rtsp_url is http', body: cam({ rtsp_url: 'http://cam.local/stream' }), field: 'rtsp_url' },
  { name: 'rtsp_url is javascript:', body: cam({ rtsp_url: 'javascript:alert(1)' }), field: 'rtsp_url' },
  { name: 'rtsp_url is a file URL', body: cam({ rtsp_url: 'file:///etc/passwd' }), field: 'rtsp_url' },
  { name: 'rtsp_url is too short', body: cam({ rtsp_url: 'rtsp://' }), field: 'rtsp_url' },
  {
    name: 'rtsp_url has 2049 characters',
    body: cam({ rtsp_url: `rtsp://${long(2042)}` }),
    field: 'rtsp_url',
  },
  {
    name: 'rtsp_url starts with a newline',
    body: cam({ rtsp_url: '\nrtsp://cam.local/s' }),
    field: 'rtsp_url',
  },
  { name: 'rtsp_url is missing', body: without('rtsp_url'), field: 'rtsp_url' },
  { name: 'username is a number', body: cam({ username: 7 }), field: 'username' },
  { name: 'password is an object', body: cam({ password: { a: 1 } }), field: 'password' },
  { name: 'password has 257 characters', body: cam({ password: long(257) }), field: 'password' },
  { name: 'auth_method is ntlm', body: cam({ auth_method: 'ntlm' }), field: 'auth_method' },
  { name: 'auth_method is capitalised', body: cam({ auth_method: 'Digest' }), field: 'auth_method' },
  { name: 'description has 1025 characters', body: cam({ description: long(1025) }), field: 'description' },
  { name: 'enabled is a string', body: cam({ enabled: 'true' }), field: 'enabled' },
  { name: 'skip_probe is a number', body: cam({ skip_probe: 1 }), field: 'skip_probe' },
  { name: 'substream_url is http', body: cam({ substream_url: 'http://x.local/s' }), field: 'substream_url' },
  { name: 'tags is a string', body: cam({ tags: 'lobby' }), field: 'tags' },
  { name: 'a tag is a number', body: cam({ tags: ['a', 'b', 'c', 4] }), field: 'tags/3' },
  { name: 'tags repeat', body: cam({ tags: ['a', 'a'] }), field: 'tags' },
  {
    name: 'tags has 17 items',
    body: cam({ tags: Array.from({ length: 17 }, (_, i) => `t${i}`) }),
    field: 'tags',
  },
  { name: 'a tag is empty', body: cam({ tags: [''] }), field: 'tags/0' },
  { name: 'motion is true', body: cam({ motion: true }), field: 'motion' },
  { name: 'motion without enabled', body: cam({ motion: { sensitivity: 50 } }), field: 'motion/enabled' },
  {
    name: 'motion sensitivity is 0',
    body: cam({ motion: { enabled: true, sensitivity: 0 } }),
    field: 'motion/sensitivity',
  },
  {
    name: 'motion sensitivity is 101',
    body: cam({ motion: { enabled: true, sensitivity: 101 } }),
    field: 'motion/sensitivity',
  },
  {
    name: 'motion severity is loud',
    body: cam({ motion: { enabled: true, severity: 'loud' } }),
    field: 'motion/severity',
  },
  {
    name: 'motion min_area_percent is 0',
    body: cam({ motion: { enabled: true, min_area_percent: 0 } }),
    field: 'motion/min_area_percent',
  },
  {
    name: 'motion zone has 2 corners',
    body: cam({
      motion: {
        enabled: true,
        zones: [
          [
            [0, 0],
            [1, 1],
          ],
        ],
      },
    }),
    field: 'motion/zones/0',
  },
  {
    name: 'motion zone corner past 1',
    body: cam({
      motion: {
        enabled: true,
        zones: [
          [
            [0, 0],
            [1.5, 0],
            [0, 1],
          ],
        ],
      },
    }),
    field: 'motion/zones/0/1/0',
  },
  {
    name: 'motion has an unknown field',
    body: cam({ motion: { enabled: true, fps: 30 } }),
    field: 'motion/fps',
  },
  { name: 'an unknown field', body: cam({ admin: true }), field: 'admin' },
  { name: 'a stream secret smuggled in', body: cam({ secret: 'x', stream_id: 5 }) },
  { name: '__proto__ key', raw: `{"__proto__":{"admin":true},${JSON.stringify(cameraInput()).slice(1)}` },
  { name: 'constructor.prototype key', raw: '{"constructor":{"prototype":{"admin":true}}}' },
  { name: 'body is an array', body: [cameraInput()] },
  { name: 'body is null', raw: 'null' },
  { name: 'body is a string', raw: '"camera"' },
  { name: 'body is a number', raw: '42' },
  { name: 'body is empty', raw: '' },
  { name: 'body is whitespace', raw: '   ' },
  { name: 'body is truncated JSON', raw: '{"camera_id":"a"' },
  { name: 'body has a trailing comma', raw: '{"camera_id":"a",}' },
  { name: 'body is single-quoted', raw: "{'camera_id':'a'}" },
  { name: 'body is NaN', raw: '{"camera_id":NaN}' },
  { name: 'body is binary', raw: '\u0000\u0001\u0002\u00ff' },
  { name: 'body is too large', raw: JSON.stringify(cam({ description: long(70_000) })), status: 413 },
  {
    name: 'text/plain body',
    raw: JSON.stringify(cameraInput()),
    headers: { 'content-type': 'text/plain' },
    status: 415,
  },
  {
    name: 'form body',
    raw: 'camera_id=a&name=b',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 415,
  },
  {
    name: 'multipart body',
    raw: '--x\r\n\r\n--x--',
    headers: { 'content-type': 'multipart/form-data; boundary=x' },
    status: 415,
  },
  {
    name: 'no content type',
    raw: JSON.stringify(cameraInput()),
    headers: { 'content-type': '' },
    status: 415,
  },
  {
    name: 'duplicate content type',
    raw: JSON.stringify(cameraInput()),
    headers: { 'content-type': ['text/plain', 'application/json'] },
  },
  {
    name: 'JSON suffix type',
    raw: JSON.stringify(cameraInput()),
    headers: { 'content-type': 'application/vnd.evil+json' },
    status: 415,
  },
  { name: 'PATCH with nothing', method: 'PATCH', url: '/cameras/cam_a', body: {} },
  {
    name: 'PATCH renames the id',
    method: 'PATCH',
    url: '/cameras/cam_a',
    body: { camera_id: 'b' },
    field: 'camera_id',
  },
  {
    name: 'PATCH with a null name',
    method: 'PATCH',
    url: '/cameras/cam_a',
    body: { name: null },
    field: 'name',
  },
  {
    name: 'PATCH an id with ../',
    method: 'PATCH',
    url: '/cameras/..%2F..%2Fetc',
    body: { name: 'x' },
    field: 'camera_id',
  },
  { name: 'GET a 65-character id', method: 'GET', url: `/cameras/${long(65)}`, field: 'camera_id' },
  { name: 'GET an id with a null byte', method: 'GET', url: '/cameras/cam%00', field: 'camera_id' },
  { name: 'GET a Unicode id', method: 'GET', url: '/cameras/caf%C3%A9', field: 'camera_id' },
  { name: 'GET a broken escape', method: 'GET', url: '/cameras/%E0%A4%A' },
  { name: 'GET a 300-character id', method: 'GET', url: `/cameras/${long(300)}` },
  { name: 'GET stream of a dotted id', method: 'GET', url: '/cameras/..%2F/stream', field: 'camera_id' },
  { name: 'DELETE an id with a space', method: 'DELETE', url: '/cameras/a%20b', field: 'camera_id' },
  { name: 'restart an unknown id', method: 'POST', url: '/cameras/ghost/restart', status: 404 },
  {
    name: 'probe an http URL',
    url: '/cameras/probe',
    body: { rtsp_url: 'http://x.local/s' },
    field: 'rtsp_url',
  },
  { name: 'probe with nothing', url: '/cameras/probe', body: {}, field: 'rtsp_url' },
  {
    name: 'probe with an extra field',
    url: '/cameras/probe',
    body: { rtsp_url: 'rtsp://x.local/s', x: 1 },
    field: 'x',
  },
  {
    name: 'a huge bearer key',
    method: 'GET',
    url: '/cameras',
    headers: { authorization: `Bearer ${long(10_000)}` },
  },
  {
    name: 'a bearer key with Unicode',
    method: 'GET',
    url: '/cameras',
    headers: { authorization: 'Bearer ключ' },
  },
  { name: 'an empty Authorization header', method: 'GET', url: '/cameras', headers: { authorization: '' } },
  { name: 'a foreign Host header', method: 'GET', url: '/', headers: { host: 'evil.example' }, status: 403 },
  { name: 'an unsupported method', method: 'PATCH', url: '/cameras', body: { name: 'x' }, status: 404 },
];

let api: TestApi;
beforeAll(async () => {
  api = await makeApi({ mutationRateLimit: { max: 10_000, timeWindowMs: 60_000 } });
  await api.station.addCamera(cameraInput({ camera_id: 'cam_a' }));
});
afterAll(async () => {
  await api.app.close();
});

describe('a corpus of malformed requests', () => {
  it('has at least 40 cases', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CORPUS)('$name → 4xx in the error shape', async (c) => {
    const raw = c.raw ?? (c.body === undefined ? undefined : JSON.stringify(c.body));
    const response = await api.app.inject({
      method: c.method ?? 'POST',
      url: c.url ?? '/cameras',
      headers: {
        ...headers('manage'),
        ...(raw === undefined ? {} : { 'content-type': 'application/json' }),
        ...c.headers,
      },
      ...(raw === undefined ? {} : { payload: raw }),
    });
    if (c.status) expect(response.statusCode).toBe(c.status);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    const error = errorOf(response);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.message.length).toBeLessThan(300);
    if (c.field) expect(error.field).toBe(c.field);
    expect(response.body).not.toContain('G3M13m0b');
    expect(response.body).not.toMatch(/at .+\.(ts|js):\d+/);
  });
});

describe('a station method throwing a plain Error', () => {
  it('answers 500 with a generic message, logs it with the request id, and hides the details', async () => {
    api.station.failure = new Error('janus admin_secret=s3cr3t unreachable');
    try {
      const response = await api.app.inject({ url: '/cameras', headers: headers('view') });
      expect(response.statusCode).toBe(500);
      expect(errorOf(response)).toEqual({
        code: 'VIGIL_ERR_INTERNAL',
        message: 'Internal error; the station logged the details',
      });
      expect(response.body).not.toContain('s3cr3t');
      expect(response.body).not.toContain('stack');
      const logged = api.logs
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.msg === 'request failed');
      expect(logged).toMatchObject({
        reqId: expect.any(String) as unknown,
        err: { message: expect.stringContaining('s3cr3t') as unknown },
      });
    } finally {
      api.station.failure = undefined;
    }
  });
});
