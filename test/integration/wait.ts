// Waiting for real parts to settle, on vitest's own vi.waitFor (no hand-written polling loops).
import { vi } from 'vitest';

/** Waits until `check` gives a value (not undefined), retrying also when it throws, for up to `timeoutMs`. */
export function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 10_000,
  intervalMs = 100,
): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await check();
      if (value === undefined) throw new Error(`condition not met within ${timeoutMs} ms`);
      return value;
    },
    { timeout: timeoutMs, interval: intervalMs },
  );
}

/** Waits until `probe`'s value passes `check`; after `timeoutMs` gives the last value (the test then says why). */
export async function until<T>(
  probe: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 20_000,
  intervalMs = 200,
): Promise<T> {
  let last: T | undefined;
  const passed = await vi
    .waitFor(
      async () => {
        last = await probe();
        if (!check(last)) throw new Error('not yet');
        return last;
      },
      { timeout: timeoutMs, interval: intervalMs },
    )
    .catch(() => undefined);
  return passed ?? (last as T);
}
