import { parseCommand } from '../../../main/cli/args';
import { UsageError } from '../../../main/cli/cli-error';

/** The UsageError message `vigil argv…` is refused with (fails the test when it is accepted). */
export function usageMessage(argv: string[]): string {
  try {
    parseCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`expected a UsageError for ${argv.join(' ')}`);
}
