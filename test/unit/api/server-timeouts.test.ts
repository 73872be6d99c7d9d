// The server's waits on a real listening API, with the station's proportions but short times: idle and half-sent
// connections end; /events streams and the door's WebSocket upgrades outlive every wait.
import { connect, type Socket } from 'node:net';
import { request as httpRequest } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

import { SERVER_TIMEOUTS, type ServerTimeouts } from '../../../main/api/server-timeouts';
import { headers, KEYS, makeApi, type TestApi } from './fixtures';

const SHORT: ServerTimeouts = { headersMs: 400, requestMs: 600, keepAliveMs: 400, checkEveryMs: 50 };
/** Longer than every wait, with room for a busy machine. */
const OUTLIVE_MS = 2_000;
/** Node closes a kept-alive socket this much after keepAliveTimeout (its guard against racing a client's reuse). */
const NODE_KEEP_ALIVE_BUFFER_MS = 1_000;

let api: TestApi;
let port: number;
beforeAll(async () => {
  api = await makeApi({ timeouts: SHORT, sseHeartbeatMs: 1_500 });
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  const address = api.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  port = address.port;
});
afterAll(async () => {
  await api.app.close();
});

/** Opens a raw TCP connection, writes `text`, and resolves with how long the server took to close it. */
function closedAfter(text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const socket: Socket = connect({ host: '127.0.0.1', port }, () => {
      if (text !== '') socket.write(text);
    });
    socket.on('data', () => undefined);
    socket.on('error', reject);
    socket.on('close', () => {
      resolve(performance.now() - began);
    });
  });
}

describe('server timeouts', () => {
  it('are all within 15 s for the station', () => {
    const { headersMs, requestMs, keepAliveMs, checkEveryMs } = SERVER_TIMEOUTS;
    for (const wait of [headersMs, requestMs, keepAliveMs])
      expect(wait + checkEveryMs).toBeLessThanOrEqual(15_000);
  });

  it('close a connection that never sends a request', async () => {
    const ms = await closedAfter('');
    expect(ms).toBeGreaterThanOrEqual(SHORT.headersMs - 50);
    expect(ms).toBeLessThan(SHORT.headersMs + 1_000);
  });

  it('close a connection whose headers never end (slowloris)', async () => {
    const ms = await closedAfter('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n');
    expect(ms).toBeLessThan(SHORT.headersMs + 1_000);
  });

  it('close a connection whose body never ends', async () => {
    const ms = await closedAfter(
      'POST /cameras HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    expect(ms).toBeLessThan(SHORT.requestMs + 1_000);
  });

  it('close a kept-alive connection left idle after its answer', async () => {
    const ms = await closedAfter('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(ms).toBeLessThan(SHORT.keepAliveMs + NODE_KEEP_ALIVE_BUFFER_MS + 1_000);
  });

  it('leave an /events stream open, quiet between heartbeats, for as long as its client stays', async () => {
    const received: string[] = [];
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path: '/events',
      headers: { authorization: `Bearer ${KEYS.view}` },
    });
    let closed = false;
    req.on('response', (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => received.push(chunk));
      response.on('close', () => {
        closed = true;
      });
    });
    req.end();
    await new Promise((resolve) => setTimeout(resolve, OUTLIVE_MS));
    expect(closed).toBe(false);
    expect(received.join('')).toContain(': heartbeat');
    req.destroy();
  });

  it('leave an upgraded WebSocket open, quiet between frames, for as long as its client stays', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/janus`, 'janus-protocol', {
      headers: headers('view', { host: `127.0.0.1:${port}` }),
    });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    await new Promise((resolve) => setTimeout(resolve, OUTLIVE_MS));
    expect(ws.readyState).toBe(WebSocket.OPEN);
    const answered = new Promise<{ transaction?: string }>((resolve) => {
      ws.once('message', (data: Buffer) => {
        resolve(JSON.parse(data.toString()) as { transaction?: string });
      });
    });
    ws.send('{"janus":"keepalive","transaction":"still-here"}');
    expect((await answered).transaction).toBe('still-here');
    ws.close();
  });
});
