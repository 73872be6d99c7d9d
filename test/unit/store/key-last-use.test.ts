import { describe, expect, it, vi } from 'vitest';

import {
  LAST_USE_RESOLUTION_MS,
  LAST_USE_RETRY_MS,
  LAST_USE_WRITE_DELAY_MS,
  LastUseRecorder,
} from '../../../main/store/key-last-use';

/** A recorder on a fake clock and fake timers; `writes` is what reached the store. */
function recorder(failWrites = () => false) {
  let now = Date.parse('2030-01-01T00:00:00Z');
  const timers: { task: () => void; at: number }[] = [];
  const writes: Record<string, string>[] = [];
  const failed = vi.fn();
  const recording = new LastUseRecorder({
    write: (uses) => {
      if (failWrites()) throw new Error('EROFS: read-only file system');
      writes.push(Object.fromEntries(uses));
    },
    onWriteFailed: failed,
    now: () => now,
    schedule: (task, ms) => {
      const timer = { task, at: now + ms };
      timers.push(timer);
      return () => {
        timers.splice(timers.indexOf(timer), 1);
      };
    },
  });
  const advance = (ms: number): void => {
    now += ms;
    for (const timer of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.task();
    }
  };
  return { recording, writes, failed, advance, timers, iso: () => new Date(now).toISOString() };
}

describe('LastUseRecorder', () => {
  it('gathers uses and writes them later in one write, never while a key is being checked', () => {
    const { recording, writes, advance, iso } = recorder();
    const at = iso();
    recording.used('key_a', undefined);
    recording.used('key_b', undefined);
    expect(writes).toEqual([]);
    advance(LAST_USE_WRITE_DELAY_MS);
    expect(writes).toEqual([{ key_a: at, key_b: at }]);
  });

  it('notes a use only when the stored one is a minute old or more', () => {
    const { recording, writes, advance, iso } = recorder();
    recording.used('key_a', iso());
    advance(LAST_USE_WRITE_DELAY_MS);
    expect(writes).toEqual([]);
    const minuteAgo = new Date(Date.parse(iso()) - LAST_USE_RESOLUTION_MS).toISOString();
    recording.used('key_a', minuteAgo);
    advance(LAST_USE_WRITE_DELAY_MS);
    expect(writes).toHaveLength(1);
  });

  it('keeps the uses when the disk refuses, reports that once, and retries much later', () => {
    let refusing = true;
    const { recording, writes, failed, advance } = recorder(() => refusing);
    recording.used('key_a', undefined);
    advance(LAST_USE_WRITE_DELAY_MS);
    expect(failed).toHaveBeenCalledOnce();
    advance(LAST_USE_RETRY_MS - 1);
    recording.used('key_b', undefined);
    advance(1);
    expect(failed).toHaveBeenCalledOnce();
    refusing = false;
    advance(LAST_USE_RETRY_MS);
    expect(writes).toHaveLength(1);
    expect(Object.keys(writes[0] ?? {})).toEqual(['key_a', 'key_b']);
    refusing = true;
    recording.used('key_c', undefined);
    advance(LAST_USE_WRITE_DELAY_MS);
    expect(failed).toHaveBeenCalledTimes(2);
  });

  it('has no timer running while nothing waits to be written', () => {
    const { recording, advance, timers } = recorder();
    expect(timers).toHaveLength(0);
    recording.used('key_a', undefined);
    recording.used('key_b', undefined);
    expect(timers).toHaveLength(1);
    advance(LAST_USE_WRITE_DELAY_MS);
    expect(timers).toHaveLength(0);
  });
});
