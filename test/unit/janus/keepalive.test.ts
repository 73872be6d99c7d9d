import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { systemClock } from '../../../main/janus/clock';
import { Keepalive } from '../../../main/janus/keepalive';

describe('Keepalive', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends every interval, also after a failure, until stopped', async () => {
    const sentAt: number[] = [];
    const start = Date.now();
    const onError = vi.fn();
    const keepalive = new Keepalive({
      intervalMs: 25_000,
      clock: systemClock,
      send: () => {
        sentAt.push(Date.now() - start);
        return sentAt.length === 2 ? Promise.reject(new Error('down')) : Promise.resolve();
      },
      onError,
    });
    keepalive.start();
    await vi.advanceTimersByTimeAsync(24_999);
    expect(sentAt).toEqual([]);
    await vi.advanceTimersByTimeAsync(50_001);
    expect(sentAt).toEqual([25_000, 50_000, 75_000]);
    expect(onError).toHaveBeenCalledTimes(1);
    keepalive.stop();
    await vi.advanceTimersByTimeAsync(100_000);
    expect(sentAt).toHaveLength(3);
  });

  it('stops when the error handler stops it', async () => {
    const send = vi.fn(() => Promise.reject(new Error('458')));
    const keepalive: Keepalive = new Keepalive({
      intervalMs: 1_000,
      clock: systemClock,
      send,
      onError: () => {
        keepalive.stop();
      },
    });
    keepalive.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
