import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { isStationOrigin, originAllowed } from '../../../main/api/door-upgrade';
import { BrowserSessions } from '../../../main/api/browser-sessions';
import { SESSION_COOKIE } from '../../../main/api/session';
import { FakeJanusSockets } from '../door/fakes';
import { cameraInput, KEYS, makeApi, type TestApi } from './fixtures';

describe('originAllowed', () => {
  const host = '127.0.0.1:3000';
  it.each<[string | undefined, boolean]>([
    [undefined, true],
    ['http://127.0.0.1:3000', true],
    ['https://127.0.0.1:3000', true],
    ['http://portal.example', true],
    ['http://127.0.0.1:30001', false],
    ['http://127.0.0.1:3001', false],
    ['http://localhost:3000', false],
    ['null', false],
  ])('Origin %s → %s', (origin, allowed) => {
    expect(originAllowed(origin, host, ['http://portal.example'])).toBe(allowed);
  });

  it.each<[string, boolean]>([
    ['http://localhost:3000', true],
    ['http://[::1]:3000', true],
    ['http://localhost', false],
    ['http://localhost:8080', false],
    ['ftp://localhost:3000', false],
  ])("Origin %s, one of the station's own names → %s", (origin, allowed) => {
    const stationHosts = new Set([
      '127.0.0.1',
      '127.0.0.1:3000',
      'localhost',
      'localhost:3000',
      '[::1]:3000',
    ]);
    expect(originAllowed(origin, host, [], stationHosts)).toBe(allowed);
  });

  it('counts only the exact scheme and Host as the station itself', () => {
    expect(isStationOrigin('http://127.0.0.1:3000', host)).toBe(true);
    expect(isStationOrigin('http://127.0.0.1:3000/', host)).toBe(false);
    expect(isStationOrigin('http://127.0.0.1:3000', undefined)).toBe(false);
  });
});

describe('the door on the API port', () => {
  let api: TestApi;
  let url: string;
  let janus: FakeJanusSockets;
  let sessions: BrowserSessions;

  beforeEach(async () => {
    janus = new FakeJanusSockets();
    sessions = new BrowserSessions();
    api = await makeApi(
      { sessions, corsOrigins: ['http://portal.example'] },
      { socketFactory: janus.factory },
    );
    url = (await api.app.listen({ host: '127.0.0.1', port: 0 })).replace(/^http/, 'ws');
    await api.station.addCamera(cameraInput());
  });
  afterEach(async () => {
    await api.app.close();
  });

  /** Opens a door connection; resolves when open, rejects with the refusal's HTTP status. */
  function connect(path: string, headers: Record<string, string> = {}): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${url}${path}`, 'janus-protocol', { headers });
      socket.once('open', () => {
        resolve(socket);
      });
      socket.once('unexpected-response', (_request, response) => {
        reject(new Error(String(response.statusCode)));
      });
    });
  }

  /** Sends a request and resolves with the answer to its transaction. */
  function ask(socket: WebSocket, request: Record<string, unknown>): Promise<Record<string, unknown>> {
    return new Promise((resolve) => {
      const onMessage = (data: Buffer) => {
        const message = JSON.parse(data.toString()) as Record<string, unknown>;
        if (message.transaction !== request.transaction) return;
        socket.off('message', onMessage);
        resolve(message);
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify(request));
    });
  }

  it('takes a key in the Authorization header: info is the door’s own, create goes to Janus with its secret', async () => {
    const socket = await connect('/janus', { authorization: `Bearer ${KEYS.view}` });
    expect(socket.protocol).toBe('janus-protocol');
    expect(await ask(socket, { janus: 'info', transaction: 'i' })).toMatchObject({ janus: 'server_info' });
    expect(await ask(socket, { janus: 'create', transaction: 'c' })).toMatchObject({ janus: 'success' });
    expect(janus.last().sent[0]).toEqual({ janus: 'create', transaction: 'c', apisecret: 'api-secret' });
    socket.close();
  });

  it.each<[string, string, Record<string, string>, string]>([
    ['a foreign page', '/janus', { origin: 'http://evil.example' }, '403'],
    ['an unknown key', '/janus', { authorization: 'Bearer nope' }, '401'],
    ['a stale ticket', '/janus?ticket=stale', {}, '401'],
    ['another path', '/janus/admin', {}, '404'],
    ['a foreign Host', '/janus', { host: 'evil.example' }, '403'],
  ])('refuses %s', async (_name, path, headers, status) => {
    await expect(connect(path, headers)).rejects.toThrow(status);
  });

  it('counts the wall’s cookie only on an upgrade from the station’s own page', async () => {
    const sessionId = sessions.redeem(sessions.issueToken().token) ?? '';
    const cookie = `${SESSION_COOKIE}=${sessionId}`;
    const own = await connect('/janus', { cookie, origin: new URL(url.replace(/^ws/, 'http')).origin });
    expect(await ask(own, { janus: 'create', transaction: 'c' })).toMatchObject({ janus: 'success' });
    for (const origin of ['http://portal.example', undefined]) {
      const other = await connect('/janus', { cookie, ...(origin ? { origin } : {}) });
      expect(await ask(other, { janus: 'create', transaction: 'c' })).toMatchObject({
        janus: 'error',
        error: { code: 403, reason: expect.stringMatching(/^Authenticate first/) as string },
      });
      other.close();
    }
    own.close();
  });

  it('closes the wall’s connection within half a second of its browser signing out', async () => {
    const sessionId = sessions.redeem(sessions.issueToken().token) ?? '';
    const socket = await connect('/janus', {
      cookie: `${SESSION_COOKIE}=${sessionId}`,
      origin: new URL(url.replace(/^ws/, 'http')).origin,
    });
    expect(await ask(socket, { janus: 'create', transaction: 'c' })).toMatchObject({ janus: 'success' });
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    const at = Date.now();
    sessions.end(sessionId);
    expect(await closed).toBe(1008);
    expect(Date.now() - at).toBeLessThan(1_000);
  });

  it('opens with the janus_url /stream gives, as given (its ticket in the URL)', async () => {
    const stream = await api.app.inject({
      url: '/cameras/entrance_cam/stream',
      headers: { host: '127.0.0.1:3000', authorization: `Bearer ${KEYS.view}` },
    });
    const { janus_url: janusUrl } = JSON.parse(stream.body) as { janus_url: string };
    const socket = await connect(new URL(janusUrl).pathname + new URL(janusUrl).search);
    expect(await ask(socket, { janus: 'create', transaction: 'c' })).toMatchObject({ janus: 'success' });
    socket.close();
  });

  it('explains itself to a plain GET /janus', async () => {
    const response = await api.app.inject({ url: '/janus', headers: { host: '127.0.0.1:3000' } });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('speaks the Janus protocol over WebSocket only');
  });

  it('closes its connections when the API closes', async () => {
    const socket = await connect('/janus', { authorization: `Bearer ${KEYS.view}` });
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    await api.app.close();
    expect(await closed).toBe(1012);
  });
});
