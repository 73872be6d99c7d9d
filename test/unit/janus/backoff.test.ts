import { describe, expect, it } from 'vitest';

import { Backoff } from '../../../main/janus/backoff';

const delays = (backoff: Backoff, count: number) => Array.from({ length: count }, () => backoff.next());

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
    backoff.reset();
    expect(backoff.next()).toBe(100);
  });
});
