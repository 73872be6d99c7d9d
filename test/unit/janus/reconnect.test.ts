import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { Backoff } from '../../../common/backoff';
import { systemClock } from '../../../main/janus/clock';
import { Reconnector } from '../../../main/janus/reconnect';

describe('Reconnector', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup(maxAttempts = Number.POSITIVE_INFINITY, succeedOn = Number.POSITIVE_INFINITY) {
    const attemptsAt: number[] = [];
    const failed: number[] = [];
    const gaveUp = vi.fn();
    const start = Date.now();
    const reconnector = new Reconnector({
      backoff: new Backoff({ initialDelayMs: 250, maxDelayMs: 2_000, maxAttempts }, () => 0),
      clock: systemClock,
      attempt: () => {
        attemptsAt.push(Date.now() - start);
        return attemptsAt.length >= succeedOn ? Promise.resolve() : Promise.reject(new Error('refused'));
      },
      onAttemptFailed: (_error, attempt) => failed.push(attempt),
      onGiveUp: gaveUp,
    });
    return { reconnector, attemptsAt, failed, gaveUp };
  }

  it('retries on a capped exponential schedule', async () => {
    const { reconnector, attemptsAt, failed } = setup();
    reconnector.start();
    await vi.advanceTimersByTimeAsync(250 + 500 + 1_000 + 2_000 + 2_000);
    expect(attemptsAt).toEqual([250, 750, 1_750, 3_750, 5_750]);
    expect(failed).toEqual([1, 2, 3, 4, 5]);
    reconnector.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attemptsAt).toHaveLength(5);
  });

  it('stops after the first success', async () => {
    const { reconnector, attemptsAt } = setup(Number.POSITIVE_INFINITY, 3);
    reconnector.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attemptsAt).toHaveLength(3);
    expect(reconnector.running).toBe(false);
  });

  it('gives up with the last error once maxAttempts are used', async () => {
    const { reconnector, attemptsAt, gaveUp } = setup(3);
    reconnector.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attemptsAt).toHaveLength(3);
    expect(gaveUp).toHaveBeenCalledWith(new Error('refused'));
    expect(reconnector.running).toBe(false);
  });
});
