import { afterEach, describe, expect, it, vi } from 'vitest';

import { SIGNAL_ECHO_MS, stopSignals } from '../../../main/cli/shutdown';

describe('stopSignals', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves with the first signal and ignores its immediate echo', async () => {
    let now = 1_000;
    const force = vi.fn();
    const signals = stopSignals(force, 20_000, () => now);
    signals.onSignal('SIGTERM');
    now += 3;
    signals.onSignal('SIGTERM');
    expect(await signals.first).toBe('SIGTERM');
    expect(force).not.toHaveBeenCalled();
  });

  it('forces on a second signal after the echo window, or on another signal', () => {
    let now = 1_000;
    const force = vi.fn();
    const signals = stopSignals(force, 20_000, () => now);
    signals.onSignal('SIGINT');
    signals.onSignal('SIGTERM');
    expect(force).toHaveBeenLastCalledWith('SIGTERM again: stopping now');
    now += SIGNAL_ECHO_MS;
    signals.onSignal('SIGINT');
    expect(force).toHaveBeenCalledTimes(2);
  });

  it('forces when the shutdown outlives the deadline', () => {
    vi.useFakeTimers();
    const force = vi.fn();
    stopSignals(force, 20_000).onSignal('SIGTERM');
    vi.advanceTimersByTime(19_999);
    expect(force).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(force).toHaveBeenCalledWith('shutdown took longer than 20 s: stopping now');
  });
});
