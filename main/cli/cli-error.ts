/** Exit code for bad usage (unknown flag, missing or malformed value), as most Unix tools use. */
export const EXIT_USAGE = 2;
/** Exit code for a failure the user can act on (damaged store, missing Janus, port taken…). */
export const EXIT_FAILURE = 1;

/** A command line the CLI cannot run: the message names the flag and says what to do; exits 2 with usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    message: string,
    /** The help topic to print after the message (`serve`, `keys create`…). */
    readonly topic: string,
  ) {
    super(message);
  }
}

/** A failure whose message is written for the user (no stack trace); exits 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
