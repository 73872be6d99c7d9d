import type { Clock } from '../janus';

/**
 * Runs `task` every `ms` on `clock` without ever overlapping itself (a slow run makes the next tick skip); a
 * failure goes to `onError`. Returns the stop function.
 */
export function repeat(
  clock: Clock,
  ms: number,
  task: () => Promise<void>,
  onError: (error: unknown) => void,
): () => void {
  let running = false;
  let cancel = clock.setTimeout(tick, ms);
  function tick(): void {
    cancel = clock.setTimeout(tick, ms);
    if (running) return;
    running = true;
    task()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }
  return () => {
    cancel();
  };
}
