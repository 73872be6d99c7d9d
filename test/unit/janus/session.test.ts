import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { JanusHandle } from '../../../main/janus/handle';
import {
  JanusClosedError,
  JanusHandleNotFoundError,
  JanusSessionNotFoundError,
} from '../../../main/janus/errors';
import { openConnection, outcome } from './setup';

describe('JanusSession', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends a keepalive every keepaliveIntervalMs while alive', async () => {
    const { transport, connection } = await openConnection();
    const session = await connection.createSession();
    await vi.advanceTimersByTimeAsync(75_000);
    const keepalives = transport.sent.filter((request) => request.janus === 'keepalive');
    expect(keepalives).toHaveLength(3);
    expect(keepalives[0]).toMatchObject({ session_id: session.id });
    await session.destroy();
    await vi.advanceTimersByTimeAsync(75_000);
    expect(transport.sent.filter((request) => request.janus === 'keepalive')).toHaveLength(3);
  });

  it('a keepalive answered 458 loses the session', async () => {
    const { transport, connection } = await openConnection();
    const session = await connection.createSession();
    const events = vi.fn();
    session.on('lost', (error) => {
      events('lost', error);
    });
    session.on('destroyed', () => {
      events('destroyed');
    });
    transport.responder = ({ transaction, session_id }) => ({
      janus: 'error',
      session_id,
      transaction,
      error: { code: 458, reason: 'No such session' },
    });
    await vi.advanceTimersByTimeAsync(25_000);
    expect(events.mock.calls.map(([name]) => name as string)).toEqual(['lost', 'destroyed']);
    expect(events.mock.calls[0]?.[1]).toBeInstanceOf(JanusSessionNotFoundError);
    expect(session.destroyed).toBe(true);
    await expect(session.attach('janus.plugin.streaming')).rejects.toBeInstanceOf(JanusClosedError);
  });

  describe('event routing', () => {
    async function twoSessionsTwoHandles() {
      const opened = await openConnection();
      const sessions = [await opened.connection.createSession(), await opened.connection.createSession()];
      const handles: JanusHandle[] = [];
      for (const session of sessions) {
        handles.push(
          await session.attach('janus.plugin.streaming'),
          await session.attach('janus.plugin.streaming'),
        );
      }
      const seen: { handle: number; event: string; args: unknown[] }[] = [];
      const sessionSeen: { session: number; janus: string }[] = [];
      for (const session of sessions)
        session.on('event', (e) => sessionSeen.push({ session: session.id, janus: e.janus }));
      for (const handle of handles) {
        for (const name of [
          'event',
          'webrtcup',
          'media',
          'slowlink',
          'hangup',
          'trickle',
          'detached',
        ] as const) {
          handle.on(name, (...args: unknown[]) => seen.push({ handle: handle.id, event: name, args }));
        }
      }
      return { ...opened, sessions, handles, seen, sessionSeen };
    }

    it.each([
      [
        { janus: 'event', plugindata: { plugin: 'janus.plugin.streaming', data: { streaming: 'event' } } },
        'event',
        [{ streaming: 'event' }, undefined],
      ],
      [{ janus: 'webrtcup' }, 'webrtcup', []],
      [
        { janus: 'media', mid: 'v', type: 'video', receiving: false, seconds: 3 },
        'media',
        [{ mid: 'v', type: 'video', receiving: false, seconds: 3 }],
      ],
      [
        { janus: 'slowlink', mid: 'v', media: 'video', uplink: true, lost: 12 },
        'slowlink',
        [{ mid: 'v', media: 'video', uplink: true, lost: 12 }],
      ],
      [{ janus: 'hangup', reason: 'DTLS alert' }, 'hangup', ['DTLS alert']],
      [{ janus: 'trickle', candidate: { completed: true } }, 'trickle', [{ completed: true }]],
      [{ janus: 'detached' }, 'detached', []],
    ])('routes %o to exactly its session and handle', async (envelope, event, args) => {
      const { transport, sessions, handles, seen, sessionSeen } = await twoSessionsTwoHandles();
      const target = handles[3];
      const session = sessions[1];
      if (target === undefined || session === undefined) throw new Error('setup');
      transport.deliver({ ...envelope, session_id: session.id, sender: target.id });
      expect(seen).toEqual([{ handle: target.id, event, args }]);
      expect(sessionSeen).toEqual([{ session: session.id, janus: envelope.janus }]);
    });

    it('emits timeout, fails pending work and ends the session when Janus times it out', async () => {
      const { transport, sessions, handles, seen } = await twoSessionsTwoHandles();
      const [session] = sessions;
      const [handle] = handles;
      if (session === undefined || handle === undefined) throw new Error('setup');
      const events = vi.fn();
      session.on('timeout', () => {
        events('timeout');
      });
      session.on('destroyed', () => {
        events('destroyed');
      });
      const pending = outcome(handle.message({ request: 'slow' }));
      transport.deliver({ janus: 'timeout', session_id: session.id });
      expect(events.mock.calls).toEqual([['timeout'], ['destroyed']]);
      expect((await pending).error).toBeInstanceOf(JanusSessionNotFoundError);
      expect(seen).toContainEqual({ handle: handle.id, event: 'detached', args: [] });
      expect(sessions[1]?.destroyed).toBe(false);
    });
  });

  it('destroy() fails the pending work of the session and its handles with JanusClosedError', async () => {
    const { transport, connection } = await openConnection();
    const session = await connection.createSession();
    const other = await connection.createSession();
    const handle = await session.attach('janus.plugin.streaming');
    const otherHandle = await other.attach('janus.plugin.streaming');
    const detached = vi.fn();
    handle.on('detached', detached);
    const mine = [
      outcome(handle.message({ request: 'slow' })),
      outcome(handle.message({ request: 'slower' })),
    ];
    const theirs = outcome(otherHandle.message({ request: 'slow' }));

    await session.destroy();
    await session.destroy();
    for (const { error } of await Promise.all(mine)) expect(error).toBeInstanceOf(JanusClosedError);
    expect(detached).toHaveBeenCalledTimes(1);
    expect(transport.sent.filter((request) => request.janus === 'destroy')).toHaveLength(1);
    await expect(handle.message({ request: 'list' })).rejects.toBeInstanceOf(JanusClosedError);

    const { transaction } = transport.last('message');
    transport.deliver({
      janus: 'success',
      session_id: other.id,
      sender: otherHandle.id,
      transaction,
      plugindata: { plugin: 'janus.plugin.streaming', data: { streaming: 'list', list: [] } },
    });
    expect((await theirs).value).toEqual({ data: { streaming: 'list', list: [] } });
  });

  it('a request answered 459 detaches the handle', async () => {
    const { transport, connection } = await openConnection();
    const session = await connection.createSession();
    const handle = await session.attach('janus.plugin.streaming');
    const detached = vi.fn();
    handle.on('detached', detached);
    transport.responder = ({ transaction }) => ({
      janus: 'error',
      transaction,
      error: { code: 459, reason: 'No such handle' },
    });
    await expect(handle.hangup()).rejects.toBeInstanceOf(JanusHandleNotFoundError);
    expect(detached).toHaveBeenCalledTimes(1);
    expect(handle.detached).toBe(true);
    expect(session.destroyed).toBe(false);
  });
});
