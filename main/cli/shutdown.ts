// `vigil serve`'s stop signals: the first SIGTERM/SIGINT starts the orderly stop (runtime's Teardown); a second
// signal, or a shutdown that hangs, ends the process at once (Janus is SIGKILLed by its exit hook).

/** The signals that stop the station. */
export const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** Exit code when a second signal (or the deadline) cuts the shutdown short. */
export const EXIT_FORCED = 130;

/** Repeats within this window are echoes, not a user asking again (see stopSignals). */
export const SIGNAL_ECHO_MS = 500;

/** A stop-signal handler and the first signal it saw. */
export interface StopSignals {
  /** Resolves with the first stop signal. */
  readonly first: Promise<NodeJS.Signals>;
  /** Handles one signal (installed on the process by `firstStopSignal`). */
  readonly onSignal: (signal: NodeJS.Signals) => void;
}

/**
 * The first stop signal resolves `first`; a later one calls `force` (which should exit at once), and so does
 * the deadline, counted from the first signal. conf's `when-exit` (through `atomically`) re-raises the first
 * SIGTERM/SIGINT it sees on the process itself, so a repeat within SIGNAL_ECHO_MS is ignored.
 */
export function stopSignals(
  force: (why: string) => void,
  deadlineMs: number,
  now: () => number = Date.now,
): StopSignals {
  let received: { signal: NodeJS.Signals; at: number } | undefined;
  let resolveFirst: (signal: NodeJS.Signals) => void = () => undefined;
  const first = new Promise<NodeJS.Signals>((resolve) => {
    resolveFirst = resolve;
  });
  return {
    first,
    onSignal: (signal) => {
      if (received !== undefined) {
        if (signal === received.signal && now() - received.at < SIGNAL_ECHO_MS) return;
        force(`${signal} again: stopping now`);
        return;
      }
      received = { signal, at: now() };
      setTimeout(() => {
        force(`shutdown took longer than ${deadlineMs / 1000} s: stopping now`);
      }, deadlineMs).unref();
      resolveFirst(signal);
    },
  };
}

/** Installs {@link stopSignals} on SIGTERM and SIGINT; resolves with the first. */
export function firstStopSignal(force: (why: string) => void, deadlineMs: number): Promise<NodeJS.Signals> {
  const signals = stopSignals(force, deadlineMs);
  for (const signal of STOP_SIGNALS) process.on(signal, signals.onSignal);
  return signals.first;
}
