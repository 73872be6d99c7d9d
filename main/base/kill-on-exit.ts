/** Child PIDs to SIGKILL if this process exits without stopping them (a crash, an uncaught error). */
const pids = new Set<number>();
let hooked = false;

/**
 * Makes sure the child `pid` dies with this process (a synchronous `exit` hook: the only kind that runs on
 * every exit); returns the function to call once the child has ended by itself.
 */
export function killOnExit(pid: number): () => void {
  if (!hooked) {
    hooked = true;
    process.on('exit', () => {
      for (const child of pids) {
        try {
          process.kill(child, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    });
  }
  pids.add(pid);
  return () => {
    pids.delete(pid);
  };
}
