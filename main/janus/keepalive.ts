import type { Clock } from './clock';

/** What a Keepalive needs. */
export interface KeepaliveOptions {
  intervalMs: number;
  clock: Clock;
  /** Sends one keepalive; resolves on Janus's ack. */
  send: () => Promise<void>;
  /** Called when a keepalive fails; the cadence goes on until `stop()`. */
  onError: (error: unknown) => void;
}

/**
 * Sends a keepalive every `intervalMs` (measured from the previous answer) until stopped.
 * @example
 * const keepalive = new Keepalive({ intervalMs: 25_000, clock, send: () => session.ping(), onError });
 * keepalive.start();
 */
export class Keepalive {
  readonly #options: KeepaliveOptions;
  #cancel: (() => void) | undefined;
  #running = false;

  constructor(options: KeepaliveOptions) {
    this.#options = options;
  }

  /** Starts the cadence (no-op when running). */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#schedule();
  }

  /** Stops the cadence; a keepalive in flight is not reported. */
  stop(): void {
    this.#running = false;
    this.#cancel?.();
    this.#cancel = undefined;
  }

  #schedule(): void {
    this.#cancel = this.#options.clock.setTimeout(() => {
      this.#cancel = undefined;
      this.#tick();
    }, this.#options.intervalMs);
  }

  #tick(): void {
    this.#options.send().then(
      () => {
        this.#resume();
      },
      (error: unknown) => {
        if (!this.#running) return;
        this.#options.onError(error);
        this.#resume();
      },
    );
  }

  /** Schedules the next keepalive unless stopped meanwhile (onError may stop the cadence). */
  #resume(): void {
    if (this.#running) this.#schedule();
  }
}
