import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { Backoff } from '../../../common/backoff';
import { systemClock } from '../../../main/janus/clock';
import { JanusClosedError } from '../../../main/janus/errors';
import { Reconnector, retryUntilDone } from '../../../main/janus/reconnect';
import { outcome } from './setup';

describe('Reconnector', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup(maxAttempts = Number.POSITIVE_INFINITY, succeedOn = Number.POSITIVE_INFINITY) {
    const attemptsAt: number[] = [];
    const failed: [number, number | undefined][] = [];
    const gaveUp = vi.fn();
    const start = Date.now();
    const reconnector = new Reconnector({
      backoff: new Backoff({ initialDelayMs: 250, maxDelayMs: 2_000, maxAttempts }, () => 0),
      clock: systemClock,
      attempt: () => {
        attemptsAt.push(Date.now() - start);
        return attemptsAt.length >= succeedOn ? Promise.resolve() : Promise.reject(new Error('refused'));
      },
      onAttemptFailed: (_error, attempt, retryInMs) => failed.push([attempt, retryInMs]),
      onGiveUp: gaveUp,
    });
    return { reconnector, attemptsAt, failed, gaveUp };
  }

  it('retries on a capped exponential schedule', async () => {
    const { reconnector, attemptsAt, failed } = setup();
    reconnector.start();
    await vi.advanceTimersByTimeAsync(250 + 500 + 1_000 + 2_000 + 2_000);
    expect(attemptsAt).toEqual([250, 750, 1_750, 3_750, 5_750]);
    expect(failed).toEqual([
      [1, 500],
      [2, 1_000],
      [3, 2_000],
      [4, 2_000],
      [5, 2_000],
    ]);
    reconnector.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attemptsAt).toHaveLength(5);
  });

  it('retryNow makes the waiting attempt at once and goes on from there; nothing when none waits', async () => {
    const { reconnector, attemptsAt } = setup(Number.POSITIVE_INFINITY, 3);
    reconnector.retryNow();
    expect(attemptsAt).toEqual([]);
    reconnector.start();
    await vi.advanceTimersByTimeAsync(100);
    reconnector.retryNow();
    expect(attemptsAt).toEqual([100]);
    for (let i = 0; i < 2; i++) {
      await vi.advanceTimersByTimeAsync(0);
      reconnector.retryNow();
    }
    await vi.advanceTimersByTimeAsync(0);
    expect(attemptsAt).toEqual([100, 100, 100]);
    expect(reconnector.running).toBe(false);
    reconnector.retryNow();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attemptsAt).toHaveLength(3);
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

  it('makes the first attempt at once when asked, then keeps the schedule', async () => {
    const { reconnector, attemptsAt, failed } = setup();
    reconnector.start({ immediately: true });
    await vi.advanceTimersByTimeAsync(250 + 500);
    expect(attemptsAt).toEqual([0, 250, 750]);
    expect(failed.map(([attempt]) => attempt)).toEqual([1, 2, 3]);
    reconnector.stop();
  });
});

describe('retryUntilDone', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** An attempt that fails `failures` times, then succeeds. */
  function flaky(failures: number) {
    const at: number[] = [];
    const start = Date.now();
    const attempt = () => {
      at.push(Date.now() - start);
      return at.length > failures ? Promise.resolve() : Promise.reject(new Error(`refused ${at.length}`));
    };
    return { attempt, at };
  }
  const backoff = (maxAttempts = Number.POSITIVE_INFINITY) =>
    new Backoff({ initialDelayMs: 250, maxDelayMs: 1_000, maxAttempts }, () => 0);

  it('tries at once, retries on the schedule while it fails, and resolves on success', async () => {
    const { attempt, at } = flaky(3);
    const told: number[] = [];
    const done = outcome(
      retryUntilDone(attempt, {
        backoff: backoff(),
        clock: systemClock,
        onAttemptFailed: (_error, _attempt, retryInMs) => told.push(retryInMs ?? -1),
      }),
    );
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await done).toEqual({ value: undefined });
    expect(at).toEqual([0, 250, 750, 1_750]);
    expect(told).toEqual([250, 500, 1_000]);
  });

  it('rejects with the last error once the schedule runs out', async () => {
    const { attempt, at } = flaky(Number.POSITIVE_INFINITY);
    const done = outcome(
      retryUntilDone(attempt, { backoff: backoff(2), clock: systemClock, onAttemptFailed: () => undefined }),
    );
    await vi.advanceTimersByTimeAsync(5_000);
    expect(at).toHaveLength(3);
    expect((await done).error).toEqual(new Error('refused 3'));
  });

  it('stops when the signal aborts (JanusClosedError), and at once when it already has', async () => {
    const { attempt, at } = flaky(Number.POSITIVE_INFINITY);
    const controller = new AbortController();
    const options = {
      backoff: backoff(),
      clock: systemClock,
      signal: controller.signal,
      onAttemptFailed: () => undefined,
    };
    const done = outcome(retryUntilDone(attempt, options));
    await vi.advanceTimersByTimeAsync(300);
    controller.abort();
    expect((await done).error).toBeInstanceOf(JanusClosedError);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(at).toHaveLength(2);
    expect((await outcome(retryUntilDone(attempt, options))).error).toBeInstanceOf(JanusClosedError);
    expect(at).toHaveLength(2);
  });
});
