/** The default re-watch backoff: 500 ms doubling to 10 s. */
export const DEFAULT_BACKOFF = { initialMs: 500, maxMs: 10_000 };

/** The delay before re-watch attempt `attempt` (1-based): `initialMs · 2^(attempt-1)`, capped at `maxMs`. */
export function backoffDelay(attempt: number, backoff: { initialMs: number; maxMs: number }): number {
  const exponent = Math.max(0, attempt - 1);
  // 2^31 overflows nothing in a double, and any larger exponent is past every sensible cap anyway.
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(exponent, 31));
}
