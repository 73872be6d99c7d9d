/** Sends SIGTERM, then SIGKILL if the process has not ended after `graceMs`; resolves with how it ended. */
export async function stopWithGrace<T>(
  kill: (signal: NodeJS.Signals) => void,
  exited: Promise<T>,
  graceMs: number,
): Promise<T> {
  kill('SIGTERM');
  const timer = setTimeout(() => {
    kill('SIGKILL');
  }, graceMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}
