import type { Backoff } from '../../common/backoff';
import type { Clock } from './clock';
import { JanusClosedError, JanusTransportError } from './errors';

/** What a Reconnector needs. */
export interface ReconnectorOptions {
  backoff: Backoff;
  clock: Clock;
  /** One reconnection attempt; resolves when the link is back. */
  attempt: () => Promise<void>;
  /** Called after each failed attempt (1-based) with the delay before the next one (undefined: none left). */
  onAttemptFailed: (error: unknown, attempt: number, retryInMs: number | undefined) => void;
  /** Called once the backoff has no attempt left. */
  onGiveUp: (lastError: unknown) => void;
}

/**
 * Retries `attempt` on a backoff schedule until it succeeds, the backoff runs out, or `stop()`.
 * @example
 * const reconnector = new Reconnector({ backoff, clock, attempt: () => socket.open(), onAttemptFailed, onGiveUp });
 * reconnector.start();
 */
export class Reconnector {
  readonly #options: ReconnectorOptions;
  #cancel: (() => void) | undefined;
  #running = false;
  #attempts = 0;
  #lastError: unknown;

  constructor(options: ReconnectorOptions) {
    this.#options = options;
  }

  /** True between `start()` and success, give-up or `stop()`. */
  get running(): boolean {
    return this.#running;
  }

  /** Starts the retry loop, the first attempt after the first delay or `immediately` (no-op when running). */
  start({ immediately = false }: { immediately?: boolean } = {}): void {
    if (this.#running) return;
    this.#running = true;
    this.#attempts = 0;
    this.#options.backoff.reset();
    if (immediately) this.#run();
    else this.#schedule(this.#options.backoff.next());
  }

  /** Makes the next attempt now rather than when it is due (no-op unless one is waiting for its time). */
  retryNow(): void {
    if (!this.#running || this.#cancel === undefined) return;
    this.#cancel();
    this.#cancel = undefined;
    this.#run();
  }

  /** Stops retrying; an attempt in flight is left to finish but its outcome is ignored. */
  stop(): void {
    this.#running = false;
    this.#cancel?.();
    this.#cancel = undefined;
  }

  #schedule(delay: number | undefined): void {
    if (delay === undefined) {
      this.#running = false;
      this.#options.onGiveUp(this.#lastError);
      return;
    }
    this.#cancel = this.#options.clock.setTimeout(() => {
      this.#cancel = undefined;
      this.#run();
    }, delay);
  }

  #run(): void {
    const attempt = (this.#attempts += 1);
    this.#options.attempt().then(
      () => {
        if (!this.#running) return;
        this.#running = false;
        this.#options.backoff.reset();
      },
      (error: unknown) => {
        if (!this.#running) return;
        this.#lastError = error;
        const delay = this.#options.backoff.next();
        this.#options.onAttemptFailed(error, attempt, delay);
        this.#schedule(delay);
      },
    );
  }
}

/** What {@link retryUntilDone} needs: the schedule, and where failed attempts are told. */
export interface RetryOptions {
  backoff: Backoff;
  clock: Clock;
  /** Stops retrying: the promise rejects with JanusClosedError. */
  signal?: AbortSignal | undefined;
  onAttemptFailed: ReconnectorOptions['onAttemptFailed'];
}

/**
 * Runs `attempt` at once and, while it fails, again on the backoff's schedule (a {@link Reconnector}):
 * resolves on success; rejects with the last error once the backoff runs out, or when `signal` aborts.
 * @example
 * await retryUntilDone(() => transport.open(sink), { backoff, clock, signal, onAttemptFailed });
 */
export function retryUntilDone(attempt: () => Promise<void>, options: RetryOptions): Promise<void> {
  const { signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(new JanusClosedError('Stopped before reaching Janus'));
      return;
    }
    const onAbort = (): void => {
      reconnector.stop();
      reject(new JanusClosedError('Stopped before reaching Janus'));
    };
    const reconnector = new Reconnector({
      backoff: options.backoff,
      clock: options.clock,
      attempt: async () => {
        await attempt();
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      onAttemptFailed: options.onAttemptFailed,
      onGiveUp: (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new JanusTransportError('Janus could not be reached'));
      },
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    reconnector.start({ immediately: true });
  });
}
