import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { systemClock } from '../../../../main/janus/clock';
import type { Clock } from '../../../../main/janus/clock';
import { JanusTransportError } from '../../../../main/janus/errors';
import { HttpTransport } from '../../../../main/janus/transport/http';
import type { HttpAnswer, HttpExchange } from '../../../../main/janus/transport/http';
import { recordingSink } from '../sink';

const BASE = 'http://127.0.0.1:18088/janus';
const noJitter: Clock = { ...systemClock, random: () => 0 };

interface Poll {
  exchange: HttpExchange;
  answer: (answer: HttpAnswer) => void;
  fail: (error: Error) => void;
}

/** Plays the Janus HTTP server: POSTs answer through `post`, long polls wait for the test. */
function fakeHttp() {
  const calls: HttpExchange[] = [];
  const polls: Poll[] = [];
  let post: (exchange: HttpExchange) => Promise<HttpAnswer> = () =>
    Promise.resolve({ status: 200, body: {} });
  const requester = (exchange: HttpExchange): Promise<HttpAnswer> => {
    calls.push(exchange);
    if (exchange.method === 'POST') return post(exchange);
    if (exchange.url.endsWith('/info'))
      return Promise.resolve({ status: 200, body: { janus: 'server_info' } });
    return new Promise((resolve, reject) => {
      polls.push({ exchange, answer: resolve, fail: reject });
      exchange.signal?.addEventListener('abort', () => {
        reject(new Error('aborted'));
      });
    });
  };
  return {
    calls,
    polls,
    requester,
    setPost(fn: typeof post) {
      post = fn;
    },
  };
}

async function openHttp(backoff = {}) {
  const http = fakeHttp();
  const sink = recordingSink();
  const transport = new HttpTransport({
    url: `${BASE}/`,
    clock: noJitter,
    logger: pino({ level: 'silent' }),
    backoff,
    longPollMaxEvents: 10,
    apiSecret: 'api secret&1',
    token: 'tok',
    requester: http.requester,
  });
  await transport.open(sink);
  return { http, sink, transport };
}

describe('HttpTransport', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens by asking Janus for info, and fails with JanusTransportError when refused', async () => {
    const { http } = await openHttp();
    expect(http.calls[0]).toMatchObject({ method: 'GET', url: `${BASE}/info` });
    const refused = new HttpTransport({
      url: BASE,
      clock: noJitter,
      logger: pino({ level: 'silent' }),
      backoff: {},
      longPollMaxEvents: 10,
      requester: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:18088')),
    });
    await expect(refused.open(recordingSink())).rejects.toBeInstanceOf(JanusTransportError);
  });

  it('POSTs requests as JSON and hands the answer to the sink', async () => {
    const { http, sink, transport } = await openHttp();
    http.setPost(() => Promise.resolve({ status: 200, body: { janus: 'success', transaction: 't1' } }));
    await transport.send({ janus: 'create', transaction: 't1' });
    expect(http.calls[1]).toMatchObject({
      method: 'POST',
      url: BASE,
      body: '{"janus":"create","transaction":"t1"}',
    });
    expect(sink.message).toHaveBeenCalledWith({ janus: 'success', transaction: 't1' });
  });

  it('rejects at once with JanusTransportError on a refused or non-2xx request; reports down then up', async () => {
    const { http, sink, transport } = await openHttp();
    http.setPost(() => Promise.reject(new Error('socket hang up')));
    await expect(transport.send({ janus: 'create' })).rejects.toBeInstanceOf(JanusTransportError);
    await expect(transport.send({ janus: 'create' })).rejects.toMatchObject({ code: 'JANUS_ERR_TRANSPORT' });
    expect(sink.down).toHaveBeenCalledTimes(1);
    http.setPost(() => Promise.resolve({ status: 502, body: undefined }));
    await expect(transport.send({ janus: 'create' })).rejects.toBeInstanceOf(JanusTransportError);
    expect(sink.up).toHaveBeenCalledTimes(1);
  });

  it('long-polls with maxev, rid and the credentials, and splits batches', async () => {
    const { http, sink, transport } = await openHttp();
    transport.watch(77);
    transport.watch(77);
    expect(http.polls).toHaveLength(1);
    const url = new URL(http.polls[0]?.exchange.url ?? '');
    expect(url.pathname).toBe('/janus/77');
    expect(url.searchParams.get('maxev')).toBe('10');
    expect(url.searchParams.get('rid')).toMatch(/^\d+$/);
    expect(url.searchParams.get('apisecret')).toBe('api secret&1');
    expect(url.searchParams.get('token')).toBe('tok');

    http.polls[0]?.answer({
      status: 200,
      body: [
        { janus: 'event', session_id: 77 },
        { janus: 'webrtcup', session_id: 77 },
      ],
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(sink.message.mock.calls.map(([event]) => (event as { janus: string }).janus)).toEqual([
      'event',
      'webrtcup',
    ]);
    expect(http.polls).toHaveLength(2);
    http.polls[1]?.answer({ status: 200, body: { janus: 'keepalive' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(http.polls).toHaveLength(3);
  });

  it('retries a failed long poll on the backoff schedule and reports down/up once', async () => {
    const { http, sink, transport } = await openHttp({ initialDelayMs: 250, maxDelayMs: 1_000 });
    transport.watch(5);
    const pollsAt: number[] = [];
    const start = Date.now();
    for (let i = 0; i < 4; i += 1) {
      pollsAt.push(Date.now() - start);
      http.polls[i]?.fail(new Error('connect ECONNREFUSED'));
      await vi.advanceTimersByTimeAsync(0);
      await vi.advanceTimersByTimeAsync(i === 0 ? 250 : Math.min(1_000, 250 * 2 ** i));
    }
    expect(http.polls).toHaveLength(5);
    expect(pollsAt).toEqual([0, 250, 750, 1_750]);
    expect(sink.down).toHaveBeenCalledTimes(1);
    http.polls[4]?.answer({ status: 200, body: { janus: 'keepalive' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(sink.up).toHaveBeenCalledTimes(1);
    expect(http.polls).toHaveLength(6);
    transport.unwatch(5);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(http.polls).toHaveLength(6);
  });

  it('treats a long poll answered 404 as the session gone and stops polling it', async () => {
    const { http, sink, transport } = await openHttp();
    transport.watch(9);
    http.polls[0]?.answer({ status: 404, body: undefined });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sink.sessionGone).toHaveBeenCalledWith(9);
    expect(http.polls).toHaveLength(1);
  });

  it('reports failed when the backoff runs out, and close() aborts every poll', async () => {
    const { http, sink, transport } = await openHttp({ maxAttempts: 1 });
    transport.watch(1);
    transport.watch(2);
    http.polls[0]?.fail(new Error('reset'));
    await vi.advanceTimersByTimeAsync(250);
    http.polls[2]?.fail(new Error('reset'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sink.failed).toHaveBeenCalledWith(expect.any(JanusTransportError));
    await transport.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(http.polls).toHaveLength(3);
    await expect(transport.send({ janus: 'info' })).rejects.toBeInstanceOf(JanusTransportError);
  });
});
