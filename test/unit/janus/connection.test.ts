import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  JanusClosedError,
  JanusSessionNotFoundError,
  JanusTimeoutError,
  JanusTransportError,
} from '../../../main/janus/errors';
import { JanusAdmin } from '../../../main/janus/admin';
import { JanusConnection } from '../../../main/janus/connection';
import { FakeTransport } from './fake-transport';
import { openConnection, outcome, SECRETS } from './setup';

describe('JanusConnection', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('adds apisecret and token to every request and answers info', async () => {
    const { transport, connection } = await openConnection();
    transport.responder = ({ transaction }) => ({
      janus: 'server_info',
      transaction,
      name: 'Janus WebRTC Server',
      version: 1102,
      version_string: '1.1.2',
      'session-timeout': 60,
      plugins: { 'janus.plugin.streaming': { name: 'JANUS Streaming plugin' } },
      transports: {},
    });
    const info = await connection.info();
    expect(info).toMatchObject({ name: 'Janus WebRTC Server', version: 1102, 'session-timeout': 60 });
    expect(info).not.toHaveProperty('janus');
    expect(transport.last('info')).toMatchObject({ apisecret: SECRETS.apiSecret, token: SECRETS.token });
    expect(connection.transport).toBe('ws');
  });

  it('creates sessions with numeric ids up to 2^53 and ignores unknown transactions', async () => {
    const { transport, connection } = await openConnection();
    const big = Number.MAX_SAFE_INTEGER;
    transport.responder = ({ transaction }) => ({ janus: 'success', transaction, data: { id: big } });
    const session = await connection.createSession();
    expect(session.id).toBe(big);
    expect(() => {
      transport.deliver({ janus: 'success', transaction: 'never-sent' });
      transport.deliver({ janus: 'bogus' });
      transport.deliver({ janus: 'event', session_id: 42 });
    }).not.toThrow();
  });

  it('rejects a request Janus never answers with JanusTimeoutError after requestTimeoutMs', async () => {
    const { transport, connection } = await openConnection();
    transport.responder = undefined;
    const pending = outcome(connection.createSession());
    await vi.advanceTimersByTimeAsync(999);
    await vi.advanceTimersByTimeAsync(1);
    const { error } = await pending;
    expect(error).toBeInstanceOf(JanusTimeoutError);
    expect(error).toMatchObject({ code: 'JANUS_ERR_TIMEOUT' });
  });

  it('close() destroys sessions, fails pending work with JanusClosedError, and is idempotent', async () => {
    const { transport, connection } = await openConnection();
    const session = await connection.createSession();
    const closed = vi.fn();
    const destroyed = vi.fn();
    connection.on('closed', closed);
    session.on('destroyed', destroyed);
    const silent = transport.responder;
    transport.responder = (request) => (request.janus === 'create' ? undefined : silent?.(request));
    const creating = outcome(connection.createSession());

    await Promise.all([connection.close(), connection.close()]);
    expect((await creating).error).toBeInstanceOf(JanusClosedError);
    expect(transport.last('destroy')).toMatchObject({ session_id: session.id });
    expect(destroyed).toHaveBeenCalledTimes(1);
    expect(closed).toHaveBeenCalledTimes(1);
    expect(closed).toHaveBeenCalledWith(undefined);
    expect(transport.closed).toBe(true);
    await expect(connection.createSession()).rejects.toBeInstanceOf(JanusClosedError);
    expect(vi.getTimerCount()).toBe(0);
  });

  describe('WebSocket drop', () => {
    it('rejects every pending request at once with JanusTransportError, and new ones too', async () => {
      const { transport, connection } = await openConnection('ws', { requestTimeoutMs: 60_000 });
      const session = await connection.createSession();
      const handle = await session.attach('janus.plugin.echotest');
      const disconnected = vi.fn();
      connection.on('disconnected', disconnected);
      const pending = [outcome(handle.message({ request: 'slow' })), outcome(connection.info())];

      transport.drop();
      for (const { error } of await Promise.all(pending)) {
        expect(error).toBeInstanceOf(JanusTransportError);
        expect(error).toMatchObject({ code: 'JANUS_ERR_TRANSPORT' });
      }
      expect(disconnected).toHaveBeenCalledWith(expect.any(JanusTransportError));
      await expect(connection.createSession()).rejects.toBeInstanceOf(JanusTransportError);
      await expect(handle.message({ request: 'list' })).rejects.toBeInstanceOf(JanusTransportError);
      expect(session.destroyed).toBe(false);
    });

    it('claims every live session on reconnect, keeps the ones Janus still has, loses the others', async () => {
      const { transport, connection } = await openConnection();
      const kept = await connection.createSession();
      const forgotten = await connection.createSession();
      const lost = vi.fn();
      const keptLost = vi.fn();
      forgotten.on('lost', lost);
      kept.on('lost', keptLost);
      const reconnected = vi.fn();
      connection.on('reconnected', reconnected);

      transport.drop();
      const base = transport.responder;
      transport.responder = (request) =>
        request.janus === 'claim' && request.session_id === forgotten.id
          ? {
              janus: 'error',
              session_id: forgotten.id,
              transaction: request.transaction,
              error: { code: 458, reason: `No such session ${forgotten.id}` },
            }
          : base?.(request);
      transport.restore();
      await vi.advanceTimersByTimeAsync(0);

      const claims = transport.sent.filter((request) => request.janus === 'claim').map((r) => r.session_id);
      expect(claims.sort()).toEqual([kept.id, forgotten.id].sort());
      expect(lost).toHaveBeenCalledWith(expect.any(JanusSessionNotFoundError));
      expect(lost.mock.calls[0]?.[0]).toMatchObject({ janusCode: 458 });
      expect(keptLost).not.toHaveBeenCalled();
      expect(forgotten.destroyed).toBe(true);
      expect(kept.destroyed).toBe(false);
      expect(reconnected).toHaveBeenCalledTimes(1);

      transport.sent.length = 0;
      await vi.advanceTimersByTimeAsync(25_000);
      expect(transport.sent.map((request) => request.session_id)).toEqual([kept.id]);
      await connection.close();
    });

    it('closes with the error when the transport gives up', async () => {
      const { transport, connection } = await openConnection();
      const session = await connection.createSession();
      const closed = vi.fn();
      connection.on('closed', closed);
      transport.drop();
      transport.sink.failed(new JanusTransportError('WebSocket reconnect gave up'));
      await vi.advanceTimersByTimeAsync(0);
      expect(closed).toHaveBeenCalledWith(expect.any(JanusTransportError));
      expect(session.destroyed).toBe(true);
      expect(vi.getTimerCount()).toBe(0);
    });
  });

  describe('HTTP', () => {
    it('long-polls each live session and stops when it ends', async () => {
      const { transport, connection } = await openConnection('http');
      const session = await connection.createSession();
      expect(transport.watched.has(session.id)).toBe(true);
      await session.destroy();
      expect(transport.watched.has(session.id)).toBe(false);
    });

    it('a failing long poll does not fail pending requests; recovery emits reconnected without claim', async () => {
      const { transport, connection } = await openConnection('http', { requestTimeoutMs: 60_000 });
      const session = await connection.createSession();
      const handle = await session.attach('janus.plugin.echotest');
      const pending = outcome(handle.message({ request: 'slow' }));
      const events = vi.fn();
      connection.on('disconnected', () => {
        events('disconnected');
      });
      connection.on('reconnected', () => {
        events('reconnected');
      });

      transport.sink.down(new JanusTransportError('Janus long poll failed'));
      transport.sink.up();
      await vi.advanceTimersByTimeAsync(0);
      expect(events.mock.calls).toEqual([['disconnected'], ['reconnected']]);
      expect(transport.sent.some((request) => request.janus === 'claim')).toBe(false);

      const { transaction } = transport.last('message');
      transport.deliver({
        janus: 'event',
        session_id: session.id,
        sender: handle.id,
        transaction,
        plugindata: { plugin: 'janus.plugin.echotest', data: { result: 'ok' } },
      });
      expect((await pending).value).toEqual({ data: { result: 'ok' } });
    });

    it('a long poll answered 404 loses the session', async () => {
      const { transport, connection } = await openConnection('http');
      const session = await connection.createSession();
      const lost = vi.fn();
      session.on('lost', lost);
      transport.sink.sessionGone(session.id);
      expect(lost).toHaveBeenCalledWith(expect.any(JanusSessionNotFoundError));
      expect(transport.watched.has(session.id)).toBe(false);
    });
  });

  describe('waitForJanus', () => {
    it('connects once Janus answers, then works like any connection', async () => {
      const transport = new FakeTransport();
      transport.refuseOpens = 3;
      const retries: number[] = [];
      const connecting = outcome(
        JanusConnection.connect({
          url: 'ws://127.0.0.1:1/',
          transport,
          waitForJanus: true,
          reconnect: { initialDelayMs: 100, maxDelayMs: 1_000, jitter: 0 },
          onRetry: (_error, retryInMs) => retries.push(retryInMs),
        }),
      );
      await vi.advanceTimersByTimeAsync(100 + 200 + 400);
      const { value: connection } = await connecting;
      expect(retries).toEqual([100, 200, 400]);
      expect(transport.opens).toBe(4);
      expect((await connection?.createSession())?.id).toBeGreaterThan(0);
      await connection?.close();
    });

    it('the Admin API waits the same way', async () => {
      const transport = new FakeTransport('http');
      transport.refuseOpens = 1;
      const connecting = outcome(
        JanusAdmin.connect({
          url: 'http://127.0.0.1:1/admin',
          transport,
          waitForJanus: true,
          reconnect: { initialDelayMs: 100, jitter: 0 },
        }),
      );
      await vi.advanceTimersByTimeAsync(100);
      expect((await connecting).value).toBeInstanceOf(JanusAdmin);
      expect(transport.opens).toBe(2);
    });
  });
});
