// A door connection's idle timer: armed while the connection holds no Janus session, so a connection that never
// creates one (or let all of its sessions end) is closed after the idle time.
import type { Clock } from '../janus/clock';

/** Calls `idle` once the connection has been idle for `ms`; `update` arms or disarms it. */
export class IdleTimer {
  readonly #clock: Clock;
  readonly #ms: number;
  readonly #idle: () => void;
  #cancel: (() => void) | undefined;

  constructor(clock: Clock, ms: number, idle: () => void) {
    this.#clock = clock;
    this.#ms = ms;
    this.#idle = idle;
    this.update(false);
  }

  /** Disarms the timer while `busy`, arms it (if not armed yet) otherwise. */
  update(busy: boolean): void {
    if (busy) {
      this.stop();
    } else {
      this.#cancel ??= this.#clock.setTimeout(() => {
        this.#cancel = undefined;
        this.#idle();
      }, this.#ms);
    }
  }

  /** Disarms the timer. */
  stop(): void {
    this.#cancel?.();
    this.#cancel = undefined;
  }
}
