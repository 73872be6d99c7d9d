import { describe, expect, it } from 'vitest';

import { UNLOCK_BACKOFF, UnlockThrottle, backoffAfter } from '../../../../main/runtime/desk/unlock-backoff';

describe('backoffAfter', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 5_000],
    [4, 10_000],
    [5, 20_000],
    [9, 300_000],
    [50, 300_000],
  ])('%i wrong PINs in a row → wait %i ms', (failures, wait) => {
    expect(backoffAfter(failures, UNLOCK_BACKOFF)).toBe(wait);
  });
});

describe('UnlockThrottle', () => {
  it('waits after repeated failures, counts the wait down, and resets on success', () => {
    let now = 0;
    const throttle = new UnlockThrottle(UNLOCK_BACKOFF, () => now);
    expect([throttle.failed(), throttle.failed(), throttle.failed()]).toEqual([0, 0, 5_000]);
    now = 2_000;
    expect(throttle.waitMs()).toBe(3_000);
    now = 5_000;
    expect(throttle.waitMs()).toBe(0);
    expect(throttle.failed()).toBe(10_000);
    throttle.succeeded();
    expect(throttle.waitMs()).toBe(0);
    expect(throttle.failed()).toBe(0);
  });
});
