import type { Backoff } from '../../common/backoff';
import type { Clock } from './clock';

/** What a Reconnector needs. */
export interface ReconnectorOptions {
  backoff: Backoff;
  clock: Clock;
  /** One reconnection attempt; resolves when the link is back. */
  attempt: () => Promise<void>;
  /** Called after each failed attempt. */
  onAttemptFailed: (error: unknown, attempt: number) => void;
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
  #lastError: unknown;

  constructor(options: ReconnectorOptions) {
    this.#options = options;
  }

  /** True between `start()` and success, give-up or `stop()`. */
  get running(): boolean {
    return this.#running;
  }

  /** Starts the retry loop (no-op when already running). */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#options.backoff.reset();
    this.#schedule();
  }

  /** Stops retrying; an attempt in flight is left to finish but its outcome is ignored. */
  stop(): void {
    this.#running = false;
    this.#cancel?.();
    this.#cancel = undefined;
  }

  #schedule(): void {
    const delay = this.#options.backoff.next();
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
    const attempt = this.#options.backoff.attempts;
    this.#options.attempt().then(
      () => {
        if (!this.#running) return;
        this.#running = false;
        this.#options.backoff.reset();
      },
      (error: unknown) => {
        if (!this.#running) return;
        this.#lastError = error;
        this.#options.onAttemptFailed(error, attempt);
        this.#schedule();
      },
    );
  }
}
