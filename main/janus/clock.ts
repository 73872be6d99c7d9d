/** Timers and randomness the client uses, injectable so tests can drive them. */
export interface Clock {
  /** Runs `fn` once after `ms`; returns a function that cancels it. */
  readonly setTimeout: (fn: () => void, ms: number) => () => void;
  /** A number in [0, 1), used for backoff jitter. */
  readonly random: () => number;
}

/** The real clock: global timers (looked up on every call, so vitest fake timers apply) and Math.random. */
export const systemClock: Clock = {
  setTimeout: (fn, ms) => {
    const timer = globalThis.setTimeout(fn, ms);
    return () => {
      globalThis.clearTimeout(timer);
    };
  },
  random: () => Math.random(),
};

/** Resolves after `ms` on `clock`, or early (without error) when `signal` aborts. */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve();
      return;
    }
    const onAbort = (): void => {
      cancel();
      resolve();
    };
    const cancel = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
