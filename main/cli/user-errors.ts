// Which errors speak to the user: Vigil's typed errors (codes VIGIL_ERR_*, JANUS_ERR_*) carry messages
// written to be read and acted on; anything else is a bug, reported without its stack.
import { CliError, EXIT_FAILURE, EXIT_USAGE, UsageError } from './cli-error';
import { helpText } from './commands-spec';
import type { Output } from './output';

/** The error's message if it was written for users, else undefined. */
export function userMessage(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error instanceof CliError || error instanceof UsageError) return error.message;
  const code = 'code' in error ? error.code : undefined;
  return typeof code === 'string' && /^(VIGIL|JANUS)_ERR_/.test(code) ? error.message : undefined;
}

/** Writes an error for the user (usage errors add the command's help) and returns the exit code. */
export function reportError(error: unknown, out: Output, detailsHint?: string): number {
  if (error instanceof UsageError) {
    out.stderr(`vigil: ${error.message}\n\n${helpText(error.topic)}`);
    return EXIT_USAGE;
  }
  const message = userMessage(error);
  if (message !== undefined) {
    out.stderr(`vigil: ${message}\n`);
  } else {
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    out.stderr(`vigil: unexpected error (${what}).${detailsHint === undefined ? '' : ` ${detailsHint}`}\n`);
  }
  return EXIT_FAILURE;
}
