/**
 * Runs `task` every `ms` without ever overlapping itself (a slow run makes the next tick skip); a failure
 * goes to `onError`. Returns the stop function. The timer does not keep the process alive.
 */
export function repeat(ms: number, task: () => Promise<void>, onError: (error: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, ms);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
