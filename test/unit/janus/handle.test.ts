import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { JanusClosedError, JanusInvalidRequestError, JanusPluginError } from '../../../main/janus/errors';
import { janusLike } from './fake-transport';
import type { Sent } from './fake-transport';
import { openConnection, outcome } from './setup';

const PLUGIN = 'janus.plugin.echotest';

async function attached() {
  const opened = await openConnection();
  const session = await opened.connection.createSession();
  const handle = await session.attach(PLUGIN, { opaqueId: 'vigil-test' });
  return { ...opened, session, handle };
}

describe('JanusHandle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('attaches with the plugin and opaque_id', async () => {
    const { transport, session, handle } = await attached();
    expect(transport.last('attach')).toMatchObject({
      plugin: PLUGIN,
      opaque_id: 'vigil-test',
      session_id: session.id,
    });
    expect(handle.plugin).toBe(PLUGIN);
    expect(handle.session).toBe(session);
  });

  it('never sends a message holding a NUL (Janus drops it unanswered): it fails at once instead', async () => {
    const { transport, handle } = await attached();
    const sentBefore = transport.sent.length;
    const { error } = await outcome(
      handle.message({ request: 'create', media: [{ description: 'lobby\u0000' }] }),
    );
    expect(error).toBeInstanceOf(JanusInvalidRequestError);
    expect(error).toMatchObject({ code: 'JANUS_ERR_INVALID_REQUEST' });
    expect((error as Error).message).toMatch(/NUL/);
    expect(transport.sent.length).toBe(sentBefore);
  });

  it('resolves a synchronous plugin answer from the success', async () => {
    const { transport, session, handle } = await attached();
    transport.responder = (request) =>
      request.janus === 'message'
        ? {
            janus: 'success',
            session_id: session.id,
            sender: handle.id,
            transaction: request.transaction,
            plugindata: { plugin: PLUGIN, data: { result: 'ok' } },
          }
        : janusLike(request);
    await expect(handle.message({ request: 'list' })).resolves.toEqual({ data: { result: 'ok' } });
    expect(transport.last('message')).toMatchObject({
      session_id: session.id,
      handle_id: handle.id,
      body: { request: 'list' },
    });
  });

  it('waits past the ack of an async plugin request for the event with its transaction', async () => {
    const { transport, session, handle } = await attached();
    transport.responder = (request) =>
      request.janus === 'message'
        ? { janus: 'ack', session_id: session.id, transaction: request.transaction }
        : undefined;
    const events = vi.fn();
    handle.on('event', events);
    const offer = { type: 'offer', sdp: 'v=0' } as const;
    const pending = outcome(handle.message({ request: 'watch', id: 1 }));
    await vi.advanceTimersByTimeAsync(10);
    const event = {
      janus: 'event',
      session_id: session.id,
      sender: handle.id,
      transaction: transport.last('message').transaction,
      plugindata: { plugin: PLUGIN, data: { streaming: 'event', result: { status: 'preparing' } } },
      jsep: offer,
    };
    transport.deliver(event);
    expect((await pending).value).toEqual({ data: event.plugindata.data, jsep: offer });
    expect(events).toHaveBeenCalledWith(event.plugindata.data, offer);
  });

  it('rejects an error_code answer with JanusPluginError carrying the code and Janus text', async () => {
    const { transport, handle } = await attached();
    transport.responder = (request) =>
      request.janus === 'message'
        ? {
            janus: 'success',
            transaction: request.transaction,
            plugindata: { plugin: PLUGIN, data: { error_code: 411, error: 'Invalid element' } },
          }
        : undefined;
    const { error } = await outcome(handle.message({ request: 'x' }));
    expect(error).toBeInstanceOf(JanusPluginError);
    expect(error).toMatchObject({
      code: 'JANUS_ERR_PLUGIN',
      janusCode: 411,
      message: 'Invalid element',
      plugin: PLUGIN,
    });
  });

  it.each([
    [{ candidate: 'candidate:1 1 udp 1 127.0.0.2 5000 typ host', sdpMid: '0' }, 'candidate'],
    [[{ candidate: 'candidate:1 1 udp 1 127.0.0.2 5000 typ host', sdpMLineIndex: 0 }], 'candidates'],
    [null, 'candidate'],
  ])('trickles %o as %s and settles on the ack', async (candidate, field) => {
    const { transport, handle } = await attached();
    transport.responder = (request: Sent) => ({ janus: 'ack', transaction: request.transaction });
    await handle.trickle(candidate);
    expect(transport.last('trickle')[field]).toEqual(candidate ?? { completed: true });
  });

  it('detach() fails only this handle’s pending work with JanusClosedError', async () => {
    const { transport, session, handle } = await attached();
    const sibling = await session.attach(PLUGIN);
    const detached = vi.fn();
    handle.on('detached', detached);
    const mine = outcome(handle.message({ request: 'slow' }));
    const theirs = outcome(sibling.message({ request: 'slow' }));
    await handle.detach();
    await handle.detach();
    expect((await mine).error).toBeInstanceOf(JanusClosedError);
    expect(transport.sent.filter((request) => request.janus === 'detach')).toEqual([
      expect.objectContaining({ handle_id: handle.id, session_id: session.id }),
    ]);
    expect(detached).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await theirs).error).toMatchObject({ code: 'JANUS_ERR_TIMEOUT' });
    await expect(handle.hangup()).rejects.toBeInstanceOf(JanusClosedError);
  });
});
