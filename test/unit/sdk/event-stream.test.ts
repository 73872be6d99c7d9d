import { describe, expect, it, vi } from 'vitest';

import type { StationEvent } from '../../../common/events';
import { SseParser, subscribeOverFetch } from '../../../renderer/sdk/event-stream';

const at = '2026-12-02T10:00:00.000Z';
const up: StationEvent = { type: 'gateway.up', at };
const frame = (event: StationEvent) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

describe('SseParser', () => {
  it('delivers whole frames however the stream is cut, and skips comments and unknown events', () => {
    const got: StationEvent[] = [];
    const parser = new SseParser((event) => got.push(event));
    const text = `retry: 3000\n: connected\n\n${frame(up)}: heartbeat\n\nevent: other\ndata: {}\n\n${frame(up)}`;
    for (const piece of text.match(/.{1,7}/gs) ?? []) parser.push(piece);
    expect(got).toEqual([up, up]);
  });
});

describe('subscribeOverFetch', () => {
  it('reads /events with the bearer key, reconnects after the stream ends, and stops when asked', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetch = (url: string, init: RequestInit): Promise<Response> => {
      calls.push({ url, init });
      return Promise.resolve(new Response(frame(up), { headers: { 'content-type': 'text/event-stream' } }));
    };
    const got: StationEvent[] = [];
    const stop = subscribeOverFetch(
      { baseUrl: 'http://127.0.0.1:3000/', apiKey: 'vigil_alarm_k', fetch, reconnectMs: 10 },
      (event) => got.push(event),
    );
    await vi.waitFor(() => {
      expect(got.length).toBeGreaterThanOrEqual(2);
    });
    stop();
    const seen = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls.length).toBe(seen);
    expect(calls[0]?.url).toBe('http://127.0.0.1:3000/events');
    expect(calls[0]?.init.headers).toEqual({
      accept: 'text/event-stream',
      authorization: 'Bearer vigil_alarm_k',
    });
  });
});
