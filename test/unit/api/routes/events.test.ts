import { request as httpRequest, type IncomingMessage } from 'node:http';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { StationEvent } from '../../../../common/events';
import { sseFrame } from '../../../../main/api/routes/events';
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
function openEvents(key: string | undefined): Promise<{ response: IncomingMessage; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path: '/events',
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
