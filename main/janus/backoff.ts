/** Retry pacing: delays double from `initialDelayMs` up to `maxDelayMs`, for `maxAttempts` attempts. */
export interface BackoffOptions {
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Attempts before giving up; default unlimited. */
  maxAttempts?: number;
}

/** Defaults: 250 ms doubling to 10 s, forever. */
export const DEFAULT_BACKOFF: Required<BackoffOptions> = {
  initialDelayMs: 250,
  maxDelayMs: 10_000,
  maxAttempts: Number.POSITIVE_INFINITY,
};

/** Fraction of each delay that jitter may take off, so many clients do not retry in step. */
const JITTER = 0.5;

/**
 * Capped exponential backoff with jitter: `next()` gives the delay before the next attempt.
 * @example
 * const backoff = new Backoff({ initialDelayMs: 250, maxDelayMs: 10_000 }, Math.random);
 * const delay = backoff.next(); // 125–250 ms, then 250–500 ms… undefined once maxAttempts are used
 */
export class Backoff {
  readonly #options: Required<BackoffOptions>;
  readonly #random: () => number;
  #attempt = 0;

  constructor(options: BackoffOptions, random: () => number) {
    this.#options = { ...DEFAULT_BACKOFF, ...options };
    this.#random = random;
  }

  /** Attempts handed out since the last reset. */
  get attempts(): number {
    return this.#attempt;
  }

  /** Delay before the next attempt, or undefined when no attempt is left. */
  next(): number | undefined {
    if (this.#attempt >= this.#options.maxAttempts) return undefined;
    const base = Math.min(this.#options.maxDelayMs, this.#options.initialDelayMs * 2 ** this.#attempt);
    this.#attempt += 1;
    return base - Math.floor(base * JITTER * this.#random());
  }

  /** Starts over after a success. */
  reset(): void {
    this.#attempt = 0;
  }
}
