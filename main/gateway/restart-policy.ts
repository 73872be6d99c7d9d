// When a supervised Janus dies: restart it after a capped exponential delay, or give up on a crash loop.
// Pure: the supervisor (native-janus.ts) feeds in how long the process ran and keeps the returned count.
import { backoffDelay } from '../../common/backoff';

/** How the supervisor paces restarts and when it gives up. */
export interface RestartPolicy {
  /** Delay before restarting after the first fast failure (a crash after a stable run restarts at once). */
  initialDelayMs: number;
  /** The delay doubles per further fast failure in a row, up to this. */
  maxDelayMs: number;
  /** A run at least this long was stable: the count of fast failures starts over. */
  stableAfterMs: number;
  /** Give up at this many fast failures in a row (failed restart attempts count as fast failures). */
  maxFastFailures: number;
}

/**
 * Defaults: at once after a stable run (viewers are waiting), then 250 ms doubling to 8 s per fast failure, give up
 * at the 6th failure within 30 s of each start.
 */
export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 250,
  maxDelayMs: 8_000,
  stableAfterMs: 30_000,
  maxFastFailures: 6,
};

/** What to do after Janus ended: restart after `delayMs`, or give up (with the reason in words). */
export type RestartDecision =
  | { action: 'restart'; delayMs: number; fastFailures: number }
  | { action: 'give-up'; reason: string; fastFailures: number };

/** Decides after a failure, given the fast failures in a row before it and how long this run lasted. */
export function planRestart(
  fastFailuresBefore: number,
  uptimeMs: number,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): RestartDecision {
  const fastFailures = uptimeMs >= policy.stableAfterMs ? 0 : fastFailuresBefore + 1;
  if (fastFailures >= policy.maxFastFailures) {
    const window = Math.round(policy.stableAfterMs / 1000);
    return {
      action: 'give-up',
      fastFailures,
      reason: `Janus failed ${fastFailures} times in a row, each within ${window} s of starting: giving up`,
    };
  }
  const delayMs = fastFailures === 0 ? 0 : backoffDelay(fastFailures - 1, policy);
  return { action: 'restart', delayMs, fastFailures };
}
