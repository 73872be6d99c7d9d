import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';

import {
  createWatchdog,
  reloadAllowed,
  type WatchdogFailure,
  type WatchedWindow,
} from '../../../../main/runtime/desk/watchdog';
import { FakeBrowserWindow, fakeLogger } from './fakes';

const MINUTE = 60_000;

describe('reloadAllowed', () => {
  const budget = { reloads: 3, periodMs: 10 * MINUTE };
  it.each<[number[], number, boolean]>([
    [[], 0, true],
    [[0, 1, 2], 3, false],
    [[0, MINUTE], 2 * MINUTE, true],
    [[0, 1, 2], 10 * MINUTE, true],
    [[0, 5 * MINUTE, 9 * MINUTE], 10 * MINUTE + 1, true],
    [[5 * MINUTE, 6 * MINUTE, 9 * MINUTE], 10 * MINUTE, false],
  ])('after reloads at %j, at %i → %s', (history, now, expected) => {
    expect(reloadAllowed(history, now, budget)).toBe(expected);
  });
});

describe('createWatchdog', () => {
  let window: FakeBrowserWindow;
  let log: ReturnType<typeof fakeLogger>;
  let showFailure: Mock<(window: WatchedWindow, failure: WatchdogFailure) => void>;
  const reloads = (): number => window.webContents.calls.filter((c) => c === 'reload').length;

  beforeEach(() => {
    vi.useFakeTimers();
    window = new FakeBrowserWindow();
    log = fakeLogger();
    showFailure = vi.fn();
    createWatchdog({
      log,
      showFailure,
      budget: { reloads: 3, periodMs: 10 * MINUTE },
      hangGraceMs: 10_000,
    }).watch(window, 'wall dell-2');
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reloads a window whose renderer crashed, and logs the reason and exit code', () => {
    window.webContents.crash({ reason: 'oom', exitCode: 137 });
    expect(reloads()).toBe(1);
    const reloading = log.entries.find((e) => e.message === 'watchdog: reloading window');
    expect(reloading).toMatchObject({ level: 'warn', fields: { reason: 'oom', exitCode: 137, reload: 1 } });
  });

  it('reloads a hung window after the grace period (killing its renderer first)', () => {
    window.hang();
    vi.advanceTimersByTime(9_999);
    expect(window.webContents.calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(window.webContents.calls).toEqual(['forcefullyCrashRenderer', 'reload']);
    const reloading = log.entries.find((e) => e.message === 'watchdog: reloading window');
    expect(reloading?.fields).toMatchObject({ reason: 'unresponsive' });
  });

  it('a window that answers again within the grace period is left alone', () => {
    window.hang();
    vi.advanceTimersByTime(5_000);
    window.recover();
    vi.advanceTimersByTime(60_000);
    expect(window.webContents.calls).toEqual([]);
  });

  it('repeated unresponsive events start one grace period, not several', () => {
    window.hang();
    vi.advanceTimersByTime(5_000);
    window.hang();
    vi.advanceTimersByTime(5_000);
    expect(reloads()).toBe(1);
  });

  it('stops reloading once the budget is spent, shows the error page and logs loudly', () => {
    for (let i = 0; i < 3; i++) {
      window.webContents.crash();
      vi.advanceTimersByTime(MINUTE);
    }
    expect(reloads()).toBe(3);
    window.webContents.crash({ reason: 'crashed', exitCode: 11 });
    expect(reloads()).toBe(3);
    expect(showFailure).toHaveBeenCalledWith(window, { reason: 'crashed', reloads: 3 });
    expect(log.entries.filter((e) => e.level === 'error')).toHaveLength(1);
    window.webContents.crash();
    expect(showFailure).toHaveBeenCalledOnce();
  });

  it('the budget is a sliding window: crashes far apart keep being reloaded', () => {
    for (let i = 0; i < 6; i++) {
      window.webContents.crash();
      vi.advanceTimersByTime(5 * MINUTE);
    }
    expect(reloads()).toBe(6);
    expect(showFailure).not.toHaveBeenCalled();
  });

  it('a closed window is neither reloaded nor killed', () => {
    window.hang();
    window.destroy();
    vi.advanceTimersByTime(60_000);
    window.webContents.crash();
    expect(window.webContents.calls).toEqual([]);
  });
});
