import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { StreamingError } from '../../../../main/janus/errors';
import type { StreamingHandle } from '../../../../main/janus/plugins/streaming';
import type { FakeTransport, Sent } from '../fake-transport';
import { janusLike } from '../fake-transport';
import { openConnection } from '../setup';

const PLUGIN = 'janus.plugin.streaming';

/** Answers every Streaming message synchronously with `data` (as the plugin does for sync requests). */
function answerWith(
  transport: FakeTransport,
  data: (body: Record<string, unknown>) => Record<string, unknown>,
) {
  transport.responder = (request: Sent) =>
    request.janus === 'message'
      ? {
          janus: 'success',
          session_id: request.session_id,
          sender: request.handle_id,
          transaction: request.transaction,
          plugindata: { plugin: PLUGIN, data: data(request.body as Record<string, unknown>) },
        }
      : janusLike(request);
}

async function streamingHandle(
  adminKey?: string,
): Promise<{ transport: FakeTransport; streaming: StreamingHandle }> {
  const { transport, connection } = await openConnection();
  const session = await connection.createSession();
  const streaming = await session.attachStreaming(adminKey === undefined ? {} : { adminKey });
  return { transport, streaming };
}

describe('StreamingHandle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('creates an RTSP mountpoint with the admin key and Janus field names; flattens the answer', async () => {
    const { transport, streaming } = await streamingHandle('admin-key');
    answerWith(transport, () => ({
      streaming: 'created',
      created: 'lobby',
      permanent: false,
      stream: { id: 42, type: 'live', description: 'Lobby', is_private: false },
    }));
    const created = await streaming.create({
      type: 'rtsp',
      id: 42,
      name: 'lobby',
      url: 'rtsp://127.0.0.1:8554/cam1',
      rtsp_user: 'viewer',
      rtsp_pwd: 'pw',
      video: true,
      videobufferkf: true,
      secret: 's',
      pin: 'p',
    });
    expect(created).toEqual({
      id: 42,
      name: 'lobby',
      type: 'live',
      description: 'Lobby',
      is_private: false,
      permanent: false,
    });
    expect(transport.last('message').body).toEqual({
      request: 'create',
      admin_key: 'admin-key',
      type: 'rtsp',
      id: 42,
      name: 'lobby',
      url: 'rtsp://127.0.0.1:8554/cam1',
      rtsp_user: 'viewer',
      rtsp_pwd: 'pw',
      video: true,
      videobufferkf: true,
      secret: 's',
      pin: 'p',
    });
  });

  it('creates an RTP mountpoint on port 0 and returns the allocated ports', async () => {
    const { transport, streaming } = await streamingHandle();
    answerWith(transport, () => ({
      streaming: 'created',
      created: 'rtp-in',
      permanent: false,
      stream: { id: 7, type: 'live', ports: [{ type: 'video', mid: 'v', port: 20_202 }] },
    }));
    const created = await streaming.create({
      type: 'rtp',
      name: 'rtp-in',
      media: [{ type: 'video', mid: 'v', port: 0, pt: 96, codec: 'h264' }],
    });
    expect(created.ports?.[0]?.port).toBe(20_202);
    expect(transport.last('message').body).not.toHaveProperty('admin_key');
  });

  it('sends list/info/edit/destroy/enable/disable with Janus field names', async () => {
    const { transport, streaming } = await streamingHandle('admin-key');
    answerWith(transport, (body) => {
      switch (body.request) {
        case 'list':
          return { streaming: 'list', list: [{ id: 1, type: 'live', enabled: true, media: [] }] };
        case 'info':
          return {
            streaming: 'info',
            info: {
              id: 1,
              type: 'live',
              enabled: true,
              viewers: 2,
              media: [{ mid: 'v', mindex: 0, type: 'video', age_ms: 12 }],
            },
          };
        case 'edit':
          return { streaming: 'edited', id: 1, permanent: false };
        case 'destroy':
          return { streaming: 'destroyed', id: 1 };
        default:
          return { streaming: 'ok' };
      }
    });
    expect(await streaming.list()).toEqual([{ id: 1, type: 'live', enabled: true, media: [] }]);
    expect(transport.last('message').body).toEqual({ request: 'list', admin_key: 'admin-key' });
    expect((await streaming.info(1, { secret: 's' })).media[0]?.age_ms).toBe(12);
    expect(transport.last('message').body).toEqual({ request: 'info', id: 1, secret: 's' });
    await streaming.edit(1, { new_description: 'Hall', new_pin: '' }, { secret: 's' });
    expect(transport.last('message').body).toEqual({
      request: 'edit',
      id: 1,
      secret: 's',
      new_description: 'Hall',
      new_pin: '',
    });
    await streaming.disable(1, { secret: 's', stop_recording: true });
    expect(transport.last('message').body).toEqual({
      request: 'disable',
      id: 1,
      secret: 's',
      stop_recording: true,
    });
    await streaming.disable(1, { secret: 's' });
    expect(transport.last('message').body).toEqual({
      request: 'disable',
      id: 1,
      secret: 's',
      stop_recording: false,
    });
    await streaming.enable(1, { secret: 's' });
    expect(transport.last('message').body).toEqual({ request: 'enable', id: 1, secret: 's' });
    await streaming.destroy(1, { secret: 's', permanent: false });
    expect(transport.last('message').body).toEqual({
      request: 'destroy',
      id: 1,
      secret: 's',
      permanent: false,
    });
  });

  it.each([
    [455, 'STREAMING_ERR_NO_SUCH_MOUNTPOINT', 'No such mountpoint/stream 9'],
    [456, 'STREAMING_ERR_CANT_CREATE', "Error creating 'RTSP' stream"],
    [453, 'STREAMING_ERR_MISSING_ELEMENT', 'Missing element (admin_key)'],
    [457, 'STREAMING_ERR_UNAUTHORIZED', 'Unauthorized (wrong admin_key)'],
    [454, 'STREAMING_ERR_INVALID_ELEMENT', 'Invalid element (id should be a positive integer)'],
    [470, 'STREAMING_ERR_UNKNOWN_ERROR', 'Invalid response'],
  ])('turns error_code %i into StreamingError %s with Janus text', async (janusCode, code, text) => {
    const { transport, streaming } = await streamingHandle();
    answerWith(transport, () => ({ streaming: 'event', error_code: janusCode, error: text }));
    const error: unknown = await streaming.info(9).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamingError);
    expect(error).toMatchObject({ code, janusCode, message: text });
  });

  it('watch resolves with the offer that follows the ack; start sends the answer', async () => {
    const { transport, streaming } = await streamingHandle();
    const offer = { type: 'offer', sdp: 'v=0 offer' } as const;
    transport.responder = (request: Sent) => {
      if (request.janus !== 'message') return janusLike(request);
      const body = request.body as { request: string };
      queueMicrotask(() => {
        transport.deliver({
          janus: 'event',
          session_id: request.session_id,
          sender: request.handle_id,
          transaction: request.transaction,
          plugindata: {
            plugin: PLUGIN,
            data: {
              streaming: 'event',
              result: { status: body.request === 'watch' ? 'preparing' : 'starting' },
            },
          },
          ...(body.request === 'watch' ? { jsep: offer } : {}),
        });
      });
      return { janus: 'ack', transaction: request.transaction };
    };
    await expect(streaming.watch(3, { pin: '1234', media: ['v'] })).resolves.toEqual(offer);
    expect(transport.last('message').body).toEqual({ request: 'watch', id: 3, pin: '1234', media: ['v'] });
    await streaming.start({ type: 'answer', sdp: 'v=0 answer' });
    expect(transport.last('message')).toMatchObject({ body: { request: 'start' }, jsep: { type: 'answer' } });
    await streaming.pause();
    await streaming.stop();
    expect(transport.last('message').body).toEqual({ request: 'stop' });
  });

  it('an async error event rejects watch with StreamingError', async () => {
    const { transport, streaming } = await streamingHandle();
    transport.responder = (request: Sent) => {
      if (request.janus !== 'message') return janusLike(request);
      queueMicrotask(() => {
        transport.deliver({
          janus: 'event',
          session_id: request.session_id,
          sender: request.handle_id,
          transaction: request.transaction,
          plugindata: {
            plugin: PLUGIN,
            data: { streaming: 'event', error_code: 455, error: 'No such mountpoint/stream 3' },
          },
        });
      });
      return { janus: 'ack', transaction: request.transaction };
    };
    await expect(streaming.watch(3)).rejects.toMatchObject({
      code: 'STREAMING_ERR_NO_SUCH_MOUNTPOINT',
      janusCode: 455,
    });
  });
});
