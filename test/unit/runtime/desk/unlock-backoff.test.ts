import { describe, expect, it, vi } from 'vitest';

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openDesktopSettings } from '../../../../main/store/desktop-settings';
import {
  UNLOCK_BACKOFF,
  UnlockThrottle,
  backoffAfter,
  settingsThrottleMemory,
  type ThrottleState,
} from '../../../../main/runtime/desk/unlock-backoff';
import { fakeLogger } from './fakes';

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

describe('UnlockThrottle across restarts', () => {
  it('keeps the count and the wait in its memory, so a restart does not reset the backoff', () => {
    let saved: ThrottleState | undefined;
    const memory = { load: () => saved, save: (state: ThrottleState) => (saved = state) };
    let now = 0;
    const first = new UnlockThrottle(UNLOCK_BACKOFF, () => now, memory);
    expect([first.failed(), first.failed(), first.failed()]).toEqual([0, 0, 5_000]);
    const restarted = new UnlockThrottle(UNLOCK_BACKOFF, () => now, memory);
    expect(restarted.waitMs()).toBe(5_000);
    now = 5_000;
    expect(restarted.failed()).toBe(10_000);
    restarted.succeeded();
    expect(saved).toEqual({ failures: 0, notBefore: 0 });
  });

  it('never waits longer than its ceiling, even when the clock was set back', () => {
    const memory = { load: () => ({ failures: 9, notBefore: 10 ** 12 }), save: vi.fn() };
    expect(new UnlockThrottle(UNLOCK_BACKOFF, () => 0, memory).waitMs()).toBe(UNLOCK_BACKOFF.maxMs);
  });

  it('is kept in desktop.json, which an unknown or damaged value does not break', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'vigil-backoff-'));
    try {
      const log = fakeLogger();
      const memory = () => settingsThrottleMemory(openDesktopSettings({ dataDir }), log);
      let now = 1_000;
      const throttle = new UnlockThrottle(UNLOCK_BACKOFF, () => now, memory());
      for (let i = 0; i < 4; i++) throttle.failed();
      // Another run of the app, on the same desktop.json.
      expect(new UnlockThrottle(UNLOCK_BACKOFF, () => now, memory()).waitMs()).toBe(10_000);
      openDesktopSettings({ dataDir }).setUnlockBackoff({ failures: 'many' });
      expect(memory().load()).toBeUndefined();
      now += 1;
      expect(log.entries).toEqual([]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('goes on in memory when desktop.json cannot be written, and says so once', () => {
    const log = fakeLogger();
    const settings = {
      unlockBackoff: () => undefined,
      setUnlockBackoff: () => {
        throw new Error('ENOSPC: no space left on device');
      },
    };
    const throttle = new UnlockThrottle(UNLOCK_BACKOFF, () => 0, settingsThrottleMemory(settings, log));
    expect([throttle.failed(), throttle.failed(), throttle.failed(), throttle.failed()]).toEqual([
      0, 0, 5_000, 10_000,
    ]);
    expect(log.entries.filter((e) => e.level === 'warn')).toHaveLength(1);
  });
});
