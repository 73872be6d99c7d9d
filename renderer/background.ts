/** Runs a task nobody awaits (event handlers, effects) and hands its failure to `onError` instead of dropping it. */
export function runInBackground(task: Promise<unknown>, onError: (error: unknown) => void): void {
  task.catch(onError);
}

/** A failure as one line for the operator. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
