/** Time, timers and randomness, injectable so tests can drive them (the Janus client and the station use it). */
export interface Clock {
  /** Runs `fn` once after `ms`; returns a function that cancels it. */
  readonly setTimeout: (fn: () => void, ms: number) => () => void;
  /** A number in [0, 1), used for backoff jitter. */
  readonly random: () => number;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
}

/** Global timers (looked up on every call, so vitest fake timers apply), unref'd when `background`. */
function globalTimers(background: boolean): Clock['setTimeout'] {
  return (fn, ms) => {
    const timer = globalThis.setTimeout(fn, ms);
    if (background) timer.unref();
    return () => {
      globalThis.clearTimeout(timer);
    };
  };
}

/** The real clock: global timers, Date.now and Math.random. */
export const systemClock: Clock = {
  setTimeout: globalTimers(false),
  random: () => Math.random(),
  now: () => Date.now(),
};

/** The real clock for a long-lived service's housekeeping: its timers never keep the process alive. */
export const backgroundClock: Clock = { ...systemClock, setTimeout: globalTimers(true) };

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
