import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { systemClock } from '../../../main/janus/clock';
import { KeyedRetry } from '../../../main/station/keyed-retry';

describe('KeyedRetry', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const policy = { initialDelayMs: 100, maxDelayMs: 400 };

  it('delays grow per failure in a row, per key, and start over after a success', async () => {
    const retry = new KeyedRetry(policy, systemClock);
    const ran: string[] = [];
    expect([1, 2, 3, 4].map(() => retry.failed('a', () => ran.push('a')))).toEqual([100, 200, 400, 400]);
    expect(retry.failed('b', () => ran.push('b'))).toBe(100);
    await vi.advanceTimersByTimeAsync(400);
    // Only the latest try of a key is pending.
    expect(ran).toEqual(['b', 'a']);
    retry.succeeded('a');
    expect(retry.failed('a', () => ran.push('a'))).toBe(100);
  });

  it('succeeded and stop cancel pending tries; after stop nothing is scheduled', async () => {
    const retry = new KeyedRetry(policy, systemClock);
    const ran: string[] = [];
    retry.failed('a', () => ran.push('a'));
    retry.failed('b', () => ran.push('b'));
    retry.succeeded('a');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ran).toEqual(['b']);
    retry.failed('c', () => ran.push('c'));
    retry.stop();
    expect(retry.failed('d', () => ran.push('d'))).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ran).toEqual(['b']);
  });

  it('jitter takes up to its share off each delay', () => {
    const retry = new KeyedRetry({ ...policy, jitter: 0.5 }, { ...systemClock, random: () => 0.5 });
    expect(retry.failed('a', () => undefined)).toBe(75);
    retry.stop();
  });
});
