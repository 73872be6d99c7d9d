// Which errors speak to the user: Vigil's typed errors (codes VIGIL_ERR_*, JANUS_ERR_*, the runtime's
// StartupError among them) carry messages written to be read and acted on; anything else is a bug, reported
// without its stack. Contradictory settings are answered like bad usage: exit 2 and the command's help.
import { StartupError } from '../runtime/errors';
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

/** Where an error was raised: the command's help topic, and where the details are (the log file). */
export interface ErrorContext {
  topic?: string | undefined;
  detailsHint?: string | undefined;
}

/** Writes an error for the user (usage errors add the command's help) and returns the exit code. */
export function reportError(error: unknown, out: Output, context: ErrorContext = {}): number {
  const usage = usageOf(error, context.topic);
  if (usage !== undefined) {
    out.stderr(`vigil: ${usage.message}\n\n${helpText(usage.topic)}`);
    return EXIT_USAGE;
  }
  const message = userMessage(error);
  if (message !== undefined) {
    out.stderr(`vigil: ${message}\n`);
  } else {
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const hint = context.detailsHint === undefined ? '' : ` ${context.detailsHint}`;
    out.stderr(`vigil: unexpected error (${what}).${hint}\n`);
  }
  return EXIT_FAILURE;
}

/** The message and the help topic to show when `error` is a usage problem, else undefined. */
function usageOf(error: unknown, topic: string | undefined): { message: string; topic: string } | undefined {
  if (error instanceof UsageError) return { message: error.message, topic: error.topic };
  if (error instanceof StartupError && error.problem === 'contradictory-settings') {
    return { message: error.message, topic: topic ?? '' };
  }
  return undefined;
}
