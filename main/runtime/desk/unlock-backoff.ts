import { backoffDelay } from '../../../common/backoff';

/** How wrong PINs slow the next attempt: a few free tries, then doubling waits up to a ceiling. */
export interface BackoffPolicy {
  freeAttempts: number;
  baseMs: number;
  maxMs: number;
}

/** Three free tries, then 5 s, 10 s, 20 s … up to 5 minutes. */
export const UNLOCK_BACKOFF: BackoffPolicy = { freeAttempts: 3, baseMs: 5_000, maxMs: 300_000 };

/** How long to wait after the `failures`-th wrong PIN in a row. */
export function backoffAfter(failures: number, policy: BackoffPolicy = UNLOCK_BACKOFF): number {
  if (failures < policy.freeAttempts) return 0;
  return backoffDelay(failures - policy.freeAttempts, {
    initialDelayMs: policy.baseMs,
    maxDelayMs: policy.maxMs,
  });
}

/** Counts wrong PINs and says when the next attempt is allowed; a right PIN resets it. */
export class UnlockThrottle {
  #failures = 0;
  #notBefore = 0;

  constructor(
    private readonly policy: BackoffPolicy = UNLOCK_BACKOFF,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until an attempt is allowed (0: now). */
  waitMs(): number {
    return Math.max(0, this.#notBefore - this.now());
  }

  /** Records a wrong PIN; returns the wait before the next attempt. */
  failed(): number {
    this.#failures++;
    const wait = backoffAfter(this.#failures, this.policy);
    this.#notBefore = this.now() + wait;
    return wait;
  }

  /** Records a right PIN. */
  succeeded(): void {
    this.#failures = 0;
    this.#notBefore = 0;
  }
}
