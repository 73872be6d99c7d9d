/** Anything that settles and says how: a Promise, or a thenable such as a Fastify reply. */
export interface Settling {
  then(onDone: () => void, onFailed: (error: Error) => void): unknown;
}

/**
 * Runs `task` on purpose without awaiting it, handing a failure to `onError` instead of letting it float.
 * The one fire-and-forget in Vigil: lint refuses `void promise` and unhandled promises everywhere else.
 */
export function runInBackground(task: Settling, onError: (error: unknown) => void): void {
  task.then(() => undefined, onError);
}

/** A failure as one line for a person. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
