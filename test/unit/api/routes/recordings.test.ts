import { Readable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ErrorCode, VigilError } from '../../../../common/errors';
import type { RecordingService } from '../../../../main/recording/service';
import { cameraInput, errorOf, headers, json, makeApi, type TestApi } from '../fixtures';

const START = '2026-12-02T10:00:00.000Z';
const calls: unknown[][] = [];

const recordings: RecordingService = {
  timeline: (cameraId, query) => {
    calls.push(['timeline', cameraId, query]);
    if (cameraId === 'nope') throw new VigilError(ErrorCode.CameraNotFound, 'No camera nope', 'camera_id');
    return { camera_id: cameraId, from: START, to: START, spans: [], gaps: [] };
  },
  playback: (cameraId, from) => {
    calls.push(['playback', cameraId, from]);
    return Promise.resolve({ start: START, body: Readable.from([Buffer.from('ftyp…')]) });
  },
  exportClip: (cameraId, from, to, by) => {
    calls.push(['export', cameraId, from, to, by]);
    return Promise.resolve({ filename: `${cameraId}-x.mp4`, body: Readable.from([Buffer.from('mp4')]) });
  },
  health: () => ({ state: 'ok', recording_cameras: 1, used_bytes: 1, max_bytes: 2, free_bytes: 3 }),
};

let api: TestApi;
beforeAll(async () => {
  api = await makeApi({ recordings, corsOrigins: ['http://portal.example'] });
});
afterAll(async () => {
  await api.app.close();
});

describe('GET /cameras/{id}/recordings', () => {
  it('answers the timeline to a view key, the query passed through', async () => {
    const response = await api.app.inject({
      url: `/cameras/lobby/recordings?from=${START}`,
      headers: headers('view'),
    });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({ camera_id: 'lobby', spans: [], gaps: [] });
    expect(calls.at(-1)).toEqual(['timeline', 'lobby', { from: START }]);
  });

  it.each([
    ['a garbage date', '/cameras/lobby/recordings?from=yesterday', 400, 'from'],
    ['an unknown query field', '/cameras/lobby/recordings?since=2026-12-02T10:00:00Z', 400, 'since'],
    ['an unknown camera', '/cameras/nope/recordings', 404, 'camera_id'],
    ['playback without from', '/cameras/lobby/playback', 400, 'from'],
    ['an export without to', `/cameras/lobby/export.mp4?from=${START}`, 400, 'to'],
  ])('refuses %s with a 4xx naming the field', async (_name, url, status, field) => {
    const before = calls.length;
    const response = await api.app.inject({ url, headers: headers('manage') });
    expect(response.statusCode).toBe(status);
    expect(errorOf(response).field).toBe(field);
    if (status === 400) expect(calls.length).toBe(before);
  });
});

describe('GET /cameras/{id}/playback', () => {
  it('streams video/mp4 with the wall-clock start of media time 0, exposed to portals', async () => {
    const response = await api.app.inject({
      url: `/cameras/lobby/playback?from=${START}`,
      headers: headers('view', { origin: 'http://portal.example' }),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('video/mp4');
    expect(response.headers['x-vigil-playback-start']).toBe(START);
    expect(String(response.headers['access-control-expose-headers'])).toContain('X-Vigil-Playback-Start');
    expect(response.body).toBe('ftyp…');
  });
});

describe('GET /cameras/{id}/export.mp4', () => {
  it('needs a manage key', async () => {
    const response = await api.app.inject({
      url: `/cameras/lobby/export.mp4?from=${START}&to=${START}`,
      headers: headers('view'),
    });
    expect(response.statusCode).toBe(403);
  });

  it('answers an attachment, the exporter named by key', async () => {
    const to = '2026-12-02T10:00:20.000Z';
    const response = await api.app.inject({
      url: `/cameras/lobby/export.mp4?from=${START}&to=${to}`,
      headers: headers('manage'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="lobby-x.mp4"');
    expect(calls.at(-1)?.slice(0, 4)).toEqual(['export', 'lobby', START, to]);
    expect(typeof calls.at(-1)?.[4]).toBe('string');
  });
});

describe('GET /health', () => {
  it('adds the recording state for a key', async () => {
    const response = await api.app.inject({ url: '/health', headers: headers('view') });
    expect(json(response)).toMatchObject({ recording: { state: 'ok', recording_cameras: 1 } });
  });
});

describe('a station that does not record', () => {
  it('answers 404 on the recording routes', async () => {
    const bare = await makeApi();
    const response = await bare.app.inject({ url: '/cameras/lobby/recordings', headers: headers('view') });
    expect(response.statusCode).toBe(404);
    await bare.app.close();
  });
});

describe('playback with a viewer ticket (the desktop wall has no key or cookie)', () => {
  it('plays with a ticket for that camera, refuses another camera’s or none', async () => {
    await api.station.addCamera(cameraInput({ camera_id: 'lobby' }));
    const info = await api.app.inject({ url: '/cameras/lobby/stream', headers: headers('view') });
    const { ticket } = json(info) as { ticket: string };
    const ok = await api.app.inject({
      url: `/cameras/lobby/playback?from=${START}&ticket=${ticket}`,
      headers: headers(),
    });
    expect(ok.statusCode).toBe(200);
    const other = await api.app.inject({
      url: `/cameras/gate/playback?from=${START}&ticket=${ticket}`,
      headers: headers(),
    });
    expect([other.statusCode, errorOf(other).field]).toEqual([401, 'ticket']);
    const none = await api.app.inject({ url: `/cameras/lobby/playback?from=${START}`, headers: headers() });
    expect(none.statusCode).toBe(401);
  });
});
