// Why a station could not start, said for its user. Both hosts map it: `vigil serve` to an exit code and a line
// on stderr, the desktop app to a dialog. Other typed errors (VIGIL_ERR_*, JANUS_ERR_*) speak to the user too.

/** Settings that contradict each other (one would be ignored silently), or one setting that cannot work. */
export type StartupProblem = 'contradictory-settings' | 'unusable-setting';

/** A start that failed for a reason the user can fix; the message says what to change. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
  /** Stable machine-readable code. */
  readonly code = 'VIGIL_ERR_STARTUP';

  constructor(
    message: string,
    /** Which kind of problem (the CLI answers contradictions like bad usage). */
    readonly problem: StartupProblem,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
