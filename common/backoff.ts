// Retry pacing, once for all of Vigil: the Janus client's reconnects and long polls, the station's mountpoint
// retries, the gateway's restarts (and, in browsers, the player's re-watches). Pure and browser-safe.

/** How retries are paced: delays grow by `factor` from `initialDelayMs` up to `maxDelayMs`. */
export interface BackoffPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  /** Growth per attempt; default 2. */
  factor?: number;
  /** Fraction of each delay that jitter may take off (0–1), so many clients do not retry in step; default 0. */
  jitter?: number;
}

/** Past this many doublings every sensible cap is reached; stops `factor ** attempt` from overflowing. */
const MAX_EXPONENT = 64;

/**
 * The delay before retry `attempt` (0 for the first retry): `initialDelayMs · factor^attempt`, capped at
 * `maxDelayMs`, minus up to `jitter` of it (`random` gives a number in [0, 1)).
 * @example
 * backoffDelay(3, { initialDelayMs: 250, maxDelayMs: 10_000 }); // 2_000
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = () => 0): number {
  const exponent = Math.min(Math.max(0, attempt), MAX_EXPONENT);
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * (policy.factor ?? 2) ** exponent);
  return base - Math.floor(base * (policy.jitter ?? 0) * random());
}

/** A policy plus how many attempts it allows. */
export interface BackoffOptions extends Partial<BackoffPolicy> {
  /** Attempts before giving up; default unlimited. */
  maxAttempts?: number;
}

/** Defaults: 250 ms doubling to 10 s, up to half of each delay off as jitter, forever. */
const DEFAULT_BACKOFF: Required<BackoffOptions> = {
  initialDelayMs: 250,
  maxDelayMs: 10_000,
  factor: 2,
  jitter: 0.5,
  maxAttempts: Number.POSITIVE_INFINITY,
};

/**
 * Counts attempts against a policy: `next()` gives the delay before the next attempt.
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
    const delay = backoffDelay(this.#attempt, this.#options, this.#random);
    this.#attempt += 1;
    return delay;
  }

  /** Starts over after a success. */
  reset(): void {
    this.#attempt = 0;
  }
}
