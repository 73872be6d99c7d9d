import { describe, expect, it } from 'vitest';

import { Backoff, backoffDelay, type BackoffPolicy } from '../../../common/backoff';

const delays = (backoff: Backoff, count: number) => Array.from({ length: count }, () => backoff.next());

describe('backoffDelay', () => {
  const policy: BackoffPolicy = { initialDelayMs: 250, maxDelayMs: 8_000 };

  it.each([
    [0, policy, 250],
    [1, policy, 500],
    [4, policy, 4_000],
    [5, policy, 8_000],
    [6, policy, 8_000],
    [-1, policy, 250],
    [10_000, policy, 8_000],
    [2, { ...policy, factor: 3 }, 2_250],
    [2, { ...policy, factor: 1 }, 250],
  ])('attempt %i of %o waits %i ms', (attempt, schedule, expected) => {
    expect(backoffDelay(attempt, schedule)).toBe(expected);
  });

  it.each([
    [0, 1_000],
    [0.5, 750],
    [0.999, 501],
  ])('with random %d, jitter 0.5 takes %i ms of 1 000', (random, expected) => {
    expect(backoffDelay(0, { initialDelayMs: 1_000, maxDelayMs: 1_000, jitter: 0.5 }, () => random)).toBe(
      expected,
    );
  });

  it('has no jitter unless asked', () => {
    expect(backoffDelay(0, { initialDelayMs: 1_000, maxDelayMs: 1_000 }, () => 0.999)).toBe(1_000);
  });
});

describe('Backoff', () => {
  it('doubles from 250 ms to a 10 s cap by default, forever', () => {
    expect(delays(new Backoff({}, () => 0), 9)).toEqual([
      250, 500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000,
    ]);
  });

  it('takes up to half of each delay off as jitter', () => {
    const backoff = new Backoff({ initialDelayMs: 1_000 }, () => 0.999);
    expect(delays(backoff, 3)).toEqual([501, 1_001, 2_002]);
  });

  it('runs out after maxAttempts and starts over after reset', () => {
    const backoff = new Backoff({ initialDelayMs: 100, maxDelayMs: 300, maxAttempts: 3 }, () => 0);
    expect(delays(backoff, 4)).toEqual([100, 200, 300, undefined]);
    expect(backoff.attempts).toBe(3);
    backoff.reset();
    expect(backoff.next()).toBe(100);
  });
});
