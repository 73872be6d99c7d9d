// A delivery after one attempt, as a pure function: delivered on a 2xx; otherwise pending with the next attempt
// on the backoff, or failed once its retry window has run out.
import { backoffDelay, type BackoffPolicy } from '../../common/backoff';
import type { WebhookDelivery } from '../../common/webhooks';
import type { AttemptResult } from './post';

/** How deliveries are retried: the backoff between attempts and how long a delivery is tried at all. */
export interface RetryPolicy extends BackoffPolicy {
  windowMs: number;
}

/** Default: 1 s doubling to 1 min between attempts, for up to 6 hours. */
export const DEFAULT_RETRY: RetryPolicy = {
  initialDelayMs: 1000,
  maxDelayMs: 60_000,
  windowMs: 6 * 3_600_000,
};

/** The delivery after an attempt ending at `now`, and the delay before the next attempt when there is one. */
export function afterAttempt(
  delivery: WebhookDelivery,
  result: AttemptResult,
  now: Date,
  retry: RetryPolicy,
  random: () => number = () => 0,
): { next: WebhookDelivery; retryInMs?: number } {
  const { next_attempt_at: _next, error: _error, status: _status, ...base } = delivery;
  const tried = {
    ...base,
    attempts: delivery.attempts + 1,
    last_attempt_at: now.toISOString(),
    ...(result.status === undefined ? {} : { status: result.status }),
  };
  if (result.ok) return { next: { ...tried, state: 'delivered' } };
  if (now.getTime() - Date.parse(delivery.created_at) >= retry.windowMs) {
    return { next: { ...tried, state: 'failed', error: result.error } };
  }
  const delay = backoffDelay(delivery.attempts, retry, random);
  const at = new Date(now.getTime() + delay).toISOString();
  return { next: { ...tried, state: 'pending', error: result.error, next_attempt_at: at }, retryInMs: delay };
}
