import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { systemClock } from '../../../../main/janus/clock';
import type { Clock } from '../../../../main/janus/clock';
import { JanusClosedError, JanusTransportError } from '../../../../main/janus/errors';
import { openTransport } from '../../../../main/janus/transport/open';
import { FakeTransport } from '../fake-transport';
import { outcome } from '../setup';
import { recordingSink } from '../sink';

const noJitter: Clock = { ...systemClock, random: () => 0 };
const reconnect = { initialDelayMs: 100, maxDelayMs: 400 };

describe('openTransport', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('without waitForJanus, tries once: a refused open rejects and closes the link', async () => {
    const link = new FakeTransport();
    link.refuseOpens = 1;
    const { error } = await outcome(openTransport(link, recordingSink(), { reconnect }, noJitter));
    expect(error).toBeInstanceOf(JanusTransportError);
    expect(link.opens).toBe(1);
    expect(link.closed).toBe(true);
  });

  it('with waitForJanus, retries on the reconnect schedule, telling each delay, until Janus answers', async () => {
    const link = new FakeTransport();
    link.refuseOpens = 4;
    const retries: number[] = [];
    const opened = outcome(
      openTransport(
        link,
        recordingSink(),
        { reconnect, waitForJanus: true, onRetry: (_error, retryInMs) => retries.push(retryInMs) },
        noJitter,
      ),
    );
    await vi.advanceTimersByTimeAsync(100 + 200 + 400 + 399);
    expect(link.opens).toBe(4);
    await vi.advanceTimersByTimeAsync(1);
    expect(await opened).toEqual({ value: undefined });
    expect(link.opens).toBe(5);
    expect(retries).toEqual([100, 200, 400, 400]);
    expect(link.closed).toBe(false);
  });

  it('a waiting open ends with JanusClosedError when its signal aborts, and closes the link', async () => {
    const link = new FakeTransport();
    link.refuseOpens = Number.POSITIVE_INFINITY;
    const controller = new AbortController();
    const opened = outcome(
      openTransport(
        link,
        recordingSink(),
        { reconnect, waitForJanus: true, signal: controller.signal },
        noJitter,
      ),
    );
    await vi.advanceTimersByTimeAsync(150);
    controller.abort();
    expect((await opened).error).toBeInstanceOf(JanusClosedError);
    expect(link.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(link.opens).toBe(2);
  });
});
