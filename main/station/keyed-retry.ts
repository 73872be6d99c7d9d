import { backoffDelay, type BackoffPolicy } from '../../common/backoff';
import type { Clock } from '../janus';

/**
 * Retries per key (e.g. per camera) on a backoff: `failed` schedules the next try after a delay that grows
 * with each failure in a row, `succeeded` forgets the key. One try at a time is pending per key.
 */
export class KeyedRetry {
  readonly #policy: BackoffPolicy;
  readonly #clock: Clock;
  readonly #keys = new Map<string, { failures: number; cancel: () => void }>();
  #stopped = false;

  constructor(policy: BackoffPolicy, clock: Clock) {
    this.#policy = policy;
    this.#clock = clock;
  }

  /** Schedules `retry` for `key` after the next delay; returns that delay (undefined once stopped). */
  failed(key: string, retry: () => void): number | undefined {
    if (this.#stopped) return undefined;
    const previous = this.#keys.get(key);
    previous?.cancel();
    const failures = (previous?.failures ?? 0) + 1;
    const delayMs = backoffDelay(failures - 1, this.#policy, () => this.#clock.random());
    const cancel = this.#clock.setTimeout(retry, delayMs);
    this.#keys.set(key, { failures, cancel });
    return delayMs;
  }

  /** The key worked (or no longer matters): cancels its pending try and starts its delays over. */
  succeeded(key: string): void {
    this.#keys.get(key)?.cancel();
    this.#keys.delete(key);
  }

  /** Cancels every pending try; later failures schedule nothing. */
  stop(): void {
    this.#stopped = true;
    for (const key of [...this.#keys.keys()]) this.succeeded(key);
  }
}
