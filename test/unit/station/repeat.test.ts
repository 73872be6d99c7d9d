import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { systemClock } from '../../../main/janus/clock';
import { repeat } from '../../../main/station/repeat';

describe('repeat', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs every interval, skips ticks while a run is still going, reports failures, and stops', async () => {
    const starts: number[] = [];
    const errors: unknown[] = [];
    let finish: () => void = () => undefined;
    const start = Date.now();
    const stop = repeat(
      systemClock,
      100,
      () => {
        starts.push(Date.now() - start);
        if (starts.length === 1) return new Promise<void>((resolve) => (finish = resolve));
        return Promise.reject(new Error(`run ${starts.length}`));
      },
      (error) => errors.push(error),
    );
    await vi.advanceTimersByTimeAsync(350);
    expect(starts).toEqual([100]);
    finish();
    await vi.advanceTimersByTimeAsync(100);
    expect(starts).toEqual([100, 400]);
    expect(errors).toEqual([new Error('run 2')]);
    stop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(starts).toHaveLength(2);
  });
});
