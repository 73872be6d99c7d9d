import { request as httpRequest, type IncomingMessage } from 'node:http';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Alarm } from '../../../../common/alarms';
import type { StationEvent } from '../../../../common/events';
import { sseFrame } from '../../../../main/api/routes/events';
import { WallRegistry } from '../../../../main/walls/wall-registry';
import { KEYS, makeApi, type TestApi } from '../fixtures';

let api: TestApi;
let port: number;
beforeEach(async () => {
  api = await makeApi({ sseHeartbeatMs: 50 });
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  const address = api.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  port = address.port;
});
afterEach(async () => {
  await api.app.close();
});

/** Opens `/events` with a real HTTP client; resolves once the response headers arrive. */
function openEvents(
  key: string | undefined,
  at = port,
  path = '/events',
): Promise<{ response: IncomingMessage; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port: at,
      path,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), accept: 'text/event-stream' },
    });
    req.on('response', (response) => {
      response.setEncoding('utf8');
      resolve({ response, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Reads from the stream until `done(text)` holds. */
function readUntil(response: IncomingMessage, done: (text: string) => boolean): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const onData = (chunk: string): void => {
      text += chunk;
      if (done(text)) {
        response.off('data', onData);
        resolve(text);
      }
    };
    response.on('data', onData);
  });
}

const added: StationEvent = { type: 'camera.added', camera_id: 'cam1', at: '2025-01-01T00:00:00.000Z' };

describe('sseFrame', () => {
  it('writes the type as event: and the JSON as data:', () => {
    expect(sseFrame(added)).toBe(`event: camera.added\ndata: ${JSON.stringify(added)}\n\n`);
  });
});

describe('GET /events', () => {
  it('streams station events with a retry hint and heartbeats, and unsubscribes on disconnect', async () => {
    // The Janus door listens to the station too.
    const others = api.station.listeners.size;
    const { response, close } = await openEvents(KEYS.view);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    const opening = await readUntil(response, (text) => text.includes('\n\n'));
    expect(opening).toMatch(/^retry: \d+\n/);
    expect(api.station.listeners.size).toBe(others + 1);

    const received = readUntil(response, (text) => text.includes('event: camera.added'));
    api.station.emit(added);
    expect(await received).toContain(sseFrame(added));
    expect(await readUntil(response, (text) => text.includes(': heartbeat\n\n'))).toContain(': heartbeat');

    close();
    await vi.waitFor(() => {
      expect(api.station.listeners.size).toBe(others);
    });
  });

  it('lets one key hold only so many streams at once (429 past it), freeing a place when one closes', async () => {
    const capped = await makeApi({ sseStreamsPerKey: 2 });
    await capped.app.listen({ host: '127.0.0.1', port: 0 });
    const address = capped.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
    const open = (key: string) => openEvents(key, address.port);
    try {
      const first = await open(KEYS.view);
      const second = await open(KEYS.view);
      const third = await open(KEYS.view);
      expect([first, second].map((s) => s.response.statusCode)).toEqual([200, 200]);
      expect(third.response.statusCode).toBe(429);
      const body = JSON.parse(await readUntil(third.response, (text) => text.endsWith('}'))) as {
        error: { code: string; message: string };
      };
      expect(body.error.code).toBe('VIGIL_ERR_RATE_LIMITED');
      expect(body.error.message).toContain('already holds 2 open event streams');
      // Another key has its own places.
      const other = await open(KEYS.manage);
      expect(other.response.statusCode).toBe(200);
      first.close();
      await vi.waitFor(async () => {
        const again = await open(KEYS.view);
        again.close();
        expect(again.response.statusCode).toBe(200);
      });
      for (const stream of [second, third, other]) stream.close();
    } finally {
      await capped.app.close();
    }
  });

  it('needs a key', async () => {
    const { response, close } = await openEvents(undefined);
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    close();
  });

  it('ends open streams when the API closes', async () => {
    const { response } = await openEvents(KEYS.manage);
    await readUntil(response, (text) => text.includes('\n\n'));
    const ended = new Promise((resolve) => response.on('end', resolve));
    await api.app.close();
    await ended;
    expect(api.station.listeners.size).toBe(0);
  });
});

describe('GET /events?wall=NAME', () => {
  it('connects a named wall while its stream is open; wall.show reaches only that wall', async () => {
    const walls = new WallRegistry({ publish: () => undefined, hasCamera: () => true, hasView: () => true });
    const named = await makeApi({ walls });
    await named.app.listen({ host: '127.0.0.1', port: 0 });
    const address = named.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
    try {
      const left = await openEvents(KEYS.view, address.port, '/events?wall=desk-1-left');
      const plain = await openEvents(KEYS.view, address.port);
      await readUntil(left.response, (text) => text.includes('\n\n'));
      expect(walls.list()).toMatchObject([{ name: 'desk-1-left', kind: 'browser', connections: 1 }]);
      const show: StationEvent = { type: 'wall.show', wall: 'desk-1-left', camera_id: 'cam1', at: added.at };
      const other: StationEvent = { ...show, wall: 'desk-2' };
      const plainText = readUntil(plain.response, (text) => text.includes('event: camera.added'));
      const leftText = readUntil(left.response, (text) => text.includes('event: camera.added'));
      named.station.emit(other);
      named.station.emit(show);
      named.station.emit(added);
      expect(await leftText).toContain(sseFrame(show));
      expect(await leftText).not.toContain('desk-2');
      expect(await plainText).not.toContain('wall.show');
      left.close();
      plain.close();
      await vi.waitFor(() => {
        expect(walls.list()).toEqual([]);
      });
      const bad = await openEvents(KEYS.view, address.port, '/events?wall=no%20spaces');
      expect(bad.response.statusCode).toBe(400);
      bad.close();
    } finally {
      await named.app.close();
    }
  });
});

describe('GET /events with an alarm key', () => {
  it('streams alarms only, and may not name a wall', async () => {
    const { response, close } = await openEvents(KEYS.alarm);
    expect(response.statusCode).toBe(200);
    await readUntil(response, (text) => text.includes('\n\n'));
    const alarm: Alarm = {
      alarm_id: 'alm_00000000000000000001',
      camera_ids: ['cam1'],
      severity: 'info',
      title: 't',
      source: 'vas',
      occurred_at: added.at,
      raised_at: added.at,
      state: 'new',
      updated_at: added.at,
      history: [],
    };
    const raised: StationEvent = { type: 'alarm.raised', alarm, at: added.at };
    const text = readUntil(response, (got) => got.includes('event: alarm.raised'));
    api.station.emit(added);
    api.station.emit(raised);
    expect(await text).not.toContain('camera.added');
    close();
    const walled = await openEvents(KEYS.alarm, port, '/events?wall=desk-1');
    expect(walled.response.statusCode).toBe(403);
    walled.close();
  });
});
